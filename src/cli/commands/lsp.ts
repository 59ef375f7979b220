import { Command } from 'commander';
import type { Io } from '../io.js';
import { agentsOption, catalogueFor, targetOf, targetOption } from '../options.js';

export function lspCommand(io: Io): Command {
  return new Command('lsp')
    .description('the language server (Language Server Protocol over standard input and output), for editors')
    .option('--stdio', 'talk over standard input and output (the default and only transport; editors pass it)')
    .addOption(targetOption())
    .addOption(agentsOption())
    .action(async (flags: { target?: string; agents?: string }) => {
      const target = targetOf(flags.target);
      const catalogue = await catalogueFor(flags.agents);
      // The protocol library loads only for `hacc lsp`.
      const { startLanguageServer } = await import('../lsp.js');
      startLanguageServer({ catalogue, ...(target ? { target } : {}) });
      io.stderr('hacc lsp: listening on standard input\n');
      // The server answers until its client ends it, and vscode-languageserver ends the process
      // then (the exit notification, or the end of standard input): this command never returns.
      await new Promise<never>(() => {});
    });
}
