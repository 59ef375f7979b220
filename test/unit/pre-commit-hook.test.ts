import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_DIR, bundle } from '../../scripts/bundle.js';
import { listFiles } from '../../test-support/expectations.js';
import { CLEAN_HA } from '../../test-support/temp-files.js';

/** The few YAML forms .pre-commit-hooks.yaml uses: a list of maps of plain scalars. */
function parseHooks(text: string): Record<string, string>[] {
  const hooks: Record<string, string>[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '');
    if (line.trim() === '') continue;
    const m = /^(- |  )([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (!m) throw new Error(`unexpected YAML line: ${raw}`);
    if (m[1] === '- ') hooks.push({});
    const value = m[3]!.trim();
    hooks[hooks.length - 1]![m[2]!] = /^'.*'$|^".*"$/.test(value) ? value.slice(1, -1) : value;
  }
  return hooks;
}

const hooks = parseHooks(readFileSync('.pre-commit-hooks.yaml', 'utf8'));
const hook = hooks.find((h) => h['id'] === 'hacc-check');

// pre-commit installs the repository as a node package and runs `entry` (split like a shell would,
// but without one) with the matching file names appended, the package's bin directory on PATH.
// Here: a fresh build of this tree in a git-ignored directory, with `hacc` linked the way npm links bins.
let root = '';
let env: NodeJS.ProcessEnv = {};

beforeAll(async () => {
  root = mkdtempSync(resolve('.hacc-tmp-pre-commit-'));
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--outDir', join(root, 'dist')], { encoding: 'utf8' });
  expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
  await bundle(process.cwd(), join(root, BUNDLE_DIR));
  mkdirSync(join(root, 'bin'));
  copyFileSync('bin/hacc.js', join(root, 'bin', 'hacc.js'));
  mkdirSync(join(root, '.bin'));
  symlinkSync('../bin/hacc.js', join(root, '.bin', 'hacc'));
  env = { ...process.env, PATH: `${join(root, '.bin')}${delimiter}${process.env['PATH'] ?? ''}`, NO_COLOR: '1' };
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A clean file (it names no agent, so it is clean whatever the agent catalogue holds). */
function writeGood(): string {
  const file = join(root, 'good.ha');
  writeFileSync(file, CLEAN_HA);
  return file;
}

function runHook(files: string[], which = hook) {
  const [command, ...args] = which!['entry']!.split(/\s+/);
  return spawnSync(command!, [...args, ...files], { encoding: 'utf8', env });
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares the hacc-check hook', () => {
    expect(hook).toEqual(expect.objectContaining({ id: 'hacc-check', entry: 'hacc check', language: 'node', files: '\\.ha$' }));
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['hacc']).toBe('bin/hacc.js');
  });

  it('selects .ha files only', () => {
    const files = new RegExp(hook!['files']!);
    for (const f of listFiles('fixtures', '.ha')) expect(files.test(f), f).toBe(true);
    for (const f of ['README.md', 'x.ha.bak', 'cluster.hax', 'src/cli/main.ts']) expect(files.test(f), f).toBe(false);
  });

  it('passes a good file', () => {
    const run = runHook([writeGood()]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('fails a bad file, saying why', () => {
    const run = runHook([writeGood(), 'fixtures/err/ha305-duplicate-addresses.ha']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('fixtures/err/ha305-duplicate-addresses.ha:5:15: error[HA305]');
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('2 errors, 0 warnings in 2 files');
  });

  it('lets warnings through', () => {
    const run = runHook(['fixtures/err/ha403-two-node-ignore.ha']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('warning[HA403]');
  });
});

describe('the hacc-fmt hook', () => {
  const fmt = hooks.find((h) => h['id'] === 'hacc-fmt');

  it('is declared like hacc-check', () => {
    expect(fmt).toEqual(expect.objectContaining({ entry: 'hacc fmt', language: 'node', files: '\\.ha$' }));
  });

  it('rewrites a file in place (pre-commit then reports it as changed)', () => {
    const file = join(root, 'messy.ha');
    writeFileSync(file, 'cluster c {node a addr="10.0.0.1/24"\n  property stonith-enabled=false}\n');
    const run = runHook([file], fmt);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe('cluster c {\n  node a addr=10.0.0.1/24\n  property stonith-enabled=false\n}\n');
    expect(runHook(['fixtures/err/ha003-lexical.ha'], fmt).status).toBe(1);
  });
});

describe('the hacc-fix hook', () => {
  const fix = hooks.find((h) => h['id'] === 'hacc-fix');

  it('applies the fixes in place and reports what is left', () => {
    expect(fix).toEqual(expect.objectContaining({ entry: 'hacc check --fix', language: 'node', files: '\\.ha$' }));
    const file = join(root, 'typo.ha');
    writeFileSync(file, 'cluster c {\n  node a addr=10.0.0.1/24\n  property stonith-enabled=false\n  primitive d ocf:pacemaker:Dummy\n  location l d prefers aa=10\n}\n');
    const run = runHook([file], fix);
    expect(run.status, run.stdout).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('location l d prefers a=10');
  });
});
