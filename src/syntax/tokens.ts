import { keywordsIn } from '../language/index.js';
import { RULE_WORDS } from '../language/rule.js';
import { BUNDLE_LINES } from '../language/bundle.js';
import { PERMISSION_LINES } from '../language/acl.js';
import { createToken, EOF, Lexer, type TokenType } from './chevrotain.js';

// Categories: keywords are also words, so `op`, `start` or `node` may still be written as a key or
// a value where no statement can start; strings include unterminated ones, which the CST→AST step
// reports (HA003) instead of derailing the parser.
export const AnyWord = createToken({ name: 'AnyWord', pattern: Lexer.NA, label: 'a name or value' });
export const AnyString = createToken({ name: 'AnyString', pattern: Lexer.NA, label: 'a quoted string' });

/** The end of the input, as chevrotain's parser sees it. */
export const EOF_TOKEN: TokenType = EOF;

// What may start a line hacc does not know, per context (parser.ts, `unknownStatement`…): a plain
// word, or a keyword that cannot start a line there. A keyword that starts a statement of the
// cluster block is left out inside a body: there it most likely follows a forgotten `}`, which
// chevrotain's recovery puts back.
const CLUSTER_KEYWORDS = new Set(keywordsIn('cluster'));
const PRIMITIVE_KEYWORDS = new Set(keywordsIn('primitive'));
const GROUP_KEYWORDS = new Set(keywordsIn('group'));
const CLONE_KEYWORDS = new Set(keywordsIn('clone'));
const OP_KEYWORDS = new Set(keywordsIn('op'));
const ALERT_KEYWORDS = new Set(keywordsIn('alert'));
const RECIPIENT_KEYWORDS = new Set(keywordsIn('recipient'));
const NODE_KEYWORDS = new Set(keywordsIn('node'));
const BUNDLE_KEYWORDS = new Set(keywordsIn('bundle'));
/** The bundle's own line keywords (`container`, `network`…): words everywhere else. */
const BUNDLE_LINE_KEYWORDS: ReadonlySet<string> = new Set(BUNDLE_LINES.map((l) => l.keyword));
const ACL_ROLE_KEYWORDS = new Set(keywordsIn('acl-role'));
/** A role's permission keywords (`read`, `write`, `deny`): words everywhere else. */
const PERMISSION_KEYWORDS: ReadonlySet<string> = new Set(PERMISSION_LINES.map((l) => l.keyword));
const SBD_KEYWORDS = new Set(keywordsIn('sbd'));
const COROSYNC_KEYWORDS = new Set(keywordsIn('corosync'));
export const NotClusterStart = createToken({ name: 'NotClusterStart', pattern: Lexer.NA, label: 'a statement' });
export const NotPrimitiveStart = createToken({ name: 'NotPrimitiveStart', pattern: Lexer.NA, label: 'a line of a primitive' });
export const NotGroupStart = createToken({ name: 'NotGroupStart', pattern: Lexer.NA, label: 'a line of a group' });
export const NotCloneStart = createToken({ name: 'NotCloneStart', pattern: Lexer.NA, label: 'a line of a clone' });
export const NotOpStart = createToken({ name: 'NotOpStart', pattern: Lexer.NA, label: 'a line of an op' });
export const NotAlertStart = createToken({ name: 'NotAlertStart', pattern: Lexer.NA, label: 'a line of an alert' });
export const NotRecipientStart = createToken({ name: 'NotRecipientStart', pattern: Lexer.NA, label: 'a line of a recipient' });
export const NotNodeStart = createToken({ name: 'NotNodeStart', pattern: Lexer.NA, label: 'a line of a node' });
export const NotBundleStart = createToken({ name: 'NotBundleStart', pattern: Lexer.NA, label: 'a line of a bundle' });
export const NotAclRoleStart = createToken({ name: 'NotAclRoleStart', pattern: Lexer.NA, label: 'a line of an acl-role' });
export const NotSbdStart = createToken({ name: 'NotSbdStart', pattern: Lexer.NA, label: 'a line of an sbd block' });
export const NotCorosyncStart = createToken({ name: 'NotCorosyncStart', pattern: Lexer.NA, label: 'a line of a corosync block' });
/** The keywords that start a line of an sbd block (`device`, `watchdog`…), one category so the block's rule reads any. */
export const SbdLineKeyword = createToken({ name: 'SbdLineKeyword', pattern: Lexer.NA, label: 'a line of an sbd block' });
/** The keywords that start a bundle's lines of pairs (`container`, `network`, `port-map`, `storage-map`). */
export const BundleLineKeyword = createToken({ name: 'BundleLineKeyword', pattern: Lexer.NA, label: 'a line of a bundle' });
/** The keywords of a role's permissions (`read`, `write`, `deny`). */
export const PermissionKeyword = createToken({ name: 'PermissionKeyword', pattern: Lexer.NA, label: 'a permission (read, write or deny)' });
/** The keywords that start a line of a corosync block (`transport`, `link`, `totem`…). */
export const CorosyncLineKeyword = createToken({ name: 'CorosyncLineKeyword', pattern: Lexer.NA, label: 'a line of a corosync block' });
/**
 * A word that starts no line where it stands: a bare word, or a keyword of the sbd and corosync
 * blocks outside them (a resource, a node or a key may be called `device` or `link`).
 */
