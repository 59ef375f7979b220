// What changes between two configurations, object by object (by id), field by field: what `hacc
// plan` reports, and what an import that does not round-trip leaves different. A secret is shown
// as its reference (`<env:IPMI_PASSWORD>`), never as a value.

import { assertNever } from '../assert-never.js';
import type { CibConfiguration, CibOp, CibPrimitive, CibResource, CibValue, NvSet } from './model.js';

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

/** An object of a configuration, flattened: its kind, id and fields (path -> value). */
interface Flat {
  readonly kind: string;
  readonly id: string;
  readonly fields: Map<string, string>;
}

function shown(v: CibValue): string {
  return v.kind === 'literal' ? v.text : `<${v.scheme}:${v.ref}>`;
}

function nvset(fields: Map<string, string>, prefix: string, set: NvSet | undefined): void {
  if (!set) return;
  fields.set(`${prefix}.id`, set.id);
  for (const p of set.pairs) {
    fields.set(`${prefix}.${p.name}`, shown(p.value));
    fields.set(`${prefix}.${p.name}.id`, p.id);
  }
}

function op(fields: Map<string, string>, o: CibOp): void {
  const prefix = `op.${o.id}`;
  fields.set(`${prefix}.name`, o.name);
  if (o.interval !== undefined) fields.set(`${prefix}.interval`, o.interval);
  for (const [k, v] of o.attrs) fields.set(`${prefix}.${k}`, v);
  nvset(fields, `${prefix}.params`, o.instanceAttributes);
  nvset(fields, `${prefix}.meta`, o.metaAttributes);
}

/** `parent`: the group or clone that holds it, as `group` or `clone` field. */
function primitive(p: CibPrimitive, parent: Flat | undefined): Flat {
  const fields = new Map<string, string>([
    ['class', p.class],
    ['type', p.type],
  ]);
  if (p.provider !== undefined) fields.set('provider', p.provider);
  if (parent !== undefined) fields.set(parent.kind === 'group' ? 'group' : 'clone', parent.id);
  nvset(fields, 'params', p.instanceAttributes);
  nvset(fields, 'meta', p.metaAttributes);
  for (const o of p.operations) op(fields, o);
  return { kind: 'primitive', id: p.id, fields };
}

function flatten(conf: CibConfiguration): Flat[] {
  const out: Flat[] = [];
  const sets = (kind: string, list: readonly NvSet[] | undefined) => {
    for (const set of list ?? []) {
      const fields = new Map<string, string>();
      for (const p of set.pairs) {
        fields.set(p.name, shown(p.value));
        fields.set(`${p.name}.id`, p.id);
      }
      out.push({ kind, id: set.id, fields });
    }
  };
  sets('cluster_property_set', conf.crmConfig);
  for (const n of conf.nodes) out.push({ kind: 'node', id: n.id, fields: new Map([['uname', n.uname], ...(n.type !== undefined ? [['type', n.type] as [string, string]] : [])]) });
  const resource = (r: CibResource, parent: Flat | undefined): void => {
    switch (r.kind) {
      case 'primitive':
        out.push(primitive(r, parent));
        break;
      case 'group': {
        const fields = new Map<string, string>([['members', r.children.map((c) => c.id).join(' ')]]);
        if (parent !== undefined) fields.set('clone', parent.id);
        nvset(fields, 'meta', r.metaAttributes);
        const group: Flat = { kind: 'group', id: r.id, fields };
        out.push(group);
        for (const c of r.children) out.push(primitive(c, group));
        break;
      }
      case 'clone': {
        // `<clone>` and `<master>` are one kind of object: the element is a field (el7 to el8 changes it).
        const fields = new Map<string, string>([
          ['element', r.tag],
          ['child', r.child.id],
        ]);
        nvset(fields, 'meta', r.metaAttributes);
        const clone: Flat = { kind: 'clone', id: r.id, fields };
        out.push(clone);
        resource(r.child, clone);
        break;
      }
      default:
        assertNever(r);
    }
  };
  for (const r of conf.resources) resource(r, undefined);
  for (const c of conf.constraints) {
    const fields = new Map<string, string>();
    switch (c.kind) {
      case 'rsc_location':
        fields.set('rsc', c.rsc).set('node', c.node).set('score', c.score);
        break;
      case 'rsc_colocation':
        fields.set('rsc', c.rsc).set('with-rsc', c.withRsc).set('score', c.score);
        break;
      case 'rsc_order':
        fields.set('first', c.first).set('then', c.then);
        if (c.firstAction !== undefined) fields.set('first-action', c.firstAction);
        if (c.thenAction !== undefined) fields.set('then-action', c.thenAction);
        break;
      default:
        assertNever(c);
    }
    for (const [k, v] of c.attrs) fields.set(k, v);
    out.push({ kind: c.kind, id: c.id, fields });
  }
  sets('rsc_defaults', conf.rscDefaults);
  sets('op_defaults', conf.opDefaults);
  return out;
}

function fieldChanges(from: Map<string, string> | undefined, to: Map<string, string> | undefined): FieldChange[] {
  const out: FieldChange[] = [];
  const paths = new Set([...(from?.keys() ?? []), ...(to?.keys() ?? [])]);
  for (const path of [...paths].sort()) {
    const a = from?.get(path);
    const b = to?.get(path);
    if (a === b) continue;
    out.push({ path, ...(a !== undefined ? { from: a } : {}), ...(b !== undefined ? { to: b } : {}) });
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
