// crm.conf: the configuration in crmsh's own language, for SUSE (`crm configure load update`).
// Written from the CIB model, like cib.xml, so the two agree on every id and value: every set, op
// and constraint is given the CIB's id (`$id=` on a set, `id=` on an op), so crmsh derives nothing
// of its own. Nodes are not written: they are the cluster's (corosync gives their ids as they join).
//
// Syntax, checked against the installed crmsh (4.4.1) by loading into a scratch CIB: a value is
// bare when it holds only word characters, else double-quoted with `\` before `"` and `\`; `op NAME
// … id=ID` sets the op's id; `op_params`/`op_meta` hold an op's own sets; `location ID RSC
// [role=R] [resource-discovery=D] SCORE: NODE`; `colocation ID SCORE: RSC[:ROLE] WITH[:ROLE]`
// (the first is the CIB's rsc); `order ID [KIND:] FIRST[:ACTION] THEN[:ACTION] [symmetrical=B]`.
//
// What crm.conf does not carry, setup.sh sets in the same offline copy with cibadmin before its
// one push (afterLoad lists it):
// - secrets: never written anywhere hacc writes; crm.conf holds SECRET_PLACEHOLDER (its notes say whose);
// - an nvpair crmsh cannot make exactly: crmsh names every nvpair SET-NAME itself (so no other id,
//   such as `$id.NAME=` or an imported one), refuses a name that makes no valid id that way (its
//   is_id_valid: `^[A-Za-z_][\w._-]*$`; it fails with a Python NameError on `x~y`, crmsh 4.4.1),
//   stores text with a character outside ASCII as the characters of an XML reference (`é`
//   becomes the seven characters `&#233;`), and fails on a value that ends in `\` or holds `\"`
//   ("No closing quotation": it writes each value back for itself quoted without escaping `\`,
//   cliformat.quote_wrap, the same in 4.6 and 5.0, and reads that with shlex). Seen with the
//   installed crmsh 4.4.1 against scratch CIBs; any text with a `\` is left to cibadmin. And a
//   `name=value` token that ends in `:` right after `$id=` is read as the set's score (parse.py's
//   _SCORE_RE, `([^:]+):$`, the same in 5.0): text ending in `:` is left to cibadmin too. From the
//   first such nvpair of a set on, crm.conf leaves the set's pairs out and setup.sh appends them,
//   in order, with `cibadmin --modify` (which adds the children it does not find), so the set ends
//   up exactly as cib.xml has it;
// - an op attribute with such text (a description): left out, and set on the op by id.

import { assertNever } from '../assert-never.js';
import { agentName, attrValue as attr, cibPrimitives, cibPrimitivesAndTemplates, cibResources, toolSet, type CibBundle, type CibConfiguration, type CibConstraint, type CibOp, type CibTicket, type CibPrimitive, type CibResource, type NvPair, type NvSet, type XmlAttr } from '../cib/model.js';
import { crmshWritesBundle, crmshWritesConstraint, idsAfterCrmLoad, type Lowered } from '../lower/lower.js';
import type { Artifact } from './artifact.js';
import { SECRET_PLACEHOLDER, secretLabel } from './shell.js';

export const CRM_CONF_PATH = 'crm.conf';

/** What setup.sh sets in the copy after `crm configure load update`, in this order. */
export type AfterLoad =
  /** The nvpairs of a set from the first one crmsh cannot make exactly: appended with cibadmin (secrets as placeholders). */
  | { readonly kind: 'append'; readonly tag: SetTag; readonly set: NvSet; readonly pairs: readonly NvPair[] }
  /** Attributes of an op whose text crmsh would alter: set on the element with that id. */
  | { readonly kind: 'attrs'; readonly tag: 'op' | 'rsc_colocation' | 'rsc_order'; readonly id: string; readonly attrs: readonly XmlAttr[] }
  /** A secret's value, read when the script runs. */
  | { readonly kind: 'secret'; readonly pair: NvPair & { readonly value: Extract<NvPair['value'], { kind: 'secret' }> } };

