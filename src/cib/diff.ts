// What changes between two configurations, object by object (by id), field by field: what `hacc
// plan` reports, and what an import that does not round-trip leaves different. Kinds are the .ha
// language's words for the objects (`primitive`, `location`, `property`…).
//
// Secrets: a value is never shown, only SECRET. A parameter that holds a secret on either side (a
// `env:`/`file:` reference, or a literal under a secret's name such as `password`) is compared only
// when both sides are literal: a reference gets its value when the setup script runs, so what the
// cluster holds cannot be compared with it here, and the setup script sets it again on every run.

import { assertNever } from '../assert-never.js';
import { isSecretParam } from '../catalogue/roles.js';
import { platformRole } from '../language/roles.js';
import { isPlainSet, selectedFlags, type CibRule, type ExtraSet, type CibConfiguration, type CibConstraint, type CibOp, type CibPrimitive, type CibResource, type CibValue, type NvSet } from './model.js';
import { NO_ID } from './read.js';
import { ruleText } from './rule-text.js';

/** What a plan shows instead of a secret's value. */
export const SECRET = '(secret)';

export interface FieldChange {
  /** `params.ip`, `meta.target-role`, `op.vip-monitor-interval-10s.timeout`, `score`. */
  readonly path: string;
  /** Absent when the field is new. */
  readonly from?: string;
  /** Absent when the field goes away. */
  readonly to?: string;
}

export interface Change {
  readonly op: 'create' | 'update' | 'delete';
  /** `primitive`, `group`, `rsc_location`, `node`, `cluster_property_set`… */
  readonly kind: string;
  readonly id: string;
  /** Every field that differs (for a create or delete, every field the object has). */
  readonly fields: readonly FieldChange[];
}

/** A field's value: text, or a secret (a literal under a secret's name, or a reference). */
type FieldValue = string | { readonly secret: CibValue };

/** An object of a configuration, flattened: its kind, id and fields (path -> value). */
interface Flat {
  readonly kind: string;
  readonly id: string;
  readonly fields: Map<string, FieldValue>;
}

function pairValue(name: string, v: CibValue): FieldValue {
  return v.kind === 'literal' && !isSecretParam(name) ? v.text : { secret: v };
}

function nvset(fields: Map<string, FieldValue>, prefix: string, set: NvSet | undefined): void {
  // An empty set means nothing to Pacemaker (import leaves one out).
  if (!set || (set.pairs.length === 0 && isPlainSet(set))) return;
  fields.set(`${prefix}.id`, set.id);
  if (set.score !== undefined) fields.set(`${prefix}.score`, set.score);
  if (set.rule) fields.set(`${prefix}.rule`, setRuleText(set.rule));
  for (const p of set.pairs) {
    fields.set(`${prefix}.${p.name}`, pairValue(p.name, p.value));
    if (p.id !== NO_ID) fields.set(`${prefix}.${p.name}.id`, p.id);
  }
}

/**
 * A set's rule, without a score: Pacemaker orders sets by the set's own score and ignores its
 * rule's (which the 2.x schemas require and hacc writes there, pcs leaves out on 3.9 and later).
 */
function setRuleText(rule: CibRule): string {
  return ruleText({ ...rule, attrs: rule.attrs.filter(([k]) => k !== 'score') });
}

/** An owner's sets after its first of each element: each by its id, a reference by what it names. */
function extraSets(fields: Map<string, FieldValue>, list: readonly ExtraSet[] | undefined): void {
  for (const x of list ?? []) {
    if ('idRef' in x) fields.set(`${x.element}.ref.${x.idRef}`, x.idRef);
    else nvset(fields, `${x.element}.${x.set.id}`, x.set);
  }
}

function op(fields: Map<string, FieldValue>, o: CibOp): void {
  const prefix = `op.${o.id}`;
  fields.set(`${prefix}.name`, o.name);
  if (o.interval !== undefined) fields.set(`${prefix}.interval`, o.interval);
  for (const [k, v] of o.attrs) fields.set(`${prefix}.${k}`, v);
  nvset(fields, `${prefix}.params`, o.instanceAttributes);
  nvset(fields, `${prefix}.meta`, o.metaAttributes);
}

