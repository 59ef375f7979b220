import { Option } from 'commander';
import { defaultCatalogue, type Catalogue } from '../catalogue/catalogue.js';
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

export async function catalogueFor(agentsDir: unknown): Promise<Catalogue> {
  if (agentsDir === undefined) return defaultCatalogue();
  const mod = await import('../catalogue/catalogue.js');
  const load = (mod as { loadAgentDir?: (dir: string) => import('../catalogue/types.js').AgentFact[] }).loadAgentDir;
  if (!load) throw new UsageError('--agents is not available in this build');
  try {
    return defaultCatalogue().withAgents(load(String(agentsDir)));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
