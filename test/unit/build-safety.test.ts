// hacc build and the file system: it replaces only a directory it wrote (its manifest), never
// writes through or deletes through a symlink, reports a read-only or full file system as one line
// with exit 2 leaving DIR as it was, and builds byte-identical outputs whatever the working
// directory, locale or time zone.

import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST, writeTree } from '../../src/cli/write-tree.js';
import { generateHa } from '../../test-support/generate.js';
import { runCli } from '../../test-support/run-cli.js';
import { caseDirs, snapshot } from '../../test-support/temp-files.js';
import { bundle } from '../../scripts/bundle.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const WEB = join(ROOT, 'fixtures/examples/web-el9.ha');
const SEED = join(ROOT, 'fixtures/examples/seed.ha');

let scratch: string;
const mounts: string[] = [];
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'hacc-build-safety-'));
});
afterAll(() => {
  for (const m of mounts.reverse()) spawnSync('umount', ['-l', m]);
  rmSync(scratch, { recursive: true, force: true });
});

const fresh = caseDirs(() => scratch);

/** A built directory `site` in a fresh case directory. */
async function built(file = WEB): Promise<{ cwd: string; dir: string; before: Record<string, string> }> {
  const cwd = fresh();
  const dir = join(cwd, 'site');
  expect((await runCli(['build', file, '-o', dir], { cwd })).exit).toBe(0);
  return { cwd, dir, before: snapshot(dir) };
}

