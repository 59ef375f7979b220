// The shell setup.sh is made of that never changes: shipped as .sh files beside this module, which
// shellcheck reads as they are (test/unit/setup-script.test.ts), and copied into every script. Only
// the data block and the command lists come from TypeScript (setup-script.ts).

import { readFileSync } from 'node:fs';
import { assetPath } from '../../assets.js';

export type ShellFile =
  | 'lib'
  | 'ha-repo'
  | 'cman'
  | 'firewall'
  | 'check-names'
  | 'agent'
  | 'conf-cman'
  | 'conf-corosync2'
  | 'conf-corosync3'
  | 'cluster-state'
  | 'create-cluster'
  | 'cluster-crmsh'
  | 'tool-pcs'
  | 'tool-crmsh'
  | 'bulk'
  | 'stack'
  | 'remote'
  | 'configure'
  | 'verify'
  | 'main';

const texts = new Map<ShellFile, string>();

/**
 * A shell file as it goes into setup.sh: without its leading `# shellcheck` directives (they are
 * for shellcheck reading the file alone) and without its final newline.
 */
export function shellFile(name: ShellFile): string {
  let text = texts.get(name);
  if (text === undefined) {
    const path = assetPath(import.meta.url, `emit/setup/${name}.sh`);
    if (path === undefined) throw new Error(`internal error: src/emit/setup/${name}.sh is missing`);
    const lines = readFileSync(path, 'utf8').replace(/\n$/, '').split('\n');
    text = lines.filter((l, i) => !(l.startsWith('# shellcheck ') && lines.slice(0, i).every((p) => p.startsWith('#')))).join('\n');
    texts.set(name, text);
  }
  return text;
}
