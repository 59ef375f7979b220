import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { checkParsed } from '../../check/checker.js';
import { parseHa } from '../../syntax/parse.js';
import { FORMATS, render, type FileReport, type Format } from '../../render/index.js';
import { readSource, UsageError, writeFileAtomically, type Io } from '../io.js';
import { agentsOption, catalogueFor, targetOf, targetOption } from '../options.js';

interface CheckFlags {
  format: Format;
  strict?: boolean;
  color: boolean;
  target?: string;
  agents?: string;
  quiet?: boolean;
  maxWarnings?: string;
  fix?: boolean;
  dryRun?: boolean;
}

/** Fixing may make more fixable (a keyword fixed, its statement is read): a few passes at most. */
const MAX_FIX_PASSES = 5;

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
    .option('--fix', "apply the machine-applicable fixes to the files (did-you-mean replacements, a missing '=', an advised timeout, a literal secret read from env:), then report what is left")
    .option('--dry-run', 'with --fix: print the fixes as a unified diff and change no file')
    .addOption(targetOption())
    .addOption(agentsOption())
    .action(async (files: string[], flags: CheckFlags) => {
      if (flags.dryRun && !flags.fix) throw new UsageError('--dry-run goes with --fix');
      if (flags.fix && !flags.dryRun && files.includes('-')) throw new UsageError('--fix cannot write standard input back: use --fix --dry-run for a diff');
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
        let text = source.text;
        const shown = path === '-' ? '<stdin>' : path;
        const options = { ...(target ? { target } : {}), catalogue };
        let result = checkParsed(parseHa(source, shown), options);
        // A file that is not UTF-8 is never rewritten: its bytes would not survive.
        if (flags.fix && source.diagnostics.length === 0) {
          const { applyFixes } = await import('../../check/fixes.js');
          let fixed = text;
          for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
            const next = applyFixes(fixed, result.diagnostics);
            if (next.applied.length === 0) break;
            fixed = next.text;
            result = checkParsed(parseHa(fixed, shown), options);
          }
          if (fixed !== text) {
            if (flags.dryRun) {
              const { createTwoFilesPatch } = await import('diff');
              // As `diff -u` prints it: without jsdiff's Index and ==== lines.
              io.stdout(createTwoFilesPatch(shown, shown, text, fixed).replace(/^Index: .*\n=+\n/, ''));
              // The report is of the file as it is: nothing was written.
              result = checkParsed(parseHa(source, shown), options);
            } else {
              writeFileAtomically(resolve(io.cwd, path), fixed, path);
              text = fixed;
            }
          }
        }
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
