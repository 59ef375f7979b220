// A CIB as Pacemaker stores it. Secrets never appear: a secret nvpair is written as a comment naming
// where the setup script reads it from (the script creates the nvpair, with the id the CIB reserved
// for it). Deterministic: element and attribute order are fixed by the model. The text comes with
// where its <resources> and <constraints> and its secret comments are, which the setup script's
// bulk load takes from it as they are.

import { assertNever } from '../assert-never.js';
import { SELECT_ELEMENTS } from '../language/alert.js';
import { codePointName, firstXmlInvalidChar } from '../syntax/xml-chars.js';
import { selectedFlags, type Cib, type CibAcl, type CibAlert, type CibConfiguration, type CibFencingLevel, type CibConstraint, type CibNode, type CibTag, type CibOp, type CibPrimitive, type CibResource, type CibRule, type CibValue, type ExtraSet, type NvPair, type NvSet, isPlainSet } from './model.js';
import { createXml, type XmlAttributes, type XmlDocument, type XmlParent } from './xml-writer.js';

export const XML_DECLARATION = { version: '1.0', encoding: 'UTF-8' } as const;

/** An nvpair whose value is a secret. */
export type SecretPair = NvPair & { readonly value: Extract<CibValue, { kind: 'secret' }> };

export interface WriteOptions {
  /** A comment before the root element. */
  readonly comment?: string;
  /** A complete `<cib>` with an empty status section, or the bare `<configuration>`. */
  readonly full: boolean;
}

/** Offsets in the text: from the start of the first line to the end of the last (its line feed included). */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** A written CIB and where its parts are in the text. */
export interface CibText {
  readonly text: string;
  readonly resources: TextSpan;
  readonly constraints: TextSpan;
  /** The comment lines that stand where secret nvpairs would be, in the order of the text. */
  readonly secrets: readonly (TextSpan & { readonly pair: SecretPair })[];
}

// Attribute values are escaped by the writer (xml-writer.ts): & < > " as entities, and tab, line
// feed and carriage return as character references (every XML parser turns raw ones into spaces).
// Text XML cannot carry at all is refused here (check reports it as HA003 first).

/** Text for the document, refused when XML cannot carry it. */
function checked(s: string): string {
  const bad = firstXmlInvalidChar(s);
  if (bad >= 0) {
    throw new Error(`cannot write ${JSON.stringify(s)} into cib.xml: XML cannot carry ${codePointName(s, bad)} (check reports it as HA003)`);
  }
  return s;
}

/** An element whose attribute values (at the odd places of `attrs`) are checked. */
function ele(parent: XmlParent, tag: string, attrs?: XmlAttributes): XmlParent {
  if (attrs) for (let i = 1; i < attrs.length; i += 2) checked(attrs[i]!);
  return parent.ele(tag, attrs);
}


/** Text for an XML comment, which cannot hold `--` nor end with `-`: a space goes after such a `-`. */
export function commentText(s: string): string {
  return checked(s).replace(/-(?=-|$)/g, '- ');
}

/** The comment that stands where a secret nvpair would be. */
export function secretComment(name: string, value: Extract<CibValue, { kind: 'secret' }>): string {
  return commentText(` ${name}: set by the setup script from ${value.scheme}:${value.ref} `);
}

/** The `description` attribute of what has one. */
function described(o: { readonly description?: string }): string[] {
  return o.description !== undefined ? ['description', o.description] : [];
}

/** Where a child of `parent` would start; -1 where the document keeps no offsets. */
function offset(parent: XmlParent): number {
  return parent.offset ? parent.offset() : -1;
}

class CibWriter {
  resourcesSpan: TextSpan = { start: -1, end: -1 };
  constraintsSpan: TextSpan = { start: -1, end: -1 };
  readonly secrets: (TextSpan & { readonly pair: SecretPair })[] = [];

