// The one typed representation of a CIB configuration. `build` lowers a checked model to it
// (src/lower/) and writes it (write.ts); `import` reads a CIB into it (read.ts) and raises it to a
// `.ha` tree; `plan` compares two of them (diff.ts). Element and attribute names are the CIB's; each
// element keeps its XML attributes in document order where the schema lets them vary.

import { assertNever } from '../assert-never.js';
import { SELECT_FLAGS } from '../language/alert.js';

/** A value as it goes into the cluster: literal text, or a secret the setup script reads when it runs. */
export type CibValue =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'secret'; readonly scheme: 'env' | 'file'; readonly ref: string };

export function literal(text: string): CibValue {
  return { kind: 'literal', text };
}

/** A model object under construction, its optional fields set one by one (no spreads: a large CIB has tens of thousands). */
export type Built<T> = { -readonly [K in keyof T]: T[K] };

/** An XML attribute other than the ones an element's interface names: [name, value]. */
export type XmlAttr = readonly [name: string, value: string];

/** `<nvpair id name value>`. A secret has no value in cib.xml (a comment stands there). */
export interface NvPair {
  readonly id: string;
  readonly name: string;
  readonly value: CibValue;
}

/**
 * `<instance_attributes>`, `<meta_attributes>`, `<utilization>`, `<cluster_property_set>`: an id, its
 * nvpairs, and when it applies: its `score` (precedence among its owner's sets) and its `<rule>`.
 */
export interface NvSet {
  readonly id: string;
  readonly pairs: readonly NvPair[];
  readonly score?: string;
  readonly rule?: CibRule;
}

/** The elements of a resource's or a node's attribute sets. */
export type SetElement = 'instance_attributes' | 'meta_attributes' | 'utilization';

/**
 * A set of an owner after its first of each element (which its own fields hold): one with a score
 * or a rule, a second one, or a reference to another set (`<meta_attributes id-ref="…"/>`).
 */
export type ExtraSet = { readonly element: SetElement; readonly set: NvSet } | { readonly element: SetElement; readonly idRef: string };

/**
 * A settings section's sets (crm_config, rsc_defaults, op_defaults) as a configuration tool writes
 * them: its one plain set (the first, when it has no score or rule), and the others, which go in as
 * XML.
 */
export function toolSet(sets: readonly NvSet[] | undefined): { readonly plain?: NvSet; readonly others: readonly NvSet[] } {
  const [first, ...rest] = sets ?? [];
  if (!first) return { others: [] };
  return isPlainSet(first) ? { plain: first, others: rest } : { others: [first, ...rest] };
}

/** Whether a set is one an owner's own field may hold: no score, no rule. */
export function isPlainSet(set: NvSet): boolean {
  return set.score === undefined && set.rule === undefined;
}

/** `<op id name interval …>`, with `OCF_CHECK_LEVEL` and the like in its instance attributes. */
export interface CibOp {
  readonly id: string;
  readonly name: string;
  readonly interval?: string;
  /** The op's other XML attributes (timeout, role, on-fail…), in order. */
  readonly attrs: readonly XmlAttr[];
  readonly instanceAttributes?: NvSet;
  readonly metaAttributes?: NvSet;
}

export interface CibPrimitive {
  readonly kind: 'primitive';
  readonly id: string;
  readonly class: string;
  readonly provider?: string;
  readonly type: string;
  readonly instanceAttributes?: NvSet;
  readonly metaAttributes?: NvSet;
  readonly utilization?: NvSet;
  readonly extraSets?: readonly ExtraSet[];
  readonly operations: readonly CibOp[];
  /** `<primitive template>`: made from that template (class, provider and type are the template's, not written). */
  readonly template?: string;
  /** `<operations id>`. */
  readonly operationsId?: string;
  /** `<operations id-ref>`: the ops are that element's (`operations` is then empty). */
  readonly operationsRef?: string;
  readonly description?: string;
}

export interface CibGroup {
  readonly kind: 'group';
  readonly id: string;
  readonly children: readonly CibPrimitive[];
  /** Instance attributes its primitives inherit (Pacemaker reads a resource's, then its parents'). */
  readonly instanceAttributes?: NvSet;
  readonly metaAttributes?: NvSet;
  readonly extraSets?: readonly ExtraSet[];
  readonly description?: string;
}

