// Lowering: a checked model to the CIB model and the facts the setup script needs beyond the CIB.
// Every artifact is written from its result, so the CIB, the setup script and the summary cannot
// disagree about an id, a value or an op.
//
// Ids are derived the way pcs 0.11 derives them (`vip-instance_attributes`,
// `vip-instance_attributes-ip`, `vip-meta_attributes-target-role`, `vip-monitor-interval-10s`,
// `cib-bootstrap-options-NAME`, `rsc_defaults-meta_attributes-NAME`); constraints keep the ids the
// user gave them, and so do attribute sets written with `$id=`, ops with `id=` and nodes with `id=`
// (what `hacc import` writes where a cluster's ids are not the derived ones). Every derived id is
// allocated against every user id and every id allocated before it, and a taken id gets pcs's `-1`,
// `-2`… suffix, so the result never has duplicates. Default operations are ops.ts's.

import { corosyncSetup, sbdSetup, type CorosyncSetup, type SbdSetup } from './stack.js';
import { assertNever } from '../assert-never.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { PLATFORM_FACTS, type ConfigTool } from '../catalogue/platforms.js';
import type { Built, Cib, CibAcl, CibConfiguration, CibAlert, CibAlertSelect, CibBundle, CibClone, CibConstraint, CibFencingLevel, CibGroup, CibNode, CibOp, CibPrimitive, CibResource, CibResourceSet, CibValue, ExtraSet, NvSet, SetElement, XmlAttr } from '../cib/model.js';
import { constraintResourceIds, isPlainSet, literal } from '../cib/model.js';
import type { CheckedModel } from '../check/check.js';
import { usesCommandParamsOnUpstreamAnything } from '../check/agents.js';
import { paramFindings } from '../check/params.js';
import { BOOTSTRAP_SET_ID } from '../language/attribute-set.js';
import { PROMOTABLE_META, PROMOTED_META } from '../language/clone.js';
import { platformRole, type RoleSpelling } from '../language/roles.js';
import { bundleLineValues, isNodeId, REMOTE_AGENT, type AttrBag, type AttrBlock, type Bundle, type Clone, type Group, type Machine, type Primitive, type ResourceSetUse, type Template } from '../model/model.js';
import { PLATFORMS, roleSpelling, type PlatformName } from '../model/platforms.js';
import type * as A from '../syntax/ast.js';
import { IdAllocator } from './ids.js';
import { locationRule, setRule, type RuleTarget } from './rule.js';
import { SET_ID_SUFFIX } from '../language/resource-set.js';
import { defaultOps, explicitOp, type OpDraft } from './ops.js';

/** What the platform's Pacemaker accepts in a CIB. */
export interface CibTarget {
  /** The Pacemaker version hacc assumes for the platform. */
  readonly pacemaker: string;
  /** `validate-with` of a full CIB. */
  readonly schema: string;
  /** Role names: Promoted/Unpromoted (`current`, Pacemaker 2.1+) or Master/Slave (`legacy`). */
  readonly roles: RoleSpelling;
  /** The tool that loads the configuration (resourcesInToolOrder). */
  readonly tool: ConfigTool;
}

/**
 * What a CIB may contain on a platform: the schema PLATFORM_FACTS gives it, and the role names its
 * Pacemaker writes (Master/Slave before 2.0, on el6/el7; Promoted/Unpromoted from 2.1, which the
 * 3.x schemas need 3.7 for and every later platform has).
 */
export function cibTarget(platform: PlatformName): CibTarget {
  const facts = PLATFORM_FACTS[platform];
  return { pacemaker: facts.pacemaker, schema: facts.schema, roles: roleSpelling(platform), tool: facts.tool };
}

/** crmsh's creation order of the resource kinds hacc writes (crmsh xmlutil.py, _sort_xml_order). */
const CRMSH_KIND_ORDER: Readonly<Record<CibResource['kind'], number>> = { primitive: 0, group: 1, clone: 2, bundle: 3 };

/**
 * The top-level resources in the order the platform's tool leaves them in the CIB, so that
 * cib.xml is what the cluster will hold: pcs creates them in the file's order; crmsh creates the
 * objects it loads sorted by kind, primitives first, then groups, then clones, each kind in the
 * file's order (crmsh's and JavaScript's sorts are stable; crmsh xmlutil.processing_sort). The order only breaks ties between
 * resources of equal priority when Pacemaker places them.
 */
function resourcesInToolOrder(resources: readonly CibResource[], tool: ConfigTool): CibResource[] {
  if (tool === 'pcs') return [...resources];
  // The bundles crm.conf cannot write come last: setup.sh adds them after the load.
  const rank = (r: CibResource) => (r.kind === 'bundle' && !crmshWritesBundle(r) ? CRMSH_KIND_ORDER.bundle + 1 : CRMSH_KIND_ORDER[r.kind]);
  return [...resources].sort((a, b) => rank(a) - rank(b));
}

