import type * as A from './ast.js';
import type { ILexingError, IRecognitionException } from './chevrotain.js';
import type { Diagnostic } from './diagnostic.js';
import { haParser } from './parser.js';
import type { SourceText } from './source.js';
import { haLexer } from './tokens.js';

/** More syntax errors than this in one file are noise: the rest is summarised in one line. */
const MAX_SYNTAX_DIAGNOSTICS = 100;

export interface ParseResult {
  readonly file: A.HaFile;
  /** HA001 and HA003 findings, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

function lexError(text: string, e: ILexingError): Diagnostic {
  const first = text.codePointAt(e.offset) ?? 0;
  const shown = first < 0x20 || first === 0x7f || first > 0x7e ? `U+${first.toString(16).toUpperCase().padStart(4, '0')}` : `'${String.fromCodePoint(first)}'`;
  return {
    code: 'HA003',
    severity: 'error',
    message: `invalid character ${shown}`,
    span: { start: e.offset, end: e.offset + e.length },
    help: ['only printable text may appear outside quoted strings; a backslash is only valid inside quotes'],
  };
}

function parseError(text: string, e: IRecognitionException): Diagnostic {
  const t = e.token;
  const real = t.startOffset >= 0 && !t.isInsertedInRecovery;
  const span = real ? { start: t.startOffset, end: t.startOffset + t.image.length } : { start: Math.max(0, text.length - 1), end: text.length };
  return { code: 'HA001', severity: 'error', message: e.message, span };
}

/** Lexes, parses and builds the syntax tree. Returns every syntax error it can find; never throws. */
export function parseHa(input: string | SourceText, path = '<input>'): ParseResult {
  const text = typeof input === 'string' ? input : input.text;
  const lexed = haLexer().tokenize(text);
  const parsed = haParser().parse(text, lexed.tokens);
  const diagnostics: Diagnostic[] = [...(typeof input === 'string' ? [] : input.diagnostics), ...lexed.errors.map((e) => lexError(text, e)), ...parsed.diagnostics, ...parsed.errors.map((e) => parseError(text, e))];
  const comments: A.Comment[] = (lexed.groups['comments'] ?? []).map((t) => ({ kind: 'comment', text: t.image, start: t.startOffset, end: t.startOffset + t.image.length }));
  const file: A.HaFile = { kind: 'file', path, text, comments, ...(parsed.cluster ? { cluster: parsed.cluster } : {}) };
  return { file, diagnostics: capSyntaxDiagnostics(diagnostics) };
}

function capSyntaxDiagnostics(all: Diagnostic[]): Diagnostic[] {
  if (all.length === 0) return all;
  // One report per place and message: a statement missing two words in a row fails twice at the same token.
  const sorted = all.sort((a, b) => a.span.start - b.span.start).filter((d, i, list) => i === 0 || !(d.span.start === list[i - 1]!.span.start && d.message === list[i - 1]!.message));
  if (sorted.length <= MAX_SYNTAX_DIAGNOSTICS) return sorted;
  const kept = sorted.slice(0, MAX_SYNTAX_DIAGNOSTICS);
  const last = sorted[MAX_SYNTAX_DIAGNOSTICS]!;
  kept.push({
    code: last.code,
    severity: 'error',
    message: `${sorted.length - MAX_SYNTAX_DIAGNOSTICS} more syntax errors not shown`,
    span: last.span,
    help: ['fix the errors above first; is this really a .ha file?'],
  });
  return kept;
}
