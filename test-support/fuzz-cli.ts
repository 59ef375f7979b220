// `npm run fuzz -- [--count N] [--seed S] [--workers W] [--children C] [--disk-every D] [--save DIR]`
//
// Runs cases 0..N-1 of the seeded mutation fuzzer (fuzz.ts) in W worker threads (default: one per
// CPU), in-process through main(), building to disk every D-th case; then C cases (default 20)
// again through real `node bin/hacc.js` child processes. Prints every failure with the mutations
// that made its input (and saves the input under --save DIR), the wall time, and a last line
// `N passed, M failed`. Exit status 0 when nothing failed, 1 otherwise.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fuzz, fuzzCorpus, fuzzInput, type FuzzFailure, type FuzzOptions, type Problems } from './fuzz.js';

/** The repository root: dist/test-support/ is two levels below it. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const HACC = join(ROOT, 'bin/hacc.js');

interface Args {
  count: number;
  seed: number;
  workers: number;
  children: number;
  diskEvery: number;
  save?: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { count: 1000, seed: 1, workers: Math.max(1, availableParallelism()), children: 20, diskEvery: 100 };
  const number = (flag: string, v: string | undefined): number => {
    if (v === undefined || !/^\d+$/.test(v)) throw new Error(`${flag} takes a non-negative integer`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const v = argv[i + 1];
    switch (flag) {
      case '--count': args.count = number(flag, v); break;
      case '--seed': args.seed = number(flag, v); break;
      case '--workers': args.workers = Math.max(1, number(flag, v)); break;
      case '--children': args.children = number(flag, v); break;
      case '--disk-every': args.diskEvery = Math.max(1, number(flag, v)); break;
      case '--save': if (v === undefined) throw new Error('--save takes a directory'); args.save = v; break;
      default: throw new Error(`unknown option ${flag}`);
    }
    i++;
  }
  return args;
}

type FromWorker = { kind: 'progress'; done: number } | { kind: 'done'; passed: number; failures: FuzzFailure[] };

function runWorker(options: FuzzOptions): Promise<{ passed: number; failures: FuzzFailure[] }> {
  return new Promise((done, fail) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: options });
    worker.on('message', (m: FromWorker) => {
      if (m.kind === 'progress') progress(options.shard ?? 0, m.done);
      else done({ passed: m.passed, failures: m.failures });
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`fuzz worker exited with ${code}`));
    });
  });
}

const progressByShard = new Map<number, number>();
let lastProgress = 0;
function progress(shard: number, done: number): void {
  progressByShard.set(shard, done);
  const now = Date.now();
  if (process.stderr.isTTY && now - lastProgress > 1000) {
    lastProgress = now;
    process.stderr.write(`\r${[...progressByShard.values()].reduce((a, b) => a + b, 0)} cases…`);
  }
}

/** A case through real processes: `hacc check FILE` and `hacc build FILE -o DIR`. */
function childCase(text: string, scratch: string): Problems {
  const dir = mkdtempSync(join(scratch, 'child-'));
  const file = join(dir, 'input.ha');
  writeFileSync(file, text);
  const problems: Problems = [];
  for (const argv of [['check', file], ['build', file, '-o', join(dir, 'out')]]) {
    const run = spawnSync(process.execPath, [HACC, ...argv], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const exit = run.status;
    if (exit === null || ![0, 1, 2].includes(exit) || run.stderr.includes('internal error') || /\n\s+at /.test(run.stderr)) {
      problems.push(`child ${argv[0]}: exit ${exit ?? run.signal}: ${run.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 400)}`);
    }
    if (argv[0] === 'build' && exit !== 0 && existsSync(join(dir, 'out'))) problems.push(`child build exit ${exit} but out/ exists`);
  }
  const left = readdirSync(dir).filter((n) => n !== 'input.ha' && n !== 'out');
  if (left.length > 0) problems.push(`child build left ${left.join(', ')}`);
  rmSync(dir, { recursive: true, force: true });
  return problems;
}

function report(failures: readonly FuzzFailure[], save: string | undefined): void {
  if (save) mkdirSync(save, { recursive: true });
  for (const f of failures.slice(0, 50)) {
    const { index, base, steps, text } = f.input;
    process.stderr.write(`FAIL case ${index} (${base}, ${steps.join(' + ')}, ${text.length} chars):\n`);
    for (const p of f.problems.slice(0, 5)) process.stderr.write(`  ${p}\n`);
    if (save) writeFileSync(join(save, `case-${index}.ha`), text);
  }
  if (failures.length > 50) process.stderr.write(`… and ${failures.length - 50} more failures\n`);
}

async function mainThread(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`fuzz: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const started = performance.now();
  const scratch = mkdtempSync(join(tmpdir(), 'hacc-fuzz-'));
  try {
    const workers = Math.min(args.workers, Math.max(1, args.count));
    process.stderr.write(`fuzz: ${args.count} cases, seed ${args.seed}, ${workers} workers, ${args.children} child-process cases\n`);
    const shards = await Promise.all(
      Array.from({ length: workers }, (_, shard) =>
        runWorker({ root: ROOT, seed: args.seed, from: 0, to: args.count, shard, shards: workers, scratch: join(scratch, `w${shard}`), diskEvery: args.diskEvery }),
      ),
    );
    if (process.stderr.isTTY) process.stderr.write('\r');
    let passed = shards.reduce((n, s) => n + s.passed, 0);
    const failures = shards.flatMap((s) => s.failures).sort((a, b) => a.input.index - b.input.index);

    // A few cases again through real processes: spread over the run, the same cases every time.
    const corpus = fuzzCorpus(ROOT);
    const children = Math.min(args.children, args.count);
    for (let k = 0; k < children; k++) {
      const input = fuzzInput(corpus, args.seed, Math.floor((k * args.count) / children));
      const problems = childCase(input.text, scratch);
      if (problems.length === 0) passed++;
      else failures.push({ input, problems: problems.map((p) => `(child process) ${p}`) });
    }

    report(failures, args.save);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`wall time ${seconds.toFixed(1)} s (${args.count} in-process cases on ${workers} workers, ${children} through child processes)\n`);
    process.stdout.write(`${passed} passed, ${failures.length} failed\n`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (isMainThread) {
  process.exitCode = await mainThread();
} else {
  const options = workerData as FuzzOptions;
  const result = await fuzz({ ...options, onCase: (done) => {
      if (done % 100 === 0) parentPort!.postMessage({ kind: 'progress', done } satisfies FromWorker);
    }, });
  parentPort!.postMessage({ kind: 'done', passed: result.passed, failures: result.failures } satisfies FromWorker);
}
