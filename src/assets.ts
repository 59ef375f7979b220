// Files hacc ships beside its code and reads as it starts: the catalogue's JSON and the setup
// script's shell library. They live under src/; compiled code runs from dist/src/… (or from a
// bundle elsewhere in the tree), so each is looked for beside the module that asks, then in the
// same place under every ancestor's src/.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The path of a shipped file, `relative` to src/ (`catalogue/agents.json`), seen from the module
 * at `moduleUrl` (its import.meta.url); undefined when it is nowhere.
 */
export function assetPath(moduleUrl: string, relative: string): string | undefined {
  const here = dirname(fileURLToPath(moduleUrl));
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  const candidates = [join(here, name)];
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) candidates.push(join(dir, 'src', relative));
  return candidates.find((c) => existsSync(c));
}
