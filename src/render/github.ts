import type { Diagnostic } from '../syntax/diagnostic.js';
import type { LineIndex } from '../syntax/span.js';
import { linesOf, positions, type FileReport } from './report.js';

// GitHub Actions workflow commands: one `::error …::message` / `::warning …::message` line per
// diagnostic, which the runner turns into annotations on the pull request's diff.

/** The escaping of a command's message (as GitHub's actions/toolkit does it). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The escaping of a property value: the message's, plus the separators `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(path: string, lines: LineIndex, d: Diagnostic): string {
  const { start, end } = positions(lines, d.span);
  const props: [string, string | number][] = [['file', path], ['line', start.line]];
  // Columns only for a one-line span: GitHub rejects col/endColumn when line and endLine differ.
  if (end.line === start.line) props.push(['col', start.column], ['endLine', end.line], ['endColumn', Math.max(end.column, start.column)]);
  else props.push(['endLine', end.line]);
  props.push(['title', d.code]);
  const message = [d.message, ...(d.help ?? []).map((h) => `help: ${h}`)].join('\n');
  const properties = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${d.severity} ${properties}::${escapeData(message)}`;
}

export function renderGithub(reports: readonly FileReport[]): string {
  const out = reports.flatMap((r) => {
    const lines = linesOf(r);
    return r.diagnostics.map((d) => command(r.path, lines, d));
  });
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