  nvset(parent: XmlParent, tag: string, set: NvSet | undefined): void {
    if (!set || (set.pairs.length === 0 && isPlainSet(set))) return;
    const el = ele(parent, tag, ['id', set.id, ...(set.score !== undefined ? ['score', set.score] : [])]);
    if (set.rule) this.rule(el, set.rule);
    for (const p of set.pairs) {
      if (p.value.kind === 'secret') {
        const start = offset(el);
        el.com(secretComment(p.name, p.value));
        this.secrets.push({ start, end: offset(el), pair: { ...p, value: p.value } });
      } else ele(el, 'nvpair', ['id', p.id, 'name', p.name, 'value', p.value.text]);
    }
  }

  /** An owner's sets after its first of each element: sets of their own, and references. */
  extraSets(parent: XmlParent, sets: readonly ExtraSet[] | undefined): void {
    for (const x of sets ?? []) {
      if ('idRef' in x) ele(parent, x.element, ['id-ref', x.idRef]);
      else this.nvset(parent, x.element, x.set);
    }
  }

  op(parent: XmlParent, o: CibOp): void {
    const attrs = ['id', o.id, 'name', o.name];
    if (o.interval !== undefined) attrs.push('interval', o.interval);
    for (const [k, v] of o.attrs) attrs.push(k, v);
    const el = ele(parent, 'op', attrs);
    this.nvset(el, 'instance_attributes', o.instanceAttributes);
    this.nvset(el, 'meta_attributes', o.metaAttributes);
  }

  /** A `<primitive>`, or (`tag`) a `<template>`. */
  primitive(parent: XmlParent, p: CibPrimitive, tag: 'primitive' | 'template' = 'primitive'): void {
    const agent = p.provider !== undefined ? ['class', p.class, 'provider', p.provider, 'type', p.type] : ['class', p.class, 'type', p.type];
    const el = ele(parent, tag, ['id', p.id, ...(p.template !== undefined ? ['template', p.template] : agent), ...described(p)]);
    this.nvset(el, 'instance_attributes', p.instanceAttributes);
    this.nvset(el, 'meta_attributes', p.metaAttributes);
    if (p.operationsRef !== undefined) ele(el, 'operations', ['id-ref', p.operationsRef]);
    else if (p.operations.length > 0 || p.operationsId !== undefined) {
      const ops = ele(el, 'operations', p.operationsId !== undefined ? ['id', p.operationsId] : []);
      for (const o of p.operations) this.op(ops, o);
    }
    // After the operations: where pcs (resource utilization) and cibadmin --modify add them to a
    // primitive that exists.
    this.nvset(el, 'utilization', p.utilization);
    this.extraSets(el, p.extraSets);
  }

  resource(parent: XmlParent, r: CibResource): void {
    switch (r.kind) {
      case 'primitive':
        return this.primitive(parent, r);
      case 'group': {
        const g = ele(parent, 'group', ['id', r.id, ...described(r)]);
        for (const m of r.children) this.primitive(g, m);
        this.nvset(g, 'instance_attributes', r.instanceAttributes);
        this.nvset(g, 'meta_attributes', r.metaAttributes);
        return this.extraSets(g, r.extraSets);
      }
      case 'clone': {
        // The child first, then the clone's own meta attributes, as pcs writes them.
        const c = ele(parent, r.tag, ['id', r.id, ...described(r)]);
        this.resource(c, r.child);
        this.nvset(c, 'instance_attributes', r.instanceAttributes);
        this.nvset(c, 'meta_attributes', r.metaAttributes);
        return this.extraSets(c, r.extraSets);
      }
      case 'bundle': {
        // pcs's order (resource bundle create, then the primitive): container, network, storage, meta;
        // crmsh puts the primitive before the meta.
        const b = ele(parent, 'bundle', ['id', r.id, ...described(r)]);
        ele(b, r.container.type, r.container.attrs.flat());
        if (r.network) {
          const n = ele(b, 'network', r.network.attrs.flat());
          for (const m of r.network.portMappings) ele(n, 'port-mapping', m.flat());
        }
        if (r.storage) {
          const st = ele(b, 'storage');
          for (const m of r.storage) ele(st, 'storage-mapping', m.flat());
        }
        if (r.child && r.childFirst) this.primitive(b, r.child);
        this.nvset(b, 'meta_attributes', r.metaAttributes);
        this.extraSets(b, r.extraSets);
        if (r.child && !r.childFirst) this.primitive(b, r.child);
        return;
      }
      default:
        return assertNever(r);
    }
  }