/**
 * `<clone>` (a promotable one has the meta attribute promotable=true), or `<master>`: a promotable
 * clone as Pacemaker 1.1 (schema 2.x) writes it.
 */
export interface CibClone {
  readonly kind: 'clone';
  readonly tag: 'clone' | 'master';
  readonly id: string;
  readonly child: CibPrimitive | CibGroup;
  /** Instance attributes its primitives inherit. */
  readonly instanceAttributes?: NvSet;
  readonly metaAttributes?: NvSet;
  readonly extraSets?: readonly ExtraSet[];
  readonly description?: string;
}

/**
 * `<bundle>`: its container element (`<docker>`, `<podman>`, `<rkt>`), `<network>` with its
 * `<port-mapping>`s, `<storage>` with its `<storage-mapping>`s, meta attributes, and the primitive it
 * runs. Each element's attributes as written, in order (ids included).
 */
export interface CibBundle {
  readonly kind: 'bundle';
  readonly id: string;
  readonly container: { readonly type: string; readonly attrs: readonly XmlAttr[] };
  readonly network?: { readonly attrs: readonly XmlAttr[]; readonly portMappings: readonly (readonly XmlAttr[])[] };
  /** The `<storage-mapping>`s; undefined without a `<storage>`. */
  readonly storage?: readonly (readonly XmlAttr[])[];
  readonly child?: CibPrimitive;
  /** The primitive before the meta attributes, as crmsh's bundle writes them (pcs adds it last). */
  readonly childFirst?: boolean;
  readonly metaAttributes?: NvSet;
  readonly extraSets?: readonly ExtraSet[];
  readonly description?: string;
}

export type CibResource = CibPrimitive | CibGroup | CibClone | CibBundle;

/** A promotable clone: `<master>`, or `<clone>` with the meta attribute promotable=true. */
export function isPromotable(c: CibClone): boolean {
  return c.tag === 'master' || (c.metaAttributes?.pairs.some((p) => p.name === 'promotable' && p.value.kind === 'literal' && p.value.text.toLowerCase() === 'true') ?? false);
}

/**
 * `<rule id …>` (`attrs`: score or score-attribute, role, boolean-op, in that order) and what it
 * holds, in document order.
 */
export interface CibRule {
  readonly kind: 'rule';
  readonly id: string;
  readonly attrs: readonly XmlAttr[];
  readonly children: readonly CibRuleChild[];
}

/**
 * `<expression id attribute operation [type] [value] [value-source]>`, `<rsc_expression id [class]
 * [provider] [type]>`, `<op_expression id name [interval]>`: their attributes but the id, in order.
 */
export interface CibExpression {
  readonly kind: 'expression' | 'rsc_expression' | 'op_expression';
  readonly id: string;
  readonly attrs: readonly XmlAttr[];
}

/** `<date_expression id operation [start] [end]>` with its `<date_spec>` or `<duration>`. */
export interface CibDateExpression {
  readonly kind: 'date_expression';
  readonly id: string;
  readonly attrs: readonly XmlAttr[];
  readonly part?: { readonly kind: 'date_spec' | 'duration'; readonly id: string; readonly attrs: readonly XmlAttr[] };
}

export type CibRuleChild = CibRule | CibExpression | CibDateExpression;

/**
 * `<rsc_location id rsc|rsc-pattern [node score] …>`: a node and score, or rules. `rsc` is absent
 * with `rsc-pattern`; `attrs` holds rsc-pattern, role, resource-discovery.
 */
export interface CibLocation {
  readonly kind: 'rsc_location';
  readonly id: string;
  readonly rsc?: string;
  readonly node?: string;
  readonly score?: string;
  readonly attrs: readonly XmlAttr[];
  readonly rules: readonly CibRule[];
  readonly sets: readonly CibResourceSet[];
}

/** `<resource_set id …>` (`attrs`: sequential, require-all, role, action) and its `<resource_ref id>`s. */
export interface CibResourceSet {
  readonly id: string;
  readonly attrs: readonly XmlAttr[];
  readonly refs: readonly string[];
}

/**
 * `<rsc_colocation id rsc with-rsc score …>`: `attrs` holds rsc-role, with-rsc-role, node-attribute,
 * influence; with resource sets (`sets` not empty), no rsc and with-rsc.
 */
