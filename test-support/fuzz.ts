// A seeded mutation fuzzer for hacc: takes the fixtures and generated clusters, breaks them (tokens
// and lines deleted, duplicated and swapped, random characters and bytes inserted, truncation,
// unbalanced braces and quotes, very long names, deep nesting, other line endings), and runs
// `check`, `fmt` and `build` on the result. A case passes when
//   - no command throws, and every exit status is 0, 1 or 2 (main() turns an uncaught exception
//     into "internal error", exit 70);
//   - every diagnostic's span (and related span) lies inside the file, start <= end, and its
//     line and column agree with its offset; so does every fix's, and the text the fixes make
//     checks with diagnostics that hold to the same;
//   - a file that checks without errors emits every artifact (emitAll, in memory), with a cib.xml
//     that is well-formed XML holding no character XML cannot carry; and
//   - for the cases that build to disk, the output directory holds exactly those artifacts after
//     exit 0, and does not exist after exit 1 or 2, with no temporary left beside it.
// Case N of seed S is the same input on every machine and in every shard: its random stream is
// derived from (S, N) alone. `npm run fuzz -- --count N --seed S` runs it (fuzz-cli.ts).

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCatalogue } from '../src/catalogue/catalogue.js';
import { checkText } from '../src/check/check.js';
import { applyFixes } from '../src/check/fixes.js';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { MANIFEST, notOwned } from '../src/cli/write-tree.js';
import { PLATFORMS, type PlatformName } from '../src/model/platforms.js';
import { emitAll, type Artifact } from '../src/emit/index.js';
import type { Diagnostic } from '../src/syntax/diagnostic.js';
import { decodeSource } from '../src/syntax/source.js';
import { LineIndex, type Span } from '../src/syntax/span.js';
import { firstXmlInvalidChar } from '../src/syntax/xml-chars.js';
import { listFiles, readText } from './expectations.js';
import { generateHa, prng, Rng } from './generate.js';
import { allElements, readXml } from './xml.js';

/** The random stream of case `index` of run `seed`, independent of every other case. */
export function caseRng(seed: number, index: number): Rng {
  // splitmix-style mixing of the two numbers into one 32-bit seed.
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index >>> 0, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return new Rng(prng((h ^ (h >>> 16)) >>> 0));
}

export interface FuzzCorpus {
  /** Every fixture and the generated clusters. */
  readonly all: readonly string[];
  /** Those that check without errors: their mutations reach the emitters more often. */
  readonly clean: readonly string[];
}

/** The files mutated: every fixture, and generated clusters of a few sizes. */
export function fuzzCorpus(root: string): FuzzCorpus {
  const fixtures = listFiles(join(root, 'fixtures'), '.ha').map(readText);
  const generated = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => generateHa(seed, { resources: 1 + (seed % 5) * 2 }));
  const all = [...fixtures, ...generated];
  return { all, clean: all.filter((t) => checkText(t, '<corpus>').checked !== undefined) };
}

/** Characters that exercise the lexer: syntax, white space of every kind, controls, non-characters. */
const NASTY = [
  '{', '}', '"', '=', '#', '\\', ' ', '\t', '\n', '\r', '\r\n', '\u0000', '\u0001', '\u0007', '\u000b', '\u000c',
  '\u001b', '\u001f', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ufffd', '\ufffe', '\uffff',
  '\ud800', '\udc00', '\ud83d\ude00', 'é', '日', '-', '_', '.', ':', '/', '$', '`', "'", ';', '&', '<', '>', '|',
  '--', '$(id)', '\\"', '\\n', '\\t', '\\q', 'env:', 'file:', 'INFINITY', '-INFINITY', '0', '999999999999999999999',
];

const KEYWORDS = [
  'cluster', 'platform', 'auth', 'node', 'host', 'property', 'defaults', 'op-defaults', 'primitive', 'params',
  'meta', 'op', 'start', 'stop', 'monitor', 'group', 'location', 'prefers', 'avoids', 'colocation', 'with',
  'order', 'then', 'anything', 'addr', 'interval', 'timeout',
];