export const PlainWord = createToken({ name: 'PlainWord', pattern: Lexer.NA, label: 'a name or value' });
/** A word in the middle of a statement that cannot be the start of the next one (a fencing level's words). */
export const Operand = createToken({ name: 'Operand', pattern: Lexer.NA, label: 'a name or value' });

/**
 * A keyword that starts a line of a body (a primitive's, a group's, a clone's, a node's, an op's):
 * at the start of a line it ends a rule written without braces (`params … rule "#uname" eq b`).
 */
export const BodyLineStart = createToken({ name: 'BodyLineStart', pattern: Lexer.NA, label: 'a line of a body' });
/** A value in a rule's expression: a word that is not one of its keywords, or a quoted string. */
export const RuleOperand = createToken({ name: 'RuleOperand', pattern: Lexer.NA, label: 'a value' });

export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: 'comments' });

/**
 * A bare word: names, numbers, durations, addresses, paths, `env:NAME`, `ocf:heartbeat:IPaddr2`.
 * Never a character XML cannot carry (U+FFFE, U+FFFF, a lone surrogate; control characters are out
 * anyway): those are lexing errors (HA003). A surrogate pair (an emoji) is one character.
 */
const WORD_PATTERN = /(?:[^\s"={}#\\\u0000-\u001f\u007f\ud800-\udfff\ufffe\uffff]|[\ud800-\udbff][\udc00-\udfff])+/;

/** Text that is one Word and nothing else (or one keyword: keywords are words the lexer names). */
export const WHOLE_WORD = new RegExp(`^${WORD_PATTERN.source}$`);

export const Word = createToken({
  name: 'Word',
  pattern: WORD_PATTERN,
  // chevrotain cannot work out the first characters of a complement set, and without them it tries
  // every pattern at every position: the lexer would run about twice as long on a large file.
  start_chars_hint: wordStartHints(),
  categories: [AnyWord, PlainWord, NotClusterStart, Operand, NotPrimitiveStart, NotGroupStart, NotCloneStart, NotBundleStart, NotAclRoleStart, NotOpStart, NotAlertStart, NotRecipientStart, NotNodeStart, NotSbdStart, NotCorosyncStart],
  label: 'a name or value',
});

/** Every keyword's text, in the order the tokens are made (the editor grammar is generated from it). */
export const KEYWORD_TEXTS: string[] = [];

/**
 * The characters a Word may start with, as chevrotain's first-character table wants them: every
 * printable Latin-1 character but the ones Word excludes, and one character of each of chevrotain's
 * buckets of 255 code units above (a bucket only says "try Word here": the pattern decides).
 */
function wordStartHints(): number[] {
  const excluded = new Set([...'"={}#\\'].map((c) => c.charCodeAt(0)));
  const hints: number[] = [];
  for (let c = 0x21; c <= 0xff; c++) if (c !== 0x7f && c !== 0xa0 && !excluded.has(c)) hints.push(c);
  for (let c = 256; c < 0xffff; c = c < 510 ? 510 : c + 255) hints.push(c);
  return hints;
}

function keyword(text: string, name: string): TokenType {
  const categories = [AnyWord];
  if (!CLUSTER_KEYWORDS.has(text)) categories.push(NotClusterStart, Operand);
  if (!CLUSTER_KEYWORDS.has(text) && !PRIMITIVE_KEYWORDS.has(text)) categories.push(NotPrimitiveStart);
  if (!CLUSTER_KEYWORDS.has(text) && !GROUP_KEYWORDS.has(text)) categories.push(NotGroupStart);
  if (!CLUSTER_KEYWORDS.has(text) && !CLONE_KEYWORDS.has(text)) categories.push(NotCloneStart);
  if (!CLUSTER_KEYWORDS.has(text) && !BUNDLE_KEYWORDS.has(text)) categories.push(NotBundleStart);
  if (!CLUSTER_KEYWORDS.has(text) && !ACL_ROLE_KEYWORDS.has(text)) categories.push(NotAclRoleStart);
  if (!CLUSTER_KEYWORDS.has(text) && !PRIMITIVE_KEYWORDS.has(text) && !OP_KEYWORDS.has(text)) categories.push(NotOpStart);
  if (!CLUSTER_KEYWORDS.has(text) && !ALERT_KEYWORDS.has(text)) categories.push(NotAlertStart);
  if (!CLUSTER_KEYWORDS.has(text) && !ALERT_KEYWORDS.has(text) && !RECIPIENT_KEYWORDS.has(text)) categories.push(NotRecipientStart);
  if (!CLUSTER_KEYWORDS.has(text) && !NODE_KEYWORDS.has(text)) categories.push(NotNodeStart);
  if (!CLUSTER_KEYWORDS.has(text) && !SBD_KEYWORDS.has(text)) categories.push(NotSbdStart);
  if (!CLUSTER_KEYWORDS.has(text) && !COROSYNC_KEYWORDS.has(text)) categories.push(NotCorosyncStart);
  if (SBD_KEYWORDS.has(text) || COROSYNC_KEYWORDS.has(text) || BUNDLE_LINE_KEYWORDS.has(text) || PERMISSION_KEYWORDS.has(text)) categories.push(PlainWord);
  if (PERMISSION_KEYWORDS.has(text)) categories.push(PermissionKeyword);
  if (BUNDLE_LINE_KEYWORDS.has(text)) categories.push(BundleLineKeyword);
  if (SBD_KEYWORDS.has(text)) categories.push(SbdLineKeyword);
  if ([PRIMITIVE_KEYWORDS, GROUP_KEYWORDS, CLONE_KEYWORDS, BUNDLE_KEYWORDS, NODE_KEYWORDS, OP_KEYWORDS].some((set) => set.has(text))) categories.push(BodyLineStart);
  if (COROSYNC_KEYWORDS.has(text)) categories.push(CorosyncLineKeyword);
  KEYWORD_TEXTS.push(text);
  return createToken({
    name,
    pattern: new RegExp(text.replace(/-/g, '\\-')),
    longer_alt: Word,
    categories,
    label: `'${text}'`,
  });
}

export const Cluster = keyword('cluster', 'Cluster');
export const Platform = keyword('platform', 'Platform');
export const Autostart = keyword('autostart', 'Autostart');
export const Auth = keyword('auth', 'Auth');
export const NodeKw = keyword('node', 'NodeKw');
export const Host = keyword('host', 'Host');
export const Property = keyword('property', 'Property');
export const Defaults = keyword('defaults', 'Defaults');
export const OpDefaults = keyword('op-defaults', 'OpDefaults');
export const DefaultOps = keyword('default-ops', 'DefaultOps');
export const Primitive = keyword('primitive', 'Primitive');
export const Template = keyword('template', 'Template');
export const Operations = keyword('operations', 'Operations');
export const Description = keyword('description', 'Description');
export const Params = keyword('params', 'Params');
export const Meta = keyword('meta', 'Meta');
export const Op = keyword('op', 'Op');
export const Start = keyword('start', 'Start');
export const Stop = keyword('stop', 'Stop');
export const Monitor = keyword('monitor', 'Monitor');
export const Group = keyword('group', 'Group');
export const Clone = keyword('clone', 'Clone');
export const Promotable = keyword('promotable', 'Promotable');
export const Bundle = keyword('bundle', 'Bundle');
export const AclRole = keyword('acl-role', 'AclRole');
export const AclUser = keyword('acl-user', 'AclUser');
export const AclGroup = keyword('acl-group', 'AclGroup');
export const Location = keyword('location', 'Location');
export const Prefers = keyword('prefers', 'Prefers');
export const Avoids = keyword('avoids', 'Avoids');
export const Colocation = keyword('colocation', 'Colocation');
export const With = keyword('with', 'With');
export const Order = keyword('order', 'Order');
export const Then = keyword('then', 'Then');
export const Ticket = keyword('ticket', 'Ticket');
export const Needs = keyword('needs', 'Needs');
export const Tag = keyword('tag', 'Tag');
export const FencingLevel = keyword('fencing-level', 'FencingLevel');
export const Alert = keyword('alert', 'Alert');
export const Select = keyword('select', 'Select');
export const Recipient = keyword('recipient', 'Recipient');
export const RuleKw = keyword('rule', 'RuleKw');
export const Attributes = keyword('attributes', 'Attributes');
export const Utilization = keyword('utilization', 'Utilization');
export const Sbd = keyword('sbd', 'Sbd');
export const Corosync = keyword('corosync', 'Corosync');
// A bundle's lines of pairs: its rule reads them through their category. (`port-map` and
// `storage-map` have no shorter keyword to come before.)
export const PERMISSION_TOKENS: TokenType[] = [...PERMISSION_KEYWORDS].map((text) => keyword(text, `${text[0]!.toUpperCase()}${text.slice(1)}Kw`));
export const BUNDLE_LINE_TOKENS: TokenType[] = [...BUNDLE_LINE_KEYWORDS].map((text) => keyword(text, `${text.replace(/(^|-)(\w)/g, (_, _d: string, c: string) => c.toUpperCase())}Kw`));
// The lines of the sbd and corosync blocks: each rule reads them through its category.
export const STACK_LINE_KEYWORDS: TokenType[] = [...SBD_KEYWORDS, ...COROSYNC_KEYWORDS].map((text) => keyword(text, `${text[0]!.toUpperCase()}${text.slice(1)}Kw`));

export const Equals = createToken({ name: 'Equals', pattern: /=/, label: "'='" });
export const LCurly = createToken({ name: 'LCurly', pattern: /\{/, label: "'{'" });
export const RCurly = createToken({ name: 'RCurly', pattern: /\}/, label: "'}'" });
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*"/,
  categories: [AnyString, RuleOperand],
  label: 'a quoted string',
});
/** A string missing its closing quote: it runs to the end of the line. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\n\r]|\\[^\n\r]?)*/,
  categories: [AnyString, RuleOperand],
  label: 'a quoted string',
});

