// The CIB configuration of a ClusterPlan, as Pacemaker stores it. Secrets never appear: a secret
// param has no nvpair here, only a comment naming where the setup script reads it from (the
// script creates the nvpair, with the id the plan reserved for it). Deterministic: no timestamps,
// element and attribute order fixed by the plan.

import type { Artifact } from './artifact.js';
import { codePointName, firstXmlInvalidChar } from '../syntax/xml-chars.js';
import type { ClusterPlan, PlanAttrSet, PlanConstraint, PlanOp, PlanPrimitive, PlanValue } from './plan.js';
import { createXml, type XmlDocument, type XmlParent } from './xml.js';

export interface CibOptions {
  /** A complete `<cib>` with an empty status section, or the bare `<configuration>`. */
  readonly full: boolean;
}

export const CIB_PATH = 'cib.xml';

// Attribute values are escaped by the writer (xml.ts): & < > " as entities, and tab, line feed and
// carriage return as character references (every XML parser turns raw ones into spaces). Text XML
// cannot carry at all is refused here (check reports it as HA003 first).

/** Text for the document, refused when XML cannot carry it. */
function checked(s: string): string {
  const bad = firstXmlInvalidChar(s);
  if (bad >= 0) {
    throw new Error(`cannot write ${JSON.stringify(s)} into cib.xml: XML cannot carry ${codePointName(s, bad)} (check reports it as HA003)`);
  }
  return s;
}

function ele(parent: XmlParent, tag: string, attrs: Record<string, string> = {}): XmlParent {
  for (const k in attrs) {
    checked(k);
    checked(attrs[k]!);
  }
  return parent.ele(tag, attrs);
}

/** Text for an XML comment, which cannot hold `--` nor end with `-`: a space goes after such a `-`. */
function commentText(s: string): string {
  return checked(s).replace(/-(?=-|$)/g, '- ');
}

/** The comment that stands where a secret nvpair would be. */
export function secretComment(name: string, value: Extract<PlanValue, { kind: 'secret' }>): string {
  return commentText(` ${name}: set by the setup script from ${value.scheme}:${value.ref} `);
}

function nvset(parent: XmlParent, tag: string, set: PlanAttrSet): void {
  if (set.attrs.length === 0) return;
  const el = ele(parent, tag, { id: set.id });
  for (const a of set.attrs) {
    if (a.value.kind === 'secret') el.com(secretComment(a.name, a.value));
    else ele(el, 'nvpair', { id: a.id, name: a.name, value: a.value.text });
  }
}

function op(parent: XmlParent, o: PlanOp): void {
  const attrs: Record<string, string> = { id: o.id, name: o.name, interval: o.interval };
  for (const a of o.attrs) attrs[a.name] = a.value;
  const el = ele(parent, 'op', attrs);
  if (o.instanceAttributes) nvset(el, 'instance_attributes', o.instanceAttributes);
}

function primitive(parent: XmlParent, p: PlanPrimitive): void {
  const attrs: Record<string, string> = { id: p.id, class: p.class };
  if (p.provider !== undefined) attrs['provider'] = p.provider;
  attrs['type'] = p.type;
  const el = ele(parent, 'primitive', attrs);
  nvset(el, 'instance_attributes', p.params);
  nvset(el, 'meta_attributes', p.meta);
  if (p.ops.length > 0) {
    const ops = ele(el, 'operations');
    for (const o of p.ops) op(ops, o);
  }
}

function constraint(parent: XmlParent, c: PlanConstraint): void {
  switch (c.kind) {
    case 'location': {
      const attrs: Record<string, string> = { id: c.id, rsc: c.rsc, node: c.node, score: c.score };
      for (const a of c.attrs ?? []) attrs[a.name] = a.value;
      ele(parent, 'rsc_location', attrs);
      break;
    }
    case 'colocation': {
      const attrs: Record<string, string> = { id: c.id, rsc: c.rsc, 'with-rsc': c.withRsc, score: c.score };
      for (const a of c.attrs) attrs[a.name] = a.value;
      ele(parent, 'rsc_colocation', attrs);
      break;
    }
    case 'order': {
      const attrs: Record<string, string> = { id: c.id, first: c.first, 'first-action': c.firstAction, then: c.then, 'then-action': c.thenAction };
      if (c.orderKind !== undefined) attrs['kind'] = c.orderKind;
      if (c.symmetrical !== undefined) attrs['symmetrical'] = c.symmetrical;
      for (const a of c.attrs) attrs[a.name] = a.value;
      ele(parent, 'rsc_order', attrs);
      break;
    }
  }
}

function configuration(parent: XmlParent, plan: ClusterPlan): void {
  const conf = ele(parent, 'configuration');
  const crm = ele(conf, 'crm_config');
  if (plan.properties.attrs.length > 0) nvset(crm, 'cluster_property_set', plan.properties);
  const nodes = ele(conf, 'nodes');
  for (const n of plan.nodes) ele(nodes, 'node', { id: String(n.id), uname: n.name });
  const resources = ele(conf, 'resources');
  for (const r of plan.resources) {
    if (r.kind === 'primitive') {
      primitive(resources, r);
    } else {
      const g = ele(resources, 'group', { id: r.id });
      for (const m of r.members) primitive(g, m);
      nvset(g, 'meta_attributes', r.meta);
    }
  }
  const constraints = ele(conf, 'constraints');
  for (const c of plan.constraints) constraint(constraints, c);
  if (plan.rscDefaults) nvset(ele(conf, 'rsc_defaults'), 'meta_attributes', plan.rscDefaults);
  if (plan.opDefaults) nvset(ele(conf, 'op_defaults'), 'meta_attributes', plan.opDefaults);
}

/** The CIB XML of a plan: `<configuration>` alone, or a whole `<cib>` for crm_verify and crm_simulate. */
export function cibXml(plan: ClusterPlan, opts: CibOptions): string {
  return cibXmlIn(createXml(XML_DECLARATION), plan, opts);
}

export const XML_DECLARATION = { version: '1.0', encoding: 'UTF-8' } as const;

/**
 * cibXml, written into `doc`: xml.ts's string writer, or in the tests the xmlbuilder2 document
 * cibXml used to build (test/unit/xml.test.ts requires the same text from both).
 */
export function cibXmlIn(doc: XmlDocument, plan: ClusterPlan, opts: CibOptions): string {
  doc.com(commentText(` Cluster ${plan.name} (${plan.platform}): generated by hacc; do not edit, regenerate it. `));
  if (opts.full) {
    const cib = ele(doc, 'cib', {
      'validate-with': plan.cib.schema,
      admin_epoch: '0',
      epoch: '1',
      num_updates: '0',
    });
    configuration(cib, plan);
    ele(cib, 'status');
  } else {
    configuration(doc, plan);
  }
  return doc.text ? doc.text() : `${doc.end()}\n`;
}

export function cibArtifact(plan: ClusterPlan, opts: CibOptions): Artifact {
  return { path: CIB_PATH, contents: cibXml(plan, opts), mode: 0o644 };
}
