import type { Diagnostic } from '../syntax/diagnostic.js';
import type { LineIndex } from '../syntax/span.js';
import { linesOf, positions, summaryLine, type FileReport } from './report.js';

export interface TextOptions {
  readonly color: boolean;
}

const paint = (on: boolean, code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** Shows a line with control characters made visible, so the frame never garbles a terminal. */
function visible(line: string): string {
  return line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\ufffd').replace(/\t/g, ' ');
}

const MAX_FRAME_WIDTH = 160;
/** Messages quote values; a pathological value must not flood a terminal. */
const MAX_MESSAGE = 240;

function clip(s: string): string {
  return s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE)}…` : s;
}

function frame(lines: LineIndex, d: Diagnostic, color: boolean): string[] {
  const { start, end } = positions(lines, d.span);
  // Long lines (a 1 MB one-liner) are cut to a window around the caret before anything else is
  // done with them: thousands of diagnostics on one such line must not each copy all of it.
  const range = lines.lineRange(start.line);
  const length = range.end - range.start;
  const from = length > MAX_FRAME_WIDTH ? Math.max(0, start.column - 1 - 40) : 0;
  const text = visible(lines.text.slice(range.start + from, Math.min(range.end, range.start + from + MAX_FRAME_WIDTH)));
  const width = end.line === start.line ? Math.max(1, end.column - start.column) : Math.max(1, length - start.column + 1);
  const caretAt = start.column - 1 - from;
  const caretLen = Math.max(1, Math.min(width, text.length - caretAt));
  const gutter = String(start.line);
  const pad = ' '.repeat(gutter.length);
  const blue = paint(color, '34');
  const marker = paint(color, d.severity === 'error' ? '31' : '33');
  return [
    `${blue(`${gutter} |`)} ${text}`,
    `${blue(`${pad} |`)} ${' '.repeat(Math.max(0, caretAt))}${marker('^'.repeat(caretLen))}`,
  ];
}

export function renderText(reports: readonly FileReport[], options: TextOptions): string {
  const out: string[] = [];
  const bold = paint(options.color, '1');
  for (const r of reports) {
    const lines = linesOf(r);
    for (const d of r.diagnostics) {
      const sev = paint(options.color, d.severity === 'error' ? '1;31' : '1;33')(`${d.severity}[${d.code}]`);
      const start = lines.position(d.span.start);
      out.push(`${r.path}:${start.line}:${start.column}: ${sev}: ${bold(clip(visible(d.message)))}`);
      out.push(...frame(lines, d, options.color));
      for (const h of d.help ?? []) out.push(`  help: ${clip(visible(h))}`);
      for (const rel of d.related ?? []) {
        const at = lines.position(rel.span.start);
        out.push(`  note: ${r.path}:${at.line}:${at.column}: ${rel.message}`);
      }
      out.push('');
    }
  }
  if (reports.some((r) => r.diagnostics.length > 0)) out.push(summaryLine(reports));
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