export interface CibColocation {
  readonly kind: 'rsc_colocation';
  readonly id: string;
  readonly rsc?: string;
  readonly withRsc?: string;
  readonly score: string;
  readonly attrs: readonly XmlAttr[];
  readonly sets: readonly CibResourceSet[];
}

/**
 * `<rsc_order id first first-action then then-action …>`: `attrs` holds kind, symmetrical,
 * require-all; with resource sets, no first and then.
 */
export interface CibOrder {
  readonly kind: 'rsc_order';
  readonly id: string;
  readonly first?: string;
  readonly firstAction?: string;
  readonly then?: string;
  readonly thenAction?: string;
  readonly attrs: readonly XmlAttr[];
  readonly sets: readonly CibResourceSet[];
}

/** `<rsc_ticket id ticket rsc …>` (`attrs`: rsc-role, loss-policy), or with resource sets and no rsc. */
export interface CibTicket {
  readonly kind: 'rsc_ticket';
  readonly id: string;
  readonly ticket: string;
  readonly rsc?: string;
  readonly attrs: readonly XmlAttr[];
  readonly sets: readonly CibResourceSet[];
}

export type CibConstraint = CibLocation | CibColocation | CibOrder | CibTicket;

/**
 * `<fencing-level id target… index devices>`: `target` holds `target`, or `target-pattern`, or
 * `target-attribute` and `target-value`, in that order.
 */
export interface CibFencingLevel {
  readonly id: string;
  readonly target: readonly XmlAttr[];
  readonly index: string;
  /** Comma-separated device ids, as the CIB has them. */
  readonly devices: string;
}

/** `<recipient id value>` of an alert, with its own sets. */
export interface CibRecipient {
  readonly id: string;
  readonly value: string;
  readonly metaAttributes?: NvSet;
  readonly instanceAttributes?: NvSet;
}

/**
 * `<select>` of an alert: which of `<select_fencing/>`, `<select_nodes/>`, `<select_resources/>`
 * it holds, and `<select_attributes>` with its `<attribute id name>`s (undefined: no such element;
 * empty: every attribute).
 */
export interface CibAlertSelect {
  readonly fencing: boolean;
  readonly nodes: boolean;
  readonly resources: boolean;
  readonly attributes?: readonly { readonly id: string; readonly name: string }[];
}

/** The event kinds a select names with an empty element, in the order cib.xml writes them. */
export function selectedFlags(s: CibAlertSelect): (typeof SELECT_FLAGS)[number][] {
  return SELECT_FLAGS.filter((k) => s[k]);
}

/** `<alert id path>`: its sets, its select, its recipients, in that order. */
export interface CibAlert {
  readonly id: string;
  readonly path: string;
  readonly metaAttributes?: NvSet;
  readonly instanceAttributes?: NvSet;
  readonly select?: CibAlertSelect;
  readonly recipients: readonly CibRecipient[];
}

export interface CibNode {
  readonly id: string;
  readonly uname: string;
  /** `member` (the default), `normal` (Pacemaker 1.x's word for it) or `remote` (a remote or guest node's entry). */
  readonly type?: string;
  /** The node's legacy weight. */
  readonly score?: string;
  readonly description?: string;
  /** Its permanent attributes (`<instance_attributes>`). */
  readonly instanceAttributes?: NvSet;
  readonly utilization?: NvSet;
  readonly extraSets?: readonly ExtraSet[];
}

/** `<acl_permission id kind …>`: its attributes but id and kind, in order (xpath, reference or object-type; attribute; description). */
export interface CibAclPermission {
  readonly id: string;
  readonly kind: string;
  readonly attrs: readonly XmlAttr[];
}

/** `<acl_role id [description]>` with its permissions. */
export interface CibAclRole {
  readonly kind: 'acl_role';
  readonly id: string;
  readonly description?: string;
  readonly permissions: readonly CibAclPermission[];
}

/** `<acl_target id [name]>` (a user) or `<acl_group id [name]>` (a Unix group) with its `<role id>`s; `name`, when there, is the user or group. */
export interface CibAclTarget {
  readonly kind: 'acl_target' | 'acl_group';
  readonly id: string;
  readonly name?: string;
  readonly roles: readonly string[];
}

export type CibAcl = CibAclRole | CibAclTarget;

/** `<tag id>` with its `<obj_ref id>`s, in `<tags>`. */
export interface CibTag {
  readonly id: string;
  readonly refs: readonly string[];
}