/** The CIB element of a set, as cibadmin needs it. */
export type SetTag = 'cluster_property_set' | 'meta_attributes' | 'instance_attributes';

/** Text crmsh stores as written: ASCII without a backslash, not ending in `:` (see the header). */
// eslint-disable-next-line no-control-regex
const crmshKeeps = (text: string) => /^[\u0000-\u005b\u005d-\u007f]*$/.test(text) && !text.endsWith(':');

/** crmsh's own test for an id it derives (crmsh utils.is_id_valid), ASCII only. */
const CRMSH_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Whether crmsh makes this nvpair exactly from `name=value` in set SET (see the header). */
function crmshMakes(set: NvSet, pair: NvPair): boolean {
  const id = `${set.id}-${pair.name}`;
  return pair.id === id && CRMSH_ID.test(id) && (pair.value.kind === 'secret' || crmshKeeps(pair.value.text));
}

/** How many of a set's nvpairs crm.conf writes: those before the first crmsh cannot make. */
function carried(set: NvSet): number {
  const k = set.pairs.findIndex((p) => !crmshMakes(set, p));
  return k < 0 ? set.pairs.length : k;
}

/** Every set of a configuration with its element, in document order. */
function setsOf(conf: CibConfiguration): { readonly tag: SetTag; readonly set: NvSet }[] {
  const out: { tag: SetTag; set: NvSet }[] = [];
  const add = (tag: SetTag, set: NvSet | undefined) => {
    if (set) out.push({ tag, set });
  };
  add('cluster_property_set', toolSet(conf.crmConfig).plain);
  add('meta_attributes', toolSet(conf.rscDefaults).plain);
  add('meta_attributes', toolSet(conf.opDefaults).plain);
  const resource = (r: CibResource): void => {
    switch (r.kind) {
      case 'primitive':
        add('instance_attributes', r.instanceAttributes);
        add('meta_attributes', r.metaAttributes);
        for (const op of r.operations) {
          add('instance_attributes', op.instanceAttributes);
          add('meta_attributes', op.metaAttributes);
        }
        return;
      case 'group':
        r.children.forEach(resource);
        add('instance_attributes', r.instanceAttributes);
        return add('meta_attributes', r.metaAttributes);
      case 'clone':
        resource(r.child);
        add('instance_attributes', r.instanceAttributes);
        return add('meta_attributes', r.metaAttributes);
      case 'bundle':
        // (One crm.conf leaves out goes in whole as XML, secrets and all: bundlesAsXml.)
        if (!crmshWritesBundle(r)) return;
        if (r.child) resource(r.child);
        return add('meta_attributes', r.metaAttributes);
      default:
        return assertNever(r);
    }
  };
  (conf.templates ?? []).forEach(resource);
  conf.resources.forEach(resource);
  return out;
}

/** What setup.sh sets after the load: the sets' remainders, then every secret. */
export function afterLoad(conf: CibConfiguration): AfterLoad[] {
  const sets = setsOf(conf);
  const appends: AfterLoad[] = sets.flatMap(({ tag, set }) => {
    const k = carried(set);
    return k < set.pairs.length ? [{ kind: 'append' as const, tag, set, pairs: set.pairs.slice(k) }] : [];
  });
  const attrs: AfterLoad[] = cibPrimitivesAndTemplates(conf).flatMap((p) =>
    p.operations.flatMap((op) => {
      const later = op.attrs.filter(([, value]) => !crmshKeeps(value));
      return later.length > 0 ? [{ kind: 'attrs' as const, tag: 'op' as const, id: op.id, attrs: later }] : [];
    }),
  );
  // crmsh 4.4's colocation takes node-attribute only (and lowercases its value), its order neither
  // influence nor require-all (parse.py): cibadmin sets them on the constraint crm.conf made.
  const asXml = constraintsAsXml(conf);
  const constraintAttrs: AfterLoad[] = conf.constraints.flatMap((c) => {
    if (c.kind === 'rsc_location' || c.kind === 'rsc_ticket' || asXml.has(c)) return [];
    const later = c.attrs.filter(([name]) => CIBADMIN_CONSTRAINT_ATTRS.includes(name));
    return later.length > 0 ? [{ kind: 'attrs' as const, tag: c.kind, id: c.id, attrs: later }] : [];
  });
  const secrets: AfterLoad[] = sets.flatMap(({ set }) => set.pairs.flatMap((pair) => (pair.value.kind === 'secret' ? [{ kind: 'secret' as const, pair: { ...pair, value: pair.value } }] : [])));
  return [...appends, ...attrs, ...constraintAttrs, ...secrets];
}

