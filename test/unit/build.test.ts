import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { listFiles, readText } from '../../test-support/expectations.js';
import { runCli } from '../../test-support/run-cli.js';
import { caseDirs, snapshot } from '../../test-support/temp-files.js';
import { bundle } from '../../scripts/bundle.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = join(ROOT, 'fixtures/examples/seed.ha');
const SEED_AS_WRITTEN = join(ROOT, 'fixtures/examples/seed-as-written.ha');
const WEB = join(ROOT, 'fixtures/examples/web-el9.ha');

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'hacc-build-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const fresh = caseDirs(() => scratch);

describe('hacc build', () => {
  it('refuses a file with errors: exit 1, the diagnostics, and no directory at all', async () => {
    const cwd = fresh();
    const run = await runCli(['build', SEED_AS_WRITTEN], { cwd });
    expect(run.exit).toBe(1);
    expect(run.stderr).toContain('error[HA401]');
    expect(run.stderr).toContain('error[HA501]');
    expect(run.stderr).toContain('not building');
    expect(run.stdout).toBe('');
    expect(readdirSync(cwd)).toEqual([]);
    const explicit = await runCli(['build', SEED_AS_WRITTEN, '-o', join(cwd, 'x')], { cwd });
    expect(explicit.exit).toBe(1);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('writes cib.xml and the agent into out/<cluster>/, warnings shown', async () => {
    const cwd = fresh();
    const run = await runCli(['build', SEED], { cwd });
    expect(run.exit).toBe(0);
    expect(run.stderr).toContain('warning[HA402]');
    expect(run.stdout).toBe('wrote out/cluster/: SUMMARY.md, cib.xml, resource.d/hacc/anything, setup.sh\n');
    const snap = snapshot(join(cwd, 'out/cluster'));
    expect(Object.keys(snap)).toEqual(['.hacc-manifest', 'SUMMARY.md', 'cib.xml', 'resource.d', 'resource.d/hacc', 'resource.d/hacc/anything', 'setup.sh']);
    expect(snap['setup.sh']!.startsWith('file 755 ')).toBe(true);
    expect(snap['SUMMARY.md']!.startsWith('file 644 ')).toBe(true);
    expect(snap['cib.xml']!.startsWith('file 644 ')).toBe(true);
    expect(snap['resource.d/hacc/anything']!.startsWith('file 755 ')).toBe(true);
    expect(readFileSync(join(cwd, 'out/cluster/cib.xml'), 'utf8')).toContain('<configuration>');
    expect(readdirSync(join(cwd, 'out'))).toEqual(['cluster']);
  });

  it('is byte-identical run after run, and replaces a directory it wrote as a whole', async () => {
    const cwd = fresh();
    const dir = join(cwd, 'site');
    expect((await runCli(['build', WEB, '-o', dir], { cwd })).exit).toBe(0);
    const first = snapshot(dir);
    expect(readFileSync(join(dir, '.hacc-manifest'), 'utf8')).toMatch(/^(?:[0-9a-f]{64} {2}(?:SUMMARY\.md|cib\.xml|resource\.d\/hacc\/anything|setup\.sh)\n){4}$/);
    expect((await runCli(['build', SEED, '-o', dir], { cwd })).exit).toBe(0);
    expect((await runCli(['build', WEB, '-o', dir], { cwd })).exit).toBe(0);
    expect(snapshot(dir)).toEqual(first);
    expect(readdirSync(cwd)).toEqual(['site']);
    // An empty directory is fine too.
    mkdirSync(join(cwd, 'empty'));
    expect((await runCli(['build', WEB, '-o', 'empty'], { cwd })).exit).toBe(0);
    expect(snapshot(join(cwd, 'empty'))).toEqual(first);
  });

  it('--cib full writes a complete <cib>', async () => {
    const cwd = fresh();
    expect((await runCli(['build', WEB, '-o', 'x', '--cib', 'full'], { cwd })).exit).toBe(0);
    const xml = readFileSync(join(cwd, 'x/cib.xml'), 'utf8');
    expect(xml).toContain('<cib validate-with="pacemaker-3.9" admin_epoch="0" epoch="1" num_updates="0">');
    expect(xml).toContain('<status/>');
    expect((await runCli(['build', WEB, '-o', 'y', '--cib', 'half'], { cwd })).exit).toBe(2);
  });

  it('--target changes the schema and the role names', async () => {
    const cwd = fresh();
    expect((await runCli(['build', WEB, '-o', 'x', '--cib', 'full', '--target', 'el7'], { cwd })).exit).toBe(0);
    expect(readFileSync(join(cwd, 'x/cib.xml'), 'utf8')).toContain('validate-with="pacemaker-2.10"');
  });

  it('refuses to replace or follow a symlink at DIR (exit 2)', async () => {
    const cwd = fresh();
    const elsewhere = join(cwd, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'keep'), 'x');
    symlinkSync(elsewhere, join(cwd, 'link'));
    const run = await runCli(['build', WEB, '-o', 'link'], { cwd });
    expect(run.exit).toBe(2);
    expect(run.stderr).toBe('hacc: cannot write link: it is a symbolic link; refusing to replace or follow it\n');
    expect(lstatSync(join(cwd, 'link')).isSymbolicLink()).toBe(true);
    expect(readdirSync(elsewhere)).toEqual(['keep']);
    expect(readdirSync(cwd).sort()).toEqual(['elsewhere', 'link']);
  });

  it('a missing parent, a file in the way or a read-only parent is one line and exit 2', async () => {
    const cwd = fresh();
    const missing = await runCli(['build', WEB, '-o', 'no/such/dir'], { cwd });
    expect(missing.exit).toBe(2);
    expect(missing.stderr).toMatch(/^hacc: cannot write no\/such\/dir: parent directory .*no\/such: no such file\n$/);
    writeFileSync(join(cwd, 'file'), 'x');
    const file = await runCli(['build', WEB, '-o', 'file'], { cwd });
    expect(file.exit).toBe(2);
    expect(file.stderr).toBe('hacc: cannot write file: it exists and is not a directory\n');
    // Root ignores permission bits: use sysfs, read-only in every container, as the parent then.
    let parent = '/sys';
    if (process.getuid?.() !== 0) {
      parent = join(cwd, 'ro');
      mkdirSync(parent);
      chmodSync(parent, 0o555);
    }
    const ro = await runCli(['build', WEB, '-o', join(parent, 'hacc-out')], { cwd });
    expect(ro.exit).toBe(2);
    expect(ro.stderr).toMatch(/^hacc: cannot write .*hacc-out: (permission denied|read-only file system)\n$/);
    expect(readdirSync(cwd).sort()).toEqual(parent === '/sys' ? ['file'] : ['file', 'ro']);
  });
});

describe('committed golden outputs (out/<cluster>/) are up to date', () => {
  const examples = listFiles('fixtures/examples', '.ha').filter((p) => checkText(readText(p), p).checked !== undefined);
  it('covers the examples without errors', () => {
    expect(examples).toEqual(['fixtures/examples/seed.ha', 'fixtures/examples/web-el9.ha']);
  });
  const names = examples.map((p) => checkText(readText(p), p).checked!.cluster.name.text);
  it('has no golden directory without an example', () => {
    expect(readdirSync(join(ROOT, 'out')).sort()).toEqual([...names].sort());
  });
  examples.forEach((path, i) => {
    it(`${path} -> out/${names[i]}/`, async () => {
      const dir = join(fresh(), names[i]!);
      const run = await runCli(['build', join(ROOT, path), '-o', dir]);
      expect(run.exit).toBe(0);
      expect(snapshot(dir), `stale: run 'node bin/hacc.js build ${path}' in the repository root and commit out/${names[i]}/`).toEqual(
        snapshot(join(ROOT, 'out', names[i]!)),
      );
    });
  });
});

describe('a build killed half way leaves the old directory as it was', () => {
  beforeAll(async () => {
    // The child runs bin/hacc.js, which loads the bundle: build it from these sources.
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'pipe' });
    await bundle(ROOT);
  });

  /** Runs `hacc build` in a child that pauses at `point`, and SIGKILLs it there. */
  function killAt(point: string, file: string, dir: string): Promise<void> {
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/hacc.js'), 'build', file, '-o', dir], {
        env: { ...process.env, HACC_TEST_PAUSE_AT: point },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      // A child that never reaches the pause is a failure of its own, well before the test's timeout.
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        fail(new Error(`no pause at ${point}; stderr: ${stderr}`));
      }, 30_000);
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes(`hacc: test pause at ${point}\n`)) child.kill('SIGKILL');
      });
      child.on('exit', (_code, signal) => {
        clearTimeout(timer);
        if (signal === 'SIGKILL' && stderr.includes(`test pause at ${point}`)) done();
        else fail(new Error(`build ended without the pause at ${point} (signal ${signal}); stderr: ${stderr}`));
      });
    });
  }

  const siblings = (parent: string) => readdirSync(parent).filter((n) => n.includes('.hacc-'));

  for (const point of ['writing', 'before-swap']) {
    it(`killed at ${point}`, async () => {
      const cwd = fresh();
      const dir = join(cwd, 'site');
      expect((await runCli(['build', SEED, '-o', dir])).exit).toBe(0);
      const before = snapshot(dir);
      await killAt(point, WEB, dir);
      expect(snapshot(dir)).toEqual(before);
      expect(siblings(cwd)).toHaveLength(1); // the dead build's temporary directory
      // The next build removes the dead one's leftovers and replaces the directory.
      expect((await runCli(['build', WEB, '-o', dir])).exit).toBe(0);
      expect(readFileSync(join(dir, 'cib.xml'), 'utf8')).toContain('ha-web');
      expect(siblings(cwd)).toEqual([]);
    });
  }

  it('killed between the two renames: the old directory is kept aside and put back by the next build', async () => {
    const cwd = fresh();
    const dir = join(cwd, 'site');
    expect((await runCli(['build', SEED, '-o', dir])).exit).toBe(0);
    const before = snapshot(dir);
    await killAt('after-aside', WEB, dir);
    expect(existsSync(dir)).toBe(false);
    const aside = siblings(cwd).filter((n) => n.includes('.hacc-old-'));
    expect(aside).toHaveLength(1);
    expect(snapshot(join(cwd, aside[0]!))).toEqual(before);
    // The next build recovers first: killed before its own swap, it leaves the old contents in place.
    await killAt('before-swap', WEB, dir);
    expect(snapshot(dir)).toEqual(before);
    expect((await runCli(['build', WEB, '-o', dir])).exit).toBe(0);
    expect(siblings(cwd)).toEqual([]);
  });
});
