import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The process surface the commands use, so tests can run them in-process. */
export interface Io {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly readStdin: () => string;
  readonly stdoutIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readFileSync(0, 'utf8'),
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

/** Reads a source file (or stdin for `-`) as UTF-8. */
export function readSource(path: string, io: Io): string {
  try {
    if (path === '-') return io.readStdin();
    if (statSync(path).isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path === '-' ? 'standard input' : path}: ${reason(e)}`);
  }
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