  resources(parent: XmlParent, resources: readonly CibResource[], templates: readonly CibPrimitive[] = []): void {
    const el = ele(parent, 'resources');
    for (const t of templates) this.primitive(el, t, 'template');
    for (const r of resources) this.resource(el, r);
  }

  constraint(parent: XmlParent, c: CibConstraint): void {
    const attrs = ['id', c.id];
    switch (c.kind) {
      case 'rsc_location':
        if (c.rsc !== undefined) attrs.push('rsc', c.rsc);
        if (c.node !== undefined) attrs.push('node', c.node);
        if (c.score !== undefined) attrs.push('score', c.score);
        break;
      case 'rsc_colocation':
        if (c.rsc !== undefined) attrs.push('rsc', c.rsc);
        if (c.withRsc !== undefined) attrs.push('with-rsc', c.withRsc);
        attrs.push('score', c.score);
        break;
      case 'rsc_order':
        if (c.first !== undefined) attrs.push('first', c.first);
        if (c.firstAction !== undefined) attrs.push('first-action', c.firstAction);
        if (c.then !== undefined) attrs.push('then', c.then);
        if (c.thenAction !== undefined) attrs.push('then-action', c.thenAction);
        break;
      case 'rsc_ticket':
        attrs.push('ticket', c.ticket);
        if (c.rsc !== undefined) attrs.push('rsc', c.rsc);
        break;
      default:
        assertNever(c);
    }
    for (const [k, v] of c.attrs) attrs.push(k, v);
    const el = ele(parent, c.kind, attrs);
    for (const set of c.sets) {
      const s = ele(el, 'resource_set', ['id', set.id, ...set.attrs.flat()]);
      for (const ref of set.refs) ele(s, 'resource_ref', ['id', ref]);
    }
    if (c.kind === 'rsc_location') for (const r of c.rules) this.rule(el, r);
  }

  rule(parent: XmlParent, r: CibRule): void {
    const el = ele(parent, 'rule', ['id', r.id, ...r.attrs.flat()]);
    for (const child of r.children) {
      if (child.kind === 'rule') this.rule(el, child);
      else {
        const e = ele(el, child.kind, ['id', child.id, ...child.attrs.flat()]);
        if (child.kind === 'date_expression' && child.part) ele(e, child.part.kind, ['id', child.part.id, ...child.part.attrs.flat()]);
      }
    }
  }

  node(parent: XmlParent, n: CibNode): void {
    const el = ele(parent, 'node', ['id', n.id, 'uname', n.uname, ...(n.type !== undefined ? ['type', n.type] : []), ...(n.score !== undefined ? ['score', n.score] : []), ...described(n)]);
    this.nvset(el, 'instance_attributes', n.instanceAttributes);
    this.nvset(el, 'utilization', n.utilization);
    this.extraSets(el, n.extraSets);
  }

  tag(parent: XmlParent, t: CibTag): void {
    const el = ele(parent, 'tag', ['id', t.id]);
    for (const ref of t.refs) ele(el, 'obj_ref', ['id', ref]);
  }

  fencingLevel(parent: XmlParent, l: CibFencingLevel): void {
    ele(parent, 'fencing-level', ['id', l.id, ...l.target.flat(), 'index', l.index, 'devices', l.devices]);
  }

