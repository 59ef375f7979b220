import type { IToken } from '../syntax/chevrotain.js';
import * as A from '../syntax/ast.js';
import type { Diagnostic } from '../syntax/diagnostic.js';
import { parseHa } from '../syntax/parse.js';
import type { SourceText } from '../syntax/source.js';
import { sameShape } from '../syntax/shape.js';
import { lineIndexOf } from '../syntax/span.js';
import { haLexer, KEYWORD_TEXTS, Word } from '../syntax/tokens.js';
import { EXPRESSION_KEYWORDS } from '../language/rule.js';
import { isOwnSet } from '../language/attribute-set.js';

// The one `.ha` printer: a syntax tree in, its text in the canonical layout out (grammar/README.md).
// `hacc fmt` prints a parsed file with its comments and blank lines (formatHa); `hacc import` prints
// the tree it built from a CIB (printHa). Pure: no file system. The layout (Layout below) is decided
// once, from the tree; fmt then places the source's comments around its lines.

/** Trailing comments start at this column (1-based) when the code leaves room, else two spaces after it. */
export const TRAILING_COMMENT_COLUMN = 61;
const INDENT = '  ';

export type FormatResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Thrown when the formatted text would not mean what the original did: a bug in the formatter. */
export class FormatError extends Error {
  override readonly name = 'FormatError';
}

const WORD = new RegExp(`^(?:${(Word.PATTERN as RegExp).source})$`);

/** Whether a value must be written in quotes to be read back as the same text (and not as a secret). */
export function needsQuotes(text: string): boolean {
  return text === '' || !WORD.test(text) || /^(?:env|file):/.test(text);
}

export function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

/** A value: bare unless it needs quotes. A bare word is written as it was. */
function value(v: A.Value): string {
  return v.quoted && needsQuotes(v.text) ? quote(v.text) : v.text;
}

/** `key=value`; a pair written without `=` (HA002) keeps that form and its quoting, so it stays HA002. */
function attr(a: A.Attr): string {
  if (a.missingEquals) return `${a.key.text} ${a.value.quoted ? quote(a.value.text) : a.value.text}`;
  return `${a.key.text}=${value(a.value)}`;
}

function withAttrs(head: string, attrs: readonly A.Attr[]): string {
  return [head, ...attrs.map(attr)].join(' ');
}

/**
 * A `params`/`meta`/`property`… line: its `$id=` first, then its pairs, then their `$id.NAME=`. A set
 * of its own: `$id= $score= $id-ref=`, its rule, then its pairs and their ids in braces.
 */
function attrSet(set: A.AttrSet): string {
  if (!isOwnSet(set)) return withAttrs(set.keyword.text, [...set.setIds, ...set.attrs, ...set.pairIds]);
  const pairs = [...set.attrs, ...set.pairIds];
  const rule = set.rule ? ` ${ruleClause(set.rule)}` : '';
  // Without braces the pairs stand before the rule (after it they would be read as its words).
  if (!set.braced) return `${withAttrs(set.keyword.text, [...set.setIds, ...set.scores, ...set.idRefs, ...pairs])}${rule}`;
  const head = withAttrs(set.keyword.text, [...set.setIds, ...set.scores, ...set.idRefs]);
  return `${head}${rule} { ${pairs.map(attr).join(' ')}${pairs.length > 0 ? ' ' : ''}}`;
}

/** `description "TEXT"`: always quoted, as written text. */
function description(d: A.DescriptionLine): string {
  return `description ${quote(d.value.text)}`;
}

/** A value of a rule's expression: quoted where a bare word would be read as something else (a keyword, a parenthesis). */
function ruleValue(v: A.Value): string {
  const text = v.text;
  const misread = EXPRESSION_KEYWORDS.has(text.toLowerCase()) || KEYWORD_TEXTS.includes(text) || text.startsWith('(') || text.endsWith(')');
  return needsQuotes(text) || misread ? quote(text) : text;
}

function rulePair(a: A.Attr): string {
  return `${a.key.text}=${ruleValue(a.value)}`;
}

