// The fast path of parsing: a hand-written lexer and LL(1) parser for files without any syntax
// error, which build exactly the tree that the chevrotain parser and AstBuilder (parse.ts) build.
// It gives up (returns undefined) at the first thing that is not plainly valid: anything the lexer
// would not match, a token the grammar does not allow there, an attribute key a statement does not
// take, a malformed secret reference or string escape. parseHa then runs the chevrotain path,
// which recovers and reports every error. So the fast path never decides what an error is; it only
// has to agree with chevrotain on valid input, which test/unit/fast-parse.test.ts checks on every
// fixture, on generated files and on thousands of mutations of them.
//
// Why: chevrotain's lexer, CST and the CST walk took three quarters of `hacc check` on a large file,
// and loading and self-analysing the parser a fifth of its start-up. This module imports nothing
// from chevrotain, so a valid file is checked without loading it at all.
//
// The decisions are chevrotain's: every repetition, option and alternation of parser.ts is LL(1)
// (the grammar test prints chevrotain's own lookahead paths), and the attribute loop's GATE is
// HaParser.startsAttribute, copied below.

import type * as A from './ast.js';
import { PAIR_ID_PREFIX, SET_ID_KEY } from './ast.js';
import { firstXmlInvalidChar } from './xml-chars.js';
import type { ParseResult } from './parse.js';
import type { Position, Span } from './span.js';
import { STATEMENT_KEYS } from './statement-keys.js';

// Token kinds. Keywords are also words (chevrotain's AnyWord category); WORD is a plain word.
const WORD = 0;
const STRING = 1;
const EQUALS = 2;
const LCURLY = 3;
const RCURLY = 4;
const EOF = 5;
const KW_CLUSTER = 10;
const KW_PLATFORM = 11;
const KW_AUTH = 12;
const KW_NODE = 13;
const KW_HOST = 14;
const KW_PROPERTY = 15;
const KW_DEFAULTS = 16;
const KW_OP_DEFAULTS = 17;
const KW_PRIMITIVE = 18;
const KW_PARAMS = 19;
const KW_META = 20;
const KW_OP = 21;
const KW_START = 22;
const KW_STOP = 23;
const KW_MONITOR = 24;
const KW_GROUP = 25;
const KW_LOCATION = 26;
const KW_PREFERS = 27;
const KW_AVOIDS = 28;
const KW_COLOCATION = 29;
const KW_WITH = 30;
const KW_ORDER = 31;
const KW_THEN = 32;
const KW_DEFAULT_OPS = 33;

/** A keyword is lexed only when the whole word is the keyword (chevrotain's longer_alt: Word). */
const KEYWORDS: ReadonlyMap<string, number> = new Map([
  ['cluster', KW_CLUSTER],
  ['platform', KW_PLATFORM],
  ['auth', KW_AUTH],
  ['node', KW_NODE],
  ['host', KW_HOST],
  ['property', KW_PROPERTY],
  ['defaults', KW_DEFAULTS],
  ['op-defaults', KW_OP_DEFAULTS],
  ['primitive', KW_PRIMITIVE],
  ['params', KW_PARAMS],
  ['meta', KW_META],
  ['op', KW_OP],
  ['start', KW_START],
  ['stop', KW_STOP],
  ['monitor', KW_MONITOR],
  ['group', KW_GROUP],
  ['location', KW_LOCATION],
  ['prefers', KW_PREFERS],
  ['avoids', KW_AVOIDS],
  ['colocation', KW_COLOCATION],
  ['with', KW_WITH],
  ['order', KW_ORDER],
  ['then', KW_THEN],
  ['default-ops', KW_DEFAULT_OPS],
]);

// The patterns of tokens.ts: WhiteSpace /[ \t\r\n]+/, Comment /#[^\n\r]*/ and Word (any character
// but \s " = { } # \ controls U+FFFE U+FFFF and lone surrogates; a surrogate pair is one character)
// are scanned by hand below; StringLiteral is this, sticky.
const STRING_RE = /"(?:[^"\\\n\r]|\\[^\n\r])*"/y;
const SPACE = /\s/;

