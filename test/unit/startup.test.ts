import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// `hacc check` of a valid file loads only what it needs, compiled already: start-up is most of a
// small check (the bench's target is 2.5 × `node -e 0`). Modules and the code cache, not timings: a
// module-resolution hook records every module the process imports.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(join(tmpdir(), 'hacc-startup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function loadedBy(args: readonly string[]): string[] {
  const log = join(scratch, `loaded-${args.join('-').replace(/[^a-z0-9-]/gi, '_')}.log`);
  writeFileSync(
    join(scratch, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.HACC_LOADED_LOG, r.url + '\\n');
  return r;
}
`,
  );
  writeFileSync(join(scratch, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', join(scratch, 'register.mjs'), join(ROOT, 'bin/hacc.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HACC_LOADED_LOG: log },
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('start-up', () => {
  // bin/hacc.js runs the CLI from one CommonJS bundle and its V8 code cache (src/cli/load-bundle.ts):
  // the only modules it imports are its own and the loader's.
  const hacc = (urls: readonly string[]) => urls.filter((u) => u.startsWith('file:'));

  it('hacc check imports bin/hacc.js and the bundle loader only', () => {
    expect(hacc(loadedBy(['check', 'fixtures/examples/seed.ha']))).toEqual([`file://${ROOT}/bin/hacc.js`, `file://${ROOT}/dist/src/cli/load-bundle.js`]);
  });

  /** What loadBundle says of the bundle in DIR, from a fresh node (flags as bin/hacc.js has them). */
  function loadIn(dir: string): { fromCache: boolean; main: string } {
    const script = `import { loadBundle } from ${JSON.stringify(`${ROOT}/dist/src/cli/load-bundle.js`)};
const l = loadBundle(${JSON.stringify(dir)});
console.log(JSON.stringify({ fromCache: l.fromCache, main: typeof l.exports.main }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { fromCache: boolean; main: string };
  }

  it('runs the bundle from the code cache the build made', () => {
    expect(loadIn(join(ROOT, 'dist', 'bundle'))).toEqual({ fromCache: true, main: 'function' });
  });

  it('compiles a bundle whose cache was made from another one of the same length, or that has none', () => {
    const dir = join(scratch, 'other-bundle');
    mkdirSync(dir);
    const source = readFileSync(join(ROOT, 'dist', 'bundle', 'hacc.cjs'), 'utf8');
    // The same length (all that V8 checks of a source), another text: one character changed.
    const other = source.replace('0.1.0', '0.1.9');
    expect(other).not.toBe(source);
    expect(other.length).toBe(source.length);
    writeFileSync(join(dir, 'hacc.cjs'), other);
    copyFileSync(join(ROOT, 'dist', 'bundle', 'hacc.v8-cache'), join(dir, 'hacc.v8-cache'));
    expect(loadIn(dir)).toEqual({ fromCache: false, main: 'function' });
    rmSync(join(dir, 'hacc.v8-cache'));
    expect(loadIn(dir)).toEqual({ fromCache: false, main: 'function' });
  });

  it('hacc check of a file with syntax errors works the same way', () => {
    const file = join(scratch, 'broken.ha');
    writeFileSync(file, 'cluster c {\n  node a addr=10.0.0.1/24\n  primitive p Dummy {\n}\n');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/hacc.js'), 'check', file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('HA001');
  });
});
