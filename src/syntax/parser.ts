import { PAIR_ID_PREFIX, SET_ID_KEY, SET_ID_REF_KEY, SET_SCORE_KEY, type SetKeyword } from '../language/attribute-set.js';
import { keywordsIn, whereElse } from '../language/index.js';
import type { LocationMode } from '../language/location.js';
import type { CloneKeyword } from '../language/clone.js';
import { COROSYNC_LINE_WORDS } from '../language/corosync.js';
import { TARGET_KEYS } from '../language/fencing-level.js';
import { SBD_LINE_WORDS } from '../language/sbd.js';
import { BUNDLE_LINE_WORDS, type BundleLineKeyword } from '../language/bundle.js';
import type { PermissionKind } from '../language/acl.js';
import type { CommandAction } from '../language/primitive.js';
import type { Context } from '../language/vocabulary.js';
import type * as A from './ast.js';
import { createTokenInstance, EmbeddedActionsParser, tokenMatcher, type IOrAlt, type IParserErrorMessageProvider, type IRecognitionException, type IToken, type TokenType } from './chevrotain.js';
import type { Diagnostic } from './diagnostic.js';
import { LazyLookahead } from './lookahead.js';
import { misspelt } from './didyoumean.js';
import type { Span } from './span.js';
import * as T from './tokens.js';
import { codePointName, firstXmlInvalidChar, xmlInvalidOffsets } from './xml-chars.js';

// The `.ha` grammar, and the syntax tree built as it parses (chevrotain's embedded actions: no
// concrete syntax tree in between). The parser decides shape only; what the keys and values mean
// (which keys a statement takes, secret references, ids) is checked by the rules over the tree.
//
// Recovery: chevrotain's own (token insertion and deletion, re-sync between rules) for a statement
// that starts right and goes wrong, plus one rule of our own, `unknown`, for a line that starts with
// a word that cannot start a line there (`primitve`, `op` outside a primitive, a block hacc does not
// know). It is reported once, with did-you-mean from the keywords valid at that place, and skipped up
// to the end of its `{ … }` block, or to the next line that starts with such a keyword, or to the
// `}` that closes the enclosing block. Every later statement is still parsed and checked.

function tokenLabel(t: TokenType): string {
  return t.LABEL ?? t.name;
}

function describeFound(token: IToken): string {
  if (token.tokenType === T.RuleEnd) return 'the end of the rule';
  return token.tokenType.name === 'EOF' ? 'the end of the file' : `'${token.image}'`;
}

function joinAlternatives(labels: string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length <= 1) return unique[0] ?? 'something else';
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** Messages that say what was expected in words an operator reads, not token type names. */
const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${tokenLabel(expected)}, found ${describeFound(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `expected the end of the file after the cluster block, found ${describeFound(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual }) {
    const firsts = expectedPathsPerAlt.flatMap((paths) => paths.map((p) => (p[0] ? tokenLabel(p[0]) : '')));
    return `expected ${joinAlternatives(firsts.filter(Boolean))}, found ${describeFound(actual[0]!)}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const firsts = expectedIterationPaths.map((p) => (p[0] ? tokenLabel(p[0]) : ''));
    return `expected ${joinAlternatives(firsts.filter(Boolean))}, found ${describeFound(actual[0]!)}`;
  },
};

/** Syntax errors after which a repetition ends instead of re-syncing (see boundRepetitionRecovery). */
export const MAX_REPETITION_RECOVERIES = 200;

/** A token that is really in the text (recovery inserts tokens with no position; recording uses -1). */
function isReal(t: IToken): boolean {
  return t.startOffset >= 0 && !t.isInsertedInRecovery;
}

/** The lexer tracks start offsets only (positionTracking 'onlyOffset'): the end is the image's. */
function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}

function tokenSpan(t: IToken): Span {
  return { start: t.startOffset, end: tokenEnd(t) };
}

/** A name the `name` rule gave (during chevrotain's grammar recording, a subrule gives a placeholder). */
function isIdent(n: A.Ident | undefined): n is A.Ident {
  return n?.kind === 'ident';
}

function ident(t: IToken): A.Ident {
  return { kind: 'ident', text: t.image, start: t.startOffset, end: tokenEnd(t) };
}

const SECRET = /^(env|file):/;

/** The sbd and corosync lines that take a word before their pairs. */
const LINE_WORDS: ReadonlySet<string> = new Set([...Object.keys(SBD_LINE_WORDS), ...Object.keys(COROSYNC_LINE_WORDS)]);

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

/** What the keywords of each context are, worked out once. */
const KEYWORDS: Readonly<Record<Context, ReadonlySet<string>>> = {
  cluster: new Set(keywordsIn('cluster')),
  primitive: new Set(keywordsIn('primitive')),
  group: new Set(keywordsIn('group')),
  clone: new Set(keywordsIn('clone')),
  bundle: new Set(keywordsIn('bundle')),
  'acl-role': new Set(keywordsIn('acl-role')),
  op: new Set(keywordsIn('op')),
  alert: new Set(keywordsIn('alert')),
  recipient: new Set(keywordsIn('recipient')),
  node: new Set(keywordsIn('node')),
  sbd: new Set(keywordsIn('sbd')),
  corosync: new Set(keywordsIn('corosync')),
};

const CONTEXT_TEXT: Readonly<Record<Context, string>> = {
  cluster: 'a statement',
  primitive: 'a line of a primitive',
  group: 'a line of a group',
  clone: 'a line of a clone',
  bundle: 'a line of a bundle',
  'acl-role': 'a line of an acl-role',
  op: 'a line of an op',
  alert: 'a line of an alert',
  recipient: 'a line of a recipient',
  node: 'a line of a node',
  sbd: 'a line of an sbd block',
  corosync: 'a line of a corosync block',
};

/** What follows a set's keyword (HaParser.setContent). */
interface SetContent {
  readonly attrs: readonly A.Attr[];
  readonly rule?: A.RuleClause;
  readonly braced: boolean;
}

/** A rule whose expression is read once the file is parsed (see HaParser.parse). */
interface PendingRule {
  readonly clause: { -readonly [K in keyof A.RuleClause]: A.RuleClause[K] };
  readonly keyword: IToken;
  readonly words: readonly IToken[];
}

function relexed(type: TokenType, image: string, start: number): IToken {
  return createTokenInstance(type, image, start, start + image.length - 1, NaN, NaN, NaN, NaN);
}

/**
 * The words of a rule as its expression's tokens: a bare word's leading `(`s and trailing `)`s
 * split off (pcs splits them), its keywords (language/rule.ts) their own tokens, any other word a
 * value; strings and `=` as lexed. The last token, RuleEnd, stands on the rule's last word.
 */
function ruleTokens(words: readonly IToken[], keyword: IToken): IToken[] {
  const out: IToken[] = [];
  for (const t of words) {
    if (!tokenMatcher(t, T.AnyWord)) {
      out.push(t);
      continue;
    }
    const image = t.image;
    let lo = 0;
    let hi = image.length;
    while (lo < hi && image[lo] === '(') out.push(relexed(T.RuleLParen, '(', t.startOffset + lo++));
    while (hi > lo && image[hi - 1] === ')') hi--;
    if (hi > lo) {
      const text = image.slice(lo, hi);
      out.push(relexed(T.RULE_KEYWORD_TOKENS.get(text.toLowerCase()) ?? T.RuleValue, text, t.startOffset + lo));
    }
    for (let i = hi; i < image.length; i++) out.push(relexed(T.RuleRParen, ')', t.startOffset + i));
  }
  const last = words[words.length - 1] ?? keyword;
  out.push(relexed(T.RuleEnd, last.image, last.startOffset));
  return out;
}

export interface Parsed {
  readonly cluster?: A.ClusterDecl;
  /** HA001 and HA003 findings of the parser (lexing errors are the caller's). */
  readonly diagnostics: readonly Diagnostic[];
  /** chevrotain's recognition errors. */
  readonly errors: readonly IRecognitionException[];
}

/**
 * The `.ha` parser. One instance is reused (chevrotain's self-analysis is the expensive part);
 * `parse` resets it.
 */
const MAX_LOOKAHEAD = 3;

export class HaParser extends EmbeddedActionsParser {
  private text = '';
  private diagnostics: Diagnostic[] = [];
  private pendingRules: PendingRule[] = [];

  /**
   * `validate`: run chevrotain's grammar validations (ambiguities, left recursion…), which throw on
   * a broken grammar. They take about half of the self-analysis, so hacc's own instance skips them
   * at start-up and test/unit/grammar-validation.test.ts runs them.
   */
  constructor(validate = false) {
    super(T.parserTokens, { recoveryEnabled: true, errorMessageProvider: errorMessages, maxLookahead: MAX_LOOKAHEAD, lookaheadStrategy: new LazyLookahead(MAX_LOOKAHEAD), skipValidations: !validate });
    this.performSelfAnalysis();
    this.boundRepetitionRecovery();
  }

