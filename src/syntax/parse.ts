import type { CstElement, CstNode, ILexingError, IRecognitionException, IToken } from './chevrotain.js';
import type * as A from './ast.js';
import { PAIR_ID_PREFIX, SET_ID_KEY } from './ast.js';
import type { Diagnostic } from './diagnostic.js';
import { haLexer } from './tokens.js';
import { haParser } from './parser.js';
import { suggestion } from './didyoumean.js';
import { decodeEscapes, fastParse } from './fast-parse.js';
import { LineIndex, type Span } from './span.js';
import { codePointName, xmlInvalidOffsets } from './xml-chars.js';
import { STATEMENT_KEYS } from './statement-keys.js';

/** More syntax errors than this in one file are noise: the rest is summarised in one line. */
const MAX_SYNTAX_DIAGNOSTICS = 100;

export interface ParseResult {
  readonly file: A.HaFile;
  /** HA001 and HA003 findings, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement): e is IToken {
  return 'image' in e;
}

function isReal(t: IToken): boolean {
  return !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
}

/** Turns the CST into the AST, resolving the meaning of tokens. Never throws on recovered trees. */
class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly lines: LineIndex) {}

  private tokenSpan(t: IToken): Span {
    return this.lines.span(t.startOffset, (t.endOffset ?? t.startOffset) + 1);
  }

  private error(code: 'HA001' | 'HA003', span: Span, message: string, help?: string[]): void {
    this.diagnostics.push({ code, severity: 'error', message, span, ...(help ? { help } : {}) });
  }

  /** From the first to the last real token under `node` (recovery inserts tokens with no position). */
  private nodeSpan(node: CstNode): Span | undefined {
    // One allocation-free walk: this runs for every statement, item and attribute of the file.
    let start = Infinity;
    let end = -Infinity;
    const walk = (n: CstNode): void => {
      const children = n.children;
      for (const key in children) {
        const list = children[key];
        if (list === undefined) continue;
        for (const e of list) {
          if (!isToken(e)) walk(e);
          else if (isReal(e)) {
            if (e.startOffset < start) start = e.startOffset;
            if (e.endOffset! > end) end = e.endOffset!;
          }
        }
      }
    };
    walk(node);
    return start === Infinity ? undefined : this.lines.span(start, end + 1);
  }

  private token(children: Children, key: string): IToken | undefined {
    const e = children[key]?.[0];
    return e && isToken(e) && isReal(e) ? e : undefined;
  }

  private sub(children: Children, key: string): CstNode[] {
    return (children[key] ?? []).filter((e): e is CstNode => !isToken(e));
  }

  private ident(t: IToken | undefined): A.Ident | undefined {
    return t ? { text: t.image, span: this.tokenSpan(t) } : undefined;
  }

  file(cst: CstNode | undefined, path: string, text: string, comments: A.Comment[]): A.HaFile {
    const clusterCst = cst ? this.sub(cst.children, 'cluster')[0] : undefined;
    const cluster = clusterCst ? this.cluster(clusterCst) : undefined;
    return { path, text, comments, ...(cluster ? { cluster } : {}) };
  }

  private cluster(cst: CstNode): A.ClusterDecl | undefined {
    const span = this.nodeSpan(cst);
    const kw = this.token(cst.children, 'Cluster');
    if (!span || !kw) return undefined;
    const name = this.ident(this.token(cst.children, 'name')) ?? { text: '', span: this.tokenSpan(kw) };
    const statements: A.Statement[] = [];
    for (const s of this.sub(cst.children, 'statement')) {
      const stmt = this.statement(s);
      if (stmt) statements.push(stmt);
    }
    return { kind: 'cluster', name, statements, span };
  }

  private statement(cst: CstNode): A.Statement | undefined {
    const [inner] = this.sub(cst.children, Object.keys(cst.children)[0] ?? '');
    if (!inner) return undefined;
    const span = this.nodeSpan(inner);
    if (!span) return undefined;
    const c = inner.children;
    const name = this.ident(this.token(c, 'name'));
    switch (inner.name) {
      case 'platform':
        return name && { kind: 'platform', name, span };
      case 'auth':
        return name && { kind: 'auth', user: name, attrs: this.attributes(c, 'auth'), span };
      case 'node':
      case 'host': {
        const attrs = this.attributes(c, inner.name);
        if (inner.name === 'node') this.checkNodeIds(attrs);
        return name && { kind: inner.name, name, attrs, span };
      }
      case 'property':
      case 'defaults':
        return { kind: inner.name, ...this.attrBlock(c), span };
      case 'opDefaults':
        return { kind: 'op-defaults', ...this.attrBlock(c), span };
      case 'primitive':
        return this.primitive(inner);
      case 'group':
        return this.group(inner);
      case 'location':
        return this.location(inner);
      case 'colocation':
      case 'order': {
        const resource = this.ident(this.token(c, 'resource'));
        const target = this.ident(this.token(c, 'target'));
        if (!name || !resource || !target) return undefined;
        return { kind: inner.name, name, resource, target, attrs: this.attributes(c, inner.name), span };
      }
      default:
        return undefined;
    }
  }

  private primitive(cst: CstNode): A.PrimitiveDecl | undefined {
    const c = cst.children;
    const span = this.nodeSpan(cst);
    const name = this.ident(this.token(c, 'name'));
    const agent = this.ident(this.token(c, 'agent'));
    if (!span || !name || !agent) return undefined;
    const items: A.PrimitiveItem[] = [];
    for (const itemCst of this.sub(c, 'primitiveItem')) {
      const [inner] = Object.values(itemCst.children).flatMap((l) => (l ?? []).filter((e): e is CstNode => !isToken(e)));
      const itemSpan = inner && this.nodeSpan(inner);
      if (!inner || !itemSpan) continue;
      const ic = inner.children;
      if (inner.name === 'params' || inner.name === 'meta') {
        items.push({ kind: inner.name, block: { ...this.attrBlock(ic), span: itemSpan } });
      } else if (inner.name === 'defaultOps') {
        const value = this.ident(this.token(ic, 'value'));
        if (!value) continue;
        if (value.text !== 'none') this.error('HA001', value.span, `expected 'none' after default-ops, found '${value.text}'`, ['write default-ops none: build then adds no operations to this primitive']);
        items.push({ kind: 'default-ops', decl: { value, span: itemSpan } });
      } else if (inner.name === 'op') {
        const opName = this.ident(this.token(ic, 'name'));
        if (opName) items.push({ kind: 'op', op: { name: opName, attrs: this.attributes(ic), span: itemSpan } });
      } else if (inner.name === 'command') {
        const action = this.ident(this.token(ic, 'action'));
        const value = this.value(this.sub(ic, 'value')[0]);
        if (action && value) {
          const typed = action as A.Ident & { text: A.CommandAction };
          items.push({ kind: 'command', command: { action: typed, value, span: itemSpan } });
        }
      }
    }
    return {
      kind: 'primitive',
      name,
      agent,
      hasBody: this.token(c, 'LCurly') !== undefined,
      params: items.flatMap((i) => (i.kind === 'params' ? [i.block] : [])),
      meta: items.flatMap((i) => (i.kind === 'meta' ? [i.block] : [])),
      ops: items.flatMap((i) => (i.kind === 'op' ? [i.op] : [])),
      commands: items.flatMap((i) => (i.kind === 'command' ? [i.command] : [])),
      ...defaultOps(items),
      items,
      span,
    };
  }

  private group(cst: CstNode): A.GroupDecl | undefined {
    const c = cst.children;
    const span = this.nodeSpan(cst);
    const name = this.ident(this.token(c, 'name'));
    if (!span || !name) return undefined;
    // Members, inline primitives and meta lines interleave; restore source order by offset.
    const items: { offset: number; item: A.GroupItem }[] = [];
    for (const p of this.sub(c, 'primitive')) {
      const primitive = this.primitive(p);
      if (primitive) items.push({ offset: primitive.span.start.offset, item: { kind: 'primitive', primitive } });
    }
    for (const m of this.sub(c, 'meta')) {
      const blockSpan = this.nodeSpan(m);
      if (blockSpan) items.push({ offset: blockSpan.start.offset, item: { kind: 'meta', block: { ...this.attrBlock(m.children), span: blockSpan } } });
    }
    for (const e of c['member'] ?? []) {
      const ref = isToken(e) && isReal(e) ? this.ident(e) : undefined;
      if (ref) items.push({ offset: ref.span.start.offset, item: { kind: 'member', ref } });
    }
    items.sort((a, b) => a.offset - b.offset);
    return { kind: 'group', name, items: items.map((i) => i.item), span };
  }

  private location(cst: CstNode): A.LocationDecl | undefined {
    const c = cst.children;
    const span = this.nodeSpan(cst);
    const name = this.ident(this.token(c, 'name'));
    const resource = this.ident(this.token(c, 'resource'));
    const mode = this.ident(this.token(c, 'mode'));
    if (!span || !name || !resource || !mode) return undefined;
    const targets: A.LocationTarget[] = [];
    for (const t of this.sub(c, 'locationTarget')) {
      const node = this.ident(this.token(t.children, 'node'));
      const tSpan = this.nodeSpan(t);
      if (!node || !tSpan) continue;
      const score = this.value(this.sub(t.children, 'value')[0]);
      targets.push({ node, span: tSpan, ...(score ? { score } : {}) });
    }
    const attrs = this.attributes(c, 'location');
    return { kind: 'location', name, resource, attrs, mode: mode as A.LocationDecl['mode'], targets, span };
  }

  /**
   * The pairs of a `params`/`meta`/`property`… line, with `$id=ID` taken out as the set's id and
   * `$id.NAME=ID` as the ids of its nvpairs.
   */
  private attrBlock(parent: Children): { attrs: A.Attr[]; id?: A.Attr; pairIds?: A.Attr[] } {
    const attrs: A.Attr[] = [];
    const pairIds: A.Attr[] = [];
    let id: A.Attr | undefined;
    for (const a of this.attributes(parent)) {
      const key = a.key.text;
      if (a.missingEquals) attrs.push(a);
      else if (key.startsWith(PAIR_ID_PREFIX) && key.length > PAIR_ID_PREFIX.length) pairIds.push(a);
      else if (key !== SET_ID_KEY) attrs.push(a);
      else if (id) this.error('HA001', a.key.span, `a second ${SET_ID_KEY} on one line (the first is at column ${id.span.start.column})`, ['an attribute set has one id']);
      else id = a;
    }
    return { attrs, ...(id ? { id } : {}), ...(pairIds.length > 0 ? { pairIds } : {}) };
  }

  /** A node's `id=` is its corosync node id: a positive integer. */
  private checkNodeIds(attrs: readonly A.Attr[]): void {
    for (const a of attrs) {
      if (a.key.text === 'id' && !/^[1-9][0-9]{0,9}$/.test(a.value.text)) {
        this.error('HA001', a.value.span, `node id '${a.value.text}' is not a positive integer`, ['id= is the corosync node id, also the CIB <node id>: 1, 2, 3…']);
      }
    }
  }

  private attributes(parent: Children, statement?: string): A.Attr[] {
    const out: A.Attr[] = [];
    const allowed = statement ? STATEMENT_KEYS[statement] : undefined;
    for (const list of this.sub(parent, 'attributes')) {
      for (const a of this.sub(list.children, 'attribute')) {
        const key = this.ident(this.token(a.children, 'key'));
        const value = this.value(this.sub(a.children, 'value')[0]);
        const span = this.nodeSpan(a);
        if (!key || !value || !span) continue;
        if (allowed && !allowed.includes(key.text)) {
          this.error('HA001', key.span, `unknown attribute '${key.text}' for ${statement}: expected ${allowed.join(', ')}`, suggestion(key.text, allowed));
          continue;
        }
        out.push({ key, value, missingEquals: this.token(a.children, 'Equals') === undefined, span });
      }
    }
    return out;
  }

  private value(cst: CstNode | undefined): A.Value | undefined {
    if (!cst) return undefined;
    const word = this.token(cst.children, 'AnyWord');
    if (word) return this.word(word);
    const str = this.token(cst.children, 'AnyString');
    return str ? this.string(str) : undefined;
  }

  private word(t: IToken): A.Value {
    const span = this.tokenSpan(t);
    const m = /^(env|file):(.*)$/.exec(t.image);
    if (!m) return { text: t.image, quoted: false, span };
    const scheme = m[1] as 'env' | 'file';
    const ref = m[2]!;
    const valid = scheme === 'env' ? /^[A-Za-z_][A-Za-z0-9_]*$/.test(ref) : ref.startsWith('/');
    if (!valid) {
      this.error('HA001', span, `invalid secret reference '${t.image}'`, [
        scheme === 'env'
          ? 'write env:NAME, where NAME is an environment variable name ([A-Za-z_][A-Za-z0-9_]*)'
          : 'write file:/absolute/path to a file that holds the secret',
      ]);
    }
    return { text: t.image, quoted: false, span, secret: { scheme, ref } };
  }

  private string(t: IToken): A.Value {
    const span = this.tokenSpan(t);
    const terminated = t.tokenType.name === 'StringLiteral';
    if (!terminated) {
      this.error('HA003', span, 'unterminated string', ['add the closing " on the same line; use \\n for a line break inside a value']);
    }
    const body = t.image.slice(1, terminated ? -1 : undefined);
    const invalid = xmlInvalidOffsets(body);
    let invalidReported = false;
    const text = decodeEscapes(
      body,
      (i, next) => {
        const at = t.startOffset + 1 + i;
        this.error('HA003', this.lines.span(at, at + (next === undefined ? 1 : 2)), `invalid escape '\\${next ?? ''}' in a string`, [
          'the escapes are \\" \\\\ \\n and \\t; write \\\\ for a backslash',
        ]);
        return next ?? '';
      },
      (i) => {
        // A raw character XML cannot carry (a control character, U+FFFE, a lone surrogate) would be
        // lost or mangled on its way into the CIB: rejected, once per string, and left out.
        if (!invalid.has(i)) return false;
        if (!invalidReported) {
          const at = t.startOffset + 1 + i;
          this.error('HA003', this.lines.span(at, at + 1), `invalid character ${codePointName(body, i)} in a string`, [
            'a value may hold printable text, tabs and line breaks (write \\t and \\n); other control characters cannot reach the cluster unaltered',
          ]);
          invalidReported = true;
        }
        return true;
      },
    );
    return { text, quoted: true, span };
  }

  lexError(e: ILexingError): void {
    const start = e.offset;
    const snippet = this.lines.text.slice(start, start + e.length);
    const first = snippet.codePointAt(0) ?? 0;
    const shown = first < 0x20 || first === 0x7f || first > 0x7e ? `U+${first.toString(16).toUpperCase().padStart(4, '0')}` : `'${String.fromCodePoint(first)}'`;
    this.error('HA003', this.lines.span(start, start + e.length), `invalid character ${shown}`, [
      'only printable text may appear outside quoted strings; a backslash is only valid inside quotes',
    ]);
  }

  parseError(e: IRecognitionException): void {
    const t = e.token;
    const span = isReal(t)
      ? this.tokenSpan(t)
      : this.lines.span(Math.max(0, this.lines.text.length - 1), this.lines.text.length);
    this.error('HA001', span, e.message);
  }
}

