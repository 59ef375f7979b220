import type { StatementVocabulary } from './vocabulary.js';

// Attribute sets: `property`, `defaults` (rsc_defaults), `op-defaults` (op_defaults) statements and
// the `params`/`meta` lines of resource bodies. Their keys come from the catalogue (properties,
// agent parameters, meta attributes), not from here; `$`-keys describe the set itself.

export const property = { keyword: 'property', context: 'cluster', described: 'a property line' } as const satisfies StatementVocabulary;
/** The CIB id of the plain property set, as pcs and Pacemaker's controller name it (Pacemaker reads it first). */
export const BOOTSTRAP_SET_ID = 'cib-bootstrap-options';
export const defaults = { keyword: 'defaults', context: 'cluster', described: 'a defaults line' } as const satisfies StatementVocabulary;
export const opDefaults = { keyword: 'op-defaults', context: 'cluster', described: 'an op-defaults line' } as const satisfies StatementVocabulary;
export const params = { keyword: 'params', context: 'primitive', described: 'a params line' } as const satisfies StatementVocabulary;
export const primitiveMeta = { keyword: 'meta', context: 'primitive', described: 'a meta line' } as const satisfies StatementVocabulary;
export const groupMeta = { keyword: 'meta', context: 'group', described: 'a meta line' } as const satisfies StatementVocabulary;
/** `params` of a group or a clone: instance attributes its primitives inherit (Pacemaker reads a resource's, then its parents'). */
export const groupParams = { keyword: 'params', context: 'group', described: 'a params line' } as const satisfies StatementVocabulary;
export const cloneParams = { keyword: 'params', context: 'clone', described: 'a params line' } as const satisfies StatementVocabulary;
export const cloneMeta = { keyword: 'meta', context: 'clone', described: 'a meta line' } as const satisfies StatementVocabulary;
export const bundleMeta = { keyword: 'meta', context: 'bundle', described: 'a meta line' } as const satisfies StatementVocabulary;
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

/** `utilization` of a primitive: what it takes of a node's capacities (placement-strategy). */
export const primitiveUtilization = { keyword: 'utilization', context: 'primitive', described: 'a utilization line' } as const satisfies StatementVocabulary;

/** Every keyword that starts an attribute set. */
export type SetKeyword = 'property' | 'defaults' | 'op-defaults' | 'params' | 'meta' | 'attributes' | 'utilization';

/** `$id=ID`: the CIB id of the set, where it is not the one hacc derives. */
export const SET_ID_KEY = '$id';
/** `$id.NAME=ID`: the CIB id of the set's nvpair NAME. */
export const PAIR_ID_PREFIX = '$id.';
/** `$score=N`: the set's precedence among the owner's sets of its kind (higher first, then document order). */
export const SET_SCORE_KEY = '$score';
/** `$id-ref=ID`: the set is another one, named by its CIB id (`<meta_attributes id-ref=…/>`). */
export const SET_ID_REF_KEY = '$id-ref';

/**
 * A line is a set of its own when it has braces, a score, a rule or a reference; brace-less lines
 * without them merge into the owner's default set, which comes first among the owner's sets of its
 * kind in the CIB (whatever the order of the lines), the others following in written order. Where
 * an owner has no brace-less line of a kind, its first set in braces alone (no score, rule or
 * reference) is that default set: `meta $id=common { … }` and `meta $id=common …` are one thing.
 */
export function isOwnSet(line: { readonly braced: boolean; readonly scores: readonly unknown[]; readonly idRefs: readonly unknown[]; readonly rule?: unknown }): boolean {
  return line.braced || line.scores.length > 0 || line.idRefs.length > 0 || line.rule !== undefined;
}

/** The CIB element of a set keyword (on its owner). */
export const SET_ELEMENT = {
  params: 'instance_attributes',
  attributes: 'instance_attributes',
  meta: 'meta_attributes',
  utilization: 'utilization',
  property: 'cluster_property_set',
  defaults: 'meta_attributes',
  'op-defaults': 'meta_attributes',
} as const satisfies Record<SetKeyword, string>;
