import { Option } from 'commander';
import { defaultCatalogue, loadAgentDir, type Catalogue } from '../catalogue/catalogue.js';
import { isPlatformName, PLATFORMS, type PlatformName } from '../model/platforms.js';
import { UsageError } from './io.js';

export const targetOption = () =>
  new Option('--target <platform>', 'target platform, overriding the file').choices([...PLATFORMS]);

export const agentsOption = () => new Option('--agents <dir>', 'add or override agents from meta-data XML files in DIR');

export function targetOf(value: unknown): PlatformName | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && isPlatformName(value)) return value;
  throw new UsageError(`unknown platform '${String(value)}': expected one of ${PLATFORMS.join(', ')}`);
}

/** The shipped catalogue, plus the agents of `--agents DIR`; a bad DIR or file is a usage error. */
export async function catalogueFor(agentsDir: unknown): Promise<Catalogue> {
  if (agentsDir === undefined) return defaultCatalogue();
  try {
    return defaultCatalogue().withAgents(loadAgentDir(String(agentsDir)));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