const BARE = /^[A-Za-z0-9_.:/@%+-]+$/;

/** A value as crmsh reads it back exactly. */
function crmValue(text: string): string {
  return BARE.test(text) ? text : `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function pairText(pair: NvPair): string {
  return `${pair.name}=${pair.value.kind === 'literal' ? crmValue(pair.value.text) : SECRET_PLACEHOLDER}`;
}

/** `KEYWORD $id=ID k=v …` with the pairs crmsh makes exactly (the rest: afterLoad), or nothing for an absent set. */
function setText(keyword: string, set: NvSet | undefined): string[] {
  if (!set) return [];
  return [`${keyword} $id=${set.id}${set.pairs.slice(0, carried(set)).map((p) => ` ${pairText(p)}`).join('')}`];
}

function attrsText(attrs: readonly XmlAttr[]): string {
  return attrs.map(([name, value]) => ` ${name}=${crmValue(value)}`).join('');
}

function opText(op: CibOp): string {
  const interval = op.interval !== undefined ? ` interval=${crmValue(op.interval)}` : '';
  const sets = [...setText('op_params', op.instanceAttributes), ...setText('op_meta', op.metaAttributes)].map((s) => ` ${s}`).join('');
  return `op ${op.name}${interval}${attrsText(op.attrs.filter(([, value]) => crmshKeeps(value)))} id=${op.id}${sets}`;
}

/** What setup.sh sets after the load, one comment line each. */
function afterLoadNotes(conf: CibConfiguration): string[] {
  // Fencing levels and alerts: crmsh's fencing_topology and alert statements name their parts
  // themselves, so setup.sh creates them as cib.xml has them.
  const levels = (conf.fencingTopology ?? []).map((l) => `#   fencing level ${l.id} (as XML, with its id)`);
  const alerts = (conf.alerts ?? []).map((a) => `#   alert ${a.id} (as XML, with its recipients' ids)`);
  const tags = (conf.tags ?? []).map((t) => `#   tag ${t.id} (as XML)`);
  const sets = [
    ...[conf.crmConfig, conf.rscDefaults, conf.opDefaults].flatMap((list) => toolSet(list).others.map((set) => `#   set ${set.id} (as XML, with its score or rule)`)),
    ...[...(conf.templates ?? []), ...cibResources(conf)].flatMap((r) => [
      ...(r.kind === 'primitive' && r.operationsRef !== undefined ? [`#   ${r.id}: operations id-ref=${r.operationsRef} (as XML)`] : []),
      ...(r.kind === 'primitive' && r.utilization ? [`#   ${r.id}: utilization (as XML)`] : []),
      ...(r.description !== undefined ? [`#   ${r.id}: description (as XML)`] : []),
      ...(r.extraSets ?? []).map((x) => ('set' in x ? `#   ${r.id}: set ${x.set.id} (as XML)` : `#   ${r.id}: ${x.element} id-ref=${x.idRef} (as XML)`)),
    ]),
  ];
  const bundles = bundlesAsXml(conf).map((b) => `#   bundle ${b.id} (as XML${b.child ? `, with its primitive ${b.child.id}` : ''}: crmsh takes docker in every version, podman only from 4.6.1, rkt only before it)`);
  const locations = [...constraintsAsXml(conf)].map((c) => `#   ${c.kind.slice(4)} ${c.id} (as XML${c.kind === 'rsc_ticket' ? '' : `, with the ids of its ${c.kind === 'rsc_location' ? 'rules' : 'sets'}`})`);
  return [...sets, ...bundles, ...tags, ...locations, ...levels, ...alerts, ...afterLoad(conf).map((x) => {
    switch (x.kind) {
      case 'secret':
        return `#   ${x.pair.id}: the secret ${secretLabel(x.pair.value)} (crm.conf holds ${SECRET_PLACEHOLDER})`;
      case 'append':
        return `#   ${x.set.id}: ${x.pairs.map((p) => p.name).join(', ')} (ids or text crmsh would not make as they are)`;
      case 'attrs':
        return x.tag === 'op'
          ? `#   op ${x.id}: ${x.attrs.map(([name]) => name).join(', ')} (text crmsh would not keep as it is)`
          : `#   ${x.tag} ${x.id}: ${x.attrs.map(([name]) => name).join(', ')} (attributes crmsh's constraint syntax does not carry as they are)`;
      default:
        return assertNever(x);
    }
  })];
}

