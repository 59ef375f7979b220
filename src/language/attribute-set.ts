import type { StatementVocabulary } from './vocabulary.js';

// Attribute sets: `property`, `defaults` (rsc_defaults), `op-defaults` (op_defaults) statements and
// the `params`/`meta` lines of resource bodies. Their keys come from the catalogue (properties,
// agent parameters, meta attributes), not from here; `$`-keys describe the set itself.

export const property = { keyword: 'property', context: 'cluster', described: 'a property line' } as const satisfies StatementVocabulary;
export const defaults = { keyword: 'defaults', context: 'cluster', described: 'a defaults line' } as const satisfies StatementVocabulary;
export const opDefaults = { keyword: 'op-defaults', context: 'cluster', described: 'an op-defaults line' } as const satisfies StatementVocabulary;
export const params = { keyword: 'params', context: 'primitive', described: 'a params line' } as const satisfies StatementVocabulary;
export const primitiveMeta = { keyword: 'meta', context: 'primitive', described: 'a meta line' } as const satisfies StatementVocabulary;
export const groupMeta = { keyword: 'meta', context: 'group', described: 'a meta line' } as const satisfies StatementVocabulary;
export const cloneMeta = { keyword: 'meta', context: 'clone', described: 'a meta line' } as const satisfies StatementVocabulary;
/** `op NAME … { params … meta … }`: the op's own instance and meta attributes. */
export const opParams = { keyword: 'params', context: 'op', described: 'a params line' } as const satisfies StatementVocabulary;
export const opMeta = { keyword: 'meta', context: 'op', described: 'a meta line' } as const satisfies StatementVocabulary;

/**
 * `node NAME … { attributes … utilization … }`: the node's permanent attributes (what location
 * rules, colocation node-attribute and fencing levels test: rack, site…) and its capacities for
 * utilization-based placement.
 */
export const nodeAttributes = { keyword: 'attributes', context: 'node', described: 'an attributes line' } as const satisfies StatementVocabulary;
export const nodeUtilization = { keyword: 'utilization', context: 'node', described: 'a utilization line' } as const satisfies StatementVocabulary;

/** Every keyword that starts an attribute set. */
export type SetKeyword = 'property' | 'defaults' | 'op-defaults' | 'params' | 'meta' | 'attributes' | 'utilization';

/** `$id=ID`: the CIB id of the set, where it is not the one hacc derives. */
export const SET_ID_KEY = '$id';
/** `$id.NAME=ID`: the CIB id of the set's nvpair NAME. */
export const PAIR_ID_PREFIX = '$id.';