export function ruleExpr(e: A.RuleExpr): string {
  switch (e.kind) {
    case 'rule-bool':
      return e.operands.map((o, i) => (i === 0 ? ruleExpr(o) : `${e.operators[i - 1]!.text} ${ruleExpr(o)}`)).join(' ');
    case 'rule-group':
      return `(${[...e.attrs.map(rulePair), ruleExpr(e.expr)].join(' ')})`;
    case 'rule-defined':
      return `${e.operator.text} ${ruleValue(e.attribute)}`;
    case 'rule-compare':
      return [ruleValue(e.attribute), e.operator.text, ...(e.type ? [e.type.text] : []), ...(e.source ? [e.source.text] : []), ruleValue(e.value)].join(' ');
    case 'rule-date': {
      const lt = e.operator.text.toLowerCase() === 'lt';
      if (e.operator.text.toLowerCase() !== 'in_range') return `${e.keyword.text} ${e.operator.text} ${ruleValue((lt ? e.to : e.from) ?? e.to ?? e.from!)}`;
      const upTo = e.duration ? ['duration', ...e.duration.map(rulePair)] : e.to ? [ruleValue(e.to)] : [];
      return [e.keyword.text, e.operator.text, ...(e.from ? [ruleValue(e.from)] : []), 'to', ...upTo].join(' ');
    }
    case 'rule-date-spec':
      return [e.keyword.text, ...e.attrs.map(rulePair)].join(' ');
    case 'rule-resource':
      return `${e.keyword.text} ${ruleValue(e.agent)}`;
    case 'rule-op':
      return [e.keyword.text, ruleValue(e.name), ...e.attrs.map(rulePair)].join(' ');
    default:
      return A.assertNever(e);
  }
}

/** `{ MEMBER… pairs }`, or the member alone for a set of one written without braces. */
function resourceSet(s: A.ResourceSet): string {
  if (!s.braced && s.members.length === 1 && s.attrs.length === 0) return s.members[0]!.text;
  return `{ ${[...s.members.map((m) => m.text), ...s.attrs.map(attr)].join(' ')} }`;
}

/** `rule [pairs] EXPR`. */
function ruleClause(r: A.RuleClause): string {
  return [r.keyword.text, ...r.attrs.map(attr), ...(r.expr ? [ruleExpr(r.expr)] : [])].join(' ');
}

type UnitKind = 'open' | 'close' | 'line';

/** One output line of code, and the source range whose tokens it prints. */
interface Unit {
  readonly kind: UnitKind;
  readonly depth: number;
  readonly text: string;
  readonly lo: number;
  readonly hi: number;
  firstLine: number;
  lastLine: number;
  readonly leading: IToken[];
  readonly trailing: IToken[];
  /** The kind of the top-level statement this line starts, if it starts one. */
  statement?: A.StatementKind;
}

class Layout {
  readonly units: Unit[] = [];

  constructor(private readonly comments: readonly IToken[]) {}

  add(kind: UnitKind, depth: number, text: string, lo: number, hi: number): void {
    this.units.push({ kind, depth, text, lo, hi, firstLine: 0, lastLine: 0, leading: [], trailing: [] });
  }

  /** Whether a comment lies strictly inside a span (so a one-line form would have to move it). */
  private hasCommentInside(span: A.Span): boolean {
    return this.comments.some((c) => c.startOffset > span.start && c.startOffset < span.end - 1);
  }

  /** `head {`, the children, `}`; the opening line takes every token up to the first child. */
  private block(depth: number, head: string, span: A.Span, children: readonly A.Spanned[], emit: () => void): void {
    const close = span.end - 1;
    this.add('open', depth, `${head} {`, span.start, children[0]?.start ?? close);
    emit();
    this.add('close', depth, '}', close, span.end);
  }

  cluster(c: A.ClusterDecl): void {
    this.block(0, `cluster ${c.name.text}`, c, c.statements, () => {
      for (const s of c.statements) {
        const first = this.units.length;
        this.statement(s, 1);
        this.units[first]!.statement = s.kind;
      }
    });
  }

