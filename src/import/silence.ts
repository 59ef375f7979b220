// The errors `hacc check` finds in an imported cluster, silenced where they stand.
//
// An import describes the cluster as it runs: a fence device listing a host that left, a value
// Pacemaker takes but hacc calls wrong. `hacc build` and `hacc plan` refuse a file with errors, yet
// the first thing an imported file must do is plan to "no change" against the cluster it came
// from. So each error gets a `# hacc-ignore CODE` line before the statement or body line it is
// on, and the file's header lists them: the findings stay in the file for review, and removing a
// comment brings its finding back.

import type { Catalogue } from '../catalogue/catalogue.js';
import { checkParsed, statementsAround } from '../check/check.js';
import { resolve, type ClusterModel } from '../model/model.js';
import type { Diagnostic } from '../syntax/diagnostic.js';
import type { ParseResult } from '../syntax/parse.js';
import { LineIndex } from '../syntax/span.js';

/** What errorsToSilence finds. */
export interface Silencing {
  readonly errors: readonly Diagnostic[];
  /** For each error, the 0-based line its `# hacc-ignore` goes before. */
  readonly lines: ReadonlyMap<number, readonly string[]>;
}

/** The check's errors (only the rules that can find one: warnings are not silenced). */
function errorsOf(parsed: ParseResult, model: ClusterModel, catalogue: Catalogue): Diagnostic[] {
  return checkParsed(parsed, { catalogue, model, errorsOnly: true }).diagnostics.filter((d) => d.severity === 'error');
}

/**
 * The errors of a printed file, and where each is silenced. The model of the tree it was printed
 * from tells whether there are any; only then is the text parsed (readBack), for their positions.
 */
export function errorsToSilence(model: ClusterModel, readBack: () => ParseResult, catalogue: Catalogue): Silencing {
  const lines = new Map<number, string[]>();
  if (errorsOf({ file: model.file, diagnostics: [] }, model, catalogue).length === 0) return { errors: [], lines };
  const parsed = readBack();
  const cluster = parsed.file.cluster!;
  const errors = errorsOf(parsed, resolve(parsed.file, cluster, { catalogue }), catalogue);
  const index = new LineIndex(parsed.file.text);
  const silenced: Diagnostic[] = [];
  for (const d of errors) {
    // The innermost statement or body line holding it: the comment silences exactly that one.
    const around = statementsAround(cluster, d.span.start).pop();
    if (!around) continue;
    const line = index.line(around.start) - 1;
    const codes = lines.get(line) ?? [];
    if (!codes.includes(d.code)) codes.push(d.code);
    lines.set(line, codes);
    silenced.push(d);
  }
  return { errors: silenced, lines };
}

/** TEXT with `# hacc-ignore` lines inserted before the 0-based lines given (SHIFT added to each), indented as the line. */
export function withIgnoreComments(text: string, lines: ReadonlyMap<number, readonly string[]>, shift: number): string {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const codes = lines.get(i - shift);
    if (codes) out.push(`${/^\s*/.exec(line)![0]}# hacc-ignore ${[...codes].sort().join(' ')}`);
    out.push(line);
  });
  return out.join('\n');
}