// Order matters: keywords before Word (and `op-defaults` before `op`), terminated strings before
// unterminated ones.
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  AnyWord,
  AnyString,
  RuleOperand,
  NotClusterStart,
  NotPrimitiveStart,
  NotGroupStart,
  NotCloneStart,
  NotBundleStart,
  NotAclRoleStart,
  NotOpStart,
  NotAlertStart,
  NotRecipientStart,
  NotNodeStart,
  NotSbdStart,
  NotCorosyncStart,
  SbdLineKeyword,
  CorosyncLineKeyword,
  BundleLineKeyword,
  PermissionKeyword,
  Operand,
  BodyLineStart,
  PlainWord,
  // Before `op`, of which `options` is a longer word (as op-defaults is, below).
  Sbd,
  Corosync,
  ...STACK_LINE_KEYWORDS,
  ...BUNDLE_LINE_TOKENS,
  ...PERMISSION_TOKENS,
  Cluster,
  Platform,
  Autostart,
  Auth,
  NodeKw,
  Host,
  Property,
  DefaultOps,
  Defaults,
  OpDefaults,
  Primitive,
  Template,
  Operations,
  Description,
  Params,
  Meta,
  Op,
  Start,
  Stop,
  Monitor,
  Group,
  Clone,
  Promotable,
  Bundle,
  AclRole,
  AclUser,
  AclGroup,
  Location,
  Prefers,
  Avoids,
  Colocation,
  With,
  Order,
  Then,
  Ticket,
  Needs,
  Tag,
  FencingLevel,
  Alert,
  Select,
  Recipient,
  RuleKw,
  Attributes,
  Utilization,
  Word,
  Equals,
  LCurly,
  RCurly,
  StringLiteral,
  UnterminatedString,
];