/** The `<configuration>` of a CIB. */
export interface CibConfiguration {
  /** `<cluster_property_set>`s of `<crm_config>`. */
  readonly crmConfig: readonly NvSet[];
  readonly nodes: readonly CibNode[];
  /** `<template>`s of `<resources>` (written before the resources), as primitives; undefined when none. */
  readonly templates?: readonly CibPrimitive[];
  readonly resources: readonly CibResource[];
  readonly constraints: readonly CibConstraint[];
  /** `<meta_attributes>` of `<rsc_defaults>`; undefined when the element is absent. */
  readonly rscDefaults?: readonly NvSet[];
  /** `<meta_attributes>` of `<op_defaults>`; undefined when the element is absent. */
  readonly opDefaults?: readonly NvSet[];
  /** `<fencing-level>`s of `<fencing-topology>`; undefined when the element is absent. */
  readonly fencingTopology?: readonly CibFencingLevel[];
  /** `<tag>`s of `<tags>`; undefined when the element is absent. */
  readonly tags?: readonly CibTag[];
  /** `<alert>`s of `<alerts>`; undefined when the element is absent. */
  readonly alerts?: readonly CibAlert[];
  /** What `<acls>` holds, in document order; undefined when the element is absent or empty. */
  readonly acls?: readonly CibAcl[];
}

export interface Cib {
  /** `validate-with` of a whole `<cib>`. */
  readonly validateWith?: string;
  readonly configuration: CibConfiguration;
}

/** The value of an element's XML attribute, if it has one. */
export function attrValue(attrs: readonly XmlAttr[], name: string): string | undefined {
  return attrs.find(([k]) => k === name)?.[1];
}

/** A rule's boolean-op: and, Pacemaker's default, when it has none. */
export function ruleBooleanOp(rule: CibRule): string {
  return attrValue(rule.attrs, 'boolean-op') ?? 'and';
}

/** The value of a set's pair, when it is literal text (not a secret). */
export function literalPair(set: NvSet | undefined, name: string): string | undefined {
  const v = set?.pairs.find((p) => p.name === name)?.value;
  return v?.kind === 'literal' ? v.text : undefined;
}

/** The primitives of a resource, in document order. */
export function primitivesOf(r: CibResource): readonly CibPrimitive[] {
  switch (r.kind) {
    case 'primitive':
      return [r];
    case 'group':
      return r.children;
    case 'clone':
      return primitivesOf(r.child);
    case 'bundle':
      return r.child ? [r.child] : [];
    default:
      return assertNever(r);
  }
}

/** Every resource of a configuration at every level (a clone, then its child, then the child's children), in document order. */
export function cibResources(configuration: CibConfiguration): CibResource[] {
  const out: CibResource[] = [];
  const add = (r: CibResource): void => {
    out.push(r);
    if (r.kind === 'group') out.push(...r.children);
    else if (r.kind === 'clone') add(r.child);
    else if (r.kind === 'bundle' && r.child) out.push(r.child);
  };
  for (const r of configuration.resources) add(r);
  return out;
}

/** Every template and primitive of a configuration, templates first (as cib.xml writes them): what has a primitive's body. */
export function cibPrimitivesAndTemplates(configuration: CibConfiguration): CibPrimitive[] {
  return [...(configuration.templates ?? []), ...cibPrimitives(configuration)];
}

/** Every primitive of a configuration, group and clone children in place, in document order. */
export function cibPrimitives(configuration: CibConfiguration): CibPrimitive[] {
  return configuration.resources.flatMap(primitivesOf);
}

/** The resource ids a constraint names (its resources, its sets' members; a tag's id stands as one). */
export function constraintResourceIds(c: CibConstraint): string[] {
  const own = c.kind === 'rsc_order' ? [c.first, c.then] : c.kind === 'rsc_colocation' ? [c.rsc, c.withRsc] : [c.rsc];
  return [...own.flatMap((id) => id ?? []), ...c.sets.flatMap((s) => s.refs)];
}

/** The standard name of a primitive's agent: `ocf:heartbeat:IPaddr2`, `stonith:fence_ipmilan`. */
export function agentName(p: CibPrimitive): string {
  return p.provider === undefined ? `${p.class}:${p.type}` : `${p.class}:${p.provider}:${p.type}`;
}
