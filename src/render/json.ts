import type { FileReport } from './report.js';

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  /** Line and column just past the end of the span, 1-based (as SARIF counts them). */
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  help: string[];
}

export function toJson(reports: readonly FileReport[]): JsonDiagnostic[] {
  return reports.flatMap((r) =>
    r.diagnostics.map((d) => ({
      file: r.path,
      line: d.span.start.line,
      column: d.span.start.column,
      endLine: d.span.end.line,
      endColumn: d.span.end.column,
      severity: d.severity,
      code: d.code,
      message: d.message,
      help: [...(d.help ?? [])],
    })),
  );
}

export function renderJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(toJson(reports), null, 2)}\n`;
}
