import { ROLES } from './roles.js';
import { key, type KeyFact } from './vocabulary.js';

// A resource set of a colocation or an order: `{ MEMBER… [id=] [sequential=] [require-all=] [role=]
// [action=] }`. The members of an order set start in order (sequential=false: together); a
// colocation set is placed with the next set, its members each with the one before. Keys are the
// `<resource_set>` attributes (pcs lib/cib/constraint/resource_set.py takes the same four).

export const RESOURCE_SET_KEYS = ['sequential', 'require-all', 'role', 'action'] as const;

export const RESOURCE_SET_KEY_FACTS: readonly KeyFact[] = [
  key('id', 'string'),
  key('sequential', 'boolean'),
  key('require-all', 'boolean'),
  key('role', 'select', ROLES),
  key('action', 'select', ['start', 'stop', 'promote', 'demote']),
];

/** The suffix of the ids pcs gives a constraint's sets: CONSTRAINT_set, CONSTRAINT_set-1… */
export const SET_ID_SUFFIX = '_set';