/** Whether the character `c` (a UTF-16 unit of `text` at `i`) can be part of a Word. */
function inWord(c: number): boolean {
  if (c <= 0x20 || c === 0x7f) return false; // controls and space (and \s among them)
  if (c < 0x7f) return c !== 34 && c !== 61 && c !== 123 && c !== 125 && c !== 35 && c !== 92; // " = { } # \
  if (c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff)) return false; // surrogates: see wordEnd
  // Beyond ASCII only \s matters otherwise; no \s character is a surrogate.
  return !SPACE.test(String.fromCharCode(c));
}

/** Where the Word starting at `i` ends (i itself when none starts there). */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  for (;;) {
    if (i >= n) return i;
    const c = text.charCodeAt(i);
    if (inWord(c)) i++;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i += 2; // a pair
    else return i;
  }
}

/** Thrown inside this module only: the input is not plainly valid, use the chevrotain path. */
class GiveUp {}
const GIVE_UP = new GiveUp();

class Tokens {
  readonly kinds: number[] = [];
  readonly starts: number[] = [];
  /** Exclusive end offsets. */
  readonly ends: number[] = [];
  /** Offset of the first character of the token's line. */
  readonly lineStarts: number[] = [];
  readonly lines: number[] = [];
  /** A word's (or keyword's) text; '' for other tokens. */
  readonly images: string[] = [];
  readonly comments: A.Comment[] = [];
  /** Each token's start and end Position, made on first use (the arrays are filled as tokens are, so they stay packed). */
  readonly startPositions: (Position | undefined)[] = [];
  readonly endPositions: (Position | undefined)[] = [];
}

function position(offset: number, line: number, lineStart: number): Position {
  return { offset, line, column: offset - lineStart + 1 };
}

function lex(text: string): Tokens {
  const t = new Tokens();
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    let kind: number;
    let end: number;
    let image = '';
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      for (; i < n; i++) {
        const w = text.charCodeAt(i);
        if (w === 10) {
          line++;
          lineStart = i + 1;
        } else if (w !== 32 && w !== 9 && w !== 13) break;
      }
      continue;
    } else if (c === 35 /* # */) {
      end = i + 1;
      while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
      t.comments.push({ text: text.slice(i, end), span: { start: position(i, line, lineStart), end: position(end, line, lineStart) } });
      i = end;
      continue;
    } else if (c === 61 /* = */) {
      kind = EQUALS;
      end = i + 1;
    } else if (c === 123 /* { */) {
      kind = LCURLY;
      end = i + 1;
    } else if (c === 125 /* } */) {
      kind = RCURLY;
      end = i + 1;
    } else if (c === 34 /* " */) {
      STRING_RE.lastIndex = i;
      if (!STRING_RE.test(text)) throw GIVE_UP; // unterminated: HA003
      kind = STRING;
      end = STRING_RE.lastIndex;
    } else {
      end = wordEnd(text, i);
      if (end === i) throw GIVE_UP; // an invalid character: HA003
      image = text.slice(i, end);
      kind = end - i <= 11 ? (KEYWORDS.get(image) ?? WORD) : WORD;
    }
    t.kinds.push(kind);
    t.starts.push(i);
    t.ends.push(end);
    t.lines.push(line);
    t.lineStarts.push(lineStart);
    t.images.push(image);
    t.startPositions.push(undefined);
    t.endPositions.push(undefined);
    i = end;
  }
  return t;
}

const isAnyWord = (kind: number) => kind === WORD || kind >= KW_CLUSTER;

class Parser {
  private i = 0;
  private readonly kinds: number[];

  constructor(
    private readonly text: string,
    private readonly t: Tokens,
  ) {
    this.kinds = t.kinds;
  }

  private la(k: number): number {
    return this.kinds[this.i + k - 1] ?? EOF;
  }

  // One Position object per token edge, shared by every span that starts or ends there: the
  // tree of a large file is mostly positions.
  private startOf(i: number): Position {
    return (this.t.startPositions[i] ??= position(this.t.starts[i]!, this.t.lines[i]!, this.t.lineStarts[i]!));
  }