  private line(depth: number, text: string, node: A.Spanned): void {
    this.add('line', depth, text, node.start, node.end);
  }

  private statement(s: A.Statement, depth: number): void {
    switch (s.kind) {
      case 'platform':
        return this.line(depth, `platform ${s.name.text}`, s);
      case 'autostart':
        return this.line(depth, `autostart ${s.value.text}`, s);
      case 'auth':
        return this.line(depth, withAttrs(`auth ${s.user.text}`, s.attrs), s);
      case 'node':
      case 'host': {
        const head = withAttrs(`${s.kind} ${s.name.text}`, s.attrs);
        const body = s.body;
        if (!body) return this.line(depth, head, s);
        if (body.length === 0 && !this.hasCommentInside(s)) return this.line(depth, `${head} { }`, s);
        return this.block(depth, head, s, body, () => {
          for (const item of body) this.line(depth + 1, item.kind === 'description' ? description(item) : attrSet(item), item);
        });
      }
      case 'attr-set':
        return this.line(depth, attrSet(s), s);
      case 'primitive':
      case 'template':
        return this.primitive(s, depth);
      case 'group':
        return this.group(s, depth);
      case 'clone':
        return this.clone(s, depth);
      case 'bundle':
        return this.bundle(s, depth);
      case 'acl-role': {
        const head = `acl-role ${s.name.text}`;
        if (!s.body) return this.line(depth, head, s);
        if (s.body.length === 0 && !this.hasCommentInside(s)) return this.line(depth, `${head} { }`, s);
        const body = s.body;
        return this.block(depth, head, s, body, () => {
          for (const item of body) this.line(depth + 1, item.kind === 'description' ? description(item) : withAttrs(item.keyword.text, item.attrs), item);
        });
      }
      case 'acl-target':
        return this.line(depth, withAttrs(`${s.keyword.text} ${s.name.text}`, s.attrs), s);
      case 'location': {
        const head = withAttrs([`location ${s.name.text}`, ...(s.resource ? [s.resource.text] : []), ...s.sets.map(resourceSet)].join(' '), s.attrs);
        if (s.mode) {
          const targets = s.targets.map((t) => (t.score ? `${t.node.text}=${value(t.score)}` : t.node.text));
          return this.line(depth, [head, s.mode.text, ...targets].join(' '), s);
        }
        // One rule on the statement's line; several, each on a line of its own below it.
        if (s.rules.length === 1) return this.line(depth, `${head} ${ruleClause(s.rules[0]!)}`, s);
        this.add('line', depth, head, s.start, s.rules[0]?.start ?? s.end);
        s.rules.forEach((r, i) => this.add('line', depth + 1, ruleClause(r), r.start, s.rules[i + 1]?.start ?? s.end));
        return;
      }
      case 'tag':
        return this.line(depth, `tag ${s.name.text} { ${s.members.map((m) => m.name.text).join(' ')} }`, s);
      case 'ticket': {
        const operands = s.resource ? [s.resource.text] : s.sets.map(resourceSet);
        return this.line(depth, withAttrs(`ticket ${s.name.text} ${operands.join(' ')} needs ${s.ticket.text}`, s.attrs), s);
      }
      case 'colocation':
      case 'order': {
        const joiner = s.kind === 'colocation' ? 'with' : 'then';
        const operands = s.resource && s.target ? [s.resource.text, s.target.text] : s.sets.map(resourceSet);
        return this.line(depth, withAttrs(`${s.kind} ${s.name.text} ${operands.join(` ${joiner} `)}`, s.attrs), s);
      }
      case 'alert':
        return this.alert(s, depth);
      case 'sbd':
      case 'corosync':
        return this.stackBlock(s, depth);
      case 'fencing-level': {
        // The pairs written before the devices (the target-* ones), the devices, the pairs after (id=):
        // where a pair stands is part of what the line says (the parser reads a node name only
        // when no target-* pair comes first).
        const devices = s.devices[0]?.start ?? s.end;
        const head = withAttrs(`fencing-level ${s.index.text}${s.target ? ` ${s.target.text}` : ''}`, s.attrs.filter((a) => a.start < devices));
        return this.line(depth, withAttrs(`${head} ${s.devices.map((d) => d.text).join(',')}`, s.attrs.filter((a) => a.start >= devices)), s);
      }
      default:
        return A.assertNever(s);
    }
  }