const TOKEN = /"(?:[^"\\\n]|\\.)*"?|#[^\n]*|[^\s"={}#]+|[={}]|\s+/g;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function randomChars(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    s += r.chance(0.5) ? r.pick(NASTY) : String.fromCharCode(r.chance(0.8) ? r.int(0x20, 0x7e) : r.int(0, 0xffff));
  }
  return s;
}

/** Text that is valid in a quoted value but hostile to shells and XML. */
const HOSTILE = [
  '$(touch /tmp/pwned)', '`id`', "'", "'\\''", ';', '&&', '|', '>', '<', ']]>', '<!--', '--', '-->', '&amp;', '&#10;',
  '\\"', '\\\\', '\\n', '\\t', '\t', ' ', '  ', '${HOME}', '$HOME', '*', '?', '~', '!', '%s', '%n', '\u00a0',
  '\u2028', '\ufeff', '\u00e9', '\u65e5', '\ud83d\ude00', '\u007f', '\u0085', '\ufffd', 'x', '0', '-1', '#',
  '=', '{', '}', 'env:X', 'file:/x', '\\\\\\"',
];

function hostileValue(r: Rng): string {
  let s = '';
  for (let i = r.int(0, 6); i > 0; i--) s += r.pick(HOSTILE);
  return `"${s}"`;
}

/** An id that is valid in the CIB but unusual: long, dotted, or shaped like a derived id. */
function oddId(r: Rng): string {
  return r.pick([
    () => `a${'-b'.repeat(r.int(1, 100))}`,
    () => `x.${r.int(0, 9)}_y-${r.int(0, 9)}`,
    () => `_${'Z'.repeat(r.int(1, 300))}`,
    () => r.pick(['vip-instance_attributes', 'app-meta_attributes', 'cib-bootstrap-options', 'rsc_defaults-meta_attributes', 'p-monitor-interval-10s', 'fence-web1-instance_attributes-password', 'op_defaults-meta_attributes-timeout']),
    () => `${r.pick(KEYWORDS)}${r.int(0, 3)}`,
  ])();
}