  private endOf(i: number): Position {
    return (this.t.endPositions[i] ??= position(this.t.ends[i]!, this.t.lines[i]!, this.t.lineStarts[i]!));
  }

  /** The span from token `first` to the last token consumed. */
  private spanFrom(first: number): Span {
    return { start: this.startOf(first), end: this.endOf(this.i - 1) };
  }

  private expect(kind: number): number {
    if (this.kinds[this.i] !== kind) throw GIVE_UP;
    return this.i++;
  }

  /** AnyWord: a plain word or a keyword. */
  private anyWord(): A.Ident {
    const k = this.kinds[this.i];
    if (k === undefined || !isAnyWord(k)) throw GIVE_UP;
    return this.ident(this.i++);
  }

  /** A word or keyword token as an Ident. */
  private ident(i: number): A.Ident {
    return { text: this.t.images[i]!, span: { start: this.startOf(i), end: this.endOf(i) } };
  }

  file(path: string): A.HaFile {
    const cluster = this.cluster();
    if (this.i !== this.kinds.length) throw GIVE_UP; // input after the cluster block
    return { path, text: this.text, comments: this.t.comments, cluster };
  }

  private cluster(): A.ClusterDecl {
    const first = this.expect(KW_CLUSTER);
    const name = this.anyWord();
    this.expect(LCURLY);
    const statements: A.Statement[] = [];
    for (;;) {
      const k = this.la(1);
      if (k >= KW_PLATFORM && k <= KW_PRIMITIVE) statements.push(this.statement(k));
      else if (k === KW_GROUP || k === KW_LOCATION || k === KW_COLOCATION || k === KW_ORDER) statements.push(this.statement(k));
      else break;
    }
    this.expect(RCURLY);
    return { kind: 'cluster', name, statements, span: this.spanFrom(first) };
  }

  private statement(k: number): A.Statement {
    const first = this.i++;
    switch (k) {
      case KW_PLATFORM: {
        const name = this.anyWord();
        return { kind: 'platform', name, span: this.spanFrom(first) };
      }
      case KW_AUTH: {
        const user = this.anyWord();
        const attrs = this.attributes('auth');
        return { kind: 'auth', user, attrs, span: this.spanFrom(first) };
      }
      case KW_NODE:
      case KW_HOST: {
        const kind = k === KW_NODE ? 'node' : 'host';
        const name = this.anyWord();
        const attrs = this.attributes(kind);
        // A node's id= is its corosync node id: a positive integer (HA001 otherwise).
        if (kind === 'node' && attrs.some((a) => a.key.text === 'id' && !/^[1-9][0-9]{0,9}$/.test(a.value.text))) throw GIVE_UP;
        return { kind, name, attrs, span: this.spanFrom(first) };
      }
      case KW_PROPERTY:
      case KW_DEFAULTS:
      case KW_OP_DEFAULTS: {
        const block = this.attrBlock();
        return { kind: k === KW_PROPERTY ? 'property' : k === KW_DEFAULTS ? 'defaults' : 'op-defaults', ...block, span: this.spanFrom(first) };
      }
      case KW_PRIMITIVE:
        return this.primitive(first);
      case KW_GROUP:
        return this.group(first);
      case KW_LOCATION:
        return this.location(first);
      default: {
        const kind = k === KW_COLOCATION ? 'colocation' : 'order';
        const name = this.anyWord();
        const resource = this.anyWord();
        this.expect(k === KW_COLOCATION ? KW_WITH : KW_THEN);
        const target = this.anyWord();
        const attrs = this.attributes(kind);
        return { kind, name, resource, target, attrs, span: this.spanFrom(first) };
      }
    }
  }