/** Lexes, parses and builds the AST. Returns every syntax error it can find; never throws. */
export function parseHa(text: string, path = '<input>'): ParseResult {
  return fastParse(text, path) ?? parseWithChevrotain(text, path);
}

/** parseHa without the fast path: chevrotain's lexer and parser, with recovery, then the CST → AST step. */
export function parseWithChevrotain(text: string, path = '<input>'): ParseResult {
  const lines = new LineIndex(text);
  const builder = new AstBuilder(lines);
  const lexed = haLexer.tokenize(text);
  for (const e of lexed.errors) builder.lexError(e);
  haParser.input = lexed.tokens;
  const cst = haParser.file();
  for (const e of haParser.errors) builder.parseError(e);
  const comments: A.Comment[] = (lexed.groups['comments'] ?? []).map((t) => ({
    text: t.image,
    span: lines.span(t.startOffset, t.endOffset! + 1),
  }));
  const file = builder.file(cst, path, text, comments);
  return { file, diagnostics: capSyntaxDiagnostics(builder.diagnostics) };
}

function defaultOps(items: readonly A.PrimitiveItem[]): { defaultOps?: A.DefaultOpsDecl } {
  const found = items.flatMap((i) => (i.kind === 'default-ops' ? [i.decl] : []));
  const last = found[found.length - 1];
  return last ? { defaultOps: last } : {};
}

function capSyntaxDiagnostics(all: Diagnostic[]): Diagnostic[] {
  const sorted = [...all].sort((a, b) => a.span.start.offset - b.span.start.offset);
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
