import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex, type Position, type Span } from '../src/syntax/span.js';

/** What a fixture says about itself: `# expect: CODE…` per line and `# expect-exit: N`. */
export interface Expectations {
  /** line -> sorted codes expected to start on that line */
  readonly byLine: Map<number, string[]>;
  readonly exit?: number;
}

export function readExpectations(text: string): Expectations {
  const byLine = new Map<number, string[]>();
  let exit: number | undefined;
  text.split('\n').forEach((line, i) => {
    const m = /#\s*expect:\s*((?:HA\d{3}\s*)+)$/.exec(line);
    if (m) byLine.set(i + 1, m[1]!.trim().split(/\s+/).sort());
    const e = /#\s*expect-exit:\s*(\d+)/.exec(line);
    if (e) exit = Number(e[1]);
  });
  return { byLine, ...(exit !== undefined ? { exit } : {}) };
}

/** Codes per line, sorted, from a list of diagnostics' (line, code). */
export function codesByLine(found: readonly { line: number; code: string }[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const f of found) out.set(f.line, [...(out.get(f.line) ?? []), f.code].sort());
  return out;
}

export function listFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Where a diagnostic (or any spanned thing) starts in `text`: `at(text)(d).line`. */
export function at(text: string): (x: { readonly span: Span }) => Position {
  const lines = new LineIndex(text);
  return (x) => lines.position(x.span.start);
}