  /** `primitive` after its keyword, which is token `first`. */
  private primitive(first: number): A.PrimitiveDecl {
    const name = this.anyWord();
    const agent = this.anyWord();
    const items: A.PrimitiveItem[] = [];
    const params: A.AttrBlock[] = [];
    const meta: A.AttrBlock[] = [];
    const ops: A.OpDecl[] = [];
    const commands: A.CommandDecl[] = [];
    let defaultOps: A.DefaultOpsDecl | undefined;
    let hasBody = false;
    if (this.la(1) === LCURLY) {
      hasBody = true;
      this.i++;
      for (;;) {
        const k = this.la(1);
        const start = this.i;
        if (k === KW_PARAMS || k === KW_META) {
          this.i++;
          const block: A.AttrBlock = { ...this.attrBlock(), span: this.spanFrom(start) };
          if (k === KW_PARAMS) {
            items.push({ kind: 'params', block });
            params.push(block);
          } else {
            items.push({ kind: 'meta', block });
            meta.push(block);
          }
        } else if (k === KW_OP) {
          this.i++;
          const opName = this.anyWord();
          const op: A.OpDecl = { name: opName, attrs: this.attributes(), span: this.spanFrom(start) };
          items.push({ kind: 'op', op });
          ops.push(op);
        } else if (k === KW_DEFAULT_OPS) {
          this.i++;
          const value = this.anyWord();
          if (value.text !== 'none') throw GIVE_UP; // HA001: default-ops takes only none
          const decl: A.DefaultOpsDecl = { value, span: this.spanFrom(start) };
          items.push({ kind: 'default-ops', decl });
          defaultOps = decl;
        } else if (k === KW_START || k === KW_STOP || k === KW_MONITOR) {
          const action = this.ident(this.i++) as A.Ident & { text: A.CommandAction };
          const value = this.value();
          const command: A.CommandDecl = { action, value, span: this.spanFrom(start) };
          items.push({ kind: 'command', command });
          commands.push(command);
        } else break;
      }
      this.expect(RCURLY);
    }
    return {
      kind: 'primitive',
      name,
      agent,
      hasBody,
      params,
      meta,
      ops,
      commands,
      ...(defaultOps ? { defaultOps } : {}),
      items,
      span: this.spanFrom(first),
    };
  }

  private group(first: number): A.GroupDecl {
    const name = this.anyWord();
    this.expect(LCURLY);
    const items: A.GroupItem[] = [];
    for (;;) {
      const k = this.la(1);
      if (k === KW_PRIMITIVE) {
        const start = this.i++;
        items.push({ kind: 'primitive', primitive: this.primitive(start) });
      } else if (k === KW_META) {
        const start = this.i++;
        const block = this.attrBlock();
        items.push({ kind: 'meta', block: { ...block, span: this.spanFrom(start) } });
      } else if (k === WORD) {
        items.push({ kind: 'member', ref: this.ident(this.i++) });
      } else break;
    }
    this.expect(RCURLY);
    return { kind: 'group', name, items, span: this.spanFrom(first) };
  }

  private location(first: number): A.LocationDecl {
    const name = this.anyWord();
    const resource = this.anyWord();
    const attrs = this.attributes('location');
    const k = this.la(1);
    if (k !== KW_PREFERS && k !== KW_AVOIDS) throw GIVE_UP;
    const mode = this.ident(this.i++) as A.Ident & { text: 'prefers' | 'avoids' };
    const targets: A.LocationTarget[] = [];
    do {
      const start = this.expect(WORD);
      const node = this.ident(start);
      if (this.la(1) === EQUALS) {
        this.i++;
        const score = this.value();
        targets.push({ node, span: this.spanFrom(start), score });
      } else targets.push({ node, span: this.spanFrom(start) });
    } while (this.la(1) === WORD);
    return { kind: 'location', name, resource, attrs, mode, targets, span: this.spanFrom(first) };
  }

  /** HaParser.startsAttribute together with the repetition's lookahead (LA(1) is AnyWord). */
  private startsAttribute(): boolean {
    const la1 = this.la(1);
    if (!isAnyWord(la1)) return false;
    const la2 = this.la(2);
    if (la2 === EQUALS) return true;
    if (la1 !== WORD) return false;
    if (la2 === STRING) return true;
    return la2 === WORD && this.la(3) !== EQUALS;
  }

