import type { Span } from './span.js';

export type Severity = 'error' | 'warning';

/** Another place that explains a diagnostic, e.g. the first declaration of a duplicate id. */
export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
}

/** A finding, as data. Rendering (text, json, sarif, github) is the renderers' business. */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly help?: readonly string[];
  readonly related?: readonly RelatedSpan[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.span.start - b.span.start ||
    a.span.end - b.span.end ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
