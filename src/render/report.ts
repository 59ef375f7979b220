import type { Diagnostic } from '../syntax/diagnostic.js';
import { lineIndexOf, type LineIndex, type Position, type Span } from '../syntax/span.js';

/** What the renderers take: one checked file's text and findings. */
export interface FileReport {
  readonly path: string;
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Where a span starts and ends, as lines and columns (1-based) of the report's text. */
export function positions(lines: LineIndex, span: Span): { readonly start: Position; readonly end: Position } {
  return { start: lines.position(span.start), end: lines.position(span.end) };
}

/** The line index of a report's text, made once. */
export function linesOf(report: FileReport): LineIndex {
  return lineIndexOf(report);
}

export function countBySeverity(reports: readonly FileReport[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const r of reports) for (const d of r.diagnostics) d.severity === 'error' ? errors++ : warnings++;
  return { errors, warnings };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 errors, 3 warnings in 1 file`. */
export function summaryLine(reports: readonly FileReport[]): string {
  const { errors, warnings } = countBySeverity(reports);
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(reports.length, 'file')}`;
}
