import { key, type KeyFact, type StatementVocabulary } from './vocabulary.js';

// `clone NAME { CHILD meta … }` and `promotable NAME { CHILD meta … }`: exactly one child, an inline
// primitive or group or the name of one. A clone runs its child on several nodes at once; a
// promotable clone also promotes some instances (DRBD primary, PostgreSQL primary).

export type CloneKeyword = 'clone' | 'promotable';

export const clone = { keyword: 'clone', context: 'cluster', described: 'a clone' } as const satisfies StatementVocabulary;
export const promotable = { keyword: 'promotable', context: 'cluster', described: 'a promotable clone' } as const satisfies StatementVocabulary;
/** A group declared inside a clone's braces. */
export const cloneGroup = { keyword: 'group', context: 'clone', described: 'a group' } as const satisfies StatementVocabulary;

/** The meta attributes of clones (Pacemaker Explained, "Clone Options"), besides every resource's. */
export const CLONE_META: readonly KeyFact[] = [
  key('clone-max', 'nonnegative_integer'),
  key('clone-node-max', 'nonnegative_integer'),
  key('clone-min', 'nonnegative_integer'),
  key('notify', 'boolean'),
  key('globally-unique', 'boolean'),
  key('ordered', 'boolean'),
  key('interleave', 'boolean'),
  key('promotable', 'boolean'),
  key('promoted-max', 'nonnegative_integer'),
  key('promoted-node-max', 'nonnegative_integer'),
  key('master-max', 'nonnegative_integer'),
  key('master-node-max', 'nonnegative_integer'),
];

/**
 * The promotion limits under their two names: Pacemaker 2.0+ reads promoted-*, Pacemaker 1.1
 * (el6, el7) only master-*. The file may use either; the build writes the platform's.
 */
export const PROMOTED_META: Readonly<Record<string, { readonly current: string; readonly legacy: string }>> = {
  'promoted-max': { current: 'promoted-max', legacy: 'master-max' },
  'master-max': { current: 'promoted-max', legacy: 'master-max' },
  'promoted-node-max': { current: 'promoted-node-max', legacy: 'master-node-max' },
  'master-node-max': { current: 'promoted-node-max', legacy: 'master-node-max' },
};

/** The meta attribute that marks a clone promotable in a 2.0+ CIB (`promotable NAME` writes it). */
export const PROMOTABLE_META = 'promotable';

/**
 * Agents that need clone notifications (notify=true) to work: DRBD learns its peers from them, and
 * PAF (pgsqlms) elects and follows the primary through them.
 */
export const CLONE_NOTIFY_AGENTS: readonly string[] = ['ocf:linbit:drbd', 'ocf:heartbeat:pgsqlms'];
