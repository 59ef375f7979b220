import { key, type StatementVocabulary } from './vocabulary.js';

// `fencing-level INDEX TARGET DEVICES [id=ID]`: the devices to try, all of them, at one level of a
// target's fencing topology (Pacemaker tries index 1 first, then 2…, until a level succeeds).
// TARGET is a node name, or `target-pattern=REGEX`, or `target-attribute=NAME target-value=VALUE`
// (the nodes whose attribute has that value); DEVICES is one comma-separated word, the CIB's
// `devices`. The CIB element is `<fencing-level>` in `<fencing-topology>`.

export const fencingLevel = {
  keyword: 'fencing-level',
  context: 'cluster',
  described: 'a fencing level',
  keys: [key('target-pattern', 'string'), key('target-attribute', 'string'), key('target-value', 'string'), key('id', 'string')],
} as const satisfies StatementVocabulary;

/** The keys that name a level's target instead of a node name. */
export const TARGET_KEYS = ['target-pattern', 'target-attribute', 'target-value'] as const;

/** The highest index: Pacemaker's fencer takes 1–9 (the pacemaker-4.0 schema says so too; 2.x's any positive integer). */
export const MAX_LEVEL_INDEX = 9;

/**
 * Why a pattern is no POSIX extended regular expression (what Pacemaker compiles with regcomp and
 * REG_EXTENDED), or undefined. Read with JavaScript's own regular expressions, which accept a
 * superset: their `(?…)` groups (lookaround, non-capturing, named) are refused by regcomp.
 */
export function patternProblem(text: string): string | undefined {
  if (text.includes('(?')) return '`(?` starts no group in a POSIX extended regular expression (lookaround and non-capturing groups are not POSIX)';
  try {
    new RegExp(text);
    return undefined;
  } catch (e) {
    return (e as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
  }
}

/** A target-pattern as a JavaScript regular expression that matches what regexec matches (unanchored), or undefined when it is invalid. */
export function patternRegExp(text: string): RegExp | undefined {
  return patternProblem(text) === undefined ? new RegExp(text) : undefined;
}
