// The CIB configuration of a ClusterPlan, as Pacemaker stores it. Secrets never appear: a secret
// param has no nvpair here, only a comment naming where the setup script reads it from (the
// script creates the nvpair, with the id the plan reserved for it). Deterministic: no timestamps,
// element and attribute order fixed by the plan.

import type { Artifact } from './artifact.js';
import type { ClusterPlan, PlanAttrSet, PlanConstraint, PlanOp, PlanPrimitive, PlanValue } from './plan.js';
import { createXml, type XmlDocument, type XmlParent } from './xml.js';

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

type Secret = Extract<PlanValue, { kind: 'secret' }>;

/**
 * How a secret nvpair is written: cib.xml has a comment in its place; the setup script's XML has
 * the nvpair, with `value(secret)` as its value text (a marker the script fills in when it runs).
 */
type Secrets = { readonly value?: (secret: Secret) => string };
const AS_COMMENTS: Secrets = {};

function nvset(parent: XmlParent, tag: string, set: PlanAttrSet, secrets: Secrets = AS_COMMENTS): void {
  if (set.attrs.length === 0) return;
  const el = parent.ele(tag, { id: set.id });
  for (const a of set.attrs) {
    if (a.value.kind !== 'secret') el.ele('nvpair', { id: a.id, name: a.name, value: a.value.text });
    else if (secrets.value) el.ele('nvpair', { id: a.id, name: a.name, value: secrets.value(a.value) });
    else el.com(secretComment(a.name, a.value));
  }
}

function op(parent: XmlParent, o: PlanOp): void {
  const attrs: Record<string, string> = { id: o.id, name: o.name, interval: o.interval };
  for (const a of o.attrs) attrs[a.name] = a.value;
  const el = parent.ele('op', attrs);
  if (o.instanceAttributes) nvset(el, 'instance_attributes', o.instanceAttributes);
}

function primitive(parent: XmlParent, p: PlanPrimitive, secrets: Secrets): void {
  const attrs: Record<string, string> = { id: p.id, class: p.class };
  if (p.provider !== undefined) attrs['provider'] = p.provider;
  attrs['type'] = p.type;
  const el = parent.ele('primitive', attrs);
  nvset(el, 'instance_attributes', p.params, secrets);
  nvset(el, 'meta_attributes', p.meta, secrets);
  if (p.ops.length > 0) {
    const ops = el.ele('operations');
    for (const o of p.ops) op(ops, o);
  }
}

function constraint(parent: XmlParent, c: PlanConstraint): void {
  switch (c.kind) {
    case 'location':
      parent.ele('rsc_location', { id: c.id, rsc: c.rsc, node: c.node, score: c.score });
      break;
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

function resources(parent: XmlParent, plan: ClusterPlan, secrets: Secrets): void {
  const el = parent.ele('resources');
  for (const r of plan.resources) {
    if (r.kind === 'primitive') {
      primitive(el, r, secrets);
    } else {
      const g = el.ele('group', { id: r.id });
      for (const m of r.members) primitive(g, m, secrets);
      nvset(g, 'meta_attributes', r.meta, secrets);
    }
  }
}

function constraints(parent: XmlParent, plan: ClusterPlan): void {
  const el = parent.ele('constraints');
  for (const c of plan.constraints) constraint(el, c);
}

/**
 * cib.xml's `<resources>` section as a document of its own (no declaration), for `cibadmin
 * --replace --scope resources`: the same elements, with every secret nvpair present and its value
 * text `secretValue(secret)` instead of cib.xml's comment.
 */
export function resourcesXml(plan: ClusterPlan, secretValue: (secret: Secret) => string): string {
  const doc = createXml();
  resources(doc, plan, { value: secretValue });
  return doc.end() + '\n';
}

/** cib.xml's `<constraints>` section as a document of its own (no declaration). */
export function constraintsXml(plan: ClusterPlan): string {
  const doc = createXml();
  constraints(doc, plan);
  return doc.end() + '\n';
}

function configuration(parent: XmlParent, plan: ClusterPlan): void {
  const conf = parent.ele('configuration');
  const crm = conf.ele('crm_config');
  if (plan.properties.attrs.length > 0) nvset(crm, 'cluster_property_set', plan.properties);
  const nodes = conf.ele('nodes');
  for (const n of plan.nodes) nodes.ele('node', { id: String(n.id), uname: n.name });
  resources(conf, plan, AS_COMMENTS);
  constraints(conf, plan);
  if (plan.rscDefaults) nvset(conf.ele('rsc_defaults'), 'meta_attributes', plan.rscDefaults);
  if (plan.opDefaults) nvset(conf.ele('op_defaults'), 'meta_attributes', plan.opDefaults);
}

/** The CIB XML of a plan: `<configuration>` alone, or a whole `<cib>` for crm_verify and crm_simulate. */
export function cibXml(plan: ClusterPlan, opts: CibOptions): string {
  return cibXmlIn(createXml(XML_DECLARATION), plan, opts);
}

export const XML_DECLARATION = { version: '1.0', encoding: 'UTF-8' } as const;

/**
 * cibXml, written into `doc`: the string writer of xml.ts, or an xmlbuilder2 document whose
 * `end()` is `end({ prettyPrint: true, indent: '  ', allowEmptyTags: false })` (the tests' reference).
 */
export function cibXmlIn(doc: XmlDocument, plan: ClusterPlan, opts: CibOptions): string {
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
  return doc.end() + '\n';
}

export function cibArtifact(plan: ClusterPlan, opts: CibOptions): Artifact {
  return { path: CIB_PATH, contents: cibXml(plan, opts), mode: 0o644 };
}
