import { Command, CommanderError } from 'commander';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { explainCommand } from './commands/explain.js';
import { fmtCommand } from './commands/fmt.js';
import { importCommand } from './commands/import.js';
import { lspCommand } from './commands/lsp.js';
import { planCommand } from './commands/plan.js';
import { HACC_VERSION } from '../version.js';
import { processIo, UsageError, type Io } from './io.js';

/** The exit status of a bug in hacc. */
export const INTERNAL_ERROR = 70;

/** Runs hacc with `argv` (without `node hacc`) and returns the exit status. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exit = 0;
  const setExit = (code: number) => {
    exit = Math.max(exit, code);
  };
  const program = new Command('hacc')
    .description('compiler and linter for Pacemaker/Corosync cluster configurations')
    .version(HACC_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true)
    .addCommand(checkCommand(io, setExit))
    .addCommand(buildCommand(io, setExit))
    .addCommand(explainCommand(io))
    .addCommand(fmtCommand(io, setExit))
    .addCommand(importCommand(io, setExit))
    .addCommand(planCommand(io, setExit))
    .addCommand(lspCommand(io));
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successes; every other commander error is a usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`hacc: ${e.message}\n`);
      return 2;
    }
    io.stderr(`hacc: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    // 70 (sysexits' EX_SOFTWARE): never one of the statuses a command gives (3 is plan --exit-code's "changes").
    return INTERNAL_ERROR;
  }
}
