// How bin/hacc.js runs the CLI: one CommonJS bundle (scripts/bundle.ts), compiled with V8's code
// cache. Start-up is most of a small `hacc check`, and compiling the CLI's functions as they are
// first called took about 45 ms of a 390 ms check of the seed example. Node 20 keeps no compiled
// code for ES modules (module.enableCompileCache came in Node 22), but vm.Script takes a code
// cache: the bundle runs as Node runs a CommonJS module, with the cache `npm run build` made beside it.
//
// V8 checks a cache against its own version and flags, and against the length of the source only:
// a cache for another bundle of the same length would run that bundle's compiled code. So the
// cache file starts with a digest of the bundle it was made from, and is used only when it matches.
// A cache V8 turns down (another node, other flags) or none at all only costs the compile.
// Plain node built-ins only: this runs before any of hacc is loaded.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The bundle, and its code cache, in the bundle directory. */
export const BUNDLE_FILE = 'hacc.cjs';
export const CODE_CACHE_FILE = 'hacc.v8-cache';

const DIGEST_BYTES = 32;

export interface LoadedBundle<T> {
  /** What the bundle's module.exports holds. */
  readonly exports: T;
  /** Whether V8 ran the bundle from the code cache. */
  readonly fromCache: boolean;
  /** The cache file's contents for the compiled code now (call it after a run, to keep its functions). */
  codeCache(): Buffer;
}

/** Runs the bundle in `dir` as a CommonJS module, from its code cache when that is the bundle's. */
export function loadBundle<T>(dir: string): LoadedBundle<T> {
  const file = join(dir, BUNDLE_FILE);
  const bytes = readFileSync(file);
  const digest = createHash('sha256').update(bytes).digest();
  let cachedData: Buffer | undefined;
  try {
    const cache = readFileSync(join(dir, CODE_CACHE_FILE));
    if (cache.subarray(0, DIGEST_BYTES).equals(digest)) cachedData = cache.subarray(DIGEST_BYTES);
  } catch {
    // No cache: compiled as it runs.
  }
  // The wrapper Node puts around a CommonJS module.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    fromCache: cachedData !== undefined && script.cachedDataRejected === false,
    codeCache: () => Buffer.concat([digest, script.createCachedData()]),
  };
}
