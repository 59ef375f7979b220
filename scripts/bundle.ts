// `npm run build` (and `prepare`): the CLI as one ES module, dist/bundle/hacc.js, that bin/hacc.js
// loads. Start-up is most of a small `hacc check`: one module (with chevrotain, commander and the
// rules inside) loads much faster than the few hundred files tsc writes. What only some commands need
// (the emitters, the printer, the importer and its XML parser) is split into chunks that load when a
// command imports them. The tests run the sources; CI runs the bundle through bin/hacc.js.

import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const BUNDLE_DIR = join('dist', 'bundle');

/** Bundles the sources under `root` into `outdir` (relative to root, or absolute). */
export async function bundle(root = process.cwd(), outdir = BUNDLE_DIR): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: { hacc: 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'hacc-[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // chevrotain's entry point is a graph of some 700 modules; lib/chevrotain.mjs is the same library in one.
    alias: { chevrotain: './node_modules/chevrotain/lib/chevrotain.mjs' },
    // commander is CommonJS: its require() of node's own modules needs a real require.
    banner: { js: "import { createRequire as __haccCreateRequire } from 'node:module';\nconst require = __haccCreateRequire(import.meta.url);" },
    minify: true,
    legalComments: 'external',
    logLevel: 'warning',
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // Chunk names carry a content hash, so each rebuild would leave the old chunks behind. Only here:
  // tests rebuild the bundle in place while other tests run it.
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await bundle();
}