  /**
   * The pairs of a `params`/`meta`/`property`… line, with `$id=ID` taken out as the set's id and
   * `$id.NAME=ID` as the ids of its nvpairs (parse.ts's attrBlock; a second `$id` is HA001).
   */
  private attrBlock(): { attrs: A.Attr[]; id?: A.Attr; pairIds?: A.Attr[] } {
    const attrs: A.Attr[] = [];
    let pairIds: A.Attr[] | undefined;
    let id: A.Attr | undefined;
    for (const a of this.attributes()) {
      const key = a.key.text;
      if (a.missingEquals || key.charCodeAt(0) !== 36 /* $ */) attrs.push(a);
      else if (key.startsWith(PAIR_ID_PREFIX) && key.length > PAIR_ID_PREFIX.length) (pairIds ??= []).push(a);
      else if (key !== SET_ID_KEY) attrs.push(a);
      else if (id) throw GIVE_UP;
      else id = a;
    }
    return { attrs, ...(id ? { id } : {}), ...(pairIds ? { pairIds } : {}) };
  }

  private attributes(statement?: string): A.Attr[] {
    const out: A.Attr[] = [];
    const allowed = statement === undefined ? undefined : STATEMENT_KEYS[statement];
    while (this.startsAttribute()) {
      const start = this.i;
      const key = this.ident(this.i++);
      if (allowed && !allowed.includes(key.text)) throw GIVE_UP; // HA001
      const missingEquals = this.la(1) !== EQUALS;
      if (!missingEquals) this.i++;
      const value = this.value();
      out.push({ key, value, missingEquals, span: this.spanFrom(start) });
    }
    return out;
  }

  private value(): A.Value {
    const i = this.i;
    const k = this.kinds[i];
    if (k === STRING) {
      // A character XML cannot carry, raw in the string: HA003.
      if (firstXmlInvalidChar(this.text.slice(this.t.starts[i]! + 1, this.t.ends[i]! - 1)) >= 0) throw GIVE_UP;
      this.i++;
      return { text: this.unquote(this.t.starts[i]! + 1, this.t.ends[i]! - 1), quoted: true, span: { start: this.startOf(i), end: this.endOf(i) } };
    }
    if (k === undefined || !isAnyWord(k)) throw GIVE_UP;
    this.i++;
    const text = this.t.images[i]!;
    const span = { start: this.startOf(i), end: this.endOf(i) };
    const scheme = text.startsWith('env:') ? 'env' : text.startsWith('file:') ? 'file' : undefined;
    if (scheme === undefined) return { text, quoted: false, span };
    const ref = text.slice(scheme.length + 1);
    const valid = scheme === 'env' ? /^[A-Za-z_][A-Za-z0-9_]*$/.test(ref) : ref.startsWith('/');
    if (!valid) throw GIVE_UP; // HA001: invalid secret reference
    return { text, quoted: false, span, secret: { scheme, ref } };
  }

  /** The text of a terminated string between `from` and `to`, with its escapes resolved. */
  private unquote(from: number, to: number): string {
    return decodeEscapes(this.text.slice(from, to), () => {
      throw GIVE_UP; // HA003: invalid escape
    });
  }
}

const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['n', '\n'],
  ['t', '\t'],
]);

/**
 * A string's body with its escapes resolved (a backslash before ", \\, n or t); `invalid(i, next)`
 * gives the text for any other backslash, at index i (next: the character after it, if any), and
 * a character (not after a backslash) for which `drop(i)` says so is left out.
 */
export function decodeEscapes(
  body: string,
  invalid: (index: number, next: string | undefined) => string,
  drop?: (index: number) => boolean,
): string {
  if (!body.includes('\\') && !drop) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      if (!drop?.(i)) out += ch;
      continue;
    }
    const next = body[i + 1];
    out += (next !== undefined ? ESCAPES.get(next) : undefined) ?? invalid(i, next);
    i++;
  }
  return out;
}

/** The parse of a file with no syntax error at all, or undefined: then only parseHa can tell. */
export function fastParse(text: string, path: string): ParseResult | undefined {
  try {
    return { file: new Parser(text, lex(text)).file(path), diagnostics: [] };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}