/**
 * Whether crmsh's own language writes a bundle: docker only. crmsh 4.4 to 4.6.0 know docker and
 * rkt, 4.6.1 and later docker and podman (crmsh parse.py, parse_bundle): setup.sh adds the others
 * as XML after the load.
 */
export function crmshWritesBundle(b: CibBundle): boolean {
  return b.container.type === 'docker';
}

/** The ids crm.conf cannot name, as setup.sh creates them after its load: tags, and bundles crmsh cannot write with their primitives. */
export function idsAfterCrmLoad(conf: Pick<CibConfiguration, 'resources' | 'tags'>): Set<string> {
  const bundles = conf.resources.filter((r): r is CibBundle => r.kind === 'bundle' && !crmshWritesBundle(r));
  return new Set([...(conf.tags ?? []).map((t) => t.id), ...bundles.flatMap((b) => [b.id, ...(b.child ? [b.child.id] : [])])]);
}

/**
 * Whether crmsh's own language (crm.conf) writes a constraint exactly: not a location with rules
 * (crmsh's rule syntax and ids are its own) or over a resource pattern, not one over resource sets
 * (crmsh names the sets itself), not a ticket (crmsh's rsc_ticket is not checked against the CIB it
 * writes), not one that names what setup.sh creates after crm.conf's load (`later`: idsAfterCrmLoad).
 * The others go in as XML after the load.
 */
export function crmshWritesConstraint(c: CibConstraint, later: ReadonlySet<string>): boolean {
  if (c.kind === 'rsc_ticket' || c.sets.length > 0 || (c.kind === 'rsc_location' && (c.rules.length > 0 || c.rsc === undefined))) return false;
  return !constraintResourceIds(c).some((id) => later.has(id));
}

/**
 * The constraints in the order the platform's tool leaves them in the CIB: pcs, the file's; crmsh,
 * those crm.conf loads first, then the ones setup.sh adds as XML after the load (each in the file's order).
 */
function constraintsInToolOrder(constraints: readonly CibConstraint[], later: ReadonlySet<string>, tool: ConfigTool): CibConstraint[] {
  if (tool === 'pcs') return [...constraints];
  return [...constraints.filter((c) => crmshWritesConstraint(c, later)), ...constraints.filter((c) => !crmshWritesConstraint(c, later))];
}

export const CIB_TARGETS: Readonly<Record<PlatformName, CibTarget>> = Object.fromEntries(PLATFORMS.map((p) => [p, cibTarget(p)])) as Record<PlatformName, CibTarget>;

export interface Addr {
  /** As written: `10.0.0.11/24`. */
  readonly text: string;
  /** The address alone: `10.0.0.11`. */
  readonly ip: string;
  readonly prefix?: number;
}

export interface SetupNode {
  readonly name: string;
  /** Corosync node id: `id=` when it is one, else the smallest free positive integer. */
  readonly id: number;
  /** The CIB `<node id>`: `id=` as written (any text: HA106 when it is no corosync id), else `id`. */
  readonly cibId: string;
  readonly addrs: readonly Addr[];
}

/** What the setup script and the summary need beyond the CIB: the cluster's machines and its pcsd user. */
export interface ClusterSetup {
  readonly name: string;
  readonly platform: PlatformName;
  readonly target: CibTarget;
  /** `authkey=file:PATH`: Pacemaker's remote key, copied as a file (it is binary). */
  readonly auth?: { readonly user: string; readonly password?: CibValue; readonly authkey?: string };
  /** The remote nodes (ocf:pacemaker:remote connections), which `setup.sh remote` sets up. */
  readonly remoteNodes: readonly string[];
  readonly nodes: readonly SetupNode[];
  /** The CIB ids the file writes below the statements (`$id=`, `$id.NAME=`, an op's `id=`…), which a tool deriving its own cannot give. */
  readonly explicitIds: ReadonlySet<string>;
  /**
   * Primitives whose params their agent's meta-data does not allow (a name it lacks, a required
   * one missing; the file silences HA203 or HA204), with the first such param: pcs refuses those
   * without --force, so the setup script loads the resources as XML.
   */
  readonly paramsAgentRefuses: ReadonlyMap<string, string>;
  readonly hosts: readonly { readonly name: string; readonly addrs: readonly Addr[] }[];
  /** The file has command resources: the generated agent is an artifact and is installed. */
  readonly usesCommandAgent: boolean;
  /** `autostart` (default true): the cluster is enabled at boot when created. */
  readonly autostart: boolean;
  /** corosync options and the quorum device (`corosync { }`, defaults applied by pcs). */
  readonly corosync: CorosyncSetup;
  /** `sbd { }`, when written. */
  readonly sbd?: SbdSetup;
}

/** A lowered cluster: what every artifact is written from. */
export interface Lowered {
  readonly cluster: ClusterSetup;
  readonly cib: Cib;
}

