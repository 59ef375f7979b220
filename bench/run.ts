// `npm run bench`: whole-process timings of hacc against `node -e 0` and Pacemaker's crm_verify,
// written to bench/RESULTS.md with the machine, the versions, every target and whether it holds.
//
// Every measure spawns a fresh process (`node bin/hacc.js …`), as a user or a pre-commit hook
// does. The commands being compared run interleaved (a, b, c, a, b, c, …) after a warm-up, so a
// machine that gets busier halfway affects both sides of a ratio alike; the figure used is the
// median wall time. Peak memory is the child's maximum resident set size from `/usr/bin/time -f %M`
// when installed, else from polling VmHWM in /proc/PID/status (stated in the results).
// The inputs are generated here from a seed (bench/generate.ts); nothing generated is committed.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBenchHa, generateManyNodesHa, generateMisspeltHa, LARGE, type BenchShape } from './generate.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const HACC = join(ROOT, 'bin', 'hacc.js');
const SEED_EXAMPLE = join(ROOT, 'fixtures', 'examples', 'seed.ha');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
const GNU_TIME = '/usr/bin/time';
const SMALL: BenchShape = { groups: LARGE.groups / 10, perGroup: LARGE.perGroup };

interface Command {
  readonly label: string;
  readonly file: string;
  readonly args: readonly string[];
  /** Exit statuses that count as a successful run. */
  readonly ok: readonly number[];
  /** Added to the environment. */
  readonly env?: Readonly<Record<string, string>>;
}

interface Sample {
  readonly ms: number;
  readonly rssKb: number | undefined;
}

interface Stats {
  readonly label: string;
  readonly runs: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Median of the runs' peak resident set sizes, in KiB. */
  readonly rssKb: number | undefined;
}

const haveGnuTime = existsSync(GNU_TIME);

function which(tool: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  const path = r.stdout.trim();
  return r.status === 0 && path !== '' ? path : undefined;
}

function vmHwmKb(pid: number): number | undefined {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs one command to completion: wall time, peak RSS, and a failure if its exit status is unexpected. */
function runOnce(cmd: Command, scratch: string): Promise<Sample> {
  const timeFile = join(scratch, 'time.out');
  const [file, args] = haveGnuTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, cmd.file, ...cmd.args]] : [cmd.file, [...cmd.args]];
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    const child = spawn(file, args, { cwd: scratch, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...cmd.env } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    let polled: number | undefined;
    const poll = haveGnuTime || child.pid === undefined ? undefined : setInterval(() => (polled = vmHwmKb(child.pid!) ?? polled), 2);
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (poll) clearInterval(poll);
      // GNU time reports the child's status as its own and appends "Command exited…" to its file.
      if (code === null || !cmd.ok.includes(code)) {
        fail(new Error(`${cmd.label}: exit ${code ?? signal}\n${stderr.slice(0, 2000)}`));
        return;
      }
      const rssKb = haveGnuTime ? Number(/(\d+)\s*$/.exec(readFileSync(timeFile, 'utf8'))?.[1]) : polled;
      done({ ms, rssKb: rssKb !== undefined && Number.isFinite(rssKb) ? rssKb : undefined });
    });
  });
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Warm-up runs, then `runs` rounds of every command in turn; one Stats per command. */
async function measure(commands: readonly Command[], warmup: number, runs: number, scratch: string): Promise<Stats[]> {
  for (let i = 0; i < warmup; i++) for (const c of commands) await runOnce(c, scratch);
  const samples = commands.map(() => [] as Sample[]);
  for (let i = 0; i < runs; i++) {
    for (const [k, c] of commands.entries()) samples[k]!.push(await runOnce(c, scratch));
  }
  return commands.map((c, k) => {
    const ms = samples[k]!.map((s) => s.ms);
    const rss = samples[k]!.flatMap((s) => (s.rssKb === undefined ? [] : [s.rssKb]));
    const stats: Stats = {
      label: c.label,
      runs,
      median: median(ms),
      min: Math.min(...ms),
      max: Math.max(...ms),
      rssKb: rss.length > 0 ? median(rss) : undefined,
    };
    process.stderr.write(`  ${c.label}: median ${stats.median.toFixed(0)} ms (${stats.min.toFixed(0)}–${stats.max.toFixed(0)}), ${stats.rssKb ?? '?'} KiB\n`);
    return stats;
  });
}