  private primitive(p: A.PrimitiveStmt | A.TemplateStmt, depth: number): void {
    const head = `${p.kind} ${p.name.text} ${p.agent.text}`;
    if (!p.body) return this.line(depth, head, p);
    if (p.body.length === 0 && !this.hasCommentInside(p)) return this.line(depth, `${head} { }`, p);
    this.block(depth, head, p, p.body, () => {
      for (const item of p.body!) {
        switch (item.kind) {
          case 'attr-set':
            this.line(depth + 1, attrSet(item), item);
            break;
          case 'op': {
            const head = withAttrs(`op ${item.name.text}`, item.attrs);
            const body = item.body;
            if (!body) this.line(depth + 1, head, item);
            else if (body.length === 0 && !this.hasCommentInside(item)) this.line(depth + 1, `${head} { }`, item);
            else this.block(depth + 1, head, item, body, () => body.forEach((set) => this.line(depth + 2, attrSet(set), set)));
            break;
          }
          case 'command':
            this.line(depth + 1, `${item.action.text.padEnd(7)} ${value(item.value)}`, item);
            break;
          case 'default-ops':
            this.line(depth + 1, `default-ops ${item.value.text}`, item);
            break;
          case 'operations':
            this.line(depth + 1, withAttrs('operations', item.attrs), item);
            break;
          case 'description':
            this.line(depth + 1, description(item), item);
            break;
          default:
            A.assertNever(item);
        }
      }
    });
  }

  /** `sbd { … }` / `corosync { … }`: a line each, its words before its pairs. */
  private stackBlock(b: A.StackBlock, depth: number): void {
    if (b.body.length === 0 && !this.hasCommentInside(b)) return this.line(depth, `${b.keyword.text} { }`, b);
    this.block(depth, b.keyword.text, b, b.body, () => {
      for (const l of b.body) this.line(depth + 1, withAttrs([l.keyword.text, ...l.words.map(value)].join(' '), l.attrs), l);
    });
  }

  private alert(a: A.AlertStmt, depth: number): void {
    const head = `alert ${a.name.text} ${value(a.path)}`;
    const body = a.body;
    if (!body) return this.line(depth, head, a);
    if (body.length === 0 && !this.hasCommentInside(a)) return this.line(depth, `${head} { }`, a);
    this.block(depth, head, a, body, () => {
      for (const item of body) {
        switch (item.kind) {
          case 'attr-set':
            this.line(depth + 1, attrSet(item), item);
            break;
          case 'select':
            this.line(depth + 1, withAttrs(['select', ...item.kinds.map((k) => k.text)].join(' '), item.attrs), item);
            break;
          case 'recipient': {
            const line = withAttrs(`recipient ${value(item.value)}`, item.attrs);
            const sets = item.body;
            if (!sets) this.line(depth + 1, line, item);
            else if (sets.length === 0 && !this.hasCommentInside(item)) this.line(depth + 1, `${line} { }`, item);
            else this.block(depth + 1, line, item, sets, () => sets.forEach((set) => this.line(depth + 2, attrSet(set), set)));
            break;
          }
          default:
            A.assertNever(item);
        }
      }
    });
  }

  private clone(c: A.CloneStmt, depth: number): void {
    this.members(`${c.keyword.text} ${c.name.text}`, c, c.items, depth);
  }

  private bundle(b: A.BundleStmt, depth: number): void {
    const head = `bundle ${b.name.text}`;
    if (b.items.length === 0 && !this.hasCommentInside(b)) return this.line(depth, `${head} { }`, b);
    this.block(depth, head, b, b.items, () => {
      for (const item of b.items) this.bodyItem(item, depth + 1);
    });
  }

