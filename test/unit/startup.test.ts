import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// `hacc check` of a valid file loads only what it needs: start-up is most of a small check (the
// bench's target is 2.5 × `node -e 0`). Modules, not timings: a module-resolution hook records
// every module the process resolves.
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
  // bin/hacc.js loads the bundle (scripts/bundle.ts): one module with chevrotain and the checks, and
  // chunks named after what only some commands import.
  const hacc = (urls: readonly string[]) => urls.filter((u) => u.startsWith('file:') && !u.endsWith('/bin/hacc.js'));
  const later = /\/dist\/bundle\/hacc-(emit|lower|print|import)-[A-Z0-9]+\.js$/;

  it('hacc check loads the bundle only, and none of the chunks of build, fmt or import', () => {
    const loaded = hacc(loadedBy(['check', 'fixtures/examples/seed.ha']));
    expect(loaded).toContain(`file://${ROOT}/dist/bundle/hacc.js`);
    expect(loaded.filter((u) => !u.startsWith(`file://${ROOT}/dist/bundle/`))).toEqual([]);
    expect(loaded.filter((u) => later.test(u))).toEqual([]);
  });

  it('hacc build loads the emitters as a chunk of their own', () => {
    const loaded = hacc(loadedBy(['build', 'fixtures/examples/seed.ha', '-o', join(scratch, 'out')]));
    expect(loaded.some((u) => /hacc-emit-[A-Z0-9]+\.js$/.test(u))).toBe(true);
    expect(loaded.filter((u) => !u.startsWith(`file://${ROOT}/dist/bundle/`))).toEqual([]);
  });

  it('hacc check of a file with syntax errors works the same way', () => {
    const file = join(scratch, 'broken.ha');
    writeFileSync(file, 'cluster c {\n  node a addr=10.0.0.1/24\n  primitive p Dummy {\n}\n');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/hacc.js'), 'check', file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('HA001');
  });
});
