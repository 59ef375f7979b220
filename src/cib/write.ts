// A CIB as Pacemaker stores it. Secrets never appear: a secret nvpair is written as a comment naming
// where the setup script reads it from (the script creates the nvpair, with the id the CIB reserved
// for it), or, for the setup script's own copy, by a callback. Deterministic: element and attribute
// order are fixed by the model.

import { assertNever } from '../assert-never.js';
import { codePointName, firstXmlInvalidChar } from '../syntax/xml-chars.js';
import type { Cib, CibConfiguration, CibConstraint, CibOp, CibPrimitive, CibResource, CibValue, NvPair, NvSet } from './model.js';
import { createXml, type XmlDocument, type XmlParent } from './xml-writer.js';

export const XML_DECLARATION = { version: '1.0', encoding: 'UTF-8' } as const;

/** What stands where a secret nvpair would be. */
export type SecretWriter = (parent: XmlParent, pair: NvPair & { readonly value: Extract<CibValue, { kind: 'secret' }> }) => void;

export interface WriteOptions {
  /** A comment before the root element. */
  readonly comment?: string;
  /** A complete `<cib>` with an empty status section, or the bare `<configuration>`. */
  readonly full: boolean;
  /** How a secret nvpair is written; by default, as the comment secretComment gives. */
  readonly secret?: SecretWriter;
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

function ele(parent: XmlParent, tag: string, attrs: Record<string, string> = {}): XmlParent {
  for (const k in attrs) {
    checked(k);
    checked(attrs[k]!);
  }
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

const commentForSecret: SecretWriter = (parent, pair) => {
  parent.com(secretComment(pair.name, pair.value));
};

class CibWriter {
  constructor(private readonly secret: SecretWriter) {}

  nvset(parent: XmlParent, tag: string, set: NvSet | undefined): void {
    if (!set || set.pairs.length === 0) return;
    const el = ele(parent, tag, { id: set.id });
    for (const p of set.pairs) {
      if (p.value.kind === 'secret') this.secret(el, { ...p, value: p.value });
      else ele(el, 'nvpair', { id: p.id, name: p.name, value: p.value.text });
    }
  }

  op(parent: XmlParent, o: CibOp): void {
    const attrs: Record<string, string> = { id: o.id, name: o.name };
    if (o.interval !== undefined) attrs['interval'] = o.interval;
    for (const [k, v] of o.attrs) attrs[k] = v;
    const el = ele(parent, 'op', attrs);
    this.nvset(el, 'instance_attributes', o.instanceAttributes);
  }

  primitive(parent: XmlParent, p: CibPrimitive): void {
    const attrs: Record<string, string> = { id: p.id, class: p.class };
    if (p.provider !== undefined) attrs['provider'] = p.provider;
    attrs['type'] = p.type;
    const el = ele(parent, 'primitive', attrs);
    this.nvset(el, 'instance_attributes', p.instanceAttributes);
    this.nvset(el, 'meta_attributes', p.metaAttributes);
    if (p.operations.length > 0) {
      const ops = ele(el, 'operations');
      for (const o of p.operations) this.op(ops, o);
    }
  }

  resource(parent: XmlParent, r: CibResource): void {
    switch (r.kind) {
      case 'primitive':
        return this.primitive(parent, r);
      case 'group': {
        const g = ele(parent, 'group', { id: r.id });
        for (const m of r.children) this.primitive(g, m);
        return this.nvset(g, 'meta_attributes', r.metaAttributes);
      }
      default:
        return assertNever(r);
    }
  }

  /** The `<resources>` section alone (the setup script loads it as XML for a large configuration). */
  resources(parent: XmlParent, resources: readonly CibResource[]): void {
    const el = ele(parent, 'resources');
    for (const r of resources) this.resource(el, r);
  }

  constraint(parent: XmlParent, c: CibConstraint): void {
    const attrs: Record<string, string> = { id: c.id };
    switch (c.kind) {
      case 'rsc_location':
        Object.assign(attrs, { rsc: c.rsc, node: c.node, score: c.score });
        break;
      case 'rsc_colocation':
        Object.assign(attrs, { rsc: c.rsc, 'with-rsc': c.withRsc, score: c.score });
        break;
      case 'rsc_order':
        attrs['first'] = c.first;
        if (c.firstAction !== undefined) attrs['first-action'] = c.firstAction;
        attrs['then'] = c.then;
        if (c.thenAction !== undefined) attrs['then-action'] = c.thenAction;
        break;
      default:
        assertNever(c);
    }
    for (const [k, v] of c.attrs) attrs[k] = v;
    ele(parent, c.kind, attrs);
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
    for (const n of conf.nodes) ele(nodes, 'node', { id: n.id, uname: n.uname, ...(n.type !== undefined ? { type: n.type } : {}) });
    this.resources(el, conf.resources);
    this.constraints(el, conf.constraints);
    if (conf.rscDefaults) {
      const d = ele(el, 'rsc_defaults');
      for (const set of conf.rscDefaults) this.nvset(d, 'meta_attributes', set);
    }
    if (conf.opDefaults) {
      const d = ele(el, 'op_defaults');
      for (const set of conf.opDefaults) this.nvset(d, 'meta_attributes', set);
    }
  }
}

/**
 * A CIB as XML into `doc`: the string writer of xml-writer.ts, or in the tests the xmlbuilder2
 * document it replaced (test/unit/xml.test.ts requires the same text from both).
 */
export function writeCibIn(doc: XmlDocument, cib: Cib, options: WriteOptions): string {
  const writer = new CibWriter(options.secret ?? commentForSecret);
  if (options.comment !== undefined) doc.com(commentText(options.comment));
  if (options.full) {
    const root = ele(doc, 'cib', {
      ...(cib.validateWith !== undefined ? { 'validate-with': cib.validateWith } : {}),
      admin_epoch: '0',
      epoch: '1',
      num_updates: '0',
    });
    writer.configuration(root, cib.configuration);
    ele(root, 'status');
  } else {
    writer.configuration(doc, cib.configuration);
  }
  return doc.text ? doc.text() : `${doc.end()}\n`;
}

/** A CIB as XML: `<configuration>` alone, or a whole `<cib>` for crm_verify and crm_simulate. */
export function writeCib(cib: Cib, options: WriteOptions): string {
  return writeCibIn(createXml(XML_DECLARATION), cib, options);
}

/** One section of a configuration (`resources` or `constraints`) as an XML document of its own. */
export function writeSection(conf: CibConfiguration, section: 'resources' | 'constraints', secret?: SecretWriter): string {
  const doc = createXml();
  const writer = new CibWriter(secret ?? commentForSecret);
  if (section === 'resources') writer.resources(doc, conf.resources);
  else writer.constraints(doc, conf.constraints);
  return doc.text ? doc.text() : `${doc.end()}\n`;
}