  private group(g: A.GroupStmt, depth: number): void {
    this.members(`group ${g.name.text}`, g, g.items, depth);
  }

  /** A group's or clone's block; references alone stay on one line: `group web { vip data }`. */
  private members(head: string, node: A.GroupStmt | A.CloneStmt, items: readonly A.CloneItem[], depth: number): void {
    if (items.every((i) => i.kind === 'member') && !this.hasCommentInside(node)) {
      const refs = items.map((i) => (i.kind === 'member' ? `${i.name.text} ` : ''));
      return this.line(depth, `${head} { ${refs.join('')}}`, node);
    }
    this.block(depth, head, node, items, () => {
      for (const item of items) this.bodyItem(item, depth + 1);
    });
  }

  /** A line (or block) of a group's, a clone's or a bundle's body. */
  private bodyItem(item: A.CloneItem | A.BundleItem, depth: number): void {
    switch (item.kind) {
      case 'primitive':
        return this.primitive(item, depth);
      case 'group':
        return this.group(item, depth);
      case 'bundle-line':
        return this.line(depth, withAttrs([item.keyword.text, ...item.words.map(value)].join(' '), item.attrs), item);
      case 'member':
        return this.line(depth, item.name.text, item);
      case 'attr-set':
        return this.line(depth, attrSet(item), item);
      case 'description':
        return this.line(depth, description(item), item);
      default:
        return A.assertNever(item);
    }
  }
}

/** The unit whose source range holds an offset (units are in source order and do not overlap). */
function unitAt(units: readonly Unit[], offset: number): Unit {
  let lo = 0;
  let hi = units.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (units[mid]!.lo <= offset) lo = mid;
    else hi = mid - 1;
  }
  const u = units[lo];
  if (!u || offset < u.lo || offset >= u.hi) throw new FormatError(`no output line holds the token at offset ${offset}`);
  return u;
}

interface OutLine {
  readonly text: string;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly kind: UnitKind | 'comment';
}

function commentText(c: IToken): string {
  return c.image.trimEnd();
}

