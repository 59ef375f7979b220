/** A place in a source file: `offset` is 0-based (UTF-16 units), `line` and `column` are 1-based. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A half-open range of source text: `end` is just past the last character. */
export interface Span {
  readonly start: Position;
  readonly end: Position;
}

/** Anything in the tree that knows where it came from. */
export interface Spanned {
  readonly span: Span;
}

/** Line starts of a text, for turning offsets into positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
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

  span(startOffset: number, endOffset: number): Span {
    return { start: this.position(startOffset), end: this.position(endOffset) };
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