/** A statement over several lines, joined with crmsh's ` \` continuation. */
function statement(head: string, parts: readonly string[]): string {
  return [head, ...parts].join(' \\\n\t');
}

/**
 * `primitive ID AGENT|@TEMPLATE …` or `rsc_template ID AGENT …`: its first sets, `operations $id=`,
 * its ops. A reference to another's operations is left to setup.sh (crmsh 4.4.1 makes it, but
 * reports "Reference not found" for an id its own load creates).
 */
function primitiveText(p: CibPrimitive, keyword: 'primitive' | 'rsc_template' = 'primitive'): string {
  const parts = [...setText('params', p.instanceAttributes), ...setText('meta', p.metaAttributes), ...(p.operationsId !== undefined ? [`operations $id=${p.operationsId}`] : []), ...p.operations.map(opText)];
  return statement(`${keyword} ${p.id} ${p.template !== undefined ? `@${p.template}` : agentName(p)}`, parts);
}

function resourceText(r: CibResource): string[] {
  switch (r.kind) {
    case 'primitive':
      return [primitiveText(r)];
    case 'group':
      return [...r.children.map((c) => primitiveText(c)), statement(`group ${r.id} ${r.children.map((c) => c.id).join(' ')}`, [...setText('params', r.instanceAttributes), ...setText('meta', r.metaAttributes)])];
    case 'clone':
      // `ms` is crmsh's word for <master>, which only Pacemaker 1.1 writes (no SUSE platform of hacc's).
      return [...resourceText(r.child), statement(`${r.tag === 'master' ? 'ms' : 'clone'} ${r.id} ${r.child.id}`, [...setText('params', r.instanceAttributes), ...setText('meta', r.metaAttributes)])];
    case 'bundle': {
      // crmsh's bundle: the container, network with its port-mappings, storage with its
      // storage-mappings (every id written: crmsh derives none), the primitive by name, meta.
      const parts = [
        `${r.container.type}${attrsText(r.container.attrs)}`,
        ...(r.network ? [`network${attrsText(r.network.attrs)}`, ...r.network.portMappings.map((m) => `port-mapping${attrsText(m)}`)] : []),
        ...(r.storage ? ['storage', ...r.storage.map((m) => `storage-mapping${attrsText(m)}`)] : []),
        ...(r.child ? [`primitive ${r.child.id}`] : []),
        ...setText('meta', r.metaAttributes),
      ];
      return [...(r.child ? [primitiveText(r.child)] : []), statement(`bundle ${r.id}`, parts)];
    }
    default:
      return assertNever(r);
  }
}

/** The bundles crm.conf leaves to setup.sh, which adds them whole as XML after the load (crmshWritesBundle). */
export function bundlesAsXml(conf: CibConfiguration): CibBundle[] {
  return conf.resources.filter((r): r is CibBundle => r.kind === 'bundle' && !crmshWritesBundle(r));
}

/** The constraints crm.conf leaves to setup.sh, which creates them as cib.xml has them (lower.ts decides, and orders them so). */
export function constraintsAsXml(conf: CibConfiguration): Set<CibConstraint> {
  const later = idsAfterCrmLoad(conf);
  return new Set(conf.constraints.filter((c) => !crmshWritesConstraint(c, later)));
}