/** `parent`: the group or clone that holds it, as `group` or `clone` field. A template is its own kind. */
function primitive(p: CibPrimitive, parent: Flat | undefined, kind: 'primitive' | 'template' = 'primitive'): Flat {
  const fields = new Map<string, FieldValue>(p.template !== undefined ? [['template', p.template]] : [['class', p.class], ['type', p.type]]);
  if (p.provider !== undefined && p.template === undefined) fields.set('provider', p.provider);
  if (p.operationsId !== undefined) fields.set('operations.id', p.operationsId);
  if (p.operationsRef !== undefined) fields.set('operations.ref', p.operationsRef);
  if (p.description !== undefined) fields.set('description', p.description);
  if (parent !== undefined) fields.set(parent.kind, parent.id);
  nvset(fields, 'params', p.instanceAttributes);
  nvset(fields, 'meta', p.metaAttributes);
  nvset(fields, 'utilization', p.utilization);
  extraSets(fields, p.extraSets);
  for (const o of p.operations) op(fields, o);
  return { kind, id: p.id, fields };
}

function flatten(conf: CibConfiguration): Flat[] {
  const out: Flat[] = [];
  const sets = (kind: string, list: readonly NvSet[] | undefined) => {
    for (const set of list ?? []) {
      if (set.pairs.length === 0 && isPlainSet(set)) continue;
      const fields = new Map<string, FieldValue>();
      if (set.score !== undefined) fields.set('score', set.score);
      if (set.rule) fields.set('rule', setRuleText(set.rule));
      for (const p of set.pairs) {
        fields.set(p.name, pairValue(p.name, p.value));
        if (p.id !== NO_ID) fields.set(`${p.name}.id`, p.id);
      }
      out.push({ kind, id: set.id, fields });
    }
  };
  sets('property', conf.crmConfig);
  for (const n of conf.nodes) {
    const fields = new Map<string, FieldValue>([['uname', n.uname], ...(n.type !== undefined ? [['type', n.type] as [string, string]] : [])]);
    nvset(fields, 'attributes', n.instanceAttributes);
    nvset(fields, 'utilization', n.utilization);
    extraSets(fields, n.extraSets);
    for (const [k, v] of [['score', n.score], ['description', n.description]] as const) if (v !== undefined) fields.set(k, v);
    out.push({ kind: 'node', id: n.id, fields });
  }
  const resource = (r: CibResource, parent: Flat | undefined): void => {
    switch (r.kind) {
      case 'primitive':
        out.push(primitive(r, parent));
        break;
      case 'group': {
        const fields = new Map<string, FieldValue>([['members', r.children.map((c) => c.id).join(' ')]]);
        if (parent !== undefined) fields.set('clone', parent.id);
        nvset(fields, 'params', r.instanceAttributes);
        nvset(fields, 'meta', r.metaAttributes);
        extraSets(fields, r.extraSets);
        if (r.description !== undefined) fields.set('description', r.description);
        const group: Flat = { kind: 'group', id: r.id, fields };
        out.push(group);
        for (const c of r.children) out.push(primitive(c, group));
        break;
      }
      case 'clone': {
        // `<clone>` and `<master>` are one kind of object: the element is a field (el7 to el8 changes it).
        const fields = new Map<string, FieldValue>([
          ['element', r.tag],
          ['child', r.child.id],
        ]);
        nvset(fields, 'params', r.instanceAttributes);
        nvset(fields, 'meta', r.metaAttributes);
        extraSets(fields, r.extraSets);
        if (r.description !== undefined) fields.set('description', r.description);
        const clone: Flat = { kind: 'clone', id: r.id, fields };
        out.push(clone);
        resource(r.child, clone);
        break;
      }
      case 'bundle': {
        // Each element's attributes are fields: `podman.image`, `network.control-port`, `port-map.ID.port`.
        const fields = new Map<string, FieldValue>([['container', r.container.type]]);
        for (const [k, v] of r.container.attrs) fields.set(`${r.container.type}.${k}`, v);
        for (const [k, v] of r.network?.attrs ?? []) fields.set(`network.${k}`, v);
        for (const [kind, maps] of [['port-map', r.network?.portMappings ?? []], ['storage-map', r.storage ?? []]] as const) {
          for (const m of maps) {
            const id = m.find(([k]) => k === 'id')?.[1] ?? '';
            for (const [k, v] of m) if (k !== 'id') fields.set(`${kind}.${id}.${k}`, v);
          }
        }
        if (r.child) fields.set('child', r.child.id);
        nvset(fields, 'meta', r.metaAttributes);
        extraSets(fields, r.extraSets);
        if (r.description !== undefined) fields.set('description', r.description);
        const bundle: Flat = { kind: 'bundle', id: r.id, fields };
        out.push(bundle);
        if (r.child) out.push(primitive(r.child, bundle));
        break;
      }
      default:
        assertNever(r);
    }
  };
  for (const t of conf.templates ?? []) out.push(primitive(t, undefined, 'template'));
  for (const r of conf.resources) resource(r, undefined);
  for (const c of conf.constraints) {
    const fields = new Map<string, FieldValue>();
    switch (c.kind) {
      case 'rsc_location':
        for (const [k, v] of [['rsc', c.rsc], ['node', c.node], ['score', c.score]] as const) if (v !== undefined) fields.set(k, v);
        for (const r of c.rules) fields.set(`rule.${r.id}`, ruleText(r));
        break;
      case 'rsc_colocation':
        for (const [k, v] of [['rsc', c.rsc], ['with-rsc', c.withRsc], ['score', c.score]] as const) if (v !== undefined) fields.set(k, v);
        break;
      case 'rsc_ticket':
        fields.set('ticket', c.ticket);
        if (c.rsc !== undefined) fields.set('rsc', c.rsc);
        break;
      case 'rsc_order':
        for (const [k, v] of [['first', c.first], ['then', c.then], ['first-action', c.firstAction], ['then-action', c.thenAction]] as const) if (v !== undefined) fields.set(k, v);
        break;
      default:
        assertNever(c);
    }
    for (const [k, v] of c.attrs) fields.set(k, v);
    // A resource set, one field: its members in order, then its options.
    for (const s of c.sets) fields.set(`set.${s.id}`, [...s.refs, ...s.attrs.map(([k, v]) => `${k}=${v}`)].join(' '));
    withoutDefaults(c.kind, fields);
    out.push({ kind: CONSTRAINT_KIND[c.kind], id: c.id, fields });
  }
  sets('defaults', conf.rscDefaults);
  sets('op-defaults', conf.opDefaults);
  for (const a of conf.alerts ?? []) {
    const fields = new Map<string, FieldValue>([['path', a.path]]);
    nvset(fields, 'meta', a.metaAttributes);
    nvset(fields, 'params', a.instanceAttributes);
    if (a.select) {
      const kinds = selectedFlags(a.select);
      fields.set('select', [...kinds, ...(a.select.attributes ? [`attributes=${a.select.attributes.map((x) => x.name).join(',')}`] : [])].join(' '));
      for (const x of a.select.attributes ?? []) fields.set(`select.${x.name}.id`, x.id);
    }
    for (const r of a.recipients) {
      fields.set(`recipient.${r.id}.value`, r.value);
      nvset(fields, `recipient.${r.id}.meta`, r.metaAttributes);
      nvset(fields, `recipient.${r.id}.params`, r.instanceAttributes);
    }
    out.push({ kind: 'alert', id: a.id, fields });
  }
  for (const t of conf.tags ?? []) out.push({ kind: 'tag', id: t.id, fields: new Map([['members', t.refs.join(' ')]]) });
  for (const a of conf.acls ?? []) {
    const fields = new Map<string, FieldValue>();
    if (a.kind === 'acl_role') {
      if (a.description !== undefined) fields.set('description', a.description);
      for (const p of a.permissions) fields.set(`permission.${p.id}`, [p.kind, ...p.attrs.map(([k, v]) => `${k}=${v}`)].join(' '));
    } else {
      if (a.name !== undefined) fields.set('name', a.name);
      fields.set('roles', a.roles.join(' '));
    }
    out.push({ kind: a.kind, id: a.id, fields });
  }
  for (const l of conf.fencingTopology ?? []) out.push({ kind: 'fencing-level', id: l.id, fields: new Map([...l.target, ['index', l.index], ['devices', l.devices]]) });
  return out;
}