// A rule's expression (language/rule.ts) is lexed as words by the lexer above, which leaves `(`
// glued to them and knows none of its keywords; the parser hands the words to its expression rules
// as these tokens instead (parser.ts, ruleTokens). They are the parser's, never the lexer's.
function ruleToken(name: string, label: string, categories: TokenType[] = []): TokenType {
  return createToken({ name, pattern: Lexer.NA, label, categories });
}
const quoted = (words: readonly string[]) => words.map((w) => `'${w}'`).join(', ');
export const RuleValue = ruleToken('RuleValue', 'a value', [AnyWord, RuleOperand]);
export const RuleLParen = ruleToken('RuleLParen', "'('");
export const RuleRParen = ruleToken('RuleRParen', "')'");
export const RuleBool = ruleToken('RuleBool', quoted(RULE_WORDS.bool));
export const RuleUnary = ruleToken('RuleUnary', quoted(RULE_WORDS.unary));
export const RuleCompare = ruleToken('RuleCompare', quoted(RULE_WORDS.compare));
export const RuleType = ruleToken('RuleType', quoted(RULE_WORDS.type));
export const RuleSource = ruleToken('RuleSource', quoted(RULE_WORDS.source));
export const RuleDate = ruleToken('RuleDate', "'date'");
export const RuleDateSpec = ruleToken('RuleDateSpec', "'date-spec'");
export const RuleInRange = ruleToken('RuleInRange', "'in_range'");
export const RuleTo = ruleToken('RuleTo', "'to'");
export const RuleDuration = ruleToken('RuleDuration', "'duration'");
export const RuleResource = ruleToken('RuleResource', "'resource'");
export const RuleOp = ruleToken('RuleOp', "'op'");
export const RuleEnd = ruleToken('RuleEnd', 'the end of the rule');