  /** Parses a lexed file. Chevrotain's own errors are in `errors` afterwards (see parse.ts). */
  parse(text: string, tokens: IToken[]): Parsed {
    this.text = text;
    this.diagnostics = [];
    this.pendingRules = [];
    this.input = tokens;
    const cluster = this.file();
    const errors = this.errors;
    // Each rule's expression: its words as the expression's tokens, read by its own rule of this
    // grammar (a new input resets the parser, so its errors are collected first).
    for (const pending of this.pendingRules) {
      this.input = ruleTokens(pending.words, pending.keyword);
      const expr = this.ruleBody();
      errors.push(...this.errors);
      if (expr) pending.clause.expr = expr;
    }
    this.pendingRules = [];
    // The one reused parser lets go of the tokens (megabytes for a large file) once it is done.
    this.input = [];
    return { ...(cluster ? { cluster } : {}), diagnostics: this.diagnostics, errors };
  }

  /**
   * chevrotain's in-repetition recovery re-enters the repetition recursively, once per re-sync, and
   * works out the follow set each time: a block holding thousands of errors (`cluster c {` pasted
   * 3,000 times into a primitive) overflowed the stack after seconds of work. Past
   * MAX_REPETITION_RECOVERIES errors a repetition simply ends instead, and the between-rules
   * recovery, which does not recurse, takes over; only the first 100 errors are shown anyway.
   * (`attemptInRepetitionRecovery` is set per instance by chevrotain when recovery is enabled.)
   */
  private boundRepetitionRecovery(): void {
    const self = this as unknown as { attemptInRepetitionRecovery?: (...args: unknown[]) => void };
    const recover = self.attemptInRepetitionRecovery;
    if (typeof recover !== 'function') throw new Error('chevrotain changed: no attemptInRepetitionRecovery to bound');
    self.attemptInRepetitionRecovery = (...args: unknown[]) => {
      if (this.errorCount() < MAX_REPETITION_RECOVERIES) recover.apply(this, args);
    };
  }

  /**
   * How many syntax errors chevrotain has recorded. Its `errors` getter copies the list, and the
   * repetition recovery above asks after every repetition: the list itself is read instead.
   */
  private errorCount(): number {
    const list = (this as unknown as { _errors?: unknown })._errors;
    if (!Array.isArray(list)) throw new Error('chevrotain changed: no _errors list');
    return list.length;
  }

  // --- helpers (safe during chevrotain's recording phase, when tokens are placeholders) ---------

  /** From `first` to the last token consumed so far. */
  private spanFrom(first: IToken): Span {
    const last = this.LA(0);
    return { start: first.startOffset, end: tokenEnd(isReal(last) ? last : first) };
  }

  private error(code: 'HA001' | 'HA003', span: Span, message: string, help?: readonly string[], fix?: { title: string; replacement: string }): void {
    this.diagnostics.push({ code, severity: 'error', message, span, ...(help && help.length > 0 ? { help } : {}), ...(fix ? { fixes: [{ ...fix, span }] } : {}) });
  }