/** Constraint attributes crm.conf leaves to cibadmin (afterLoad). */
const CIBADMIN_CONSTRAINT_ATTRS = ['node-attribute', 'influence', 'require-all'];

const without = (attrs: readonly XmlAttr[], ...names: string[]) => attrs.filter(([n]) => !names.includes(n));

/** A constraint in crmsh's language (one crmshWritesConstraint passes: never a ticket). */
function constraintText(c: Exclude<CibConstraint, CibTicket>): string {
  switch (c.kind) {
    case 'rsc_location':
      return `location ${c.id} ${c.rsc}${attrsText(c.attrs)} ${c.score}: ${c.node}`;
    case 'rsc_colocation': {
      const role = (name: string) => (attr(c.attrs, name) !== undefined ? `:${attr(c.attrs, name)}` : '');
      return `colocation ${c.id} ${c.score}: ${c.rsc}${role('rsc-role')} ${c.withRsc}${role('with-rsc-role')}${attrsText(without(c.attrs, 'rsc-role', 'with-rsc-role', ...CIBADMIN_CONSTRAINT_ATTRS))}`;
    }
    case 'rsc_order': {
      const kind = attr(c.attrs, 'kind');
      const action = (a: string | undefined) => (a !== undefined ? `:${a}` : '');
      return `order ${c.id} ${kind !== undefined ? `${kind}: ` : ''}${c.first}${action(c.firstAction)} ${c.then}${action(c.thenAction)}${attrsText(without(c.attrs, 'kind', ...CIBADMIN_CONSTRAINT_ATTRS))}`;
    }
    default:
      return assertNever(c);
  }
}

/**
 * crm.conf's text. Pure and deterministic. Its notes come last: crmsh keeps a comment that comes
 * before a statement as an XML comment in the CIB (seen with crmsh 4.4.1), and drops one after the
 * last statement.
 */
export function crmConf(lowered: Lowered): string {
  const conf = lowered.cib.configuration;
  const { cluster } = lowered;
  const asXml = constraintsAsXml(conf);
  // The plain set of each section; setup.sh adds the others (scores, rules) as XML.
  const sets = (keyword: string, list: readonly NvSet[] | undefined) => {
    const plain = toolSet(list).plain;
    return plain && plain.pairs.length > 0 ? [setText(keyword, plain)[0]!] : [];
  };
  const statements = [
    ...sets('property', conf.crmConfig),
    ...sets('rsc_defaults', conf.rscDefaults),
    ...sets('op_defaults', conf.opDefaults),
    ...(conf.templates ?? []).map((t) => primitiveText(t, 'rsc_template')),
    ...conf.resources.flatMap((r) => (r.kind === 'bundle' && !crmshWritesBundle(r) ? [] : resourceText(r))),
    ...conf.constraints.flatMap((c) => (c.kind === 'rsc_ticket' || asXml.has(c) ? [] : [constraintText(c)])),
  ];
  const agents = [...new Set(cibPrimitives(conf).map(agentName))].sort();
  const later = afterLoadNotes(conf);
  return [
    ...statements,
    '',
    `# crm.conf: the configuration of Pacemaker cluster '${cluster.name}' (${cluster.platform}) in crmsh's language,`,
    `# generated by hacc with cib.xml from the same plan; do not edit, regenerate it with 'hacc build'.`,
    `# setup.sh configure loads it into an offline copy of the CIB ('crm configure load update'), sets`,
    `# with cibadmin what it leaves out, and pushes the copy once.${later.length > 0 ? ' Left out:' : ''}`,
    ...later,
    `# Agents: ${agents.join(', ') || 'none'}.`,
    `# These notes come last: crmsh would keep a comment before a statement in the CIB.`,
    '',
  ].join('\n');
}

export function crmConfArtifact(lowered: Lowered): Artifact {
  return { path: CRM_CONF_PATH, contents: crmConf(lowered), mode: 0o644 };
}