  alert(parent: XmlParent, a: CibAlert): void {
    const el = ele(parent, 'alert', ['id', a.id, 'path', a.path]);
    this.nvset(el, 'meta_attributes', a.metaAttributes);
    this.nvset(el, 'instance_attributes', a.instanceAttributes);
    if (a.select) {
      const select = ele(el, 'select');
      for (const k of selectedFlags(a.select)) ele(select, SELECT_ELEMENTS[k]);
      if (a.select.attributes) {
        const attributes = ele(select, SELECT_ELEMENTS.attributes);
        for (const x of a.select.attributes) ele(attributes, 'attribute', ['id', x.id, 'name', x.name]);
      }
    }
    for (const r of a.recipients) {
      const rel = ele(el, 'recipient', ['id', r.id, 'value', r.value]);
      this.nvset(rel, 'meta_attributes', r.metaAttributes);
      this.nvset(rel, 'instance_attributes', r.instanceAttributes);
    }
  }

  constraints(parent: XmlParent, constraints: readonly CibConstraint[]): void {
    const el = ele(parent, 'constraints');
    for (const c of constraints) this.constraint(el, c);
  }

  configuration(parent: XmlParent, conf: CibConfiguration): void {
    const el = ele(parent, 'configuration');
    const crm = ele(el, 'crm_config');
    for (const set of conf.crmConfig) this.nvset(crm, 'cluster_property_set', set);
    const nodes = ele(el, 'nodes');
    for (const n of conf.nodes) this.node(nodes, n);
    const resources = offset(el);
    this.resources(el, conf.resources, conf.templates);
    const constraints = offset(el);
    this.constraints(el, conf.constraints);
    this.resourcesSpan = { start: resources, end: constraints };
    this.constraintsSpan = { start: constraints, end: offset(el) };
    if (conf.rscDefaults) {
      const d = ele(el, 'rsc_defaults');
      for (const set of conf.rscDefaults) this.nvset(d, 'meta_attributes', set);
    }
    if (conf.opDefaults) {
      const d = ele(el, 'op_defaults');
      for (const set of conf.opDefaults) this.nvset(d, 'meta_attributes', set);
    }
    if (conf.fencingTopology) {
      const t = ele(el, 'fencing-topology');
      for (const l of conf.fencingTopology) this.fencingLevel(t, l);
    }
    // After the levels: setup.sh makes the sections in this order in an empty CIB.
    if (conf.tags) {
      const t = ele(el, 'tags');
      for (const tag of conf.tags) this.tag(t, tag);
    }
    if (conf.alerts) {
      const list = ele(el, 'alerts');
      for (const a of conf.alerts) this.alert(list, a);
    }
    if (conf.acls) {
      const list = ele(el, 'acls');
      for (const a of conf.acls) this.acl(list, a);
    }
  }

  acl(parent: XmlParent, a: CibAcl): void {
    if (a.kind === 'acl_role') {
      const role = ele(parent, 'acl_role', ['id', a.id, ...(a.description !== undefined ? ['description', a.description] : [])]);
      for (const p of a.permissions) ele(role, 'acl_permission', ['id', p.id, 'kind', p.kind, ...p.attrs.flat()]);
      return;
    }
    const target = ele(parent, a.kind, ['id', a.id, ...(a.name !== undefined ? ['name', a.name] : [])]);
    for (const r of a.roles) ele(target, 'role', ['id', r]);
  }
}

/**
 * One element as cib.xml writes it, alone and on one line: what setup.sh creates in its CIB copy
 * with cibadmin. (A line break in a value is a character reference, so only the indentation
 * between elements goes.) Secrets must have become literals (placeholders) by then.
 */
function fragment(write: (writer: CibWriter, doc: XmlParent) => void): string {
  const doc = createXml();
  const writer = new CibWriter();
  write(writer, doc);
  if (writer.secrets.length > 0) throw new Error('a CIB fragment with a secret in it: give the secret a placeholder first');
  return (doc.text ? doc.text() : doc.end())
    .split('\n')
    .map((line) => line.trim())
    .join('');
}

/** A constraint as cib.xml has it. */
export function constraintXml(c: CibConstraint): string {
  return fragment((w, doc) => w.constraint(doc, c));
}