function firstLine(tool: string, args: readonly string[]): string | undefined {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout || r.stderr).split('\n')[0]?.trim() : undefined;
}

function haccVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const head = spawnSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  if (head.status !== 0) return pkg.version;
  // This file itself does not count: it is rewritten by every run.
  const dirty = spawnSync('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/RESULTS.md'], { encoding: 'utf8' }).stdout.trim() !== '';
  return `${pkg.version} (${head.stdout.trim()}${dirty ? ', uncommitted changes' : ''})`;
}

interface Target {
  readonly measure: string;
  readonly target: string;
  readonly measured: string;
  /** undefined: could not be measured here (the reason is in `measured`). */
  readonly holds: boolean | undefined;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const mib = (kb: number | undefined) => (kb === undefined ? '?' : `${(kb / 1024).toFixed(0)} MiB`);
const ratio = (x: number) => `${x.toFixed(2)}×`;

function ratioTarget(measureText: string, limit: number, num: Stats, den: Stats | undefined, denName: string, why?: string): Target {
  const target = denName === '' ? `≤ ${limit}` : `≤ ${limit} × ${denName}`;
  if (!den) return { measure: measureText, target, measured: `${ms(num.median)}; ${why}`, holds: undefined };
  const r = num.median / den.median;
  return { measure: measureText, target, measured: `${ms(num.median)} / ${ms(den.median)} = ${ratio(r)}`, holds: r <= limit };
}

/**
 * `hacc lsp` on the large file: the time from a one-character edit (sent as the protocol's
 * incremental change) to that version's diagnostics, through a real client over stdio.
 */
async function measureLsp(large: string, n: string): Promise<{ stats: Stats; target: Target }> {
  const { startClient } = await import('../test-support/lsp-client.js');
  const client = await startClient();
  const uri = 'file:///bench/large.ha';
  try {
    await client.open(uri, readFileSync(large, 'utf8'));
    const times: number[] = [];
    // 20 measured edits after 2 of warm-up: with 10, one slow edit on a shared machine moved the median by 100 ms.
    for (let i = 0; i < 22; i++) {
      const at = { line: 1, character: 0 };
      const t0 = performance.now();
      // A space typed at the start of line 2, then deleted: every edit a fresh version.
      await client.edit(uri, { start: at, end: i % 2 === 0 ? at : { line: 1, character: 1 } }, i % 2 === 0 ? ' ' : '');
      if (i > 1) times.push(performance.now() - t0);
    }
    const stats: Stats = { label: `hacc lsp: edit to fresh diagnostics (${n})`, runs: times.length, median: median(times), min: Math.min(...times), max: Math.max(...times), rssKb: undefined };
    return { stats, target: { measure: `\`hacc lsp\`: a one-character edit to fresh diagnostics, ${n} primitives (median)`, target: '≤ 500 ms', measured: ms(stats.median), holds: stats.median <= 500 } };
  } finally {
    await client.close();
  }
}

const CONFIGURE_TARGET = { measure: '`setup.sh configure --cib-file`, 1,000 primitives', target: '≤ 60 s' };

/**
 * `setup.sh configure --cib-file F` for 1,000 primitives (debian12, whose pcs is the one Debian
 * installs), from an empty CIB each run; and, for scale, a configuration small enough for one pcs
 * command per object, to show what that way costs per object.
 */
async function measureConfigure(
  scratch: string,
  hacc: (label: string, ...args: string[]) => Command,
): Promise<{ target: Target; stats: Stats[]; note?: string }> {
  const missing = ['bash', 'pcs', 'cibadmin', 'crm_diff'].filter((t) => which(t) === undefined);
  if (missing.length > 0) {
    return { target: { ...CONFIGURE_TARGET, measured: `${missing.join(', ')} not installed: not measurable`, holds: undefined }, stats: [] };
  }
  const prepare = async (name: string, groups: number): Promise<Command> => {
    const ha = join(scratch, `${name}.ha`);
    writeFileSync(ha, generateBenchHa(1, { groups, perGroup: LARGE.perGroup }));
    const out = join(scratch, `out-${name}`);
    await runOnce(hacc(`build ${name}`, 'build', ha, '--target', 'debian12', '-o', out), scratch);
    const cib = join(scratch, `${name}-cib.xml`);
    const n = (groups * LARGE.perGroup).toLocaleString('en-US');
    return {
      label: `setup.sh configure --cib-file (${n} primitives, from an empty CIB)`,
      file: 'bash',
      args: ['-c', 'cibadmin --empty >"$1" && exec bash "$2" configure --cib-file "$1"', 'bash', cib, join(out, 'setup.sh')],
      ok: [0],
      env: { HACC_NODE: 'n1', IPMI_PASSWORD: 'bench secret' },
    };
  };
  const [large] = await measure([await prepare('configure-1k', 250)], 0, 3, scratch);
  // 10 groups of 4 (plus fencing and a constraint) stay below BULK_FROM: one pcs command each.
  const [perObject] = await measure([await prepare('configure-40', 10)], 0, 1, scratch);
  // Its pcs calls: 40 primitives, 2 fencing devices, 1 constraint, properties, two defaults.
  const calls = 10 * LARGE.perGroup + 6;
  const each = perObject!.median / calls;
  return {
    target: { ...CONFIGURE_TARGET, measured: `${(large!.median / 1000).toFixed(1)} s`, holds: large!.median <= 60_000 },
    stats: [large!, perObject!],
    note: `configure: 1,000 primitives load as XML (two cibadmin calls, a few pcs commands for properties and defaults); below 50 objects setup.sh runs one pcs command per object: ${ms(perObject!.median)} for ${calls} pcs calls, about ${ms(each)} each, so about ${((each * 1006) / 1000).toFixed(0)} s for 1,000 primitives that way.`,
  };
}

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'hacc-bench-'));
  const started = Date.now();
  try {
    const crmVerify = which('crm_verify');
    const load = loadavg().map((x) => x.toFixed(2)).join(', ');
    const node = process.execPath;
    const large = join(scratch, 'large.ha');
    const small = join(scratch, 'small.ha');
    writeFileSync(large, generateBenchHa(1, LARGE));
    writeFileSync(small, generateBenchHa(1, SMALL));
    const nLarge = (LARGE.groups * LARGE.perGroup).toLocaleString('en-US');
    const nSmall = (SMALL.groups * SMALL.perGroup).toLocaleString('en-US');
    const hacc = (label: string, ...args: string[]): Command => ({ label, file: node, args: [HACC, ...args], ok: [0] });

    process.stderr.write('start-up: node -e 0 and hacc check on the seed example\n');
    const [nodeEmpty, seedCheck] = await measure(
      [{ label: 'node -e 0', file: node, args: ['-e', '0'], ok: [0] }, hacc('hacc check seed.ha', 'check', SEED_EXAMPLE)],
      3,
      21,
      scratch,
    );

    process.stderr.write(`${nSmall} primitives\n`);
    const [checkSmall, buildSmall] = await measure(
      [hacc(`hacc check (${nSmall})`, 'check', small), hacc(`hacc build --cib full (${nSmall})`, 'build', small, '--cib', 'full', '-o', join(scratch, 'out-small'))],
      1,
      7,
      scratch,
    );

    process.stderr.write(`${nLarge} primitives\n`);
    const largeOut = join(scratch, 'out-large');
    const largeCommands: Command[] = [
      hacc(`hacc build --cib full (${nLarge})`, 'build', large, '--cib', 'full', '-o', largeOut),
      hacc(`hacc check (${nLarge})`, 'check', large),
    ];
    // An offline CIB has no node status: crm_verify warns that the nodes are unclean (rc 78).
    if (crmVerify) largeCommands.push({ label: `crm_verify --xml-file (${nLarge})`, file: crmVerify, args: ['--xml-file', join(largeOut, 'cib.xml')], ok: [0, 78] });
    // The build's cib.xml exists once the warm-up's build ran (the first command of each round).
    largeCommands.push(hacc(`hacc import (${nLarge})`, 'import', join(largeOut, 'cib.xml'), '-o', join(scratch, 'imported.ha')));
    const [buildLarge, checkLarge, verifyOrImport, importOrNothing] = await measure(largeCommands, 1, 7, scratch);
    const [verifyLarge, importLarge] = crmVerify ? [verifyOrImport, importOrNothing] : [undefined, verifyOrImport];
    const artifacts = spawnSync('find', [largeOut, '-type', 'f'], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map((f) => relative(largeOut, f))
      .sort();
    const cibBytes = readFileSync(join(largeOut, 'cib.xml')).length;

    // Shapes that were quadratic: n and 4n of each, whose time ratio is near 4 when the work is
    // near-linear (the fixed start-up makes it less) and near 16 when it is quadratic.
    process.stderr.write('scaling: misspelt references (did-you-mean) and many nodes\n');
    const shapeFile = (name: string, text: string) => {
      const path = join(scratch, name);
      writeFileSync(path, text);
      return path;
    };
    const [typoSmall, typoLarge, nodesSmall, nodesLarge] = await measure(
      [
        { ...hacc('hacc check (1,000 misspelt references)', 'check', shapeFile('typo-1000.ha', generateMisspeltHa(1000))), ok: [1] },
        { ...hacc('hacc check (4,000 misspelt references)', 'check', shapeFile('typo-4000.ha', generateMisspeltHa(4000))), ok: [1] },
        hacc('hacc check (4,000 nodes)', 'check', shapeFile('nodes-4000.ha', generateManyNodesHa(4000))),
        hacc('hacc check (16,000 nodes)', 'check', shapeFile('nodes-16000.ha', generateManyNodesHa(16000))),
      ],
      1,
      7,
      scratch,
    );

    process.stderr.write('hacc lsp: edits of the large file\n');
    const lsp = await measureLsp(large, nLarge);

    process.stderr.write('setup.sh configure --cib-file\n');
    const configure = await measureConfigure(scratch, hacc);

    const noVerify = 'crm_verify is not installed: not measurable (install pacemaker-cli-utils)';
    const targets: Target[] = [
      ratioTarget('`hacc check` seed example, whole process (median wall)', 2.5, seedCheck!, nodeEmpty, '`node -e 0`'),
      ratioTarget(`\`hacc check\`, ${nLarge} primitives`, 0.5, checkLarge!, verifyLarge, '`crm_verify`', noVerify),
      ratioTarget(`\`hacc build\` (all artifacts), ${nLarge} primitives`, 1.0, buildLarge!, verifyLarge, '`crm_verify`', noVerify),
      ratioTarget(`\`hacc import\` of that CIB, ${nLarge} primitives`, 1.0, importLarge!, verifyLarge, '`crm_verify`', noVerify),
      verifyLarge
        ? {
            measure: `\`hacc build\` peak memory, ${nLarge} primitives`,
            target: '≤ 1.5 × `crm_verify`’s',
            measured: `${mib(buildLarge!.rssKb)} / ${mib(verifyLarge.rssKb)} = ${ratio((buildLarge!.rssKb ?? NaN) / (verifyLarge.rssKb ?? NaN))}`,
            holds: buildLarge!.rssKb !== undefined && verifyLarge.rssKb !== undefined ? buildLarge!.rssKb <= 1.5 * verifyLarge.rssKb : undefined,
          }
        : { measure: `\`hacc build\` peak memory, ${nLarge} primitives`, target: '≤ 1.5 × `crm_verify`’s', measured: `${mib(buildLarge!.rssKb)}; ${noVerify}`, holds: undefined },
      ratioTarget(`scaling of \`hacc check\`: time(${nLarge}) / time(${nSmall})`, 11, checkLarge!, checkSmall, ''),
      ratioTarget(`scaling of \`hacc build\`: time(${nLarge}) / time(${nSmall})`, 11, buildLarge!, buildSmall, ''),
      ratioTarget('scaling of did-you-mean: `hacc check`, 4,000 misspelt references / 1,000', 5, typoLarge!, typoSmall, ''),
      ratioTarget('scaling with nodes: `hacc check`, 16,000 nodes / 4,000', 5, nodesLarge!, nodesSmall, ''),
      lsp.target,
      configure.target,
    ];

    const all = [nodeEmpty!, seedCheck!, checkSmall!, buildSmall!, checkLarge!, buildLarge!, ...(verifyLarge ? [verifyLarge] : []), importLarge!, typoSmall!, typoLarge!, nodesSmall!, nodesLarge!, lsp.stats, ...configure.stats];
    const mem = `${(totalmem() / 2 ** 30).toFixed(1)} GiB`;
    const verdict = (h: boolean | undefined) => (h === undefined ? 'not measured' : h ? 'holds' : '**misses**');
    const md = [
      '# hacc benchmarks',
      '',
      `Written by \`npm run bench\` (bench/run.ts) on ${new Date(started).toISOString().slice(0, 10)}, in ${((Date.now() - started) / 1000).toFixed(0)} s. Do not edit by hand.`,
      '',
      '| machine | |',
      '|---|---|',
      `| CPUs (nproc) | ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown'} |`,
      `| memory | ${mem} |`,
      `| load average at start / end | ${load} / ${loadavg().map((x) => x.toFixed(2)).join(', ')} (a shared machine: the ratios compare runs interleaved in the same minutes) |`,
      `| node | ${process.version} |`,
      `| hacc | ${haccVersion()} |`,
      `| pacemaker | ${crmVerify ? (firstLine(crmVerify, ['--version']) ?? 'unknown') : 'not installed'} |`,
      `| peak memory from | ${haveGnuTime ? '`/usr/bin/time -f %M` (maximum RSS)' : 'VmHWM in /proc/PID/status, polled every 2 ms (install `time` for exact figures)'} |`,
      '',
      '## Targets',
      '',
      '| measure | target | measured | |',
      '|---|---|---|---|',
      ...targets.map((t) => `| ${t.measure} | ${t.target} | ${t.measured} | ${verdict(t.holds)} |`),
      '',
      '## Timings',
      '',
      `Inputs from bench/generate.ts, seed 1: ${LARGE.groups} groups of ${LARGE.perGroup} (${nLarge} primitives, ${(readFileSync(large).length / 1e6).toFixed(1)} MB) and ${SMALL.groups} groups of ${SMALL.perGroup} (${nSmall} primitives), each plus two fencing devices. `,
      `The large build writes ${artifacts.map((a) => `\`${a}\``).join(', ')}; its cib.xml (${(cibBytes / 1e6).toFixed(1)} MB) is crm_verify's input.`,
      ...(configure.note ? ['', configure.note] : []),
      '',
      '| command | runs | median | min | max | peak RSS |',
      '|---|---|---|---|---|---|',
      ...all.map((s) => `| ${s.label} | ${s.runs} | ${ms(s.median)} | ${ms(s.min)} | ${ms(s.max)} | ${mib(s.rssKb)} |`),
      '',
    ].join('\n');
    writeFileSync(RESULTS, md);
    process.stdout.write(md);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
