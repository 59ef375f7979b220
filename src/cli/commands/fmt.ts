import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Command } from 'commander';
import { formatHa } from '../../format/format.js';
import { render, type FileReport } from '../../render/index.js';
import { ioReason, readSource, UsageError, type Io } from '../io.js';

interface FmtFlags {
  check?: boolean;
}

/** Replaces a file's contents all at once (a temporary file beside it, then rename), keeping its mode. */
function writeInPlace(path: string, text: string): void {
  const tmp = join(dirname(path), `.hacc-tmp-${basename(path)}-${process.pid}`);
  try {
    const mode = statSync(path).mode & 0o7777;
    writeFileSync(tmp, text, { mode });
    chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was left behind
    }
    throw new UsageError(`cannot write ${path}: ${ioReason(e)}`);
  }
}

export function fmtCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('fmt')
    .description('rewrite .ha files in the canonical layout (- reads standard input, writes standard output)')
    .argument('<files...>', '.ha files to format')
    .option('--check', 'change nothing; list the files that are not formatted and exit 1 if there are any')
    .action((files: string[], flags: FmtFlags) => {
      const broken: FileReport[] = [];
      let unformatted = false;
      for (const path of files) {
        const text = readSource(path, io);
        const shown = path === '-' ? '<stdin>' : path;
        const result = formatHa(text, shown);
        if (!result.ok) {
          broken.push({ path: shown, text, diagnostics: result.diagnostics });
          continue;
        }
        if (flags.check) {
          if (result.changed) {
            unformatted = true;
            io.stdout(`${shown}\n`);
          }
        } else if (path === '-') {
          io.stdout(result.text);
        } else if (result.changed) {
          writeInPlace(path, result.text);
        }
      }
      // Files with syntax errors are reported as `hacc check` would, and left alone.
      if (broken.length > 0) io.stderr(render('text', broken, { color: false }));
      setExit(broken.length > 0 || unformatted ? 1 : 0);
    });
}