/**
 * A constraint attribute that says what Pacemaker assumes when it is absent is compared as absent:
 * pcs writes `first-action="start"` where crmsh and hand-written CIBs leave it out, and neither is a
 * change. Defaults from Pacemaker Explained (ordering, colocation): an order's first action is
 * start, its then-action the first's, its kind Mandatory, symmetrical unless Serialize; a
 * colocation's roles are Started.
 */
function withoutDefaults(kind: CibConstraint['kind'], fields: Map<string, FieldValue>): void {
  const drop = (name: string, value: string | undefined) => {
    const has = fields.get(name);
    if (value !== undefined && has !== undefined && !differ(name, has, value)) fields.delete(name);
  };
  switch (kind) {
    case 'rsc_order': {
      const first = fields.get('first-action') ?? 'start';
      const orderKind = fields.get('kind') ?? 'Mandatory';
      drop('then-action', typeof first === 'string' ? first : undefined);
      drop('first-action', 'start');
      drop('kind', 'Mandatory');
      drop('symmetrical', orderKind === 'Serialize' ? 'false' : 'true');
      break;
    }
    case 'rsc_colocation':
      drop('rsc-role', 'Started');
      drop('with-rsc-role', 'Started');
      break;
    case 'rsc_location':
    case 'rsc_ticket':
      break;
    default:
      assertNever(kind);
  }
}

