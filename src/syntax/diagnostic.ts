import type { Span } from './span.js';

export type Severity = 'error' | 'warning';

/** Another place that explains a diagnostic, e.g. the first declaration of a duplicate id. */
export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
}

/**
 * A machine-applicable fix: the text of `span` replaced by `replacement` (an insertion when the span
 * is empty). `hacc check --fix` applies it to the file, the language server offers it as a code action.
 */
export interface Fix {
  /** What the edit does, for a person: `replace with 'monitor'`. */
  readonly title: string;
  readonly span: Span;
  readonly replacement: string;
}

/** A finding, as data. Rendering (text, json, sarif, github) is the renderers' business. */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly help?: readonly string[];
  readonly related?: readonly RelatedSpan[];
  /** At most one edit per diagnostic today; a list so a fix may touch several places. */
  readonly fixes?: readonly Fix[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.span.start - b.span.start ||
    a.span.end - b.span.end ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
