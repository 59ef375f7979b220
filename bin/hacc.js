#!/usr/bin/env node
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../dist/src/cli/load-bundle.js';

// The CLI is one CommonJS bundle run from its V8 code cache (src/cli/load-bundle.ts).
const { main } = loadBundle(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bundle')).exports;
const code = await main(process.argv.slice(2));
// Every command but `hacc lsp` (whose client ends the process) is done here. Exiting at once spares
// node its teardown of the heap, about 40 ms after a large import; output still queued for an
// asynchronous pipe is left to drain first, the usual way.
if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
process.exitCode = code;
