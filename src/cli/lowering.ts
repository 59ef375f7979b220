import { checkParsed } from '../check/checker.js';
import type { Lowered } from '../lower/lower.js';
import { render } from '../render/index.js';
import { parseHa } from '../syntax/parse.js';
import { useColor } from './commands/check.js';
import { readSource, type Io } from './io.js';
import { catalogueFor, targetOf } from './options.js';

export interface LoweringFlags {
  readonly target?: string;
  readonly agents?: string;
  readonly color: boolean;
}

/**
 * Checks the file (diagnostics on stderr) and lowers it; undefined when there are errors. Only the
 * lowered cluster comes back: the syntax tree and the model are garbage once this returns, before
 * the artifacts (megabytes of text for a large file) are written. `verb` says what the errors stop
 * (`building`, `planning`).
 */
export async function checkAndLower(io: Io, file: string, flags: LoweringFlags, verb: string): Promise<{ lowered: Lowered; sourceLength: number } | undefined> {
  const target = targetOf(flags.target);
  const catalogue = await catalogueFor(flags.agents);
  const source = readSource(file, io);
  const text = source.text;
  const shown = file === '-' ? '<stdin>' : file;
  const result = checkParsed(parseHa(source, shown), { ...(target ? { target } : {}), catalogue });
  if (result.diagnostics.length > 0) {
    // The same rendering as `hacc check`, on stderr: stdout is the command's own output.
    io.stderr(render('text', [{ path: shown, text, diagnostics: result.diagnostics }], { color: useColor(io, flags.color) }));
  }
  if (!result.checked) {
    io.stderr(`hacc: not ${verb} ${shown}: fix the errors above first\n`);
    return undefined;
  }
  // Lowering loads only when there is something to lower.
  const { lower } = await import('../lower/lower.js');
  return { lowered: lower(result.checked, catalogue), sourceLength: text.length };
}
