// `npm run test:corpus`: Pacemaker's scheduler corpus through hacc (../shared/corpus/roundtrip.sh:
// import, build, crm_simulate, the expected transition), with plain `hacc import`. Prints the
// script's failures and its figure, then one test: the number of exact round trips is at least the
// floor in test/corpus/floor.json, which only goes up. The corpus is read where it is, never copied.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = resolve(process.env['HACC_CORPUS'] ?? join(ROOT, '..', 'shared', 'corpus'));
const SCRIPT = join(CORPUS, 'roundtrip.sh');
const FLOOR_FILE = join(ROOT, 'test', 'corpus', 'floor.json');

function verdict(ok: boolean, message: string): never {
  process.stdout.write(`${message}\n${ok ? '1 passed, 0 failed' : '0 passed, 1 failed'}\n`);
  process.exit(ok ? 0 : 1);
}

const floor = (JSON.parse(readFileSync(FLOOR_FILE, 'utf8')) as { identical: number }).identical;
if (!existsSync(SCRIPT)) verdict(false, `test:corpus: ${SCRIPT} not found (the corpus is read from ../shared/corpus, or HACC_CORPUS)`);

const child = spawn('bash', [SCRIPT, '--hacc', `node ${join(ROOT, 'bin', 'hacc.js')}`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
child.stdout.on('data', (chunk: Buffer) => {
  out += chunk.toString();
  process.stdout.write(chunk);
});
child.on('close', (code) => {
  const m = /round trip[^:]*: (\d+)\/(\d+) identical/.exec(out);
  if (code !== 0 || !m) verdict(false, `test:corpus: roundtrip.sh exited ${code} without its figure`);
  const identical = Number(m[1]);
  if (identical < floor) verdict(false, `test:corpus: ${identical} exact round trips, below the floor of ${floor} (test/corpus/floor.json)`);
  verdict(true, `test:corpus: ${identical} exact round trips of ${m[2]}, floor ${floor}${identical > floor ? `: raise the floor to ${identical} in test/corpus/floor.json` : ''}`);
});