function valueOf(v: A.Value): CibValue {
  return v.secret ? { kind: 'secret', scheme: v.secret.scheme, ref: v.secret.ref } : literal(v.text);
}

/** `description "…"` as the element's description attribute. */
function described(o: { readonly description?: A.DescriptionLine }): { description?: string } {
  return o.description ? { description: o.description.value.text } : {};
}

function byName<T extends { readonly name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** name -> value of an attribute bag, in first-appearance order. */
function values(bag: Pick<AttrBag, 'values'>): Map<string, CibValue> {
  const out = new Map<string, CibValue>();
  // forEach: no entry array per value (a large file has tens of thousands).
  bag.values.forEach((a, name) => out.set(name, valueOf(a.value)));
  return out;
}

/** Whether names are in sort() order already: a sort would copy them (most sets are written sorted, most ops come sorted). */
function isSorted<T>(items: readonly T[], key: (item: T) => string): boolean {
  for (let i = 1; i < items.length; i++) if (key(items[i - 1]!) > key(items[i]!)) return false;
  return true;
}

class Lowering {
  private readonly ruleTarget: RuleTarget;

  constructor(
    private readonly ids: IdAllocator,
    private readonly catalogue: Catalogue,
    private readonly target: CibTarget,
  ) {
    this.ruleTarget = { ids, roles: target.roles, legacySchema: target.schema.startsWith('pacemaker-2.') };
  }

  /**
   * An nvset with pcs's ids; `sorted` orders nvpairs by name as pcs does for resources. The set's
   * id is allocated (or taken from `$id=`) even when it has no pairs, as pcs's would be.
   * `multi`: pcs 0.11's nvpair_multi (property set, resource [op] defaults update) cuts the name to
   * 20 characters in the nvpair id: cib-bootstrap-options-priority-fencing-del.
   */
  nvset(setId: string, pairs: Map<string, CibValue>, sorted: boolean, bag?: Pick<AttrBag, 'setId' | 'pairIds'>, multi = false): NvSet {
    const id = bag?.setId?.value.text ?? this.ids.allocate(setId);
    // Ids are allocated in the pairs' final order (a clash takes -1 in that order). Names are unique,
    // and sort() orders strings as byName does.
    const names = [...pairs.keys()];
    if (sorted && !isSorted(names, (n) => n)) names.sort();
    return {
      id,
      pairs: names.map((name) => ({
        id: bag?.pairIds.get(name)?.value.text ?? this.ids.allocate(`${id}-${multi ? name.slice(0, 20) : name}`),
        name,
        value: pairs.get(name)!,
      })),
    };
  }

  /**
   * An owner's sets of their own (after its default set of the kind, whose id they propose with
   * pcs's -1, -2…): a score, the rule (`SET-rule`, as pcs's nvset rules), the pairs; or a reference.
   */
  extraSets(element: SetElement, proposal: string, bag: AttrBag, sorted: boolean, multi = false, meta = false): ExtraSet[] {
    return bag.blocks.map((b): ExtraSet => {
      if (b.idRef) return { element, idRef: b.idRef.ident.text };
      return { element, set: this.ownSet(proposal, b, sorted, multi, meta) };
    });
  }

  ownSet(proposal: string, b: AttrBlock, sorted: boolean, multi: boolean, meta: boolean): NvSet {
    const set = this.nvset(proposal, meta ? this.metaValues(b) : values(b), sorted, b, multi);
    const rule = b.rule && setRule(set.id, b.rule, this.ruleTarget);
    return { ...set, ...(b.score ? { score: b.score.value.text } : {}), ...(rule ? { rule } : {}) };
  }

  /** A settings statement's sets: the default one (when it has pairs), then its sets of their own. */
  settingSets(proposal: string, bag: AttrBag, always = false): NvSet[] {
    const first = always || bag.attrs.length > 0 ? [this.nvset(proposal, values(bag), false, bag, true)] : [];
    return [...first, ...bag.blocks.flatMap((b) => (b.idRef ? [] : [this.ownSet(proposal, b, false, true, false)]))];
  }

  /**
   * A primitive or a template. Build completes a template's ops with the agent's defaults, never
   * those of a primitive made from one (they would hide the template's), nor of one whose ops are
   * another's `<operations>` (`operations $id-ref=`).
   */
  primitive(p: Primitive | Template): CibPrimitive {
    const template = p.kind === 'primitive' ? p.template?.ident.text : undefined;
    const shared = p.operations?.ref?.ident.text;
    const params = new Map<string, CibValue>();
    if (p.agent.command) for (const c of p.commands) params.set(`${c.action.text}_cmd`, literal(c.value.text));
    p.params.values.forEach((a, name) => params.set(name, valueOf(a.value)));
    const meta = this.metaValues(p.meta);
    const explicit = p.ops.map((o) => explicitOp(o, this.target.roles));
    const written = new Set(explicit.map((o) => o.name));
    // `default-ops none`: exactly the written ops, not even the monitor pcs would add.
    const completed = p.defaultOps || template !== undefined || shared !== undefined ? [] : defaultOps(this.catalogue, p.agent, written, this.target.roles, this.target.pacemaker);
    const id = p.name;
    const instanceAttributes = this.nvset(`${id}-instance_attributes`, params, true, p.params);
    const metaAttributes = this.nvset(`${id}-meta_attributes`, meta, true, p.meta);
    const utilization = p.utilization.attrs.length > 0 ? this.nvset(`${id}-utilization`, values(p.utilization), true, p.utilization) : undefined;
    const extraSets = [
      ...this.extraSets('instance_attributes', `${id}-instance_attributes`, p.params, true),
      ...this.extraSets('meta_attributes', `${id}-meta_attributes`, p.meta, true, false, true),
      ...this.extraSets('utilization', `${id}-utilization`, p.utilization, true),
    ];
    // Built field by field, not with conditional spreads: a large file has thousands of primitives.
    const out: Built<CibPrimitive> = { kind: 'primitive', id, class: p.agent.class, type: p.agent.type, operations: shared !== undefined ? [] : this.ops(id, [...explicit, ...completed]) };
    if (p.agent.provider !== undefined) out.provider = p.agent.provider;
    if (instanceAttributes.pairs.length > 0) out.instanceAttributes = instanceAttributes;
    if (metaAttributes.pairs.length > 0) out.metaAttributes = metaAttributes;
    if (utilization) out.utilization = utilization;
    if (extraSets.length > 0) out.extraSets = extraSets;
    if (template !== undefined) out.template = template;
    if (p.operations?.id) out.operationsId = p.operations.id.value.text;
    if (shared !== undefined) out.operationsRef = shared;
    return Object.assign(out, described(p));
  }

  /** A meta attribute set's values, `target-role` in the platform's spelling. */
  metaValues(bag: Pick<AttrBag, 'values'>): Map<string, CibValue> {
    const meta = values(bag);
    const role = meta.get('target-role');
    if (role?.kind === 'literal') meta.set('target-role', literal(platformRole(role.text, this.target.roles)));
    return meta;
  }

  /** An op's instance attributes (OCF_CHECK_LEVEL and `{ params … }`) and meta attributes. */
  opSets(id: string, d: OpDraft): Pick<CibOp, 'instanceAttributes' | 'metaAttributes'> {
    const params = new Map<string, CibValue>();
    if (d.checkLevel !== undefined) params.set('OCF_CHECK_LEVEL', literal(d.checkLevel));
    if (d.params) for (const [name, value] of values(d.params)) params.set(name, value);
    const instanceAttributes = params.size > 0 ? this.nvset(`${id}-instance_attributes`, params, true, d.params) : undefined;
    const meta = d.meta ? values(d.meta) : new Map<string, CibValue>();
    const metaAttributes = meta.size > 0 ? this.nvset(`${id}-meta_attributes`, meta, true, d.meta) : undefined;
    return { ...(instanceAttributes ? { instanceAttributes } : {}), ...(metaAttributes ? { metaAttributes } : {}) };
  }

  /** The ops, ordered by name (stable: written ops stay ahead of defaults), with their ids. */
  ops(rscId: string, drafts: readonly OpDraft[]): CibPrimitive['operations'] {
    return (isSorted(drafts, (d) => d.name) ? drafts : [...drafts].sort(byName)).map((d) => {
      const id = d.id ?? this.ids.allocate(`${rscId}-${d.name}-interval-${d.interval}`);
      // Most ops have no sets: no object spread for them (a large file has tens of thousands of ops).
      const op: CibOp = { id, name: d.name, interval: d.interval, attrs: d.attrs };
      return d.checkLevel === undefined && !d.params?.attrs.length && !d.meta?.attrs.length ? op : { ...op, ...this.opSets(id, d) };
    });
  }

  group(g: Group): CibGroup {
    const children = g.members.map((p) => this.primitive(p));
    const { instanceAttributes, paramSets } = this.inheritedParams(g.name, g.params);
    const metaAttributes = this.nvset(`${g.name}-meta_attributes`, this.metaValues(g.meta), true, g.meta);
    const extraSets = [...paramSets, ...this.extraSets('meta_attributes', `${g.name}-meta_attributes`, g.meta, true, false, true)];
    return {
      kind: 'group',
      id: g.name,
      children,
      ...(instanceAttributes ? { instanceAttributes } : {}),
      ...(metaAttributes.pairs.length > 0 ? { metaAttributes } : {}),
      ...(extraSets.length > 0 ? { extraSets } : {}),
      ...described(g),
    };
  }

  /** A group's or clone's `params` (instance attributes its primitives inherit): its default set, and its sets of their own. */
  inheritedParams(id: string, bag: AttrBag): { instanceAttributes?: NvSet; paramSets: ExtraSet[] } {
    const set = bag.attrs.length > 0 || bag.setId ? this.nvset(`${id}-instance_attributes`, values(bag), true, bag) : undefined;
    return { ...(set && set.pairs.length > 0 ? { instanceAttributes: set } : {}), paramSets: this.extraSets('instance_attributes', `${id}-instance_attributes`, bag, true) };
  }

  /**
   * A clone after its child, as pcs makes it (`resource clone|promotable|master`). A promotable clone
   * is `<master>` with master-max/master-node-max before Pacemaker 2.0, else `<clone>` with
   * promotable=true and promoted-max/promoted-node-max, whichever names the file used.
   */
  clone(c: Clone): CibClone {
    const child = c.child!.kind === 'primitive' ? this.primitive(c.child!) : this.group(c.child!);
    const { instanceAttributes, paramSets } = this.inheritedParams(c.name, c.params);
    const legacy = this.target.roles === 'legacy';
    const meta = new Map<string, CibValue>();
    for (const [name, value] of this.metaValues(c.meta)) {
      const renamed = PROMOTED_META[name];
      meta.set(renamed ? renamed[legacy ? 'legacy' : 'current'] : name, value);
    }
    if (c.promotable && !legacy) meta.set(PROMOTABLE_META, literal('true'));
    if (legacy) meta.delete(PROMOTABLE_META);
    const metaAttributes = this.nvset(`${c.name}-meta_attributes`, meta, true, c.meta);
    const extraSets = [...paramSets, ...this.extraSets('meta_attributes', `${c.name}-meta_attributes`, c.meta, true, false, true)];
    return {
      kind: 'clone',
      tag: c.promotable && legacy ? 'master' : 'clone',
      id: c.name,
      child,
      ...(instanceAttributes ? { instanceAttributes } : {}),
      ...(metaAttributes.pairs.length > 0 ? { metaAttributes } : {}),
      ...(extraSets.length > 0 ? { extraSets } : {}),
      ...described(c),
    };
  }

  /**
   * A bundle as pcs makes it (`resource bundle create`, then the primitive with `--bundle`): its
   * lines' pairs as the elements' attributes, port maps named BUNDLE-port-map-PORT (or -RANGE),
   * storage maps BUNDLE-storage-map, -1…, unless the line has its `id=`.
   */
  bundle(b: Bundle): CibBundle {
    const attrs = (line: A.BundleLine | undefined, skip = ''): XmlAttr[] => [...bundleLineValues(line)].filter(([k]) => k !== skip).map(([k, a]) => [k, a.value.text] as const);
    const mapped = (line: A.BundleLine, proposal: string): XmlAttr[] => {
      const own = bundleLineValues(line).get('id')?.value.text;
      return [['id', own ?? this.ids.allocate(proposal)], ...attrs(line, 'id')];
    };
    const portMappings = b.portMaps.map((m) => {
      const v = bundleLineValues(m);
      return mapped(m, `${b.name}-port-map-${v.get('port')?.value.text ?? v.get('range')?.value.text ?? ''}`);
    });
    const storage = b.storageMaps.map((m) => mapped(m, `${b.name}-storage-map`));
    const metaAttributes = this.nvset(`${b.name}-meta_attributes`, this.metaValues(b.meta), true, b.meta);
    const extraSets = this.extraSets('meta_attributes', `${b.name}-meta_attributes`, b.meta, true, false, true);
    const child = b.child && this.primitive(b.child);
    const bundle: CibBundle = {
      kind: 'bundle',
      id: b.name,
      container: { type: b.container?.words[0]?.text ?? 'docker', attrs: attrs(b.container) },
      ...(b.network || portMappings.length > 0 ? { network: { attrs: attrs(b.network), portMappings } } : {}),
      ...(storage.length > 0 ? { storage } : {}),
      ...(metaAttributes.pairs.length > 0 ? { metaAttributes } : {}),
      ...(extraSets.length > 0 ? { extraSets } : {}),
      ...(child ? { child } : {}),
      ...described(b),
    };
    return child && this.target.tool === 'crmsh' && crmshWritesBundle(bundle) ? { ...bundle, childFirst: true } : bundle;
  }

  /**
   * ACL roles, users and groups in file order, as pcs makes them (`acl role create`, `acl user
   * create`, `acl group create`): a permission's id is ROLE-KIND (-1, -2…) unless written.
   */
  acls(model: CheckedModel): CibAcl[] {
    const entries: CibAcl[] = [
      ...model.aclRoles.map((r) => ({
        at: r.decl.start,
        acl: {
          kind: 'acl_role' as const,
          id: r.name,
          ...described(r),
          permissions: r.permissions.map((p) => ({
            id: p.values.get('id')?.value.text ?? this.ids.allocate(`${r.name}-${p.decl.keyword.text}`),
            kind: p.decl.keyword.text,
            attrs: [...p.values].filter(([k]) => k !== 'id').map(([k, a]) => [k, a.value.text] as const),
          })),
        },
      })),
      ...model.aclTargets.map((t) => ({ at: t.decl.start, acl: { kind: t.kind === 'acl-user' ? ('acl_target' as const) : ('acl_group' as const), id: t.name, ...(t.nameAttr ? { name: t.user } : {}), roles: t.roles.map((r) => r.ident.text) } })),
    ]
      .sort((a, b) => a.at - b.at)
      .map((e) => e.acl);
    return entries;
  }

  resources(model: CheckedModel): CibResource[] {
    return model.resources.map((r): CibResource => {
      switch (r.kind) {
        case 'primitive':
          return this.primitive(r);
        case 'group':
          return this.group(r);
        case 'clone':
          return this.clone(r);
        case 'bundle':
          return this.bundle(r);
        default:
          return assertNever(r);
      }
    });
  }

  /**
   * Alerts with pcs's ids where pcs names things (`ALERT-meta_attributes`, `ALERT-recipient`,
   * `-1`…), and `ALERT-select-NAME` for a selected attribute. The select lines' kinds add up.
   */
  alerts(model: CheckedModel): CibAlert[] {
    return model.alerts.map((a) => {
      const sets = (owner: string, meta: AttrBag, params: AttrBag) => {
        const m = meta.attrs.length > 0 ? this.nvset(`${owner}-meta_attributes`, values(meta), false, meta) : undefined;
        const i = params.attrs.length > 0 ? this.nvset(`${owner}-instance_attributes`, values(params), false, params) : undefined;
        return { ...(m ? { metaAttributes: m } : {}), ...(i ? { instanceAttributes: i } : {}) };
      };
      const words = new Set(a.selects.flatMap((l) => l.kinds.map((k) => k.text)));
      const named = a.selects.flatMap((l) => l.attrs.filter((x) => x.key.text === 'attributes').flatMap((x) => x.value.text.split(',').filter((n) => n !== '')));
      const attributes = named.length > 0 || words.has('attributes') ? [...new Set(named)].map((name) => ({ id: this.ids.allocate(`${a.name}-select-${name}`), name })) : undefined;
      const select: CibAlertSelect | undefined =
        a.selects.length > 0 ? { fencing: words.has('fencing'), nodes: words.has('nodes'), resources: words.has('resources'), ...(attributes ? { attributes } : {}) } : undefined;
      return {
        id: a.name,
        path: a.path.text,
        ...sets(a.name, a.meta, a.params),
        ...(select ? { select } : {}),
        recipients: a.recipients.map((r) => {
          const id = r.id?.value.text ?? this.ids.allocate(`${a.name}-recipient`);
          return { id, value: r.value, ...sets(id, r.meta, r.params) };
        }),
      };
    });
  }

  constraints(model: CheckedModel): CibConstraint[] {
    const role = (name: string, value: string) => (name.endsWith('role') ? platformRole(value, this.target.roles) : value);
    const attrs = (values: ReadonlyMap<string, A.Attr>, skip: readonly string[] = []) =>
      [...values].filter(([name]) => !skip.includes(name)).map(([name, a]) => [name, role(name, a.value.text)] as const);
    // A constraint's sets: `id=` or pcs's CONSTRAINT_set, CONSTRAINT_set-1… (pcs lib/cib/constraint/resource_set.py),
    // their pairs as written (a role in the platform's spelling), their members.
    const resourceSets = (constraintId: string, sets: readonly ResourceSetUse[]): CibResourceSet[] =>
      sets.map((s) => ({
        id: s.values.get('id')?.value.text ?? this.ids.allocate(`${constraintId}${SET_ID_SUFFIX}`),
        attrs: attrs(s.values, ['id']),
        refs: s.members.map((m) => m.ident.text),
      }));
    const ruleTarget = this.ruleTarget;
    const out: CibConstraint[] = [];
    for (const c of model.constraints) {
      switch (c.kind) {
        case 'location': {
          const rsc = c.rsc ? { rsc: c.rsc.ident.text } : {};
          const locationAttrs = attrs(c.values);
          if (c.rules.length > 0) {
            const rules = c.rules.flatMap((r) => locationRule(c.name, r, ruleTarget) ?? []);
            out.push({ kind: 'rsc_location', id: c.name, ...rsc, attrs: locationAttrs, rules, sets: resourceSets(c.name, c.sets) });
            break;
          }
          // One rsc_location per node: the user's id when there is one node, ID-NODE for each when several.
          for (const t of c.targets) {
            const written = t.decl.score?.text ?? 'INFINITY';
            const id = c.targets.length === 1 ? c.name : this.ids.allocate(`${c.name}-${t.node.ident.text}`);
            out.push({
              kind: 'rsc_location',
              id,
              ...rsc,
              node: t.node.ident.text,
              score: c.decl.mode?.text === 'avoids' ? negate(written) : written,
              attrs: locationAttrs,
              rules: [],
              sets: resourceSets(id, c.sets),
            });
          }
          break;
        }
        case 'colocation': {
          // pcs writes both roles as soon as one is given, the other Started (Pacemaker's default).
          const [own, other] = [c.values.get('rsc-role'), c.values.get('with-rsc-role')];
          const roles: XmlAttr[] =
            own || other ? [['rsc-role', role('rsc-role', own?.value.text ?? 'Started')], ['with-rsc-role', role('with-rsc-role', other?.value.text ?? 'Started')]] : [];
          out.push({
            kind: 'rsc_colocation',
            id: c.name,
            ...(c.rsc ? { rsc: c.rsc.ident.text } : {}),
            ...(c.withRsc ? { withRsc: c.withRsc.ident.text } : {}),
            score: c.values.get('score')?.value.text ?? 'INFINITY',
            attrs: [...roles, ...attrs(c.values, ['score', 'rsc-role', 'with-rsc-role'])],
            sets: resourceSets(c.name, c.sets),
          });
          break;
        }
        case 'order': {
          const kindAndSymmetry = ['kind', 'symmetrical'].flatMap((k) => {
            const v = c.values.get(k);
            return v ? [[k, v.value.text] as const] : [];
          });
          const rest = [...kindAndSymmetry, ...attrs(c.values, ['first-action', 'then-action', 'kind', 'symmetrical'])];
          if (c.first && c.then) {
            out.push({
              kind: 'rsc_order',
              id: c.name,
              first: c.first.ident.text,
              firstAction: c.values.get('first-action')?.value.text ?? 'start',
              then: c.then.ident.text,
              thenAction: c.values.get('then-action')?.value.text ?? 'start',
              attrs: rest,
              sets: [],
            });
          } else out.push({ kind: 'rsc_order', id: c.name, attrs: rest, sets: resourceSets(c.name, c.sets) });
          break;
        }
        case 'ticket':
          out.push({ kind: 'rsc_ticket', id: c.name, ticket: c.ticket, ...(c.rsc ? { rsc: c.rsc.ident.text } : {}), attrs: attrs(c.values), sets: resourceSets(c.name, c.sets) });
          break;
        default:
          assertNever(c);
      }
    }
    return out;
  }
}

/**
 * The fencing topology, each level with its id as pcs gives one (`fl-TARGET-INDEX`, from the node
 * name, the pattern or the attribute's name, sanitised; pcs lib/cib/fencing_topology.py) unless `id=`.
 */
function fencingTopology(model: CheckedModel, ids: IdAllocator): CibFencingLevel[] {
  return model.fencingLevels.map((l) => {
    const t = l.target;
    const target: XmlAttr[] =
      t.kind === 'node'
        ? [['target', t.node.ident.text]]
        : t.kind === 'pattern'
          ? [['target-pattern', t.pattern.value.text]]
          : [['target-attribute', t.name.value.text], ['target-value', t.value?.value.text ?? '']];
    const index = l.decl.index.text;
    const id = l.values.get('id')?.value.text ?? ids.allocate(`fl-${target[0]![1]}-${index}`);
    return { id, target, index, devices: l.devices.map((d) => d.ident.text).join(',') };
  });
}

/** `avoids` negates the written score: 100 -> -100, INFINITY -> -INFINITY, -5 -> 5. */
function negate(score: string): string {
  const s = score.startsWith('+') ? score.slice(1) : score;
  return s.startsWith('-') ? s.slice(1) : `-${s}`;
}

function parseAddr(text: string): Addr {
  const [ip, prefix] = text.split('/');
  return { text, ip: ip!, ...(prefix !== undefined && /^\d+$/.test(prefix) ? { prefix: Number(prefix) } : {}) };
}

function addrsOf(m: Machine): Addr[] {
  return m.addrs.map((a) => parseAddr(a.value.text));
}

/**
 * Node ids: a node's `id=` when written, else the smallest positive integer no written id and no
 * earlier node takes (so without any `id=`, 1..n in declaration order).
 */
function setupNodes(nodes: readonly Machine[]): SetupNode[] {
  const corosyncId = (n: Machine) => (n.id && isNodeId(n.id.value.text) ? Number(n.id.value.text) : undefined);
  const taken = new Set(nodes.flatMap((n) => corosyncId(n) ?? []));
  let next = 1;
  return nodes.map((n) => {
    let id = corosyncId(n);
    if (id === undefined) {
      while (taken.has(next)) next++;
      id = next;
      taken.add(id);
    }
    return { name: n.name, id, cibId: n.id?.value.text ?? String(id), addrs: addrsOf(n) };
  });
}

/** ClusterSetup.paramsAgentRefuses: each primitive's first param outside its agent's meta-data. */
function paramsAgentRefuses(model: CheckedModel, catalogue: Catalogue): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of model.primitives) {
    if (usesCommandParamsOnUpstreamAnything(p)) continue;
    const f = paramFindings(p, catalogue).find((x) => x.kind === 'unknown' || x.kind === 'missing');
    if (f) out.set(p.name, f.kind === 'unknown' ? f.attr.key.text : f.name);
  }
  return out;
}

