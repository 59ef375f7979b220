// The CIB configuration of a ClusterPlan, as Pacemaker stores it. Secrets never appear: a secret
// param has no nvpair here, only a comment naming where the setup script reads it from (the
// script creates the nvpair, with the id the plan reserved for it). Deterministic: no timestamps,
// element and attribute order fixed by the plan.

import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Artifact } from './artifact.js';
import type { ClusterPlan, PlanAttrSet, PlanConstraint, PlanOp, PlanPrimitive, PlanValue } from './plan.js';

export interface CibOptions {
  /** A complete `<cib>` with an empty status section, or the bare `<configuration>`. */
  readonly full: boolean;
}

export const CIB_PATH = 'cib.xml';

/** The comment that stands where a secret nvpair would be. `--` cannot appear in an XML comment. */
export function secretComment(name: string, value: Extract<PlanValue, { kind: 'secret' }>): string {
  const text = ` ${name}: set by the setup script from ${value.scheme}:${value.ref} `;
  return text.replace(/--/g, '- -').replace(/-$/, '- ');
}

function nvset(parent: XMLBuilder, tag: string, set: PlanAttrSet): void {
  if (set.attrs.length === 0) return;
  const el = parent.ele(tag, { id: set.id });
  for (const a of set.attrs) {
    if (a.value.kind === 'secret') el.com(secretComment(a.name, a.value));
    else el.ele('nvpair', { id: a.id, name: a.name, value: a.value.text });
  }
}

function op(parent: XMLBuilder, o: PlanOp): void {
  const attrs: Record<string, string> = { id: o.id, name: o.name, interval: o.interval };
  for (const a of o.attrs) attrs[a.name] = a.value;
  const el = parent.ele('op', attrs);
  if (o.instanceAttributes) nvset(el, 'instance_attributes', o.instanceAttributes);
}

function primitive(parent: XMLBuilder, p: PlanPrimitive): void {
  const attrs: Record<string, string> = { id: p.id, class: p.class };
  if (p.provider !== undefined) attrs['provider'] = p.provider;
  attrs['type'] = p.type;
  const el = parent.ele('primitive', attrs);
  nvset(el, 'instance_attributes', p.params);
  nvset(el, 'meta_attributes', p.meta);
  if (p.ops.length > 0) {
    const ops = el.ele('operations');
    for (const o of p.ops) op(ops, o);
  }
}

function constraint(parent: XMLBuilder, c: PlanConstraint): void {
  switch (c.kind) {
    case 'location': {
      const attrs: Record<string, string> = { id: c.id, rsc: c.rsc, node: c.node, score: c.score };
      for (const a of c.attrs ?? []) attrs[a.name] = a.value;
      parent.ele('rsc_location', attrs);
      break;
    }
    case 'colocation': {
      const attrs: Record<string, string> = { id: c.id, rsc: c.rsc, 'with-rsc': c.withRsc, score: c.score };
      for (const a of c.attrs) attrs[a.name] = a.value;
      parent.ele('rsc_colocation', attrs);
      break;
    }
    case 'order': {
      const attrs: Record<string, string> = { id: c.id, first: c.first, 'first-action': c.firstAction, then: c.then, 'then-action': c.thenAction };
      if (c.orderKind !== undefined) attrs['kind'] = c.orderKind;
      if (c.symmetrical !== undefined) attrs['symmetrical'] = c.symmetrical;
      for (const a of c.attrs) attrs[a.name] = a.value;
      parent.ele('rsc_order', attrs);
      break;
    }
  }
}

function configuration(parent: XMLBuilder, plan: ClusterPlan): void {
  const conf = parent.ele('configuration');
  const crm = conf.ele('crm_config');
  if (plan.properties.attrs.length > 0) nvset(crm, 'cluster_property_set', plan.properties);
  const nodes = conf.ele('nodes');
  for (const n of plan.nodes) nodes.ele('node', { id: String(n.id), uname: n.name });
  const resources = conf.ele('resources');
  for (const r of plan.resources) {
    if (r.kind === 'primitive') {
      primitive(resources, r);
    } else {
      const g = resources.ele('group', { id: r.id });
      for (const m of r.members) primitive(g, m);
      nvset(g, 'meta_attributes', r.meta);
    }
  }
  const constraints = conf.ele('constraints');
  for (const c of plan.constraints) constraint(constraints, c);
  if (plan.rscDefaults) nvset(conf.ele('rsc_defaults'), 'meta_attributes', plan.rscDefaults);
  if (plan.opDefaults) nvset(conf.ele('op_defaults'), 'meta_attributes', plan.opDefaults);
}

/**
 * A line feed, carriage return or tab in an attribute value as a character reference. xmlbuilder2
 * writes them as they are, and an XML parser (libxml2, so Pacemaker) reads each of those as a space
 * (attribute-value normalisation): `stop_cmd="a\nb"` would reach the cluster as `a b`.
 */
function escapeAttributeWhitespace(xml: string): string {
  let out = '';
  let i = 0;
  while (i < xml.length) {
    if (xml.startsWith('<!--', i) || xml.startsWith('<?', i)) {
      const close = xml.startsWith('<!--', i) ? '-->' : '?>';
      const end = xml.indexOf(close, i) + close.length;
      out += xml.slice(i, end);
      i = end;
    } else if (xml[i] === '<') {
      const end = xml.indexOf('>', i) + 1; // xmlbuilder2 writes '>' in attribute values as &gt;
      out += xml.slice(i, end).replace(/"[^"]*"/g, (v) => v.replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;'));
      i = end;
    } else {
      out += xml[i];
      i++;
    }
  }
  return out;
}

/** The CIB XML of a plan: `<configuration>` alone, or a whole `<cib>` for crm_verify and crm_simulate. */
export function cibXml(plan: ClusterPlan, opts: CibOptions): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  doc.com(` Cluster ${plan.name} (${plan.platform}): generated by hacc; do not edit, regenerate it. `.replace(/--/g, '- -'));
  if (opts.full) {
    const cib = doc.ele('cib', {
      'validate-with': plan.cib.schema,
      admin_epoch: '0',
      epoch: '1',
      num_updates: '0',
    });
    configuration(cib, plan);
    cib.ele('status');
  } else {
    configuration(doc, plan);
  }
  return escapeAttributeWhitespace(doc.end({ prettyPrint: true, indent: '  ', allowEmptyTags: false })) + '\n';
}

export function cibArtifact(plan: ClusterPlan, opts: CibOptions): Artifact {
  return { path: CIB_PATH, contents: cibXml(plan, opts), mode: 0o644 };
}
