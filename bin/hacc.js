#!/usr/bin/env -S node --initial-old-space-size=256
// The flag: V8 starts a heap with a small old-generation limit and grows it by full collections.
// Importing or building a large cluster keeps 100-200 MB of trees alive, and the full collection
// that raises the limit on the way costs it about a tenth of its time (bench/RESULTS.md). Memory is
// still taken only as it is used. `node bin/hacc.js` runs without it, as fast as before.
import { main } from '../dist/bundle/hacc.js';

process.exitCode = await main(process.argv.slice(2));