describe('hacc build replaces only a directory it wrote', () => {
  it('refuses a directory holding a file it did not write (exit 2), and leaves it as it was', async () => {
    const { cwd, dir } = await built();
    writeFileSync(join(dir, 'operator-notes.txt'), 'mine');
    const before = snapshot(dir);
    const run = await runCli(['build', WEB, '-o', 'site'], { cwd });
    expect(run.exit).toBe(2);
    expect(run.stderr).toBe(
      "hacc: cannot write site: operator-notes.txt was not written by hacc; hacc replaces only a directory it wrote, so move that away or choose another -o DIR\n",
    );
    expect(run.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(cwd)).toEqual(['site']);
  });

  it('refuses a directory where an artifact was edited since hacc wrote it', async () => {
    const { cwd, dir } = await built();
    appendFileSync(join(dir, 'cib.xml'), '<!-- a hand edit -->\n');
    const before = snapshot(dir);
    const run = await runCli(['build', WEB, '-o', 'site'], { cwd });
    expect(run.exit).toBe(2);
    expect(run.stderr).toMatch(/^hacc: cannot write site: cib\.xml was changed since hacc wrote it; /);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a non-empty directory with no manifest (not hacc output), and a forged manifest line', async () => {
    const cwd = fresh();
    mkdirSync(join(cwd, 'docs'));
    writeFileSync(join(cwd, 'docs/README'), 'x');
    const run = await runCli(['build', WEB, '-o', 'docs'], { cwd });
    expect(run.exit).toBe(2);
    expect(run.stderr).toMatch(/^hacc: cannot write docs: it holds files hacc did not write \(README\) and no \.hacc-manifest; /);
    writeFileSync(join(cwd, 'docs', MANIFEST), 'README\n');
    expect((await runCli(['build', WEB, '-o', 'docs'], { cwd })).stderr).toMatch(/\.hacc-manifest is not hacc's/);
    expect(readdirSync(join(cwd, 'docs')).sort()).toEqual([MANIFEST, 'README']);
  });

  it('never writes or deletes through a symlink inside DIR (resource.d -> elsewhere)', async () => {
    const { cwd, dir } = await built();
    const elsewhere = join(cwd, 'elsewhere');
    mkdirSync(join(elsewhere, 'hacc'), { recursive: true });
    writeFileSync(join(elsewhere, 'hacc/anything'), 'not hacc');
    rmSync(join(dir, 'resource.d'), { recursive: true });
    symlinkSync(elsewhere, join(dir, 'resource.d'));
    const before = { dir: snapshot(dir), elsewhere: snapshot(elsewhere) };
    const run = await runCli(['build', WEB, '-o', 'site'], { cwd });
    expect(run.exit).toBe(2);
    expect(run.stderr).toMatch(/^hacc: cannot write site: resource\.d is a symbolic link, which hacc never writes; /);
    expect({ dir: snapshot(dir), elsewhere: snapshot(elsewhere) }).toEqual(before);
    expect(readdirSync(cwd).sort()).toEqual(['elsewhere', 'site']);
  });

  it('a file that appears in the old directory during the swap is kept, with a note', async () => {
    const { cwd, dir } = await built();
    const artifacts = [{ path: 'cib.xml', contents: '<configuration/>\n', mode: 0o644 }];
    const notes = await writeTree(dir, 'site', artifacts, {
      pause: async (point) => {
        if (point !== 'after-aside') return;
        const aside = readdirSync(cwd).find((n) => n.startsWith('.site.hacc-old-'))!;
        writeFileSync(join(cwd, aside, 'late.txt'), 'written during the build');
      },
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^kept .*\.site\.hacc-old-[^:]*: late\.txt was not written by hacc; nothing in it was deleted$/);
    expect(readFileSync(join(dir, 'cib.xml'), 'utf8')).toBe('<configuration/>\n');
    const aside = readdirSync(cwd).filter((n) => n.startsWith('.site.hacc-old-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(cwd, aside[0]!, 'late.txt'), 'utf8')).toBe('written during the build');
  });
});

describe('read-only and full file systems: one line, exit 2, DIR as it was', () => {
  const isRoot = process.getuid?.() === 0;

  /** A tmpfs of `size` mounted at a fresh directory; unmounted in afterAll. */
  function tmpfs(size: string): string {
    const at = join(fresh(), 'mnt');
    mkdirSync(at);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at]);
    mounts.push(at);
    return at;
  }

  it.runIf(isRoot)('a read-only file system (tmpfs remounted ro): nothing written, DIR unchanged', async () => {
    const fs = tmpfs('1m');
    const dir = join(fs, 'site');
    expect((await runCli(['build', SEED, '-o', dir])).exit).toBe(0);
    const before = snapshot(fs);
    execFileSync('mount', ['-o', 'remount,ro', fs]);
    const run = await runCli(['build', WEB, '-o', dir]);
    expect(run.exit).toBe(2);
    expect(run.stderr).toBe(`hacc: cannot write ${dir}: read-only file system\n`);
    expect(snapshot(fs)).toEqual(before);
    const fresh = await runCli(['build', WEB, '-o', join(fs, 'new')]);
    expect(fresh.exit).toBe(2);
    expect(fresh.stderr).toBe(`hacc: cannot write ${join(fs, 'new')}: read-only file system\n`);
    expect(snapshot(fs)).toEqual(before);
  });

  it.runIf(isRoot)('a full file system (tiny tmpfs): no space left, DIR unchanged, no temporary left', async () => {
    const fs = tmpfs('256k');
    const dir = join(fs, 'site');
    expect((await runCli(['build', SEED, '-o', dir])).exit).toBe(0);
    // Fill what is left, then build something bigger than the space that remains.
    const big = join(scratch, 'big.ha');
    writeFileSync(big, generateHa(3, { resources: 60 }));
    try {
      for (let i = 0; ; i++) writeFileSync(join(fs, `filler-${i}`), Buffer.alloc(4096));
    } catch (e) {
      expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    rmSync(join(fs, 'filler-0'));
    rmSync(join(fs, 'filler-1'));
    const before = snapshot(dir);
    const run = await runCli(['build', big, '-o', dir]);
    expect(run.exit).toBe(2);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('hacc: '))).toEqual([`hacc: cannot write ${dir}: no space left on device`]);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(fs).filter((n) => n.includes('.hacc-'))).toEqual([]);
  });
});

describe('hacc as a child process (bin/hacc.js)', () => {
beforeAll(async () => {
  // The child runs bin/hacc.js, which loads the bundle: build it from these sources.
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'pipe' });
  await bundle(ROOT);
});

/** bin/hacc.js with ARGS under a file-size limit of `kib` KiB (bash's `ulimit -f`), in `cwd`. */
function limited(kib: number, args: readonly string[], cwd: string) {
  const words = [process.execPath, join(ROOT, 'bin/hacc.js'), ...args].map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');
  return spawnSync('bash', ['-c', `ulimit -f ${kib} && exec ${words}`], { cwd, encoding: 'utf8' });
}