  /** Whether the token is the first on its line. */
  private startsLine(t: IToken): boolean {
    const prev = this.text.lastIndexOf('\n', t.startOffset - 1);
    for (let i = prev + 1; i < t.startOffset; i++) {
      const c = this.text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 13) return false;
    }
    return true;
  }

  private attrSet(kw: IToken, content: SetContent | undefined): A.AttrSet {
    if (this.RECORDING_PHASE || !content) return undefined as unknown as A.AttrSet;
    const plain: A.Attr[] = [];
    const setIds: A.Attr[] = [];
    const pairIds: A.Attr[] = [];
    const scores: A.Attr[] = [];
    const idRefs: A.Attr[] = [];
    for (const a of content.attrs) {
      const key = a.key.text;
      if (a.missingEquals) plain.push(a);
      else if (key === SET_ID_KEY) setIds.push(a);
      else if (key === SET_SCORE_KEY) scores.push(a);
      else if (key === SET_ID_REF_KEY) idRefs.push(a);
      else if (key.startsWith(PAIR_ID_PREFIX) && key.length > PAIR_ID_PREFIX.length) pairIds.push(a);
      else plain.push(a);
    }
    const keyword = ident(kw) as A.Ident & { text: SetKeyword };
    return { kind: 'attr-set', keyword, attrs: plain, setIds, pairIds, scores, idRefs, ...(content.rule ? { rule: content.rule } : {}), braced: content.braced, ...this.spanFrom(kw) };
  }

  private word(t: IToken): A.Value {
    const start = t.startOffset;
    const end = tokenEnd(t);
    const m = SECRET.exec(t.image);
    if (!m) return { kind: 'value', text: t.image, quoted: false, start, end };
    return { kind: 'value', text: t.image, quoted: false, start, end, secret: { scheme: m[1] as 'env' | 'file', ref: t.image.slice(m[0].length) } };
  }

  /** A quoted string: escapes resolved; an unterminated string, a bad escape or a character XML cannot carry is HA003. */
  private string(t: IToken): A.Value {
    const start = t.startOffset;
    const end = tokenEnd(t);
    const terminated = t.tokenType === T.StringLiteral;
    if (!terminated) this.error('HA003', { start, end }, 'unterminated string', ['add the closing " on the same line; use \\n for a line break inside a value']);
    const body = t.image.slice(1, terminated ? -1 : undefined);
    if (!body.includes('\\') && firstXmlInvalidChar(body) < 0) return { kind: 'value', text: body, quoted: true, start, end };
    // A raw character XML cannot carry (a control character, U+FFFE, a lone surrogate) would be
    // lost or mangled on its way into the CIB: rejected, once per string, and left out.
    const invalid = xmlInvalidOffsets(body);
    let invalidReported = false;
    let text = '';
    for (let i = 0; i < body.length; i++) {
      const ch = body[i]!;
      const at = t.startOffset + 1 + i;
      if (ch === '\\') {
        const next = body[i + 1];
        const decoded = next !== undefined ? ESCAPES[next] : undefined;
        if (decoded === undefined) {
          this.error('HA003', { start: at, end: at + (next === undefined ? 1 : 2) }, `invalid escape '\\${next ?? ''}' in a string`, [
            'the escapes are \\" \\\\ \\n and \\t; write \\\\ for a backslash',
          ]);
        }
        text += decoded ?? next ?? '';
        i++;
      } else if (invalid.has(i)) {
        if (!invalidReported) {
          this.error('HA003', { start: at, end: at + 1 }, `invalid character ${codePointName(body, i)} in a string`, [
            'a value may hold printable text, tabs and line breaks (write \\t and \\n); other control characters cannot reach the cluster unaltered',
          ]);
          invalidReported = true;
        }
      } else text += ch;
    }
    return { kind: 'value', text, quoted: true, start, end };
  }

  /**
   * `key "value"` / `key value` with the `=` forgotten also starts a pair (HA002), unless the value
   * is itself a key, or the word starts a line: that is the next statement (perhaps a misspelt one).
   */
  private startsAttribute(): boolean {
    const next = this.LA(2);
    if (tokenMatcher(next, T.Equals)) return true;
    if (!tokenMatcher(this.LA(1), T.PlainWord) || this.startsLine(this.LA(1))) return false;
    if (tokenMatcher(next, T.AnyString)) return true;
    return tokenMatcher(next, T.PlainWord) && !tokenMatcher(this.LA(3), T.Equals);
  }

  /**
   * In a group or a clone, a plain word is a member, unless `{` follows it on its line (before any
   * `}`): then it starts a line hacc does not know (`primtive x ocf:… {`). Anything else that is not
   * a line of the block (`stray`: the words that cannot start one) or a cluster statement starts one too.
   */
  private startsUnknownMemberLine(stray: TokenType): boolean {
    const first = this.LA(1);
    if (!tokenMatcher(first, T.PlainWord)) return true;
    for (let i = 2; ; i++) {
      const t = this.LA(i);
      if (t.tokenType === T.EOF_TOKEN || tokenMatcher(t, T.RCurly) || !this.sameLine(first, t)) return false;
      // A line of the block (or a statement) starts here: the words before it are members.
      if (!tokenMatcher(t, stray) && tokenMatcher(t, T.AnyWord)) return false;
      if (tokenMatcher(t, T.LCurly)) return true;
    }
  }

  private sameLine(a: IToken, b: IToken): boolean {
    return this.text.indexOf('\n', a.startOffset) >= b.startOffset || this.text.indexOf('\n', a.startOffset) < 0;
  }

  /**
   * Where a skipped line ends: at the `}` that closes the block, the end of the file, or a line
   * that starts with a word, unless that word is a key (`key=value` continuing the skipped line).
   */
  private endsSkippedLine(context: Context): boolean {
    const t = this.LA(1);
    if (t.tokenType === T.EOF_TOKEN || tokenMatcher(t, T.RCurly)) return true;
    if (!tokenMatcher(t, T.AnyWord) || !this.startsLine(t)) return false;
    return KEYWORDS[context].has(t.image) || !tokenMatcher(this.LA(2), T.Equals);
  }

  /** The report for a line that starts with a word that cannot start a line in `context`. */
  private unknownLine(t: IToken, context: Context): void {
    // After a syntax error on the same line, this is the rest of that broken statement: one report is enough.
    const count = this.errorCount();
    const last = count > 0 ? this.errors[count - 1] : undefined;
    if (last && isReal(last.token) && !this.startsLine(t) && this.sameLine(last.token, t)) return;
    const span = tokenSpan(t);
    const keywords = keywordsIn(context);
    const elsewhere = tokenMatcher(t, T.AnyWord) ? whereElse(t.image, context) : undefined;
    if (elsewhere) {
      this.error('HA001', span, `'${t.image}' cannot stand here: ${elsewhere}`, [`${CONTEXT_TEXT[context]} starts with one of: ${keywords.join(', ')}`]);
      return;
    }
    const found = tokenMatcher(t, T.LCurly) ? 'a block without a keyword' : `'${t.image}'`;
    const starts = `${CONTEXT_TEXT[context]} starts with one of: ${keywords.join(', ')}`;
    const { help, fix } = tokenMatcher(t, T.AnyWord) ? misspelt(t.image, keywords, starts) : { help: [starts], fix: undefined };
    this.error('HA001', span, `expected ${CONTEXT_TEXT[context]}, found ${found}`, help, fix);
  }

  /**
   * Inside a rule: a `key=value` pair (known by its `=`) into `attrs`, or a word of `word`'s kind
   * into `words` (a select line's kinds, a resource set's members). A new array of alternatives each
   * time: they close over the caller's lists.
   */
  private wordOrPair(word: TokenType, label: string, words: A.Ident[], attrs: A.Attr[]): void {
    this.OR([
      {
        GATE: () => tokenMatcher(this.LA(2), T.Equals),
        ALT: () => {
          const a = this.SUBRULE(this.attribute);
          if (a) attrs.push(a);
        },
        IGNORE_AMBIGUITIES: true,
      },
      {
        ALT: () => {
          const t = this.CONSUME(word, { LABEL: label });
          if (isReal(t)) words.push(ident(t));
        },
      },
    ]);
  }

  // --- the grammar ------------------------------------------------------------------------------

  public file = this.RULE('file', (): A.ClusterDecl | undefined => this.SUBRULE(this.cluster));

  /**
   * A statement's own name. Names are bare words (they become CIB ids, host names, user names): a
   * quoted one (`node "b c"`) is one HA001 that says so, and the statement is read on as if its
   * name were the string's text, so that nothing after it is reported for it.
   */
  public name = this.RULE('name', (): A.Ident | undefined => {
    const t = this.OR((this.nameAlts ??= [{ ALT: () => this.CONSUME(T.AnyWord) }, { ALT: () => this.CONSUME(T.AnyString) }]));
    if (this.RECORDING_PHASE || !isReal(t)) return undefined;
    if (!tokenMatcher(t, T.AnyString)) return ident(t);
    const text = this.string(t).text;
    const bare = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(text) ? text : text.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'name';
    this.error('HA001', tokenSpan(t), `names are written without quotes: write ${bare}`, ['names become ids and host names: letters, digits, _, . and -']);
    return { kind: 'ident', text, start: t.startOffset, end: tokenEnd(t), quoted: true };
  });

  public cluster = this.RULE('cluster', (): A.ClusterDecl | undefined => {
    const kw = this.CONSUME(T.Cluster);
    const name = this.SUBRULE(this.name);
    this.CONSUME(T.LCurly);
    const statements: A.Statement[] = [];
    this.MANY(() => {
      const s = this.SUBRULE(this.statement);
      if (s) statements.push(s);
    });
    this.CONSUME(T.RCurly);
    return { kind: 'cluster', name: isIdent(name) ? name : { kind: 'ident', text: '', ...tokenSpan(kw) }, statements, ...this.spanFrom(kw) };
  });

  // chevrotain builds an OR's alternatives anew at every call unless the array is kept (its
  // performance guide): the ones called for every statement, line and value are kept here.
  private statementAlts?: IOrAlt<A.Statement | undefined>[];
  private primitiveItemAlts?: IOrAlt<A.PrimitiveItem | undefined>[];
  private groupItemAlts?: IOrAlt<A.GroupItem | undefined>[];
  private cloneAlts?: IOrAlt<IToken>[];
  private cloneItemAlts?: IOrAlt<A.CloneItem | undefined>[];
  private bundleItemAlts?: IOrAlt<A.BundleItem | undefined>[];
  private aclRoleItemAlts?: IOrAlt<A.AclRoleItem | undefined>[];
  private aclTargetAlts?: IOrAlt<IToken>[];
  private opItemAlts?: IOrAlt<A.AttrSet | undefined>[];
  private valueAlts?: IOrAlt<IToken>[];
  private settingsAlts?: IOrAlt<IToken>[];
  private machineAlts?: IOrAlt<IToken>[];
  private nameAlts?: IOrAlt<IToken>[];
  private commandAlts?: IOrAlt<IToken>[];
  private alertItemAlts?: IOrAlt<A.AlertItem | undefined>[];
  private recipientItemAlts?: IOrAlt<A.AttrSet | undefined>[];
  private ruleWordAlts?: IOrAlt<IToken>[];
  private nodeItemAlts?: IOrAlt<A.AttrSet | A.DescriptionLine | undefined>[];
  private operandAlts?: IOrAlt<A.Ident | A.ResourceSet | undefined>[];
  private ruleAtomAlts?: IOrAlt<A.RuleExpr | undefined>[];
  private equalsSign = (): IToken => this.CONSUME(T.Equals);

  public statement = this.RULE(
    'statement',
    (): A.Statement | undefined =>
      this.OR((this.statementAlts ??= [
        { ALT: () => this.SUBRULE(this.platform) },
        { ALT: () => this.SUBRULE(this.autostart) },
        { ALT: () => this.SUBRULE(this.auth) },
        { ALT: () => this.SUBRULE(this.machine) },
        { ALT: () => this.SUBRULE(this.settings) },
        { ALT: () => this.SUBRULE(this.primitive) },
        { ALT: () => this.SUBRULE(this.template) },
        { ALT: () => this.SUBRULE(this.group) },
        { ALT: () => this.SUBRULE(this.clone) },
        { ALT: () => this.SUBRULE(this.bundle) },
        { ALT: () => this.SUBRULE(this.aclRole) },
        { ALT: () => this.SUBRULE(this.aclTarget) },
        { ALT: () => this.SUBRULE(this.location) },
        { ALT: () => this.SUBRULE(this.colocation) },
        { ALT: () => this.SUBRULE(this.order) },
        { ALT: () => this.SUBRULE(this.ticket) },
        { ALT: () => this.SUBRULE(this.tag) },
        { ALT: () => this.SUBRULE(this.fencingLevel) },
        { ALT: () => this.SUBRULE(this.alert) },
        { ALT: () => this.SUBRULE(this.sbd) },
        { ALT: () => this.SUBRULE(this.corosync) },
        { ALT: () => this.SUBRULE(this.unknownStatement) },
      ])),
    { recoveryValueFunc: () => undefined },
  );

  public platform = this.RULE('platform', (): A.PlatformStmt | undefined => {
    const kw = this.CONSUME(T.Platform);
    const name = this.CONSUME(T.AnyWord, { LABEL: 'name' });
    return isReal(name) ? { kind: 'platform', name: ident(name), ...this.spanFrom(kw) } : undefined;
  });

  public autostart = this.RULE('autostart', (): A.AutostartStmt | undefined => {
    const kw = this.CONSUME(T.Autostart);
    const value = this.CONSUME(T.AnyWord, { LABEL: 'value' });
    return isReal(value) ? { kind: 'autostart', value: ident(value), ...this.spanFrom(kw) } : undefined;
  });

  public auth = this.RULE('auth', (): A.AuthStmt | undefined => {
    const kw = this.CONSUME(T.Auth);
    const user = this.SUBRULE(this.name);
    const attrs = this.SUBRULE(this.attributes);
    return isIdent(user) ? { kind: 'auth', user, attrs, ...this.spanFrom(kw) } : undefined;
  });

  /** `node NAME pairs [{ attributes … utilization … }]`, `host NAME pairs` (a host's body is reported by HA001). */
  public machine = this.RULE('machine', (): A.MachineStmt | undefined => {
    const kw = this.OR((this.machineAlts ??= [{ ALT: () => this.CONSUME(T.NodeKw) }, { ALT: () => this.CONSUME(T.Host) }]));
    const name = this.SUBRULE(this.name);
    const attrs = this.SUBRULE(this.attributes);
    const body = this.OPTION(() => {
      this.CONSUME(T.LCurly);
      const items: (A.AttrSet | A.DescriptionLine)[] = [];
      this.MANY(() => {
        const item = this.OR1((this.nodeItemAlts ??= [
          { ALT: () => this.attrSet(this.CONSUME(T.Attributes), this.SUBRULE(this.setContent, { ARGS: [true] })) },
          { ALT: () => this.attrSet(this.CONSUME(T.Utilization), this.SUBRULE2(this.setContent, { ARGS: [true] })) },
          { ALT: () => this.SUBRULE(this.description) },
          { ALT: () => this.SUBRULE(this.unknownNodeLine) },
        ]));
        if (item) items.push(item);
      });
      this.CONSUME(T.RCurly);
      return items;
    });
    return isIdent(name) ? { kind: kw.image === 'host' ? 'host' : 'node', name, attrs, ...(body ? { body } : {}), ...this.spanFrom(kw) } : undefined;
  });

  /** `property`, `defaults` (rsc_defaults) and `op-defaults` (op_defaults): name=value settings. */
  public settings = this.RULE('settings', (): A.AttrSet => {
    const kw = this.OR((this.settingsAlts ??= [{ ALT: () => this.CONSUME(T.Property) }, { ALT: () => this.CONSUME(T.Defaults) }, { ALT: () => this.CONSUME(T.OpDefaults) }]));
    return this.attrSet(kw, this.SUBRULE(this.setContent, { ARGS: [false] }));
  });

  /**
   * What follows a set's keyword: `[PAIRS] [rule [id=] EXPR] [{ PAIRS }]` (the `$`-keys among the
   * pairs). Line breaks mean nothing: the braces, or the next line's keyword, end it.
   */
  public setContent = this.RULE('setContent', (inBody: boolean): SetContent => {
    const attrs = this.SUBRULE(this.attributes);
    const rule = this.OPTION(() => this.SUBRULE(this.ruleClause, { ARGS: [inBody] }));
    const braced = this.OPTION2(() => {
      this.CONSUME(T.LCurly);
      const inner = this.SUBRULE2(this.attributes);
      this.CONSUME(T.RCurly);
      return inner;
    });
    if (this.RECORDING_PHASE) return undefined as unknown as SetContent;
    return { attrs: braced ? [...attrs, ...braced] : attrs, ...(rule ? { rule } : {}), braced: braced !== undefined };
  });

  /** `{ params … meta … op … }` of a primitive or a template. */
  public primitiveBody = this.RULE('primitiveBody', (): A.PrimitiveItem[] => {
    this.CONSUME(T.LCurly);
    const items: A.PrimitiveItem[] = [];
    this.MANY(() => {
      const item = this.SUBRULE(this.primitiveItem);
      if (item) items.push(item);
    });
    this.CONSUME(T.RCurly);
    return items;
  });

  public primitive = this.RULE('primitive', (): A.PrimitiveStmt | undefined => {
    const kw = this.CONSUME(T.Primitive);
    const name = this.SUBRULE(this.name);
    const agent = this.CONSUME2(T.AnyWord, { LABEL: 'agent' });
    const body = this.OPTION(() => this.SUBRULE(this.primitiveBody));
    if (!isIdent(name) || !isReal(agent)) return undefined;
    return { kind: 'primitive', name, agent: ident(agent), ...(body ? { body } : {}), ...this.spanFrom(kw) };
  });

  /** `template NAME AGENT { … }`: a primitive's body, shared (language/template.ts). */
  public template = this.RULE('template', (): A.TemplateStmt | undefined => {
    const kw = this.CONSUME(T.Template);
    const name = this.SUBRULE(this.name);
    const agent = this.CONSUME2(T.AnyWord, { LABEL: 'agent' });
    const body = this.OPTION(() => this.SUBRULE(this.primitiveBody));
    if (!isIdent(name) || !isReal(agent)) return undefined;
    return { kind: 'template', name, agent: ident(agent), ...(body ? { body } : {}), ...this.spanFrom(kw) };
  });

  /** `description "TEXT"`. */
  public description = this.RULE('description', (): A.DescriptionLine | undefined => {
    const kw = this.CONSUME(T.Description);
    const value = this.SUBRULE(this.value);
    return isReal(kw) && value ? { kind: 'description', keyword: ident(kw), value, ...this.spanFrom(kw) } : undefined;
  });

  /** `operations $id=ID` or `operations $id-ref=ID`. */
  public operations = this.RULE('operations', (): A.OperationsLine | undefined => {
    const kw = this.CONSUME(T.Operations);
    const attrs = this.SUBRULE(this.attributes);
    return isReal(kw) ? { kind: 'operations', keyword: ident(kw), attrs, ...this.spanFrom(kw) } : undefined;
  });

  public primitiveItem = this.RULE(
    'primitiveItem',
    (): A.PrimitiveItem | undefined =>
      this.OR((this.primitiveItemAlts ??= [
        { ALT: () => this.SUBRULE(this.params) },
        { ALT: () => this.SUBRULE(this.meta) },
        { ALT: () => this.SUBRULE(this.utilization) },
        { ALT: () => this.SUBRULE(this.op) },
        { ALT: () => this.SUBRULE(this.operations) },
        { ALT: () => this.SUBRULE(this.description) },
        { ALT: () => this.SUBRULE(this.command) },
        { ALT: () => this.SUBRULE(this.defaultOps) },
        { ALT: () => this.SUBRULE(this.unknownPrimitiveLine) },
      ])),
    { recoveryValueFunc: () => undefined },
  );

  /** `default-ops none`: build adds no operations to this primitive. */
  public defaultOps = this.RULE('defaultOps', (): A.DefaultOpsLine | undefined => {
    const kw = this.CONSUME(T.DefaultOps);
    const value = this.CONSUME(T.AnyWord, { LABEL: 'value' });
    return isReal(value) ? { kind: 'default-ops', value: ident(value), ...this.spanFrom(kw) } : undefined;
  });

  public params = this.RULE('params', (): A.AttrSet => {
    const kw = this.CONSUME(T.Params);
    return this.attrSet(kw, this.SUBRULE(this.setContent, { ARGS: [true] }));
  });

  public meta = this.RULE('meta', (): A.AttrSet => {
    const kw = this.CONSUME(T.Meta);
    return this.attrSet(kw, this.SUBRULE(this.setContent, { ARGS: [true] }));
  });

  public utilization = this.RULE('utilization', (): A.AttrSet => {
    const kw = this.CONSUME(T.Utilization);
    return this.attrSet(kw, this.SUBRULE(this.setContent, { ARGS: [true] }));
  });

  public op = this.RULE('op', (): A.OpLine | undefined => {
    const kw = this.CONSUME(T.Op);
    const name = this.SUBRULE(this.name);
    const attrs = this.SUBRULE(this.attributes);
    const body = this.OPTION(() => {
      this.CONSUME(T.LCurly);
      const items: A.AttrSet[] = [];
      this.MANY(() => {
        const item = this.OR((this.opItemAlts ??= [
          { ALT: () => this.SUBRULE(this.params) },
          { ALT: () => this.SUBRULE(this.meta) },
          { ALT: () => this.SUBRULE(this.unknownOpLine) },
        ]));
        if (item) items.push(item);
      });
      this.CONSUME(T.RCurly);
      return items;
    });
    return isIdent(name) ? { kind: 'op', name, attrs, ...(body ? { body } : {}), ...this.spanFrom(kw) } : undefined;
  });

  public command = this.RULE('command', (): A.CommandLine | undefined => {
    const action = this.OR((this.commandAlts ??= [
      { ALT: () => this.CONSUME(T.Start, { LABEL: 'action' }) },
      { ALT: () => this.CONSUME(T.Stop, { LABEL: 'action' }) },
      { ALT: () => this.CONSUME(T.Monitor, { LABEL: 'action' }) },
    ]));
    const value = this.SUBRULE(this.value);
    if (!isReal(action) || !value) return undefined;
    return { kind: 'command', action: ident(action) as A.Ident & { text: CommandAction }, value, ...this.spanFrom(action) };
  });

  public group = this.RULE('group', (): A.GroupStmt | undefined => {
    const kw = this.CONSUME(T.Group);
    const name = this.SUBRULE(this.name);
    this.CONSUME(T.LCurly);
    const items: A.GroupItem[] = [];
    this.MANY(() => {
      const item = this.OR((this.groupItemAlts ??= [
        { ALT: () => this.SUBRULE(this.primitive) },
        { ALT: () => this.SUBRULE(this.meta) },
        { ALT: () => this.SUBRULE(this.params) },
        { ALT: () => this.SUBRULE(this.description) },
        { GATE: () => this.startsUnknownMemberLine(T.NotGroupStart), ALT: () => this.SUBRULE(this.unknownGroupLine), IGNORE_AMBIGUITIES: true },
        {
          ALT: (): A.MemberRef => {
            const t = this.CONSUME(T.PlainWord, { LABEL: 'member' });
            return { kind: 'member', name: ident(t), ...tokenSpan(t) };
          },
        },
      ]));
      if (item) items.push(item);
    });
    this.CONSUME(T.RCurly);
    return isIdent(name) ? { kind: 'group', name, items, ...this.spanFrom(kw) } : undefined;
  });

  public clone = this.RULE('clone', (): A.CloneStmt | undefined => {
    const kw = this.OR((this.cloneAlts ??= [{ ALT: () => this.CONSUME(T.Clone) }, { ALT: () => this.CONSUME(T.Promotable) }]));
    const name = this.SUBRULE(this.name);
    this.CONSUME(T.LCurly);
    const items: A.CloneItem[] = [];
    this.MANY(() => {
      const item = this.OR1((this.cloneItemAlts ??= [
        { ALT: () => this.SUBRULE(this.primitive) },
        { ALT: () => this.SUBRULE(this.group) },
        { ALT: () => this.SUBRULE(this.meta) },
        { ALT: () => this.SUBRULE(this.params) },
        { ALT: () => this.SUBRULE(this.description) },
        { GATE: () => this.startsUnknownMemberLine(T.NotCloneStart), ALT: () => this.SUBRULE(this.unknownCloneLine), IGNORE_AMBIGUITIES: true },
        {
          ALT: (): A.MemberRef => {
            const t = this.CONSUME(T.PlainWord, { LABEL: 'member' });
            return { kind: 'member', name: ident(t), ...tokenSpan(t) };
          },
        },
      ]));
      if (item) items.push(item);
    });
    this.CONSUME(T.RCurly);
    if (!isReal(kw) || !isIdent(name)) return undefined;
    return { kind: 'clone', keyword: ident(kw) as A.Ident & { text: CloneKeyword }, name, items, ...this.spanFrom(kw) };
  });

  /** `container TYPE pairs`, `network pairs`, `port-map pairs`, `storage-map pairs`. */
  public bundleLine = this.RULE('bundleLine', (): A.BundleLine | undefined => {
    const kw = this.CONSUME(T.BundleLineKeyword);
    // (The gate decides: one token of lookahead, as in pairs.)
    const word = this.OPTION({
      MAX_LOOKAHEAD: 1,
      GATE: () => kw.image in BUNDLE_LINE_WORDS && (tokenMatcher(this.LA(1), T.AnyWord) || tokenMatcher(this.LA(1), T.AnyString)) && !tokenMatcher(this.LA(2), T.Equals),
      DEF: () => this.SUBRULE(this.value),
    });
    const attrs = this.SUBRULE(this.pairs);
    if (!isReal(kw)) return undefined;
    return { kind: 'bundle-line', keyword: ident(kw) as A.Ident & { text: BundleLineKeyword }, words: word ? [word] : [], attrs, ...this.spanFrom(kw) };
  });

  /** `bundle NAME { container … network … port-map … storage-map … meta … description … primitive … }`. */
  public bundle = this.RULE('bundle', (): A.BundleStmt | undefined => {
    const kw = this.CONSUME(T.Bundle);
    const name = this.SUBRULE(this.name);
    this.CONSUME(T.LCurly);
    const items: A.BundleItem[] = [];
    this.MANY(() => {
      const item = this.OR((this.bundleItemAlts ??= [
        { ALT: () => this.SUBRULE(this.bundleLine) },
        { ALT: () => this.SUBRULE(this.primitive) },
        { ALT: () => this.SUBRULE(this.meta) },
        { ALT: () => this.SUBRULE(this.description) },
        { ALT: () => this.SUBRULE(this.unknownBundleLine) },
      ]));
      if (item) items.push(item);
    });
    this.CONSUME(T.RCurly);
    return isIdent(name) ? { kind: 'bundle', name, items, ...this.spanFrom(kw) } : undefined;
  });

  /** `acl-role NAME [{ read|write|deny pairs… description "…" }]`. */
  public aclRole = this.RULE('aclRole', (): A.AclRoleStmt | undefined => {
    const kw = this.CONSUME(T.AclRole);
    const name = this.SUBRULE(this.name);
    const body = this.OPTION(() => {
      this.CONSUME(T.LCurly);
      const items: A.AclRoleItem[] = [];
      this.MANY(() => {
        const item = this.OR((this.aclRoleItemAlts ??= [
          {
            ALT: (): A.AclPermissionLine | undefined => {
              const p = this.CONSUME(T.PermissionKeyword);
              const attrs = this.SUBRULE(this.pairs);
              return isReal(p) ? { kind: 'acl-permission', keyword: ident(p) as A.Ident & { text: PermissionKind }, attrs, ...this.spanFrom(p) } : undefined;
            },
          },
          { ALT: () => this.SUBRULE(this.description) },
          { ALT: () => this.SUBRULE(this.unknownAclRoleLine) },
        ]));
        if (item) items.push(item);
      });
      this.CONSUME(T.RCurly);
      return items;
    });
    return isIdent(name) && isReal(kw) ? { kind: 'acl-role', name, ...(body ? { body } : {}), ...this.spanFrom(kw) } : undefined;
  });

  /** `acl-user NAME roles=…` / `acl-group NAME roles=…`. */
  public aclTarget = this.RULE('aclTarget', (): A.AclTargetStmt | undefined => {
    const kw = this.OR((this.aclTargetAlts ??= [{ ALT: () => this.CONSUME(T.AclUser) }, { ALT: () => this.CONSUME(T.AclGroup) }]));
    const name = this.SUBRULE(this.name);
    const attrs = this.SUBRULE(this.attributes);
    return isIdent(name) && isReal(kw) ? { kind: 'acl-target', keyword: ident(kw) as A.Ident & { text: 'acl-user' | 'acl-group' }, name, attrs, ...this.spanFrom(kw) } : undefined;
  });

  /**
   * `location ID RESOURCE [pairs] prefers|avoids TARGET…` or `… rule … [rule …]`. The resource is
   * left out when `rsc-pattern=` names the resources (a word followed by `=` is a pair).
   */
  public location = this.RULE('location', (): A.LocationStmt | undefined => {
    const kw = this.CONSUME(T.Location);
    const name = this.SUBRULE(this.name);
    const resource = this.OPTION({ GATE: () => !tokenMatcher(this.LA(2), T.Equals), DEF: () => this.CONSUME2(T.AnyWord, { LABEL: 'resource' }) });
    const sets: (A.ResourceSet | undefined)[] = [];
    this.MANY2(() => sets.push(this.SUBRULE(this.resourceSet)));
    const attrs = this.SUBRULE(this.attributes);
    let mode: IToken | undefined;
    const targets: A.LocationTarget[] = [];
    const rules: A.RuleClause[] = [];
    // (A new array each time: the alternatives close over this statement's lists.)
    this.OR([
      {
        ALT: () => {
          mode = this.OR2([{ ALT: () => this.CONSUME(T.Prefers, { LABEL: 'mode' }) }, { ALT: () => this.CONSUME(T.Avoids, { LABEL: 'mode' }) }]);
          this.AT_LEAST_ONE(() => {
            const target = this.SUBRULE(this.locationTarget);
            if (target) targets.push(target);
          });
        },
      },
      {
        ALT: () =>
          this.AT_LEAST_ONE2(() => {
            const rule = this.SUBRULE(this.ruleClause);
            if (rule) rules.push(rule);
          }),
      },
    ]);
    if (!isIdent(name) || (resource !== undefined && !isReal(resource)) || (mode !== undefined && !isReal(mode)) || (mode === undefined && rules.length === 0) || sets.some((s) => s === undefined)) return undefined;
    return {
      kind: 'location',
      name,
      ...(resource ? { resource: ident(resource) } : {}),
      sets: sets as A.ResourceSet[],
      attrs,
      ...(mode ? { mode: ident(mode) as A.Ident & { text: LocationMode } } : {}),
      targets,
      rules,
      ...this.spanFrom(kw),
    };
  });

  /**
   * `rule [id=] [role=] [score=|score-attribute=] EXPR`: the pairs, then the expression's words up
   * to the first that cannot continue it (continuesRule). The expression is read from those words
   * once the file is parsed (parse, ruleBody).
   */
  public ruleClause = this.RULE('ruleClause', (inBody = false): A.RuleClause | undefined => {
    const kw = this.CONSUME(T.RuleKw);
    const attrs = this.SUBRULE(this.pairs, { ARGS: [true] });
    const words: IToken[] = [];
    this.MANY({
      MAX_LOOKAHEAD: 1,
      GATE: () => this.continuesRule(inBody),
      DEF: () => {
        words.push(this.OR((this.ruleWordAlts ??= [{ ALT: () => this.CONSUME(T.AnyWord) }, { ALT: () => this.CONSUME(T.AnyString) }, { ALT: () => this.CONSUME(T.Equals) }])));
      },
    });
    if (this.RECORDING_PHASE || !isReal(kw)) return undefined;
    const clause: PendingRule['clause'] = { kind: 'rule', keyword: ident(kw), attrs, ...this.spanFrom(kw) };
    this.pendingRules.push({ clause, keyword: kw, words });
    return clause;
  });

  /**
   * Whether the next token belongs to the rule being read: a value, an `=`, a word that starts no
   * statement and is no `rule`. Line breaks mean nothing, as everywhere in the language: the rule
   * ends at the next statement, the next rule or a `{`, and, for the rule of a set in a body
   * (`params … rule "#uname" eq b`), at a keyword that starts a line of a body (the `op` of the next
   * line: neither a resource nor an operation can be tested there, HA223).
   */
  private continuesRule(inBody: boolean): boolean {
    const t = this.LA(1);
    if (tokenMatcher(t, T.Equals) || tokenMatcher(t, T.AnyString)) return true;
    if (inBody && tokenMatcher(t, T.BodyLineStart)) return false;
    return tokenMatcher(t, T.Operand) && !tokenMatcher(t, T.RuleKw);
  }

  // --- a rule's expression (language/rule.ts), over the tokens of ruleTokens ----------------------

  public ruleBody = this.RULE('ruleBody', (): A.RuleExpr | undefined => {
    const expr = this.SUBRULE(this.ruleExpr);
    this.CONSUME(T.RuleEnd);
    return expr;
  });

  /** Atoms joined by and/or: one list, evaluated left to right (pcs gives both one precedence). */
  public ruleExpr = this.RULE('ruleExpr', (): A.RuleExpr | undefined => {
    const operands: (A.RuleExpr | undefined)[] = [this.SUBRULE(this.ruleAtom)];
    const operators: A.Ident[] = [];
    this.MANY(() => {
      const op = this.CONSUME(T.RuleBool);
      operands.push(this.SUBRULE2(this.ruleAtom));
      if (isReal(op)) operators.push(ident(op));
    });
    if (this.RECORDING_PHASE || operands.some((o) => o === undefined) || operators.length !== operands.length - 1) return undefined;
    const all = operands as A.RuleExpr[];
    if (all.length === 1) return all[0];
    return { kind: 'rule-bool', operands: all, operators, start: all[0]!.start, end: all[all.length - 1]!.end };
  });

  public ruleAtom = this.RULE(
    'ruleAtom',
    (): A.RuleExpr | undefined =>
      this.OR((this.ruleAtomAlts ??= [
        { ALT: () => this.SUBRULE(this.ruleGroup) },
        { ALT: () => this.SUBRULE(this.ruleDefined) },
        { ALT: () => this.SUBRULE(this.ruleDate) },
        { ALT: () => this.SUBRULE(this.ruleDateSpec) },
        { ALT: () => this.SUBRULE(this.ruleResource) },
        { ALT: () => this.SUBRULE(this.ruleOp) },
        { ALT: () => this.SUBRULE(this.ruleCompare) },
      ])),
    { recoveryValueFunc: () => undefined },
  );

  /** A value of the expression: a quoted string, or a word that is none of its keywords. */
  private operand(t: IToken): A.Value | undefined {
    if (this.RECORDING_PHASE || !isReal(t)) return undefined;
    return tokenMatcher(t, T.AnyString) ? this.string(t) : this.word(t);
  }

  public ruleGroup = this.RULE('ruleGroup', (): A.RuleExpr | undefined => {
    const open = this.CONSUME(T.RuleLParen);
    const attrs = this.SUBRULE(this.pairs);
    const expr = this.SUBRULE(this.ruleExpr);
    const close = this.CONSUME(T.RuleRParen);
    if (this.RECORDING_PHASE || !expr || !isReal(open) || !isReal(close)) return undefined;
    return { kind: 'rule-group', attrs, expr, start: open.startOffset, end: tokenEnd(close) };
  });

  public ruleDefined = this.RULE('ruleDefined', (): A.RuleExpr | undefined => {
    const op = this.CONSUME(T.RuleUnary);
    const attribute = this.operand(this.CONSUME(T.RuleOperand, { LABEL: 'attribute' }));
    if (!attribute || !isReal(op)) return undefined;
    return { kind: 'rule-defined', operator: ident(op), attribute, start: op.startOffset, end: attribute.end };
  });

  public ruleCompare = this.RULE('ruleCompare', (): A.RuleExpr | undefined => {
    const attribute = this.operand(this.CONSUME(T.RuleOperand, { LABEL: 'attribute' }));
    const op = this.CONSUME(T.RuleCompare);
    const type = this.OPTION(() => this.CONSUME(T.RuleType));
    const source = this.OPTION2(() => this.CONSUME(T.RuleSource));
    const value = this.operand(this.CONSUME2(T.RuleOperand, { LABEL: 'value' }));
    if (!attribute || !value || !isReal(op) || (type && !isReal(type)) || (source && !isReal(source))) return undefined;
    return {
      kind: 'rule-compare',
      attribute,
      operator: ident(op),
      ...(type ? { type: ident(type) } : {}),
      ...(source ? { source: ident(source) } : {}),
      value,
      start: attribute.start,
      end: value.end,
    };
  });

  /** `date gt|lt DATE`, `date in_range [DATE] to DATE`, `date in_range DATE to duration PAIR…`. */
  public ruleDate = this.RULE('ruleDate', (): A.RuleExpr | undefined => {
    const kw = this.CONSUME(T.RuleDate);
    let operator: IToken | undefined;
    let from: A.Value | undefined;
    let to: A.Value | undefined;
    let duration: A.Attr[] | undefined;
    this.OR([
      {
        ALT: () => {
          operator = this.CONSUME(T.RuleCompare);
          const date = this.operand(this.CONSUME(T.RuleOperand, { LABEL: 'date' }));
          if (operator.image.toLowerCase() === 'lt') to = date;
          else from = date;
        },
      },
      {
        ALT: () => {
          operator = this.CONSUME(T.RuleInRange);
          this.OPTION(() => (from = this.operand(this.CONSUME2(T.RuleOperand, { LABEL: 'date' }))));
          this.CONSUME(T.RuleTo);
          this.OR2([
            { ALT: () => (to = this.operand(this.CONSUME3(T.RuleOperand, { LABEL: 'date' }))) },
            {
              ALT: () => {
                this.CONSUME(T.RuleDuration);
                duration = this.SUBRULE(this.pairs);
              },
            },
          ]);
        },
      },
    ]);
    if (this.RECORDING_PHASE || !isReal(kw) || !operator || !isReal(operator)) return undefined;
    const op: IToken = operator;
    if (op.tokenType === T.RuleCompare && !['gt', 'lt'].includes(op.image.toLowerCase())) {
      this.error('HA001', tokenSpan(op), `a date is compared with gt, lt or in_range, not '${op.image}'`, ['date gt 2024-01-01, date lt 2024-12-31, date in_range 2024-01-01 to 2024-12-31']);
    }
    if (duration?.length === 0) this.error('HA001', tokenSpan(this.LA(0)), 'duration needs at least one of years=, months=, weeks=, days=, hours=, minutes=, seconds=', ['date in_range 2024-01-01 to duration months=2']);
    const last = this.LA(0);
    return {
      kind: 'rule-date',
      keyword: ident(kw),
      operator: ident(op),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(duration ? { duration } : {}),
      start: kw.startOffset,
      end: isReal(last) ? tokenEnd(last) : tokenEnd(op),
    };
  });

  public ruleDateSpec = this.RULE('ruleDateSpec', (): A.RuleExpr | undefined => {
    const kw = this.CONSUME(T.RuleDateSpec);
    const attrs = this.SUBRULE(this.pairs);
    if (this.RECORDING_PHASE || !isReal(kw)) return undefined;
    if (attrs.length === 0) this.error('HA001', tokenSpan(kw), 'date-spec needs at least one pair: hours=9-16 weekdays=1-5…', ['the keys are years, months, monthdays, hours, minutes, seconds, yeardays, weekyears, weeks, weekdays, moon']);
    return { kind: 'rule-date-spec', keyword: ident(kw), attrs, start: kw.startOffset, end: attrs[attrs.length - 1]?.end ?? tokenEnd(kw) };
  });

  public ruleResource = this.RULE('ruleResource', (): A.RuleExpr | undefined => {
    const kw = this.CONSUME(T.RuleResource);
    const agent = this.operand(this.CONSUME(T.RuleOperand, { LABEL: 'agent' }));
    if (!agent || !isReal(kw)) return undefined;
    return { kind: 'rule-resource', keyword: ident(kw), agent, start: kw.startOffset, end: agent.end };
  });

  public ruleOp = this.RULE('ruleOp', (): A.RuleExpr | undefined => {
    const kw = this.CONSUME(T.RuleOp);
    const name = this.operand(this.CONSUME(T.RuleOperand, { LABEL: 'operation' }));
    const attrs = this.SUBRULE(this.pairs);
    if (!name || !isReal(kw)) return undefined;
    return { kind: 'rule-op', keyword: ident(kw), name, attrs, start: kw.startOffset, end: attrs[attrs.length - 1]?.end ?? name.end };
  });

  public locationTarget = this.RULE('locationTarget', (): A.LocationTarget | undefined => {
    const node = this.CONSUME(T.PlainWord, { LABEL: 'node' });
    const score = this.OPTION(() => {
      this.CONSUME(T.Equals);
      return this.SUBRULE(this.value);
    });
    if (!isReal(node)) return undefined;
    return { kind: 'location-target', node: ident(node), ...(score ? { score } : {}), ...this.spanFrom(node) };
  });

  /**
   * `colocation ID A with B [pairs]`, `order ID A then B [pairs]`; with resource sets, two or more
   * operands joined by `with`/`then`, each a name or `{ … }` (a name beside a set is a set of one).
   */
  private pairConstraintRule(name: 'colocation' | 'order', keyword: TokenType, joiner: TokenType) {
    return this.RULE(name, (): A.ColocationStmt | A.OrderStmt | undefined => {
      const kw = this.CONSUME(keyword);
      const id = this.SUBRULE(this.name);
      const operands = [this.SUBRULE(this.constraintOperand)];
      // (One token of lookahead: `with` commits, so a missing operand is reported where it is missing.)
      this.MANY({
        MAX_LOOKAHEAD: 1,
        DEF: () => {
          this.CONSUME(joiner);
          operands.push(this.SUBRULE2(this.constraintOperand));
        },
      });
      const attrs = this.SUBRULE(this.attributes);
      if (this.RECORDING_PHASE || !isIdent(id) || operands.some((o) => o === undefined)) return undefined;
      const written = operands as (A.Ident | A.ResourceSet)[];
      // One set alone is a chain of its members; one resource alone relates it to nothing.
      if (written.length === 1 && written[0]!.kind === 'ident') {
        const word = tokenLabel(joiner);
        this.error('HA001', { start: written[0]!.start, end: written[0]!.end }, `expected ${word} after '${written[0]!.text}'`, [`${kw.image} ${id.text} ${written[0]!.text} ${word.replace(/'/g, '')} OTHER`]);
        return undefined;
      }
      const span = this.spanFrom(kw);
      const kind = kw.image === 'order' ? 'order' : 'colocation';
      if (written.length === 2 && written[0]!.kind === 'ident' && written[1]!.kind === 'ident') {
        return { kind, name: id, resource: written[0], target: written[1], sets: [], attrs, ...span };
      }
      const sets = written.map((o): A.ResourceSet => (o.kind === 'ident' ? { kind: 'resource-set', members: [o], attrs: [], braced: false, start: o.start, end: o.end } : o));
      return { kind, name: id, sets, attrs, ...span };
    });
  }

  public colocation = this.pairConstraintRule('colocation', T.Colocation, T.With);
  public order = this.pairConstraintRule('order', T.Order, T.Then);

  /** `tag NAME { MEMBER… }`: plain words up to the `}`. */
  public tag = this.RULE('tag', (): A.TagStmt | undefined => {
    const kw = this.CONSUME(T.Tag);
    const id = this.SUBRULE(this.name);
    this.CONSUME(T.LCurly);
    const members: A.MemberRef[] = [];
    this.MANY(() => {
      const t = this.CONSUME(T.PlainWord, { LABEL: 'member' });
      if (isReal(t)) members.push({ kind: 'member', name: ident(t), ...tokenSpan(t) });
    });
    this.CONSUME(T.RCurly);
    return isIdent(id) && isReal(kw) ? { kind: 'tag', name: id, members, ...this.spanFrom(kw) } : undefined;
  });

  /** `ticket ID RESOURCE needs TICKET [pairs]`, or `ticket ID SET [SET…] needs TICKET [pairs]`. */
  public ticket = this.RULE('ticket', (): A.TicketStmt | undefined => {
    const kw = this.CONSUME(T.Ticket);
    const id = this.SUBRULE(this.name);
    const first = this.SUBRULE(this.constraintOperand);
    const more: (A.ResourceSet | undefined)[] = [];
    this.MANY(() => more.push(this.SUBRULE(this.resourceSet)));
    this.CONSUME(T.Needs);
    const ticket = this.CONSUME(T.Operand, { LABEL: 'ticket' });
    const attrs = this.SUBRULE(this.attributes);
    if (this.RECORDING_PHASE || !isIdent(id) || !first || more.some((s) => s === undefined) || !isReal(ticket)) return undefined;
    const span = this.spanFrom(kw);
    if (first.kind === 'ident' && more.length === 0) return { kind: 'ticket', name: id, resource: first, sets: [], ticket: ident(ticket), attrs, ...span };
    const sets = [first, ...(more as A.ResourceSet[])].map((o): A.ResourceSet => (o.kind === 'ident' ? { kind: 'resource-set', members: [o], attrs: [], braced: false, start: o.start, end: o.end } : o));
    return { kind: 'ticket', name: id, sets, ticket: ident(ticket), attrs, ...span };
  });

  /** A resource, or `{ MEMBER… pairs }`: a pair is known by its `=`, anything else is a member. */
  public constraintOperand = this.RULE('constraintOperand', (): A.Ident | A.ResourceSet | undefined =>
    this.OR((this.operandAlts ??= [
      {
        ALT: () => {
          // (Any word, keywords included: a resource may be called `group`, as in Pacemaker's own tests.)
          const t = this.CONSUME(T.AnyWord, { LABEL: 'resource' });
          return isReal(t) ? ident(t) : undefined;
        },
      },
      { ALT: () => this.SUBRULE(this.resourceSet) },
    ])),
  );

  public resourceSet = this.RULE('resourceSet', (): A.ResourceSet | undefined => {
    const open = this.CONSUME(T.LCurly);
    const members: A.Ident[] = [];
    const attrs: A.Attr[] = [];
    this.MANY(() => this.wordOrPair(T.PlainWord, 'member', members, attrs));
    const close = this.CONSUME(T.RCurly);
    if (this.RECORDING_PHASE || !isReal(open) || !isReal(close)) return undefined;
    return { kind: 'resource-set', members, attrs, braced: true, start: open.startOffset, end: tokenEnd(close) };
  });

  /**
   * `fencing-level INDEX TARGET DEVICES [id=ID]`, TARGET a node name or `target-pattern=…` or
   * `target-attribute=… target-value=…`. Line breaks mean nothing here either: the pairs are known
   * by their `=`, and the node name is read only when no target-* pair came before the devices.
   */
  public fencingLevel = this.RULE('fencingLevel', (): A.FencingLevelStmt | undefined => {
    const kw = this.CONSUME(T.FencingLevel);
    const index = this.CONSUME3(T.Operand, { LABEL: 'index' });
    const before = this.SUBRULE(this.pairs);
    const namesTarget = !this.RECORDING_PHASE && before.some((a) => (TARGET_KEYS as readonly string[]).includes(a.key.text));
    // (Words that cannot start a statement: a missing word is reported, not taken from the next line.)
    const node = this.OPTION({ GATE: () => !namesTarget, DEF: () => this.CONSUME(T.Operand, { LABEL: 'target' }) });
    const deviceWord = this.CONSUME2(T.Operand, { LABEL: 'devices' });
    const after = this.SUBRULE2(this.pairs);
    if (this.RECORDING_PHASE || !isReal(kw) || !isReal(index) || !isReal(deviceWord) || (node !== undefined && !isReal(node))) return undefined;
    const devices: A.Ident[] = [];
    let at = deviceWord.startOffset;
    for (const part of deviceWord.image.split(',')) {
      if (part === '') this.error('HA001', { start: at, end: at + 1 }, 'an empty device name in a fencing level', ['devices are separated by single commas: fence-a,fence-b']);
      else devices.push({ kind: 'ident', text: part, start: at, end: at + part.length });
      at += part.length + 1;
    }
    return { kind: 'fencing-level', index: ident(index), ...(node ? { target: ident(node) } : {}), devices, attrs: [...before, ...after], ...this.spanFrom(kw) };
  });

  /** `alert ID PATH [{ meta … params … select … recipient … }]`. */
  public alert = this.RULE('alert', (): A.AlertStmt | undefined => {
    const kw = this.CONSUME(T.Alert);
    const name = this.SUBRULE(this.name);
    const path = this.SUBRULE(this.value);
    const body = this.OPTION(() => {
      this.CONSUME(T.LCurly);
      const items: A.AlertItem[] = [];
      this.MANY(() => {
        const item = this.OR((this.alertItemAlts ??= [
          { ALT: () => this.SUBRULE(this.params) },
          { ALT: () => this.SUBRULE(this.meta) },
          { ALT: () => this.SUBRULE(this.select) },
          { ALT: () => this.SUBRULE(this.recipient) },
          { ALT: () => this.SUBRULE(this.unknownAlertLine) },
        ]));
        if (item) items.push(item);
      });
      this.CONSUME(T.RCurly);
      return items;
    });
    if (!isIdent(name) || !path) return undefined;
    return { kind: 'alert', name, path, ...(body ? { body } : {}), ...this.spanFrom(kw) };
  });

  /**
   * `select KIND… [attributes=NAME,…]`: words up to the next line of the alert (a word that is a
   * keyword there, `}`); a pair is known by its `=`. Which words are kinds, a rule says (HA001).
   */
  public select = this.RULE('select', (): A.SelectLine | undefined => {
    const kw = this.CONSUME(T.Select);
    const kinds: A.Ident[] = [];
    const attrs: A.Attr[] = [];
    this.MANY({
      GATE: () => tokenMatcher(this.LA(1), T.NotAlertStart) || tokenMatcher(this.LA(2), T.Equals),
      DEF: () => this.wordOrPair(T.NotAlertStart, 'kind', kinds, attrs),
    });
    return isReal(kw) ? { kind: 'select', kinds, attrs, ...this.spanFrom(kw) } : undefined;
  });

  /** `recipient VALUE [id=ID] [{ params … meta … }]`. */
  public recipient = this.RULE('recipient', (): A.RecipientLine | undefined => {
    const kw = this.CONSUME(T.Recipient);
    const value = this.SUBRULE(this.value);
    const attrs = this.SUBRULE(this.attributes);
    const body = this.OPTION(() => {
      this.CONSUME(T.LCurly);
      const items: A.AttrSet[] = [];
      this.MANY(() => {
        const item = this.OR((this.recipientItemAlts ??= [
          { ALT: () => this.SUBRULE(this.params) },
          { ALT: () => this.SUBRULE(this.meta) },
          { ALT: () => this.SUBRULE(this.unknownRecipientLine) },
        ]));
        if (item) items.push(item);
      });
      this.CONSUME(T.RCurly);
      return items;
    });
    if (!isReal(kw) || !value) return undefined;
    return { kind: 'recipient', value, attrs, ...(body ? { body } : {}), ...this.spanFrom(kw) };
  });

  /**
   * A line of an sbd or corosync block: its keyword, the one word it takes when it takes one
   * (`device PATH`, `link NUMBER`: LINE_WORDS), then `key=value` pairs. Line breaks mean nothing:
   * anything else starts the next line (an unknown one is reported as such, with did-you-mean).
   */
  private stackLineRule(name: string, lineKeyword: TokenType, stray: TokenType) {
    return this.RULE(name, (): A.StackLine | undefined => {
      const kw = this.CONSUME(lineKeyword);
      // (The gate decides: one token of lookahead, as in pairs.)
      const word = this.OPTION({
        MAX_LOOKAHEAD: 1,
        GATE: () => LINE_WORDS.has(kw.image) && (tokenMatcher(this.LA(1), stray) || tokenMatcher(this.LA(1), T.AnyString)) && !tokenMatcher(this.LA(2), T.Equals),
        DEF: () => this.SUBRULE(this.value),
      });
      const attrs = this.SUBRULE(this.pairs);
      return isReal(kw) ? { kind: 'stack-line', keyword: ident(kw), words: word ? [word] : [], attrs, ...this.spanFrom(kw) } : undefined;
    });
  }

  public sbdLine = this.stackLineRule('sbdLine', T.SbdLineKeyword, T.NotSbdStart);
  public corosyncLine = this.stackLineRule('corosyncLine', T.CorosyncLineKeyword, T.NotCorosyncStart);
  public unknownSbdLine = this.unknownLineRule('unknownSbdLine', T.NotSbdStart, 'sbd');
  public unknownCorosyncLine = this.unknownLineRule('unknownCorosyncLine', T.NotCorosyncStart, 'corosync');

  /** `sbd { … }` / `corosync { … }`: a block of stack lines. */
  private stackBlockRule(name: string, blockKeyword: TokenType, line: () => A.StackLine | undefined, unknown: () => undefined) {
    let alts: IOrAlt<A.StackLine | undefined>[] | undefined;
    return this.RULE(name, (): A.StackBlock | undefined => {
      const kw = this.CONSUME(blockKeyword);
      this.CONSUME(T.LCurly);
      const body: A.StackLine[] = [];
      this.MANY(() => {
        const item = this.OR((alts ??= [{ ALT: () => this.SUBRULE(line) }, { ALT: () => this.SUBRULE(unknown) }]));
        if (item) body.push(item);
      });
      this.CONSUME(T.RCurly);
      return isReal(kw) ? { kind: kw.image === 'sbd' ? 'sbd' : 'corosync', keyword: ident(kw), body, ...this.spanFrom(kw) } : undefined;
    });
  }

  public sbd = this.stackBlockRule('sbd', T.Sbd, this.sbdLine, this.unknownSbdLine);
  public corosync = this.stackBlockRule('corosync', T.Corosync, this.corosyncLine, this.unknownCorosyncLine);

  /**
   * `key=value` pairs. A pair also starts at a plain word directly followed by a value that is not
   * itself a key: that is `key "value"` / `key value` with the `=` forgotten (HA002), parsed as a
   * pair so that later checks still see it.
   */
  public attributes = this.RULE(
    'attributes',
    (): A.Attr[] => {
      const attrs: A.Attr[] = [];
      this.MANY({
        GATE: () => this.startsAttribute(),
        DEF: () => {
          const a = this.SUBRULE(this.attribute);
          if (a) attrs.push(a);
        },
      });
      return attrs;
    },
    { recoveryValueFunc: () => [] },
  );

  /**
   * `key=value` pairs where a pair is known by its `=` alone (a fencing level's, a stack line's).
   * One token of lookahead, the gate deciding: at chevrotain's default depth its start-up spends
   * some 50 ms on the paths through every word category that may follow. `beforeRuleExpr`: the
   * pairs of a `rule`, whose expression may open with a group carrying an id, `rule id=r (id=n
   * date lt 2030-01-01)`: the word `(id` starts the expression (a key never starts with `(`).
   */
  public pairs = this.RULE(
    'pairs',
    (beforeRuleExpr = false): A.Attr[] => {
      const attrs: A.Attr[] = [];
      this.MANY({
        MAX_LOOKAHEAD: 1,
        GATE: () => tokenMatcher(this.LA(2), T.Equals) && !(beforeRuleExpr && this.LA(1).image.startsWith('(')),
        DEF: () => {
          const a = this.SUBRULE(this.attribute);
          if (a) attrs.push(a);
        },
      });
      return attrs;
    },
    { recoveryValueFunc: () => [] },
  );

  public attribute = this.RULE('attribute', (): A.Attr | undefined => {
    const key = this.CONSUME(T.AnyWord, { LABEL: 'key' });
    const eq = this.OPTION(this.equalsSign);
    const value = this.SUBRULE(this.value);
    if (!isReal(key) || !value) return undefined;
    return { kind: 'attr', key: ident(key), value, missingEquals: eq === undefined, start: key.startOffset, end: value.end };
  });

  public value = this.RULE('value', (): A.Value | undefined => {
    const t = this.OR((this.valueAlts ??= [{ ALT: () => this.CONSUME(T.AnyWord) }, { ALT: () => this.CONSUME(T.AnyString) }]));
    // (Not during chevrotain's recording of the grammar, when t is a placeholder: what ACTION does, without a closure a value.)
    if (this.RECORDING_PHASE || !isReal(t)) return undefined;
    return tokenMatcher(t, T.AnyString) ? this.string(t) : this.word(t);
  });

  /**
   * A rule for the lines that start with something that cannot start a line in `context`: reported
   * once, then skipped with their `{ … }` block (see the top of this file). Each context has its own
   * first token: a word that is not one of its keywords (a token category, so the grammar stays
   * LL(1)), a string, an `=` or a block without a keyword.
   */
  private unknownLineRule(name: string, stray: TokenType, context: Context) {
    return this.RULE(name, (): undefined => {
      const first = this.OR([
        { ALT: () => this.CONSUME(stray) },
        { ALT: () => this.CONSUME(T.AnyString) },
        { ALT: () => this.CONSUME(T.Equals) },
        {
          ALT: () => {
            const open = this.CONSUME(T.LCurly);
            this.SUBRULE(this.skippedBlockRest);
            return open;
          },
        },
      ]);
      this.SUBRULE(this.skipLine, { ARGS: [first, context] });
      return undefined;
    });
  }

  public unknownStatement = this.unknownLineRule('unknownStatement', T.NotClusterStart, 'cluster');
  public unknownPrimitiveLine = this.unknownLineRule('unknownPrimitiveLine', T.NotPrimitiveStart, 'primitive');
  public unknownGroupLine = this.unknownLineRule('unknownGroupLine', T.NotGroupStart, 'group');
  public unknownCloneLine = this.unknownLineRule('unknownCloneLine', T.NotCloneStart, 'clone');
  public unknownBundleLine = this.unknownLineRule('unknownBundleLine', T.NotBundleStart, 'bundle');
  public unknownAclRoleLine = this.unknownLineRule('unknownAclRoleLine', T.NotAclRoleStart, 'acl-role');
  public unknownOpLine = this.unknownLineRule('unknownOpLine', T.NotOpStart, 'op');
  public unknownAlertLine = this.unknownLineRule('unknownAlertLine', T.NotAlertStart, 'alert');
  public unknownRecipientLine = this.unknownLineRule('unknownRecipientLine', T.NotRecipientStart, 'recipient');
  public unknownNodeLine = this.unknownLineRule('unknownNodeLine', T.NotNodeStart, 'node');

  /**
   * Reports the line that `first` starts, and skips the rest of it: nothing more when `first` opened
   * a block (already skipped), else up to the end of the line's own block or of the line. The
   * repetition is decided by its gate alone (one token of lookahead: anything may follow).
   */
  public skipLine = this.RULE('skipLine', (first?: IToken, context: Context = 'cluster'): void => {
    this.ACTION(() => this.unknownLine(first!, context));
    let block = first !== undefined && tokenMatcher(first, T.LCurly);
    this.MANY({
      MAX_LOOKAHEAD: 1,
      GATE: () => !block && !this.endsSkippedLine(context),
      DEF: () => {
        this.OR({
          MAX_LOOKAHEAD: 1,
          DEF: [
            { ALT: () => this.CONSUME(T.AnyWord) },
            { ALT: () => this.CONSUME(T.AnyString) },
            { ALT: () => this.CONSUME(T.Equals) },
            {
              ALT: () => {
                this.CONSUME(T.LCurly);
                this.SUBRULE(this.skippedBlockRest);
                block = true;
              },
            },
          ],
        });
      },
    });
  });

  /**
   * The rest of a skipped `{ … }` block, nested blocks included, up to its `}`. Nesting is counted,
   * not recursed into: a pasted block can hold thousands of `{`.
   */
  public skippedBlockRest = this.RULE('skippedBlockRest', (): void => {
    let depth = 0;
    this.MANY({
      MAX_LOOKAHEAD: 1,
      GATE: () => depth > 0 || !tokenMatcher(this.LA(1), T.RCurly),
      DEF: () => {
        this.OR([
          { ALT: () => this.CONSUME(T.AnyWord) },
          { ALT: () => this.CONSUME(T.AnyString) },
          { ALT: () => this.CONSUME(T.Equals) },
          {
            ALT: () => {
              this.CONSUME(T.LCurly);
              depth++;
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.RCurly);
              depth--;
            },
          },
        ]);
      },
    });
    this.CONSUME1(T.RCurly);
  });
}

let parser: HaParser | undefined;

/** One parser instance, reused and made on first use: chevrotain's self-analysis is the expensive part. */
export function haParser(): HaParser {
  return (parser ??= new HaParser());
}
