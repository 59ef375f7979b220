import { linesOf, positions, type FileReport } from './report.js';

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
  return reports.flatMap((r) => {
    const lines = linesOf(r);
    return r.diagnostics.map((d) => {
      const { start, end } = positions(lines, d.span);
      return {
        file: r.path,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        severity: d.severity,
        code: d.code,
        message: d.message,
        help: [...(d.help ?? [])],
      };
    });
  });
}

export function renderJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(toJson(reports), null, 2)}\n`;
}
