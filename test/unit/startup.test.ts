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
  it('hacc check loads chevrotain as its one-file build, and no XML library, emitter, lowering, printer or importer', () => {
    const loaded = loadedBy(['check', 'fixtures/examples/seed.ha']);
    expect(loaded.some((u) => u.includes('/dist/src/check/'))).toBe(true);
    // chevrotain's entry point is a graph of some 700 modules; its lib/chevrotain.mjs is one.
    expect(loaded.filter((u) => /node_modules\/chevrotain\//.test(u))).toEqual([expect.stringMatching(/node_modules\/chevrotain\/lib\/chevrotain\.mjs$/)]);
    const heavy = [/node_modules\/fast-xml-parser\//, /node_modules\/xmlbuilder2\//, /\/dist\/src\/(emit|lower|cib|print|import)\//];
    expect(loaded.filter((u) => heavy.some((re) => re.test(u)))).toEqual([]);
  });

  it('hacc check of a file with syntax errors works the same way', () => {
    const file = join(scratch, 'broken.ha');
    writeFileSync(file, 'cluster c {\n  node a addr=10.0.0.1/24\n  primitive p Dummy {\n}\n');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/hacc.js'), 'check', file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('HA001');
  });
});
