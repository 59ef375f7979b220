/**
 * A half-open range of source text, in offsets (UTF-16 units, 0-based; `end` is just past the last
 * character). Line and column are worked out only where they are shown (LineIndex): a syntax tree
 * of a large file holds hundreds of thousands of spans.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A place in a source file: `offset` is 0-based (UTF-16 units), `line` and `column` are 1-based. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** Line starts of a text, for turning offsets into positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { offset: clamped, line: lo + 1, column: clamped - this.starts[lo]! + 1 };
  }

  /** The 1-based line of an offset. */
  line(offset: number): number {
    return this.position(offset).line;
  }

  lineText(line: number): string {
    const { start, end } = this.lineRange(line);
    return this.text.slice(start, end);
  }

  /** Offsets of a line's text, without its line break (and a CR before it); empty past the end. */
  lineRange(line: number): { start: number; end: number } {
    const start = this.starts[line - 1];
    if (start === undefined) return { start: this.text.length, end: this.text.length };
    const next = this.starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return { start, end };
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** The line index of a text, made once per text (renderers, rules and the printer all ask). */
const indexes = new WeakMap<object, LineIndex>();

export function lineIndexOf(owner: { readonly text: string }): LineIndex {
  let index = indexes.get(owner);
  if (!index) indexes.set(owner, (index = new LineIndex(owner.text)));
  return index;
}