/** The token of each keyword of a rule's expression. */
export const RULE_KEYWORD_TOKENS: ReadonlyMap<string, TokenType> = new Map(
  (
    [
      [RULE_WORDS.bool, RuleBool],
      [RULE_WORDS.unary, RuleUnary],
      [RULE_WORDS.compare, RuleCompare],
      [RULE_WORDS.type, RuleType],
      [RULE_WORDS.source, RuleSource],
      [RULE_WORDS.date, RuleDate],
      [RULE_WORDS.dateSpec, RuleDateSpec],
      [RULE_WORDS.inRange, RuleInRange],
      [RULE_WORDS.to, RuleTo],
      [RULE_WORDS.duration, RuleDuration],
      [RULE_WORDS.resource, RuleResource],
      [RULE_WORDS.op, RuleOp],
    ] as const
  ).flatMap(([words, token]) => words.map((w): [string, TokenType] => [w, token])),
);

/** The parser's tokens: the lexer's and the expression's. */
export const parserTokens: TokenType[] = [
  ...allTokens,
  RuleValue,
  RuleLParen,
  RuleRParen,
  RuleBool,
  RuleUnary,
  RuleCompare,
  RuleType,
  RuleSource,
  RuleDate,
  RuleDateSpec,
  RuleInRange,
  RuleTo,
  RuleDuration,
  RuleResource,
  RuleOp,
  RuleEnd,
];

/** The lexer's options; its validations run in test/unit/grammar-validation.test.ts, not at start-up. */
export const LEXER_OPTIONS = { positionTracking: 'onlyOffset', ensureOptimizations: false } as const;

let lexer: Lexer | undefined;

/** The one lexer, made on first use: a command that reads no .ha file (import, mostly) does without it. */
export function haLexer(): Lexer {
  return (lexer ??= new Lexer(allTokens, { ...LEXER_OPTIONS, skipValidations: true }));
}