/** An attribute set as cib.xml has it (secrets must be placeholders). */
export function nvsetXml(tag: string, set: NvSet): string {
  return fragment((w, doc) => w.nvset(doc, tag, set));
}

/**
 * What a resource's (or a template's) create command does not write: its description, a reference to another's
 * operations, a primitive's utilization, the sets after its first of each element, in cib.xml's
 * order, inside an element with its id alone: what `cibadmin --modify` merges into the resource
 * (appended after what it has). Undefined when it has none.
 */
export function resourceSetsXml(r: CibResource, tag: string = r.kind === 'clone' ? r.tag : r.kind, mapSet: (set: NvSet) => NvSet = (set) => set): string | undefined {
  const [utilization, operationsRef] = r.kind === 'primitive' ? [r.utilization, r.operationsRef] : [undefined, undefined];
  if (!utilization && !r.extraSets?.length && operationsRef === undefined && r.description === undefined) return undefined;
  return fragment((w, doc) => {
    const el = ele(doc, tag, ['id', r.id, ...described(r)]);
    if (operationsRef !== undefined) ele(el, 'operations', ['id-ref', operationsRef]);
    w.nvset(el, 'utilization', utilization && mapSet(utilization));
    w.extraSets(el, r.extraSets?.map((x) => ('set' in x ? { ...x, set: mapSet(x.set) } : x)));
  });
}

/** A resource as cib.xml has it (secrets must be placeholders). */
export function resourceXml(r: CibResource): string {
  return fragment((w, doc) => w.resource(doc, r));
}

/** An ACL role, user or group as cib.xml has it. */
export function aclXml(a: CibAcl): string {
  return fragment((w, doc) => w.acl(doc, a));
}

/** A `<node>` as cib.xml has it. */
export function nodeXml(n: CibNode): string {
  return fragment((w, doc) => w.node(doc, n));
}

/** A `<tag>` as cib.xml has it. */
export function tagXml(t: CibTag): string {
  return fragment((w, doc) => w.tag(doc, t));
}

/** A `<fencing-level>` as cib.xml has it. */
export function fencingLevelXml(l: CibFencingLevel): string {
  return fragment((w, doc) => w.fencingLevel(doc, l));
}

/** An `<alert>` as cib.xml has it (its secrets placeholders). */
export function alertXml(a: CibAlert): string {
  return fragment((w, doc) => w.alert(doc, a));
}

/**
 * A CIB as XML into `doc`: the string writer of xml-writer.ts, or in the tests the xmlbuilder2
 * document it replaced (test/unit/xml.test.ts requires the same text from both). The spans are -1
 * where `doc` keeps no offsets.
 */
export function writeCibIn(doc: XmlDocument, cib: Cib, options: WriteOptions): CibText {
  const writer = new CibWriter();
  if (options.comment !== undefined) doc.com(commentText(options.comment));
  if (options.full) {
    const root = ele(doc, 'cib', [...(cib.validateWith !== undefined ? ['validate-with', cib.validateWith] : []), 'admin_epoch', '0', 'epoch', '1', 'num_updates', '0']);
    writer.configuration(root, cib.configuration);
    ele(root, 'status');
  } else {
    writer.configuration(doc, cib.configuration);
  }
  const text = doc.text ? doc.text() : `${doc.end()}\n`;
  return { text, resources: writer.resourcesSpan, constraints: writer.constraintsSpan, secrets: writer.secrets };
}

/** A CIB as XML, `<configuration>` alone or a whole `<cib>` (for crm_verify and crm_simulate), and where its parts are. */
export function writeCibText(cib: Cib, options: WriteOptions): CibText {
  return writeCibIn(createXml(XML_DECLARATION), cib, options);
}

/** A CIB as XML: `<configuration>` alone, or a whole `<cib>` for crm_verify and crm_simulate. */
export function writeCib(cib: Cib, options: WriteOptions): string {
  return writeCibText(cib, options).text;
}
