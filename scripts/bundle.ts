// `npm run build` (and `prepare`): the CLI as one CommonJS bundle, dist/bundle/hacc.cjs, with the
// V8 code cache that bin/hacc.js runs it from (src/cli/load-bundle.ts says why). The cache is made
// here by running the bundle on a few commands (check and build of the seed example, import and fmt
// of what it built), so that what they call is compiled in it. The tests run the sources; CI runs
// the bundle through bin/hacc.js.

import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Io } from '../src/cli/io.js';
import { BUNDLE_FILE, CODE_CACHE_FILE, loadBundle } from '../src/cli/load-bundle.js';

export const BUNDLE_DIR = join('dist', 'bundle');

/** The example the code cache is made with, from the root. */
const WARM_UP_SOURCE = join('fixtures', 'examples', 'seed.ha');

/** Bundles the sources under `root` into `outdir` (relative to root, or absolute), with its code cache. */
export async function bundle(root = process.cwd(), outdir = BUNDLE_DIR): Promise<void> {
  const dir = resolve(root, outdir);
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile: join(dir, BUNDLE_FILE),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // chevrotain's entry point is a graph of some 700 modules; lib/chevrotain.mjs is the same library in one.
    alias: { chevrotain: './node_modules/chevrotain/lib/chevrotain.mjs' },
    // import.meta.url (where the catalogue and the setup scripts are looked for) is the bundle's own.
    define: { 'import.meta.url': '__haccModuleUrl' },
    banner: { js: "const __haccModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    minify: true,
    legalComments: 'external',
    logLevel: 'warning',
  });
  rmSync(join(dir, CODE_CACHE_FILE), { force: true });
  const loaded = loadBundle<{ main: (argv: readonly string[], io: Io) => Promise<number> }>(dir);
  const scratch = mkdtempSync(join(tmpdir(), 'hacc-code-cache-'));
  try {
    const io: Io = { stdout: () => undefined, stderr: () => undefined, readStdin: () => new Uint8Array(), stdoutIsTTY: false, env: {}, cwd: root };
    const source = join(root, WARM_UP_SOURCE);
    const out = join(scratch, 'out');
    const imported = join(scratch, 'imported.ha');
    for (const argv of [['check', source], ['build', source, '-o', out], ['import', join(out, 'cib.xml'), '-o', imported], ['fmt', '--check', imported]]) {
      // Each succeeds: a command that stopped early would leave what it calls out of the cache.
      const code = await loaded.exports.main(argv, io);
      if (code !== 0) throw new Error(`the code cache's warm-up: hacc ${argv.join(' ')} exited ${code}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  writeFileSync(join(dir, CODE_CACHE_FILE), loaded.codeCache());
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // A fresh directory: nothing of an earlier build stays (older versions wrote ES module chunks).
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await bundle();
}