describe('a write cut short (a file-size limit, as a full disk or quota would): exit 2, nothing replaced', () => {
  it('build: the previous build stays byte for byte, no temporary left', async () => {
    const { cwd, dir, before } = await built(SEED);
    // web-el9's setup.sh is larger than 8 KiB: the first write of it stops at the limit.
    const run = limited(8, ['build', WEB, '-o', 'site'], cwd);
    expect(run.stderr).toBe('hacc: cannot write site: file too large (a file-size limit: ulimit -f?)\n');
    expect(run.status).toBe(2);
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(cwd)).toEqual(['site']);
  });

  it('fmt: the file is left as it was, no temporary beside it', () => {
    const cwd = fresh();
    const text = generateHa(5, { resources: 120 }).replace(/^ +/gm, '');
    expect(Buffer.byteLength(text)).toBeGreaterThan(16 * 1024);
    writeFileSync(join(cwd, 'big.ha'), text);
    const run = limited(8, ['fmt', 'big.ha'], cwd);
    expect(run.stderr).toBe('hacc: cannot write big.ha: file too large (a file-size limit: ulimit -f?)\n');
    expect(run.status).toBe(2);
    expect(readFileSync(join(cwd, 'big.ha'), 'utf8')).toBe(text);
    expect(readdirSync(cwd)).toEqual(['big.ha']);
  });

  it('import -o: an existing file is left as it was, no temporary beside it', () => {
    const cwd = fresh();
    const built = spawnSync(process.execPath, [join(ROOT, 'bin/hacc.js'), 'build', '--cib', 'full', '-o', 'site', WEB], { cwd, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    writeFileSync(join(cwd, 'cluster.ha'), 'old contents\n');
    const run = limited(1, ['import', 'site/cib.xml', '-o', 'cluster.ha'], cwd);
    expect(run.stderr).toBe('hacc: cannot write cluster.ha: file too large (a file-size limit: ulimit -f?)\n');
    expect(run.status).toBe(2);
    expect(readFileSync(join(cwd, 'cluster.ha'), 'utf8')).toBe('old contents\n');
    expect(readdirSync(cwd).sort()).toEqual(['cluster.ha', 'site']);
  });
});

describe('input that never ends', () => {
  it('`yes | hacc check -` stops reading at the cap: a clear message, exit 2', () => {
    const run = spawnSync('bash', ['-c', `yes | '${process.execPath}' '${join(ROOT, 'bin/hacc.js')}' check -`], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('hacc: cannot read standard input: larger than 64 MiB, more than hacc reads (is it really a .ha file?)\n');
    expect(run.status).toBe(2);
  });
});

describe('builds are deterministic across processes, directories, locales and time zones', () => {

  const ENVS: Record<string, string>[] = [
    { LANG: 'C', LC_ALL: 'C', TZ: 'UTC' },
    { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', TZ: 'Asia/Tokyo' },
    { LANG: 'ja_JP.UTF-8', LC_ALL: 'ja_JP.UTF-8', TZ: 'America/Los_Angeles' },
  ];

  for (const [name, file] of [['seed.ha', SEED], ['web-el9.ha', WEB], ['a generated cluster', 'generated']] as const) {
    it(name, () => {
      const cases = ENVS.map((env, i) => {
        const cwd = fresh();
        const sub = join(cwd, `dir-${i}`, 'deeper'.repeat(i));
        mkdirSync(sub, { recursive: true });
        let input = file;
        if (file === 'generated') {
          input = join(sub, 'gen.ha');
          writeFileSync(input, generateHa(11, { resources: 12 }));
        }
        const run = spawnSync(process.execPath, [join(ROOT, 'bin/hacc.js'), 'build', input, '-o', 'site'], {
          cwd: sub,
          env: { PATH: process.env['PATH'] ?? '', ...env },
          encoding: 'utf8',
        });
        expect(run.status, run.stderr).toBe(0);
        return snapshot(join(sub, 'site'));
      });
      expect(cases[1]).toEqual(cases[0]);
      expect(cases[2]).toEqual(cases[0]);
      expect(existsSync(join(ROOT, 'site'))).toBe(false);
    });
  }
});
});
