// `npm run test:corpus`: Pacemaker's scheduler corpus through hacc (../shared/corpus/roundtrip.sh:
// import, build, crm_simulate, the expected transition), with plain `hacc import`. Prints the
// script's failures and its figure, then one test: the number of exact round trips is at least the
// floor in test/corpus/floor.json, which only goes up. The corpus is read where it is, never copied.
// The script runs once per CPU, each on every n-th CIB (it takes names), and the figures are added up:
// one run keeps one CPU busy, for about 10 minutes.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = resolve(process.env['HACC_CORPUS'] ?? join(ROOT, '..', 'shared', 'corpus'));
const SCRIPT = join(CORPUS, 'roundtrip.sh');
const FLOOR_FILE = join(ROOT, 'test', 'corpus', 'floor.json');
// Where roundtrip.sh looks for the CIBs by default: xml/, or scheduler/, of pacemaker-2.1.5.
const CIB_DIRS = ['xml', 'scheduler'].map((d) => join(CORPUS, 'pacemaker-2.1.5', d));
const FIGURE = /^round trip[^:]*: (\d+)\/(\d+) identical \([\d.]+%\); imported (\d+), built (\d+)$/m;

function verdict(ok: boolean, message: string): never {
  process.stdout.write(`${message}\n${ok ? '1 passed, 0 failed' : '0 passed, 1 failed'}\n`);
  process.exit(ok ? 0 : 1);
}

/** One run of roundtrip.sh on these CIBs: its failure lines go through as they come; resolves to its figure line's numbers. */
function roundTrip(names: readonly string[]): Promise<number[] | string> {
  return new Promise((done) => {
    const child = spawn('bash', [SCRIPT, '--hacc', `node ${join(ROOT, 'bin', 'hacc.js')}`, ...names], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (!FIGURE.test(line)) process.stdout.write(`${line}\n`);
    });
    child.on('close', (code) => {
      const m = FIGURE.exec(out);
      done(code === 0 && m ? m.slice(1).map(Number) : `roundtrip.sh exited ${code} without its figure`);
    });
  });
}

const floor = (JSON.parse(readFileSync(FLOOR_FILE, 'utf8')) as { identical: number }).identical;
const cibDir = CIB_DIRS.find((d) => existsSync(d));
if (!existsSync(SCRIPT) || cibDir === undefined) verdict(false, `test:corpus: ${SCRIPT} or its CIBs not found (the corpus is read from ../shared/corpus, or HACC_CORPUS)`);
const names = readdirSync(cibDir).filter((f) => f.endsWith('.xml')).map((f) => f.slice(0, -'.xml'.length)).sort();
const runs = availableParallelism();
const shards = Array.from({ length: runs }, (_, k) => names.filter((_, i) => i % runs === k)).filter((shard) => shard.length > 0);
const results = await Promise.all(shards.map(roundTrip));
const failure = results.find((r) => typeof r === 'string');
if (typeof failure === 'string') verdict(false, `test:corpus: ${failure}`);
const [identical, total, imported, built] = [0, 1, 2, 3].map((k) => (results as number[][]).reduce((sum, r) => sum + r[k]!, 0)) as [number, number, number, number];
process.stdout.write(`round trip: ${identical}/${total} identical (${((100 * identical) / total).toFixed(1)}%); imported ${imported}, built ${built}\n`);
if (total !== names.length) verdict(false, `test:corpus: roundtrip.sh took ${total} of the ${names.length} CIBs`);
if (identical < floor) verdict(false, `test:corpus: ${identical} exact round trips, below the floor of ${floor} (test/corpus/floor.json)`);
verdict(true, `test:corpus: ${identical} exact round trips of ${total}, floor ${floor}${identical > floor ? `: raise the floor to ${identical} in test/corpus/floor.json` : ''}`);