/** Lowers a checked model. Pure and deterministic. */
export function lower(model: CheckedModel, catalogue: Catalogue): Lowered {
  const target = CIB_TARGETS[model.platform];
  // User ids first (names and explicit `$id=`/op `id=`): derived ids step around them, never the
  // other way round.
  const ids = new IdAllocator([...model.ids.keys(), ...model.explicitIds.map((v) => v.text)]);
  const l = new Lowering(ids, catalogue, target);
  const { property, defaults, 'op-defaults': opDefaults } = model.settings;
  const crmConfig = l.settingSets(BOOTSTRAP_SET_ID, property, true).filter((set) => set.pairs.length > 0 || !isPlainSet(set));
  const rscDefaults = l.settingSets('rsc_defaults-meta_attributes', defaults);
  const opDefaultsSets = l.settingSets('op_defaults-meta_attributes', opDefaults);
  const templates = model.templates.map((t) => l.primitive(t));
  const resources = resourcesInToolOrder(l.resources(model), target.tool);
  const constraints = constraintsInToolOrder(l.constraints(model), idsAfterCrmLoad({ resources, tags: model.tags.map((t) => ({ id: t.name, refs: [] })) }), target.tool);
  const levels = fencingTopology(model, ids);
  const alerts = l.alerts(model);
  const acls = l.acls(model);
  const nodes = setupNodes(model.nodes);
  const password = model.auth?.attrs.filter((a) => a.key.text === 'password').pop();
  const authkey = model.auth?.attrs.filter((a) => a.key.text === 'authkey').pop();
  // A node's attributes and utilization, with the ids pcs node attribute|utilization gives them
  // (nodes-ID, nodes-ID-NAME; nodes-ID-utilization, nodes-ID-utilization-NAME; pcs 0.11.5).
  const cibNode = (m: Machine, id: string, type?: 'remote'): CibNode => {
    const set = (bag: AttrBag, setId: string) => (bag.attrs.length > 0 ? l.nvset(setId, values(bag), false, bag) : undefined);
    const instanceAttributes = set(m.attributes, `nodes-${id}`);
    const utilization = set(m.utilization, `nodes-${id}-utilization`);
    const extraSets = [...l.extraSets('instance_attributes', `nodes-${id}`, m.attributes, false), ...l.extraSets('utilization', `nodes-${id}-utilization`, m.utilization, false)];
    return {
      id,
      uname: m.name,
      ...(type ? { type } : {}),
      ...(m.score ? { score: m.score.value.text } : {}),
      ...described(m),
      ...(instanceAttributes ? { instanceAttributes } : {}),
      ...(utilization ? { utilization } : {}),
      ...(extraSets.length > 0 ? { extraSets } : {}),
    };
  };
  // Remote and guest nodes' entries follow the members; their ids are their names (as Pacemaker makes them).
  const cibNodes = [...nodes.map((n, i) => cibNode(model.nodes[i]!, n.cibId)), ...model.remoteNodes.map((m) => cibNode(m, m.id?.value.text ?? m.name, 'remote'))];
  const sbd = sbdSetup(model);
  return {
    cluster: {
      name: model.cluster.name.text,
      platform: model.platform,
      target,
      ...(model.auth ? { auth: { user: model.auth.user.text, ...(password ? { password: valueOf(password.value) } : {}), ...(authkey?.value.secret?.scheme === 'file' ? { authkey: authkey.value.secret.ref } : {}) } } : {}),
      remoteNodes: model.primitives.filter((p) => p.agent.id === REMOTE_AGENT).map((p) => p.name),
      nodes,
      explicitIds: new Set(model.explicitIds.map((v) => v.text)),
      paramsAgentRefuses: paramsAgentRefuses(model, catalogue),
      hosts: model.hosts.map((h) => ({ name: h.name, addrs: addrsOf(h) })),
      usesCommandAgent: model.primitives.some((p) => p.agent.command),
      autostart: model.autostart?.value.text !== 'false',
      corosync: corosyncSetup(model),
      ...(sbd ? { sbd } : {}),
    },
    cib: {
      validateWith: target.schema,
      configuration: {
        crmConfig,
        nodes: cibNodes,
        ...(templates.length > 0 ? { templates } : {}),
        resources,
        constraints,
        ...(rscDefaults.length > 0 ? { rscDefaults } : {}),
        ...(opDefaultsSets.length > 0 ? { opDefaults: opDefaultsSets } : {}),
        ...(levels.length > 0 ? { fencingTopology: levels } : {}),
        ...(model.tags.length > 0 ? { tags: model.tags.map((t) => ({ id: t.name, refs: t.members.map((m) => m.ident.text) })) } : {}),
        ...(alerts.length > 0 ? { alerts } : {}),
        ...(acls.length > 0 ? { acls } : {}),
      },
    },
  };
}
