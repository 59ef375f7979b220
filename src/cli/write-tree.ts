// Writes a build's artifacts into a directory all at once, or not at all, and never destroys
// anything hacc did not write.
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
// Ownership: every build also writes `.hacc-manifest`, the sha256 and path of each file it wrote
// (`sha256sum -c .hacc-manifest` checks them). An existing NAME is replaced only when it is empty,
// or holds exactly what its manifest lists, unchanged: no other file, no symlink, no file edited
// since. Anything else is refused (exit 2) before anything is written, naming the first entry
// that is not hacc's. The directory set aside is checked again before it is removed, and kept
// (with a note) if something appeared in it meanwhile.
//
// The target itself must be a real directory or absent: a symlink at NAME is refused rather than
// replaced or followed.

import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, chmodSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { Artifact } from '../emit/artifact.js';
import { ioReason, UsageError, writeAll } from './io.js';

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
    writeAll(fd, contents);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(path, mode);
}

/** The file in DIR that lists what hacc wrote there. */
export const MANIFEST = '.hacc-manifest';

function sha256(contents: string | Buffer): string {
  return createHash('sha256').update(contents).digest('hex');
}

/** `sha256sum` format: one `HEX  PATH` line per file, sorted by path. */
function manifestText(files: readonly { rel: string; contents: string }[]): string {
  return [...files]
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
    .map((f) => `${sha256(f.contents)}  ${f.rel}\n`)
    .join('');
}

/** A path for a one-line message: control characters (a newline in a file name) shown as '?'. */
function shown(rel: string): string {
  return rel.replace(/[\u0000-\u001f\u007f]/g, '?');
}

/** The manifest's entries (path -> sha256), or why it is not hacc's. */
function readManifest(path: string): Map<string, string> | string {
  const listed = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (m) listed.set(m[2]!, m[1]!);
    else if (line !== '') return `${MANIFEST} is not hacc's (line '${shown(line.slice(0, 60))}')`;
  }
  return listed;
}

/**
 * Why `dir` is not hacc's to replace, or undefined when it is: empty, or exactly the files its
 * manifest lists, unchanged, and the directories that hold them. Never follows a symlink, and looks
 * no deeper than the top level of a directory without a manifest (`-o ~` must not walk a home).
 */
export function notOwned(dir: string): string | undefined {
  const top = readdirSync(dir).sort();
  if (top.length === 0) return undefined;
  const manifest = lstatOrUndefined(join(dir, MANIFEST));
  if (!manifest?.isFile()) {
    const first = top.find((n) => n !== MANIFEST) ?? MANIFEST;
    return `it holds files hacc did not write (${shown(first)}${top.length > 1 ? ', …' : ''}) and no ${MANIFEST}`;
  }
  const listed = readManifest(join(dir, MANIFEST));
  if (typeof listed === 'string') return listed;
  const parents = new Set<string>();
  for (const rel of listed.keys()) for (let i = rel.indexOf('/'); i !== -1; i = rel.indexOf('/', i + 1)) parents.add(rel.slice(0, i));
  const check = (rel: string): string | undefined => {
    const st = lstatSync(join(dir, rel));
    if (st.isSymbolicLink()) return `${shown(rel)} is a symbolic link, which hacc never writes`;
    if (st.isDirectory()) {
      if (!parents.has(rel)) return `${shown(rel)}/ was not made by hacc`;
      for (const name of readdirSync(join(dir, rel)).sort()) {
        const why = check(`${rel}/${name}`);
        if (why !== undefined) return why;
      }
      return undefined;
    }
    if (!st.isFile() || !listed.has(rel)) return `${shown(rel)} was not written by hacc`;
    if (sha256(readFileSync(join(dir, rel))) !== listed.get(rel)) return `${shown(rel)} was changed since hacc wrote it`;
    return undefined;
  };
  for (const name of top) {
    if (name === MANIFEST) continue;
    const why = check(name);
    if (why !== undefined) return why;
  }
  return undefined;
}

/** Removes a directory hacc set aside, unless something not hacc's appeared in it: then a note. */
function removeOwned(path: string): string | undefined {
  const why = notOwned(path);
  if (why !== undefined) return `kept ${path}: ${why}; nothing in it was deleted`;
  rmSync(path, { recursive: true, force: true });
  return undefined;
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

/**
 * Puts back an old directory a crash left aside, and removes what dead builds left: their
 * temporaries (made by hacc, exclusively) and old directories (only when still all hacc's).
 */
function recover(parent: string, name: string, target: string, notes: string[]): void {
  const siblings = readdirSync(parent)
    .map((entry) => ({ entry, m: SIBLING.exec(entry) }))
    .filter((s) => s.m !== null && s.m[1] === name && !isAlive(Number(s.m[3])))
    .sort((a, b) => (a.entry < b.entry ? -1 : 1));
  for (const { entry, m } of siblings) {
    const path = join(parent, entry);
    if (m![2] === 'old' && lstatOrUndefined(target) === undefined) renameSync(path, target);
    else if (m![2] === 'old') {
      const note = removeOwned(path);
      if (note !== undefined) notes.push(note);
    } else rmSync(path, { recursive: true, force: true });
  }
}

function failure(dir: string, e: unknown): UsageError {
  return e instanceof UsageError ? e : new UsageError(`cannot write ${dir}: ${ioReason(e)}`);
}

/**
 * Replaces directory `dir` with exactly `artifacts` (and the manifest), atomically as described
 * above. `shown` is how the directory is named in messages. Errors are UsageErrors with one line
 * (exit 2). Returns notes for the user: directories kept because they held files not hacc's.
 */
export async function writeTree(dir: string, shown: string, artifacts: readonly Artifact[], hooks: WriteHooks = {}): Promise<string[]> {
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
  if (files.some((f) => f.rel === MANIFEST)) throw new Error(`artifact path '${MANIFEST}' is hacc's own`);
  const notes: string[] = [];

  let tmp: string | undefined;
  let old: string | undefined;
  try {
    recover(parent, name, dir, notes);
    const existing = lstatOrUndefined(dir);
    if (existing?.isSymbolicLink()) throw new UsageError(`cannot write ${shown}: it is a symbolic link; refusing to replace or follow it`);
    if (existing && !existing.isDirectory()) throw new UsageError(`cannot write ${shown}: it exists and is not a directory`);
    const foreign = existing && notOwned(dir);
    if (foreign) throw new UsageError(`cannot write ${shown}: ${foreign}; hacc replaces only a directory it wrote, so move that away or choose another -o DIR`);

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
    writeFileExclusive(join(tmp, MANIFEST), manifestText(files), 0o644);
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
        const note = removeOwned(old);
        if (note !== undefined) notes.push(note);
      } catch {
        // Left for recover().
      }
    }
    return notes;
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
