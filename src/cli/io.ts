import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeSource, type SourceText } from '../syntax/source.js';

/** The process surface the commands use, so tests can run them in-process. */
export interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  /** All of standard input, up to MAX_INPUT_BYTES (readCapped). */
  readonly readStdin: () => Uint8Array;
  readonly stdoutIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readCapped(0),
  stdoutIsTTY: process.stdout.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
};

/** A problem with how hacc was called or with the file system: exit 2, one line, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EFBIG':
      return 'file too large (a file-size limit: ulimit -f?)';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/**
 * The most hacc reads from one file or standard input: far more than any real .ha file or CIB (the
 * benchmark's 10,000 primitives are 2 MB), and a bound on what `hacc check /dev/zero` or
 * `yes | hacc check -` can make it hold.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

class InputTooLarge extends Error {
  override readonly name = 'InputTooLarge';
}

/** Reads fd to its end, in chunks, and stops with InputTooLarge past MAX_INPUT_BYTES. */
function readCapped(fd: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  // A regular file is read in one piece of its size (plus one byte, to see the end); a pipe or a
  // device (size 0) in 64 KiB pieces.
  const size = fstatSync(fd).size;
  let next = size > 0 && size <= MAX_INPUT_BYTES ? size + 1 : 1 << 16;
  for (;;) {
    const chunk = Buffer.allocUnsafe(next);
    next = 1 << 16;
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      // A non-blocking standard input with nothing yet: wait a little and read again.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      continue;
    }
    // A regular file is one chunk: no copy of it (a large CIB is megabytes).
    if (n === 0) return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
    total += n;
    if (total > MAX_INPUT_BYTES) throw new InputTooLarge(`larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB, more than hacc reads (is it really a .ha file?)`);
    chunks.push(chunk.subarray(0, n));
  }
}

/** A file's bytes (standard input for `-`), at most MAX_INPUT_BYTES; any failure is a UsageError. */
function readBytes(path: string, io: Io): Uint8Array {
  try {
    if (path === '-') return io.readStdin();
    if (statSync(path).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    const fd = openSync(path, 'r');
    try {
      return readCapped(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new UsageError(`cannot read ${path === '-' ? 'standard input' : path}: ${e instanceof InputTooLarge ? e.message : reason(e)}`);
  }
}

/** A .ha source: its text, and HA003 for bytes that are not UTF-8 (see syntax/source.ts). */
export function readSource(path: string, io: Io): SourceText {
  return decodeSource(readBytes(path, io));
}

/** A text file that is not .ha (a CIB), as UTF-8 with any invalid byte replaced. */
export function readText(path: string, io: Io): string {
  return new TextDecoder().decode(readBytes(path, io));
}

export function ioReason(e: unknown): string {
  return reason(e);
}

/**
 * Writes all of `text` to `fd`. write(2) may write less than it was given (a file-size limit, a
 * full disk or quota): the rest is written again, and the call that cannot write any of it throws
 * (EFBIG, ENOSPC, EDQUOT), so a truncated file is never taken for a complete one.
 */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    const n = writeSync(fd, bytes, done, bytes.length - done);
    if (n <= 0) throw Object.assign(new Error('nothing written'), { code: 'ENOSPC' });
    done += n;
  }
}

/**
 * Replaces (or creates) a file all at once: a fresh temporary file beside it, fsynced, then renamed
 * over it, so a reader sees the old contents or the new, never a part. An existing file keeps its mode.
 * An error names the file as `shown` (the path as the user wrote it).
 */
export function writeFileAtomically(path: string, text: string, shown = path): void {
  const tmp = join(dirname(path), `.${basename(path)}.hacc-tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    let mode: number | undefined;
    try {
      mode = statSync(path).mode & 0o7777;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const fd = openSync(tmp, 'wx', mode ?? 0o644);
    try {
      writeAll(fd, text);
      if (mode !== undefined) chmodSync(tmp, mode);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was left behind
    }
    throw new UsageError(`cannot write ${shown}: ${reason(e)}`);
  }
}