/** Formats a `.ha` file. A file with syntax errors (HA001, HA003) is not formatted: its diagnostics are returned. */
export function formatHa(input: string | SourceText, path = '<input>'): FormatResult {
  const text = typeof input === 'string' ? input : input.text;
  const parsed = parseHa(input, path);
  if (parsed.diagnostics.length > 0) return { ok: false, diagnostics: parsed.diagnostics };
  const cluster = parsed.file.cluster;
  if (!cluster) throw new FormatError('a file without syntax errors has no cluster block');

  const lexed = haLexer().tokenize(text);
  const tokens = lexed.tokens;
  const comments = lexed.groups['comments'] ?? [];
  const layout = new Layout(comments);
  layout.cluster(cluster);
  const units = layout.units;
  // Tokens never span lines (a string ends on its line): a token's line is its start's.
  const index = lineIndexOf(parsed.file);
  const lineOf = (t: IToken) => index.line(t.startOffset);

  // Which output line each token is printed on, and so which source lines each output line came from.
  const owner = new Map<IToken, Unit>();
  for (const t of tokens) {
    const u = unitAt(units, t.startOffset);
    owner.set(t, u);
    const line = lineOf(t);
    if (u.firstLine === 0) u.firstLine = line;
    u.lastLine = Math.max(u.lastLine, line);
  }
  if (units.some((u) => u.firstLine === 0)) throw new FormatError('an output line prints no token');

  // A comment after code on its line trails that code's output line; any other comment goes on its
  // own line before the output line of the next token (indented one level deeper before a `}`).
  const endComments: IToken[] = [];
  const ownLineDepth = new Map<IToken, number>();
  let next = 0;
  for (const c of comments) {
    while (next < tokens.length && tokens[next]!.startOffset < c.startOffset) next++;
    const prev = tokens[next - 1];
    if (prev && lineOf(prev) === lineOf(c)) {
      owner.get(prev)!.trailing.push(c);
      continue;
    }
    const after = tokens[next];
    if (!after) {
      endComments.push(c);
      ownLineDepth.set(c, 0);
      continue;
    }
    const u = owner.get(after)!;
    u.leading.push(c);
    ownLineDepth.set(c, u.kind === 'close' ? u.depth + 1 : u.depth);
  }

  const out: OutLine[] = [];
  const commentLine = (c: IToken, depth: number): OutLine => ({
    text: `${INDENT.repeat(depth)}${commentText(c)}`,
    firstLine: lineOf(c),
    lastLine: lineOf(c),
    kind: 'comment',
  });
  for (const u of units) {
    for (const c of u.leading) out.push(commentLine(c, ownLineDepth.get(c)!));
    // Several trailing comments (a statement written over several lines): the last one stays.
    const trailing = u.trailing[u.trailing.length - 1];
    for (const c of u.trailing.slice(0, -1)) out.push(commentLine(c, u.depth));
    const code = `${INDENT.repeat(u.depth)}${u.text}`;
    const line = trailing ? `${code.padEnd(Math.max(code.length + 2, TRAILING_COMMENT_COLUMN - 1))}${commentText(trailing)}` : code;
    out.push({ text: line, firstLine: u.firstLine, lastLine: Math.max(u.lastLine, trailing ? lineOf(trailing) : 0), kind: u.kind });
  }
  for (const c of endComments) out.push(commentLine(c, 0));

  // Blank lines: kept (one for several) where the source had one, except after `{` and before `}`.
  const source = text.split('\n');
  const blankBetween = (a: OutLine, b: OutLine): boolean => {
    if (a.kind === 'open' || b.kind === 'close') return false;
    for (let l = a.lastLine + 1; l < b.firstLine; l++) if ((source[l - 1] ?? '').trim() === '') return true;
    return false;
  };
  const lines: string[] = [];
  out.forEach((l, i) => {
    if (i > 0 && blankBetween(out[i - 1]!, l)) lines.push('');
    lines.push(l.text);
  });
  const formatted = `${lines.join('\n')}\n`;

  // Never change meaning: the formatted file must parse cleanly to the same tree.
  const again = parseHa(formatted, path);
  if (again.diagnostics.length > 0 || !sameShape(again.file.cluster, cluster)) {
    throw new FormatError(`formatting ${path} would change its meaning; the file was left as it is (this is a bug in hacc fmt)`);
  }
  return { ok: true, text: formatted, changed: formatted !== text };
}

/** The sections a printed file without a source keeps apart with a blank line. */
function section(kind: A.StatementKind): number {
  switch (kind) {
    case 'platform':
    case 'autostart':
    case 'auth':
      return 0;
    case 'node':
    case 'host':
    case 'corosync':
      return 1;
    case 'attr-set':
      return 2;
    case 'primitive':
    case 'template':
    case 'group':
    case 'clone':
    case 'bundle':
      return 3;
    case 'location':
    case 'colocation':
    case 'order':
    case 'ticket':
    case 'tag':
      return 4;
    case 'sbd':
    case 'fencing-level':
      return 5;
    case 'alert':
      return 6;
    case 'acl-role':
    case 'acl-target':
      return 7;
    default:
      return A.assertNever(kind);
  }
}

/**
 * Prints a syntax tree that has no source text (what `hacc import` builds), in the canonical
 * layout: one blank line between the sections (platform, machines, settings, resources,
 * constraints), `header` as comment lines before the cluster block.
 */
export function printHa(cluster: A.ClusterDecl, header: readonly string[] = []): string {
  const layout = new Layout([]);
  layout.cluster(cluster);
  const lines: string[] = [...header.map((h) => (h === '' ? '#' : `# ${h}`)), ...(header.length > 0 ? [''] : [])];
  let previous: number | undefined;
  for (const u of layout.units) {
    if (u.statement !== undefined) {
      const current = section(u.statement);
      if (previous !== undefined && current !== previous) lines.push('');
      previous = current;
    }
    lines.push(`${INDENT.repeat(u.depth)}${u.text}`);
  }
  return `${lines.join('\n')}\n`;
}
