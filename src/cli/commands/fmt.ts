import { Command } from 'commander';
import { render, type FileReport } from '../../render/index.js';
import { readSource, writeFileAtomically, type Io } from '../io.js';

interface FmtFlags {
  check?: boolean;
}

export function fmtCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('fmt')
    .description('rewrite .ha files in the canonical layout (- reads standard input, writes standard output)')
    .argument('<files...>', '.ha files to format')
    .option('--check', 'change nothing; list the files that are not formatted and exit 1 if there are any')
    .action(async (files: string[], flags: FmtFlags) => {
      // The printer loads only for `hacc fmt`.
      const { formatHa } = await import('../../print/print.js');
      const broken: FileReport[] = [];
      let unformatted = false;
      for (const path of files) {
        const source = readSource(path, io);
        const text = source.text;
        const shown = path === '-' ? '<stdin>' : path;
        const result = formatHa(source, shown);
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
          writeFileAtomically(path, result.text);
        }
      }
      // Files with syntax errors are reported as `hacc check` would, and left alone.
      if (broken.length > 0) io.stderr(render('text', broken, { color: false }));
      setExit(broken.length > 0 || unformatted ? 1 : 0);
    });
}
