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