function longWord(r: Rng): string {
  const n = r.pick([300, 1_000, 10_000, 100_000]);
  const unit = r.pick(['a', 'ab-', 'x.', '9', 'é', '\ud83d\ude00', 'A_']);
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** One mutation: returns the new text and what it did. */
type Mutation = (text: string, r: Rng) => string;

const at = (text: string, r: Rng) => r.int(0, text.length);

function editTokens(text: string, r: Rng, edit: (ts: string[], i: number, j: number) => void): string {
  const ts = tokens(text);
  if (ts.length === 0) return text;
  edit(ts, r.int(0, ts.length - 1), r.int(0, ts.length - 1));
  return ts.join('');
}

function editLines(text: string, r: Rng, edit: (ls: string[], i: number, j: number) => void): string {
  const ls = text.split('\n');
  edit(ls, r.int(0, ls.length - 1), r.int(0, ls.length - 1));
  return ls.join('\n');
}

function swap<T>(xs: T[], i: number, j: number): void {
  [xs[i], xs[j]] = [xs[j]!, xs[i]!];
}

export const MUTATIONS: Record<string, Mutation> = {
  'delete-token': (t, r) => editTokens(t, r, (ts, i) => ts.splice(i, 1)),
  'duplicate-token': (t, r) => editTokens(t, r, (ts, i) => ts.splice(i, 0, ts[i]!)),
  'swap-tokens': (t, r) => editTokens(t, r, swap),
  'move-token': (t, r) => editTokens(t, r, (ts, i, j) => ts.splice(j, 0, ...ts.splice(i, 1))),
  'keyword-token': (t, r) => editTokens(t, r, (ts, i) => (ts[i] = r.pick(KEYWORDS))),
  'quote-token': (t, r) => editTokens(t, r, (ts, i) => (ts[i] = `"${randomChars(r, r.int(0, 12))}"`)),
  'delete-line': (t, r) => editLines(t, r, (ls, i) => ls.splice(i, 1)),
  'duplicate-line': (t, r) => editLines(t, r, (ls, i) => ls.splice(i, 0, ls[i]!)),
  'swap-lines': (t, r) => editLines(t, r, swap),
  'insert-chars': (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + randomChars(r, r.int(1, 8)) + t.slice(i);
  },
  'insert-bytes': (t, r) => {
    // Raw bytes, then decoded as hacc reads a file: invalid UTF-8 becomes U+FFFD.
    const buf = Buffer.from(t, 'utf8');
    const i = r.int(0, buf.length);
    const bytes = Buffer.from(Array.from({ length: r.int(1, 8) }, () => r.int(0, 255)));
    return Buffer.concat([buf.subarray(0, i), bytes, buf.subarray(i)]).toString('utf8');
  },
  'delete-range': (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(Math.min(t.length, i + r.int(1, 40)));
  },
  truncate: (t, r) => t.slice(0, at(t, r)),
  'unbalance-brace': (t, r) => {
    const braces = [...t.matchAll(/[{}]/g)].map((m) => m.index);
    if (braces.length > 0 && r.chance(0.5)) {
      const i = r.pick(braces);
      return t.slice(0, i) + t.slice(i + 1);
    }
    const i = at(t, r);
    return t.slice(0, i) + r.pick(['{', '}', '{{', '}}']) + t.slice(i);
  },
  'unbalance-quote': (t, r) => {
    const quotes = [...t.matchAll(/"/g)].map((m) => m.index);
    if (quotes.length > 0 && r.chance(0.5)) {
      const i = r.pick(quotes);
      return t.slice(0, i) + t.slice(i + 1);
    }
    const i = at(t, r);
    return t.slice(0, i) + r.pick(['"', '\\"', '"\\', '""']) + t.slice(i);
  },
  'hostile-value': (t, r) => {
    // A `key=value`'s value (or a command) becomes a quoted string of shell and XML specials.
    const values = [...t.matchAll(/(?<==)[^\s"={}#]+|(?<==)"(?:[^"\\\n]|\\.)*"|(?<=\b(?:start|stop|monitor) +)"(?:[^"\\\n]|\\.)*"/g)];
    if (values.length === 0) return t;
    const m = r.pick(values);
    return t.slice(0, m.index) + hostileValue(r) + t.slice(m.index + m[0].length);
  },
  'rename-id': (t, r) => {
    // Every occurrence of one name becomes another valid id, so the file usually stays valid.
    const ts = tokens(t);
    const names = [...new Set(ts.filter((w) => w.length < 1000 && /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(w) && !KEYWORDS.includes(w)))];
    if (names.length === 0) return t;
    const from = r.pick(names);
    const to = oddId(r);
    return ts.map((w) => (w === from ? to : w)).join('');
  },
  'long-name': (t, r) => editTokens(t, r, (ts, i) => (ts[i] = longWord(r))),
  'long-string': (t, r) => editTokens(t, r, (ts, i) => (ts[i] = `"${longWord(r)}"`)),
  'deep-nesting': (t, r) => {
    const depth = r.pick([50, 500, 5_000]);
    const open = r.pick(['{', 'group g {', 'primitive p anything {', 'cluster c {', '"', '{ "']);
    const i = at(t, r);
    const close = r.chance(0.5) ? '}'.repeat(depth) : '';
    return t.slice(0, i) + `${open} `.repeat(depth) + close + t.slice(i);
  },
  'many-statements': (t, r) => {
    const i = t.lastIndexOf('}');
    const line = r.pick(['  node n addr=10.0.0.1/24\n', '  primitive p ocf:pacemaker:Dummy\n', '  x\n', '  group g { a b c }\n', '  location l p prefers a\n']);
    return i < 0 ? t : t.slice(0, i) + line.repeat(r.pick([100, 1_000])) + t.slice(i);
  },
  'line-endings': (t, r) => t.replace(/\n/g, r.pick(['\r\n', '\r', '\n\n', '\u2028'])),
  empty: () => '',
};

const MUTATION_NAMES = Object.keys(MUTATIONS);
/** The expensive mutations (huge inputs) are drawn less often, so a long run stays fast. */
const RARE = new Set(['long-name', 'long-string', 'deep-nesting', 'many-statements', 'empty']);
/** Mutations that usually keep a clean file clean, so that its values reach the emitters. */
const GENTLE = ['hostile-value', 'rename-id'];

export interface FuzzInput {
  readonly index: number;
  /** Which corpus file it started from. */
  readonly base: string;
  readonly steps: readonly string[];
  readonly text: string;
}

export function fuzzInput(corpus: FuzzCorpus, seed: number, index: number): FuzzInput {
  const r = caseRng(seed, index);
  // Half the cases start from a clean file and mostly get gentle mutations: they reach the emitters.
  const gentle = corpus.clean.length > 0 && r.chance(0.5);
  const pool = gentle ? corpus.clean : corpus.all;
  const base = r.int(0, pool.length - 1);
  let text = pool[base]!;
  const steps: string[] = [];
  const n = r.pick([1, 1, 1, 2, 2, 3, 5]);
  for (let k = 0; k < n; k++) {
    let name = gentle && r.chance(0.8) ? r.pick(GENTLE) : r.pick(MUTATION_NAMES);
    if (RARE.has(name) && !r.chance(0.1)) name = r.pick(MUTATION_NAMES.filter((m) => !RARE.has(m)));
    text = MUTATIONS[name]!(text, r);
    steps.push(name);
  }
  return { index, base: gentle ? `clean ${base}` : `all ${base}`, steps, text };
}

/** Why a case failed, in one line each; empty when it passed. */
export type Problems = string[];

/** Line and column of an offset, counted independently of LineIndex (lines end at '\n'). */
function expectedPosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** A span must lie in the file, and the renderers' line index must place its ends where they are. */
function spanProblems(text: string, lines: LineIndex, what: string, span: Span): Problems {
  const out: Problems = [];
  const { start, end } = span;
  for (const [name, offset] of [['start', start], ['end', end]] as const) {
    if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
      out.push(`${what}: ${name} offset ${offset} outside the file (0..${text.length})`);
      continue;
    }
    const want = expectedPosition(text, offset);
    const p = lines.position(offset);
    if (p.line !== want.line || p.column !== want.column) {
      out.push(`${what}: ${name} offset ${offset} is ${want.line}:${want.column}, the line index says ${p.line}:${p.column}`);
    }
  }
  if (start > end) out.push(`${what}: start ${start} after end ${end}`);
  return out;
}

export function diagnosticProblems(text: string, diagnostics: readonly Diagnostic[]): Problems {
  const out: Problems = [];
  const lines = new LineIndex(text);
  for (const d of diagnostics) {
    const what = `${d.code} '${d.message.slice(0, 80)}'`;
    if (!/^HA\d{3}$/.test(d.code)) out.push(`${what}: bad code`);
    if (d.severity !== 'error' && d.severity !== 'warning') out.push(`${what}: bad severity ${String(d.severity)}`);
    if (typeof d.message !== 'string' || d.message === '') out.push(`${what}: empty message`);
    out.push(...spanProblems(text, lines, what, d.span));
    for (const rel of d.related ?? []) out.push(...spanProblems(text, lines, `${what} (related)`, rel.span));
  }
  return out;
}

/** Problems with a build's artifacts: plain paths, and a cib.xml XML can read back. */
export function artifactProblems(artifacts: readonly Artifact[]): Problems {
  const out: Problems = [];
  if (!artifacts.some((a) => a.path === 'cib.xml')) out.push('no cib.xml');
  for (const a of artifacts) {
    if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(a.path) || a.path.split('/').some((p) => p === '.' || p === '..')) out.push(`artifact path '${a.path}'`);
    const bad = firstXmlInvalidChar(a.contents);
    if (a.path.endsWith('.xml') && bad >= 0) out.push(`${a.path}: character U+${a.contents.charCodeAt(bad).toString(16)} at ${bad}`);
  }
  const cib = artifacts.find((a) => a.path === 'cib.xml');
  if (cib) {
    try {
      // Node ids are corosync's numbers; a resource set's <resource_ref id>, a tag's <obj_ref id> and
      // an ACL user's or group's <role id> refer to another element (IDREFs); an <acl_target id> is a
      // user name (no ID in the schema); every other id is an XML ID.
      const refs = new Set(['node', 'resource_ref', 'obj_ref', 'role', 'acl_target']);
      const ids = allElements(readXml(cib.contents)).flatMap((e) => (!refs.has(e.name) && e.attrs['id'] !== undefined ? [e.attrs['id']] : []));
      const seen = new Set<string>();
      const dup = ids.find((id) => seen.has(id) || !seen.add(id));
      if (dup !== undefined) out.push(`cib.xml has the id '${dup}' twice`);
      const badId = ids.find((id) => !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(id));
      if (badId !== undefined) out.push(`cib.xml has an invalid id '${badId}'`);
    } catch (e) {
      out.push(`cib.xml does not read back: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300));
    }
  }
  return out;
}

export interface CapturedRun {
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** main() in-process with captured output; an exception escaping main() is reported as exit -1. */
export async function runMain(argv: string[], stdin: string, cwd: string): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readStdin: () => Buffer.from(stdin),
    stdoutIsTTY: false,
    env: {},
    cwd,
  };
  try {
    const exit = await main(argv, io);
    return { exit, stdout, stderr };
  } catch (e) {
    return { exit: -1, stdout, stderr: `${stderr}uncaught: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
  }
}

function exitProblems(what: string, run: CapturedRun, allowed: readonly number[]): Problems {
  if (allowed.includes(run.exit) && !run.stderr.includes('internal error')) return [];
  return [`${what}: exit ${run.exit}: ${run.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 400)}`];
}

/** Every entry below `dir`, relative, sorted; files with their contents. */
function tree(dir: string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const r = rel === '' ? name : `${rel}/${name}`;
      if (statSync(join(dir, r)).isDirectory()) {
        out.set(r, null);
        walk(r);
      } else out.set(r, readFileSync(join(dir, r), 'utf8'));
    }
  };
  walk('');
  return out;
}

export interface CaseOptions {
  /** Also run `hacc build - -o DIR` to disk, in a fresh directory under this one. */
  readonly diskDir?: string;
  /** Also run `hacc fmt -`. */
  readonly fmt?: boolean;
  readonly format?: 'text' | 'json' | 'sarif' | 'github';
  /** `--target` for check and build. */
  readonly target?: PlatformName;
  /** cib.xml as a complete `<cib>`. */
  readonly fullCib?: boolean;
}

/** Runs one input through check, emit (and fmt, and build to disk); returns what went wrong. */
export async function runCase(input: string, options: CaseOptions = {}): Promise<Problems> {
  // What hacc reads is the input's UTF-8 bytes, decoded: a lone surrogate arrives as U+FFFD and a
  // leading U+FEFF is a byte-order mark, dropped. The in-process checks see the same text.
  const text = decodeSource(Buffer.from(input, 'utf8')).text;
  const problems: Problems = [];
  const cwd = options.diskDir ?? process.cwd();
  const target = options.target ? ['--target', options.target] : [];
  const check = await runMain(['check', '-', '--format', options.format ?? 'text', ...target], input, cwd);
  problems.push(...exitProblems('check', check, [0, 1, 2]));

  let expected: Artifact[] | undefined;
  try {
    const result = checkText(text, '<fuzz>', options.target ? { target: options.target } : {});
    problems.push(...diagnosticProblems(text, result.diagnostics));
    // The fixes (check --fix, the editor's quick fixes) lie inside the file, and the text they make checks too.
    const fixes = result.diagnostics.flatMap((d) => d.fixes ?? []);
    for (const f of fixes) if (f.span.start < 0 || f.span.start > f.span.end || f.span.end > text.length) problems.push(`fix span ${f.span.start}-${f.span.end} outside the file`);
    if (fixes.length > 0) {
      const fixed = applyFixes(text, result.diagnostics).text;
      problems.push(...diagnosticProblems(fixed, checkText(fixed, '<fuzz>', options.target ? { target: options.target } : {}).diagnostics).map((p) => `after --fix: ${p}`));
    }
    const hasErrors = result.diagnostics.some((d) => d.severity === 'error');
    if (hasErrors !== (result.checked === undefined)) problems.push(`checked model ${result.checked ? 'despite' : 'without'} errors`);
    if (hasErrors !== (check.exit === 1)) problems.push(`check exit ${check.exit} but ${hasErrors ? '' : 'no '}errors`);
    if (result.checked) {
      expected = emitAll(result.checked, defaultCatalogue(), { cib: options.fullCib ? 'full' : 'fragment' });
      problems.push(...artifactProblems(expected));
    }
  } catch (e) {
    problems.push(`check/emit threw: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e)}`);
  }

  if (options.fmt) problems.push(...exitProblems('fmt', await runMain(['fmt', '-'], input, cwd), [0, 1]));

  if (options.diskDir) {
    mkdirSync(options.diskDir, { recursive: true });
    const out = join(options.diskDir, 'out');
    const build = await runMain(['build', '-', '-o', out, '--cib', options.fullCib ? 'full' : 'fragment', ...target], input, options.diskDir);
    problems.push(...exitProblems('build', build, [0, 1, 2]));
    if (build.exit === 0) {
      const want = new Map<string, string | null>();
      for (const a of expected ?? []) {
        const parts = a.path.split('/');
        for (let k = 1; k < parts.length; k++) want.set(parts.slice(0, k).join('/'), null);
        want.set(a.path, a.contents);
      }
      const got = tree(out);
      got.delete(MANIFEST);
      const owned = notOwned(out);
      if (owned !== undefined) problems.push(`build output is not hacc's by its own manifest: ${owned}`);
      if (JSON.stringify([...got].sort()) !== JSON.stringify([...want].sort())) problems.push(`build wrote [${[...got.keys()].join(', ')}], expected [${[...want.keys()].join(', ')}]`);
    } else if (existsSync(out)) {
      problems.push(`build exit ${build.exit} but ${out} exists`);
    }
    const left = readdirSync(options.diskDir).filter((n) => n !== 'out');
    if (left.length > 0) problems.push(`build left ${left.join(', ')} beside the output`);
    rmSync(options.diskDir, { recursive: true, force: true });
  }
  return problems;
}

export interface FuzzFailure {
  readonly input: FuzzInput;
  readonly problems: Problems;
}

export interface FuzzOptions {
  readonly root: string;
  readonly seed: number;
  /** Cases [from, to) of the run. */
  readonly from: number;
  readonly to: number;
  /** Run only the cases with index % shards === shard. */
  readonly shard?: number;
  readonly shards?: number;
  /** Scratch directory for the builds to disk. */
  readonly scratch: string;
  /** Every how many cases a build goes to disk (default 100); fmt runs every 4th case. */
  readonly diskEvery?: number;
  /** A case slower than this (ms) is a failure: hacc must stay fast on any input. */
  readonly slowMs?: number;
  readonly onCase?: (done: number) => void;
}

export interface FuzzResult {
  readonly passed: number;
  readonly failures: FuzzFailure[];
}

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;

export async function fuzz(options: FuzzOptions): Promise<FuzzResult> {
  const corpus = fuzzCorpus(options.root);
  const shards = options.shards ?? 1;
  const shard = options.shard ?? 0;
  const diskEvery = options.diskEvery ?? 100;
  const slowMs = options.slowMs ?? 10_000;
  let passed = 0;
  const failures: FuzzFailure[] = [];
  for (let i = options.from; i < options.to; i++) {
    if (i % shards !== shard) continue;
    const input = fuzzInput(corpus, options.seed, i);
    const started = performance.now();
    const problems = await runCase(input.text, {
      format: FORMATS[i % FORMATS.length]!,
      ...(i % 7 === 3 ? { target: PLATFORMS[(i >> 3) % PLATFORMS.length]! } : {}),
      fullCib: i % 3 === 1,
      fmt: i % 4 === 0,
      ...(i % diskEvery === 0 ? { diskDir: join(options.scratch, `case-${i}`) } : {}),
    });
    const ms = performance.now() - started;
    if (ms > slowMs) problems.push(`slow: ${Math.round(ms)} ms`);
    if (problems.length === 0) passed++;
    else failures.push({ input, problems });
    options.onCase?.(passed + failures.length);
  }
  return { passed, failures };
}
