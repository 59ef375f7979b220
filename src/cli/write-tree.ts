// Writes a build's artifacts into a directory all at once, or not at all.
//
// Everything is written into a fresh directory beside the target (same parent, so the renames stay
// on one file system): `.NAME.hacc-tmp-PID-RAND`. Each file is created with O_EXCL (a symlink in
// the way is an error, never followed), written, fsynced, and the directories fsynced. Then the
// swap: the old directory is renamed aside to `.NAME.hacc-old-PID-RAND`, the new one renamed into
// place, the parent fsynced, and the old one removed. A crash or error before the swap leaves the
// old directory untouched; the only window without a directory at NAME is the one between the two
// renames, and the next build repairs it (an `.hacc-old-` sibling is renamed back when NAME is
// missing). Leftover temporary siblings of dead processes are removed by the next build.
//
// The target itself must be a real directory or absent: a symlink at NAME is refused rather than
// replaced or followed.

import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync, chmodSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { Artifact } from '../emit/artifact.js';
import { ioReason, UsageError } from './io.js';

/** Points where a test may stop the writer (see `HACC_TEST_PAUSE_AT` in commands/build.ts). */
export type WritePoint = 'writing' | 'before-swap' | 'after-aside';

export interface WriteHooks {
  /** Awaited at each point; tests use it to kill the process there. */
  readonly pause?: (point: WritePoint) => Promise<void>;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** An artifact path must stay inside the output directory. */
function checkedRelative(path: string): string {
  const n = normalize(path);
  if (path === '' || isAbsolute(path) || n !== path || n.split(sep).some((p) => p === '..' || p === '.' || p === '')) {
    throw new Error(`artifact path '${path}' is not a plain relative path`);
  }
  return n;
}

function writeFileExclusive(path: string, contents: string, mode: number): void {
  const fd = openSync(path, 'wx', mode);
  try {
    writeSync(fd, contents);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(path, mode);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const SIBLING = /^\.(.*)\.hacc-(tmp|old)-(\d+)-[0-9a-f]+$/;

/** Puts back an old directory a crash left aside, and removes temporaries of dead processes. */
function recover(parent: string, name: string, target: string): void {
  const siblings = readdirSync(parent)
    .map((entry) => ({ entry, m: SIBLING.exec(entry) }))
    .filter((s) => s.m !== null && s.m[1] === name && !isAlive(Number(s.m[3])))
    .sort((a, b) => (a.entry < b.entry ? -1 : 1));
  for (const { entry, m } of siblings) {
    const path = join(parent, entry);
    if (m![2] === 'old' && lstatOrUndefined(target) === undefined) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}

function failure(dir: string, e: unknown): UsageError {
  return e instanceof UsageError ? e : new UsageError(`cannot write ${dir}: ${ioReason(e)}`);
}

/**
 * Replaces directory `dir` with exactly `artifacts`, atomically as described above. `shown` is how
 * the directory is named in messages. Errors are UsageErrors with one line (exit 2).
 */
export async function writeTree(dir: string, shown: string, artifacts: readonly Artifact[], hooks: WriteHooks = {}): Promise<void> {
  const parent = dirname(dir);
  const name = basename(dir);
  if (parent === dir || name === '' || name === '.' || name === '..') throw new UsageError(`cannot write ${shown}: not a directory hacc can replace`);
  let parentStat: Stats;
  try {
    parentStat = statSync(parent);
  } catch (e) {
    throw new UsageError(`cannot write ${shown}: parent directory ${parent}: ${ioReason(e)}`);
  }
  if (!parentStat.isDirectory()) throw new UsageError(`cannot write ${shown}: ${parent} is not a directory`);
  const files = artifacts.map((a) => ({ ...a, rel: checkedRelative(a.path) }));

  let tmp: string | undefined;
  let old: string | undefined;
  try {
    recover(parent, name, dir);
    const existing = lstatOrUndefined(dir);
    if (existing?.isSymbolicLink()) throw new UsageError(`cannot write ${shown}: it is a symbolic link; refusing to replace or follow it`);
    if (existing && !existing.isDirectory()) throw new UsageError(`cannot write ${shown}: it exists and is not a directory`);

    const tag = `${process.pid}-${randomBytes(6).toString('hex')}`;
    tmp = join(parent, `.${name}.hacc-tmp-${tag}`);
    mkdirSync(tmp, { mode: 0o777 });
    const dirs = new Set<string>([tmp]);
    let first = true;
    for (const f of files) {
      const path = join(tmp, f.rel);
      const sub = dirname(path);
      if (!dirs.has(sub)) {
        mkdirSync(sub, { recursive: true, mode: 0o777 });
        for (let d = sub; d !== tmp && !dirs.has(d); d = dirname(d)) dirs.add(d);
      }
      writeFileExclusive(path, f.contents, f.mode);
      if (first) await hooks.pause?.('writing');
      first = false;
    }
    // Deepest first, so every entry is durable before the directory that names it.
    for (const d of [...dirs].sort((a, b) => b.length - a.length)) fsyncPath(d);
    await hooks.pause?.('before-swap');

    if (existing) {
      renameSync(dir, join(parent, `.${name}.hacc-old-${tag}`));
      old = join(parent, `.${name}.hacc-old-${tag}`);
    }
    await hooks.pause?.('after-aside');
    renameSync(tmp, dir);
    tmp = undefined;
    fsyncPath(parent);
    // The new contents are in place: a failure to clean up is left to the next build's recover().
    if (old !== undefined) {
      try {
        rmSync(old, { recursive: true, force: true });
      } catch {
        // Left for recover().
      }
    }
  } catch (e) {
    try {
      // An error between the renames: put the old directory back.
      if (old !== undefined && tmp !== undefined && lstatOrUndefined(dir) === undefined) renameSync(old, dir);
      if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
    } catch {
      // The original error is the one to report.
    }
    throw failure(shown, e);
  }
}
