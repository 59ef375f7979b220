import { ROLES } from './roles.js';
import { key, type KeyFact } from './vocabulary.js';

// Rules: pcs's expression language, pasted in unchanged from `pcs constraint location … rule …`.
//
//   rule [id=ID] [role=ROLE] [score=S | score-attribute=ATTR] EXPR
//   EXPR  = ATOM { (and | or) ATOM }     and/or bind alike, left to right, as pcs (both its parsers)
//   ATOM  = ( [id=ID] EXPR ) | defined ATTR | not_defined ATTR
//         | ATTR (lt|gt|lte|gte|eq|ne) [string|integer|number|version] [param|meta] VALUE
//         | date (gt|lt) DATE | date in_range [DATE] to (DATE | duration PAIR…)
//         | date-spec PAIR… | resource [CLASS]:[PROVIDER]:[TYPE] | op NAME [interval=DUR]
//
// A word's leading `(` and trailing `)` are parentheses, as pcs splits them; a keyword written in
// quotes is a value ("string", "#uname"). The words are these, and nowhere else keywords: outside a
// rule `date` or `and` are plain words.

/** The keyword that starts a rule. */
export const RULE_KEYWORD = 'rule';

/** The pairs written between `rule` and its expression: the `<rule>` element's own attributes. */
export const RULE_KEYS: readonly KeyFact[] = [key('id', 'string'), key('role', 'select', ROLES), key('score', 'score'), key('score-attribute', 'string')];

export const BOOL_OPS = ['and', 'or'] as const;
export type BoolOp = (typeof BOOL_OPS)[number];

export const UNARY_OPS = ['defined', 'not_defined'] as const;
export const COMPARE_OPS = ['lt', 'gt', 'lte', 'gte', 'eq', 'ne'] as const;
/** `date gt|lt DATE`: the comparisons a date takes besides in_range. */
export const DATE_OPS = ['gt', 'lt'] as const;
export const VALUE_TYPES = ['string', 'integer', 'number', 'version'] as const;
/** `value-source`: compare with the resource's parameter or meta attribute of that name. */
export const VALUE_SOURCES = ['param', 'meta'] as const;

/** The words of the expression that are keywords in it (each its own token in the rule's grammar). */
export const RULE_WORDS = {
  bool: BOOL_OPS,
  unary: UNARY_OPS,
  compare: COMPARE_OPS,
  type: VALUE_TYPES,
  source: VALUE_SOURCES,
  date: ['date'],
  dateSpec: ['date-spec'],
  inRange: ['in_range'],
  to: ['to'],
  duration: ['duration'],
  resource: ['resource'],
  op: ['op'],
} as const;

/** Every keyword of the expression language (a value spelt so must be quoted). */
export const EXPRESSION_KEYWORDS: ReadonlySet<string> = new Set(Object.values(RULE_WORDS).flat());

/**
 * `date-spec` keys (the `<date_spec>` attributes) of the pacemaker-3.x schemas; `yearsdays` is the
 * old spelling of yeardays, which every schema takes.
 */
export const DATE_SPEC_KEYS = ['years', 'months', 'monthdays', 'hours', 'minutes', 'seconds', 'yeardays', 'weekyears', 'weeks', 'weekdays', 'moon', 'yearsdays'] as const;
/** `duration` keys (the `<duration>` attributes) of the pacemaker-3.x schemas. */
export const DURATION_KEYS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
/**
 * The one attribute list the pacemaker-2.10 schema (el6, el7: rule-2.9.rng, `date-common`) has for
 * both date_spec and duration: no minutes, seconds or days, and yeardays spelt yearsdays.
 */
export const LEGACY_DATE_KEYS: readonly string[] = ['hours', 'monthdays', 'weekdays', 'yearsdays', 'months', 'weeks', 'years', 'weekyears', 'moon'];

/** An ISO 8601 date as Pacemaker reads one: a calendar, week or ordinal date, optionally with a time and zone. */
export const ISO_DATE = /^\d{4}-(?:\d{2}-\d{2}|W\d{2}-\d|\d{3})(?:[T ]\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
/** A date-spec value: a number, or a range of two (`9-16`). */
export const DATE_SPEC_VALUE = /^\d+(?:-\d+)?$/;
/** What a value must look like, by the comparison's type (pcs's checks, pcs/rule.py). */
export const TYPED_VALUE: Readonly<Record<string, RegExp>> = {
  integer: /^[-+]?\d+$/,
  number: /^[-+]?(\d+|(\d*\.\d+)|(\d+\.\d*))([eE][+-]?\d+)?$/,
  version: /^\d+(\.\d+)*$/,
};
/** The keys of `op NAME`. */
export const OP_EXPRESSION_KEYS = ['interval'] as const;

/** Node attributes Pacemaker sets itself on every node. */
export const BUILT_IN_NODE_ATTRIBUTES: readonly string[] = ['#uname', '#id', '#kind', '#is_dc', '#cluster-name', '#site-name', '#role', '#ra-version'];

/** The CIB schema (pacemaker-3.x) keeps `integer`; before it (2.10) pcs writes `number` instead. */
export const LEGACY_INTEGER_TYPE = 'number';