const CONSTRAINT_KIND = { rsc_location: 'location', rsc_colocation: 'colocation', rsc_order: 'order', rsc_ticket: 'ticket' } as const;

function text(v: FieldValue): string {
  return typeof v === 'string' ? v : SECRET;
}

/** A field's literal text; undefined for a secret's reference, which has no value until the script runs. */
function known(v: FieldValue): string | undefined {
  if (typeof v === 'string') return v;
  return v.secret.kind === 'literal' ? v.secret.text : undefined;
}

/** The fields that hold a role: an op's, a constraint's, a resource's target-role. */
const ROLE_FIELDS = new Set(['role', 'rsc-role', 'with-rsc-role', 'target-role']);

/**
 * Whether two values of one field differ, as far as can be known here (see the header). Pacemaker
 * reads a role in any case, and Master and Slave as Promoted and Unpromoted (2.1 and later;
 * hacc writes the platform's spelling): `started` and `Started` are one value, no change.
 */
function differ(path: string, a: FieldValue, b: FieldValue): boolean {
  const [x, y] = [known(a), known(b)];
  if (x === undefined || y === undefined || x === y) return false;
  return !(ROLE_FIELDS.has(path.slice(path.lastIndexOf('.') + 1)) && platformRole(x, 'current') === platformRole(y, 'current'));
}

/**
 * The id of a secret's nvpair that one side does not know: hacc's own cib.xml names a secret in a
 * comment, without the nvpair the setup script creates (read.ts's NO_ID).
 */
function unknownSecretId(path: string, from: Map<string, FieldValue> | undefined, to: Map<string, FieldValue> | undefined): boolean {
  if (!path.endsWith('.id') || (from?.has(path) === true && to?.has(path) === true)) return false;
  const owner = path.slice(0, -'.id'.length);
  const [a, b] = [from?.get(owner), to?.get(owner)];
  return a !== undefined && b !== undefined && typeof a !== 'string' && typeof b !== 'string';
}

function fieldChanges(from: Map<string, FieldValue> | undefined, to: Map<string, FieldValue> | undefined): FieldChange[] {
  const out: FieldChange[] = [];
  const paths = new Set([...(from?.keys() ?? []), ...(to?.keys() ?? [])]);
  for (const path of [...paths].sort()) {
    const a = from?.get(path);
    const b = to?.get(path);
    if (a !== undefined && b !== undefined && !differ(path, a, b)) continue;
    if (unknownSecretId(path, from, to)) continue;
    out.push({ path, ...(a !== undefined ? { from: text(a) } : {}), ...(b !== undefined ? { to: text(b) } : {}) });
  }
  return out;
}

/**
 * The changes that turn `from` into `to`: objects are matched by kind and id; updates list each
 * field that differs. In `to`'s order, deletions last (in `from`'s order).
 */
export function diffCib(from: CibConfiguration, to: CibConfiguration): Change[] {
  const key = (f: Flat) => `${f.kind}\u0000${f.id}`;
  const before = new Map(flatten(from).map((f) => [key(f), f]));
  const after = flatten(to);
  const seen = new Set<string>();
  const out: Change[] = [];
  for (const f of after) {
    const k = key(f);
    seen.add(k);
    const old = before.get(k);
    const fields = fieldChanges(old?.fields, f.fields);
    if (!old) out.push({ op: 'create', kind: f.kind, id: f.id, fields });
    else if (fields.length > 0) out.push({ op: 'update', kind: f.kind, id: f.id, fields });
  }
  for (const [k, f] of before) if (!seen.has(k)) out.push({ op: 'delete', kind: f.kind, id: f.id, fields: fieldChanges(f.fields, undefined) });
  return out;
}
