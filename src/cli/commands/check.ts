import { Command, Option } from 'commander';
import { checkParsed } from '../../check/checker.js';
import { parseHa } from '../../syntax/parse.js';
import { FORMATS, render, type FileReport, type Format } from '../../render/index.js';
import { readSource, UsageError, type Io } from '../io.js';
import { agentsOption, catalogueFor, targetOf, targetOption } from '../options.js';

interface CheckFlags {
  format: Format;
  strict?: boolean;
  color: boolean;
  target?: string;
  agents?: string;
  quiet?: boolean;
  maxWarnings?: string;
}

export function useColor(io: Io, flag: boolean): boolean {
  return flag && io.stdoutIsTTY && io.env['NO_COLOR'] === undefined;
}

export function checkCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('check')
    .description('report every mistake in .ha files (- reads standard input)')
    .argument('<files...>', '.ha files to check')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('text'))
    .option('--strict', 'exit 1 on warnings too')
    .option('--no-color', 'never colour the output')
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings')
    .addOption(targetOption())
    .addOption(agentsOption())
    .action(async (files: string[], flags: CheckFlags) => {
      const target = targetOf(flags.target);
      const catalogue = await catalogueFor(flags.agents);
      // Digits only: Number('') is 0 and Number(' 1e3') is 1000, neither of which anyone meant.
      const maxWarnings = flags.maxWarnings === undefined ? undefined : /^\d+$/.test(flags.maxWarnings) ? Number(flags.maxWarnings) : NaN;
      if (maxWarnings !== undefined && !Number.isSafeInteger(maxWarnings)) {
        throw new UsageError(`--max-warnings takes a non-negative integer, not '${flags.maxWarnings}'`);
      }
      const reports: FileReport[] = [];
      for (const path of files) {
        const source = readSource(path, io);
        const text = source.text;
        const shown = path === '-' ? '<stdin>' : path;
        const result = checkParsed(parseHa(source, shown), { ...(target ? { target } : {}), catalogue });
        const diagnostics = flags.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
        reports.push({ path: shown, text, diagnostics });
      }
      io.stdout(render(flags.format, reports, { color: useColor(io, flags.color) }));
      const all = reports.flatMap((r) => r.diagnostics);
      const errors = all.filter((d) => d.severity === 'error').length;
      const warnings = all.length - errors;
      const failed = errors > 0 || (flags.strict === true && warnings > 0) || (maxWarnings !== undefined && warnings > maxWarnings);
      setExit(failed ? 1 : 0);
    });
}
