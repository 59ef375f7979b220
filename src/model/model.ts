import { compact } from '../compact.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { ANYTHING_AGENT_ID } from '../catalogue/hacc-agents.js';
import type { AgentFact } from '../catalogue/types.js';
import type { SetKeyword } from '../language/attribute-set.js';
import { isOwnSet, PAIR_ID_PREFIX, SET_ID_KEY, SET_ID_REF_KEY } from '../language/attribute-set.js';
import { TEMPLATE_PREFIX, templateName } from '../language/template.js';
import { NODE_ID } from '../language/machine.js';
import { COMMAND_AGENT, OP_ID_KEY } from '../language/primitive.js';
import * as A from '../syntax/ast.js';
import { walk as walkNodes } from '../syntax/walk.js';
import { DEFAULT_PLATFORM, isPlatformName, type PlatformName } from './platforms.js';
import { fenceTargets, hostListNames, hostMapNames } from '../catalogue/fence-hosts.js';
import { booleanValue, lastWins } from './values.js';
import { resolveCorosync, resolveSbd, type Corosync, type Sbd } from './stack.js';

// The resolved cluster: what every rule and emitter reads. It is built once, after parsing, from any
// syntax tree however broken: references are resolved to the objects they name (an unresolved one
// keeps its identifier, for HA103 to report), the resource tree is linked both ways, every attribute
// set has its effective values (the last value of a name wins, as with repeated `pcs … set`), agents
// are looked up in the catalogue, and everything is indexed by kind and by id. Rules never look at
// the statements again to find these; they report against the syntax nodes the model keeps.

/** A reference as written, and what it names (undefined when it names nothing of the right kind). */
export interface Ref<T> {
  readonly ident: A.Ident;
  readonly target?: T;
}

/**
 * The lines of one attribute set of one owner (a primitive's `params` lines, every `property`
 * line…), merged: `attrs` in written order, `values` name -> the attribute that wins (the last one),
 * in order of first appearance, and the explicit CIB ids.
 */
export interface AttrBag {
  readonly lines: readonly A.AttrSet[];
  readonly attrs: readonly A.Attr[];
  readonly values: ReadonlyMap<string, A.Attr>;
  /** The `$id=` that counts (the last one written). */
  readonly setId?: A.Attr;
  /** `$id.NAME=`: name -> the attribute giving its id (the last one written). */
  readonly pairIds: ReadonlyMap<string, A.Attr>;
  /**
   * The owner's other sets of this kind, in written order: lines with braces, a score, a rule or a
   * reference (language/attribute-set.ts isOwnSet). `lines`, `attrs` and `values` are the default
   * set's alone.
   */
  readonly blocks: readonly AttrBlock[];
}

/** A set of its own of an owner: its one line merged like a bag, its score, rule and reference. */
export interface AttrBlock extends Omit<AttrBag, 'blocks'> {
  readonly decl: A.AttrSet;
  /** `$score=` (the last one written). */
  readonly score?: A.Attr;
  /** `rule [id=] EXPR`: when the set applies. */
  readonly rule?: Rule;
  /** `$id-ref=`: the set it is, by `$id=` (undefined target: HA103; another kind of set: HA105). */
  readonly idRef?: Ref<AttrBlock | AttrBag>;
}

/** Every pair an owner's sets of one kind write: the default set's, then each other set's. */
export function allAttrs(bag: AttrBag): readonly A.Attr[] {
  return bag.blocks.length === 0 ? bag.attrs : [...bag.attrs, ...bag.blocks.flatMap((b) => b.attrs)];
}

export interface Machine {
  readonly kind: 'node' | 'host';
  readonly decl: A.MachineStmt;
  readonly name: string;
  /** `addr=` attributes, in order (one per corosync link). */
  readonly addrs: readonly A.Attr[];
  /** `net=` attributes: the node's other interfaces (service LANs), for the address checks only. */
  readonly nets: readonly A.Attr[];
  /** `id=` (nodes): the last one written. */
  readonly id?: A.Attr;
  /** `score=` (nodes): the node's legacy weight, the last one written. */
  readonly score?: A.Attr;
  /** `{ attributes … }`: the node's permanent attributes. */
  readonly attributes: AttrBag;
  /** `{ utilization … }`: its capacities. */
  readonly utilization: AttrBag;
  /** `{ description "…" }` (the last one). */
  readonly description?: A.DescriptionLine;
}

/** An agent as a primitive names it, split, with its catalogue facts when known. */
export interface Agent {
  /** As written: `ocf:heartbeat:IPaddr2`, `stonith:fence_ipmilan`, `anything`. */
  readonly text: string;
  /** The name the checks look up: as written, but `anything` is `ocf:hacc:anything`. */
  readonly id: string;
  /** The CIB's class, provider and type (a bare type is ocf:heartbeat:TYPE, as pcs resolves it). */
  readonly class: string;
  readonly provider?: string;
  readonly type: string;
  /** `class:provider:type` (or `class:type`). */
  readonly standard: string;
  /** A fencing device (class stonith). */
  readonly fencing: boolean;
  /** The command form `primitive X anything { start … }`, compiled to hacc's own agent. */
  readonly command: boolean;
  /** The catalogue's facts for `id`; undefined: HA202. */
  readonly fact?: AgentFact;
}

export interface Op {
  readonly decl: A.OpLine;
  /** The primitive (or template) whose op it is. */
  readonly primitive: Primitive | Template;
  readonly name: string;
  /** Attributes other than `id=`, name -> the one that wins. */
  readonly values: ReadonlyMap<string, A.Attr>;
  /** `id=`: the op's CIB id, where it is not the one hacc derives. */
  readonly id?: A.Attr;
  /** `{ params … }`: the op's instance attributes (besides OCF_CHECK_LEVEL=, written on the line). */
  readonly params: AttrBag;
  /** `{ meta … }`: the op's meta attributes. */
  readonly meta: AttrBag;
}

/** `operations $id=` / `operations $id-ref=` of a primitive or template. */
export interface OperationsUse {
  readonly decl: A.OperationsLine;
  /** `$id=`: the `<operations>` element's id. */
  readonly id?: A.Attr;
  /** `$id-ref=`: the primitive or template whose `<operations>` has that id (undefined target: HA103). */
  readonly ref?: Ref<Primitive | Template>;
}

/** What a primitive and a template have alike: an agent, sets, ops. */
interface ResourceBody {
  readonly name: string;
  readonly agent: Agent;
  readonly params: AttrBag;
  readonly meta: AttrBag;
  /** `utilization …`: what it takes of a node's capacities. */
  readonly utilization: AttrBag;
  readonly ops: readonly Op[];
  readonly commands: readonly A.CommandLine[];
  /** `default-ops none`, when written. */
  readonly defaultOps?: A.DefaultOpsLine;
  /** `operations $id=|$id-ref=`, when written (the last one). */
  readonly operations?: OperationsUse;
  /** `description "…"` (the last one). */
  readonly description?: A.DescriptionLine;
}

/** `template NAME AGENT { … }`: a body the primitives made from it share. */
export interface Template extends ResourceBody {
  readonly kind: 'template';
  readonly decl: A.TemplateStmt;
}

export interface Primitive extends ResourceBody {
  readonly kind: 'primitive';
  readonly decl: A.PrimitiveStmt;
  /**
   * `primitive X @T`: the template it is made from; its agent is the template's once linked (an
   * unknown template: HA103, and the agent as written).
   */
  readonly template?: Ref<Template>;
  /** The group, clone or bundle that holds it (the first, when it is wrongly listed in several: HA104). */
  readonly parent?: Group | Clone | Bundle;
}

export interface Group {
  readonly kind: 'group';
  readonly decl: A.GroupStmt;
  readonly name: string;
  /** Every member as written (inline primitives and references), in order, resolved. */
  readonly items: readonly Ref<Resource>[];
  /** The primitives this group really holds, in order: each resolved member whose parent it is. */
  readonly members: readonly Primitive[];
  readonly meta: AttrBag;
  /** `params`: instance attributes its primitives inherit. */
  readonly params: AttrBag;
  /** `description "…"` (the last one). */
  readonly description?: A.DescriptionLine;
  /** The clone that holds it. */
  readonly parent?: Clone;
}

export interface Clone {
  readonly kind: 'clone';
  readonly decl: A.CloneStmt;
  readonly name: string;
  /** `promotable NAME { … }` (a promotable clone: `<master>` before Pacemaker 2.0). */
  readonly promotable: boolean;
  /** Every child as written (inline and references), in order, resolved (one is right: HA104). */
  readonly items: readonly Ref<Resource>[];
  /** The primitive or group it really holds: the first resolved child whose parent it is. */
  readonly child?: Primitive | Group;
  readonly meta: AttrBag;
  /** `params`: instance attributes its primitives inherit. */
  readonly params: AttrBag;
  /** `description "…"` (the last one). */
  readonly description?: A.DescriptionLine;
}

/**
 * `bundle NAME { … }`: containers Pacemaker runs as replicas, each with its copy of the inner
 * primitive. Its lines are as written; their pairs are the CIB elements' attributes.
 */
export interface Bundle {
  readonly kind: 'bundle';
  readonly decl: A.BundleStmt;
  readonly name: string;
  /** `container TYPE …` (the last one: HA001 reports a bundle without one). */
  readonly container?: A.BundleLine;
  /** `network …` (the last one). */
  readonly network?: A.BundleLine;
  readonly portMaps: readonly A.BundleLine[];
  readonly storageMaps: readonly A.BundleLine[];
  /** The primitive it runs (inline), when there is one (a bundle may run only its containers). */
  readonly child?: Primitive;
  readonly meta: AttrBag;
  /** `description "…"` (the last one). */
  readonly description?: A.DescriptionLine;
}

export type Resource = Primitive | Group | Clone | Bundle;

/** A permission of an acl-role: its kind and pairs (the last of each). */
export interface AclPermission {
  readonly decl: A.AclPermissionLine;
  readonly values: ReadonlyMap<string, A.Attr>;
}

/** `acl-role NAME { … }`. */
export interface AclRole {
  readonly kind: 'acl-role';
  readonly decl: A.AclRoleStmt;
  readonly name: string;
  readonly permissions: readonly AclPermission[];
  /** `description "…"` (the last one). */
  readonly description?: A.DescriptionLine;
}

/** `acl-user NAME roles=…` (an `<acl_target>`) or `acl-group NAME roles=…` (an `<acl_group>`). */
export interface AclTarget {
  readonly kind: 'acl-user' | 'acl-group';
  readonly decl: A.AclTargetStmt;
  /** The element's id (the statement's name). */
  readonly name: string;
  /** `name=`: the user or group, when it is not the id. */
  readonly nameAttr?: A.Attr;
  /** The user or group the entry is for: name= if written, else the id (as Pacemaker reads it). */
  readonly user: string;
  /** Each role `roles=` lists, resolved (an unknown one: HA103). */
  readonly roles: readonly Ref<AclRole>[];
}

/** A bundle's replicas: replicas=, else promoted-max (masters=) when positive, else 1, as Pacemaker reads them; undefined when no number. */
export function bundleReplicas(b: Bundle): number | undefined {
  const text = bundleLineValues(b.container).get('replicas')?.value.text;
  if (text === undefined) return Math.max(bundlePromotedMax(b), 1);
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** The guest nodes of a bundle's replicas (BUNDLE-0…), when it runs a primitive in them. */
export function bundleReplicaNames(b: Bundle): string[] {
  if (!b.child) return [];
  return Array.from({ length: Math.min(bundleReplicas(b) ?? 0, 1000) }, (_, i) => `${b.name}-${i}`);
}

/** A bundle's promoted instances: its container's promoted-max (masters before Pacemaker 2.0), 0 when none or no number. */
export function bundlePromotedMax(b: Bundle): number {
  const values = bundleLineValues(b.container);
  const text = values.get('promoted-max')?.value.text ?? values.get('masters')?.value.text ?? '0';
  return /^\d+$/.test(text) ? Number(text) : 0;
}

/** The role names of a `roles=` value, each as a name at its place in the value (for positions). */
function roleIdents(v: A.Value): A.Ident[] {
  const out: A.Ident[] = [];
  const base = v.start + (v.quoted ? 1 : 0);
  for (const m of v.text.matchAll(/[^,\s]+/g)) out.push({ kind: 'ident', text: m[0], start: base + m.index, end: base + m.index + m[0].length });
  return out;
}

/** A bundle line's pairs, the last of each key. */
export function bundleLineValues(line: A.BundleLine | undefined): ReadonlyMap<string, A.Attr> {
  return line ? lastWins(line.attrs) : new Map();
}

export interface LocationTarget {
  readonly decl: A.LocationTarget;
  readonly node: Ref<Machine>;
}

/** `rule … EXPR` (of a location or an attribute set): its own pairs (id, role, score, score-attribute), the last of each. */
export interface Rule {
  readonly decl: A.RuleClause;
  readonly values: ReadonlyMap<string, A.Attr>;
}

/** A rule and where it stands: a location constraint, or an attribute set (the set's keyword tells which). */
export interface RuleUse {
  readonly rule: Rule;
  readonly owner: Location | AttrBlock;
}

/** Where a rule stands: `location`, or the keyword of the set it decides (`params`, `property`…). */
export function ruleSite(use: RuleUse): 'location' | SetKeyword {
  return 'kind' in use.owner ? 'location' : use.owner.decl.keyword.text;
}

export interface Location {
  readonly kind: 'location';
  readonly decl: A.LocationStmt;
  readonly name: string;
  /** The resource; undefined when `rsc-pattern=` or resource sets name the resources instead. */
  readonly rsc?: Ref<Resource>;
  readonly sets: readonly ResourceSetUse[];
  /** role, resource-discovery, rsc-pattern: the last of each. */
  readonly values: ReadonlyMap<string, A.Attr>;
  readonly targets: readonly LocationTarget[];
  readonly rules: readonly Rule[];
}

/** A resource set of a constraint: its members resolved, its pairs (the last of each). */
export interface ResourceSetUse {
  readonly decl: A.ResourceSet;
  readonly members: readonly Ref<Resource>[];
  readonly values: ReadonlyMap<string, A.Attr>;
}

/** `colocation`: `rsc` with `withRsc`, or resource sets (each placed with the next). */
export interface Colocation {
  readonly kind: 'colocation';
  readonly decl: A.ColocationStmt;
  readonly name: string;
  readonly rsc?: Ref<Resource>;
  readonly withRsc?: Ref<Resource>;
  readonly sets: readonly ResourceSetUse[];
  readonly values: ReadonlyMap<string, A.Attr>;
}

/** `order`: `first` then `then`, or resource sets (each before the next). */
export interface Order {
  readonly kind: 'order';
  readonly decl: A.OrderStmt;
  readonly name: string;
  readonly first?: Ref<Resource>;
  readonly then?: Ref<Resource>;
  readonly sets: readonly ResourceSetUse[];
  readonly values: ReadonlyMap<string, A.Attr>;
}

/** `ticket`: the resource, or the sets' members, run only where the cluster holds the ticket. */
export interface Ticket {
  readonly kind: 'ticket';
  readonly decl: A.TicketStmt;
  readonly name: string;
  readonly rsc?: Ref<Resource>;
  readonly sets: readonly ResourceSetUse[];
  readonly ticket: string;
  readonly values: ReadonlyMap<string, A.Attr>;
}

export type Constraint = Location | Colocation | Order | Ticket;

/** `recipient VALUE [id=ID] { … }` of an alert. */
export interface Recipient {
  readonly decl: A.RecipientLine;
  readonly value: string;
  /** `id=`, the last one written. */
  readonly id?: A.Attr;
  readonly params: AttrBag;
  readonly meta: AttrBag;
}

/** `alert ID PATH { … }`. */
export interface Alert {
  readonly kind: 'alert';
  readonly decl: A.AlertStmt;
  readonly name: string;
  readonly path: A.Value;
  readonly params: AttrBag;
  readonly meta: AttrBag;
  /** Its select lines (the kinds of all of them count); none: every kind of event. */
  readonly selects: readonly A.SelectLine[];
  readonly recipients: readonly Recipient[];
}

/** Whom a fencing level is for: a node, the nodes a pattern matches, or those with an attribute's value. */
export type LevelTarget =
  | { readonly kind: 'node'; readonly node: Ref<Machine> }
  | { readonly kind: 'pattern'; readonly pattern: A.Attr }
  | { readonly kind: 'attribute'; readonly name: A.Attr; readonly value?: A.Attr };

/** `fencing-level INDEX TARGET DEVICES`: one level of a target's fencing topology. */
export interface FencingLevel {
  readonly kind: 'fencing-level';
  readonly decl: A.FencingLevelStmt;
  /** The index as a number; undefined when it is not a positive integer (HA205 reports it). */
  readonly index?: number;
  readonly target: LevelTarget;
  /** The devices, each linked to the resource it names. */
  readonly devices: readonly Ref<Resource>[];
  /** The keys of its line (target-pattern, target-attribute, target-value, id), the last of each. */
  readonly values: ReadonlyMap<string, A.Attr>;
}

/** `tag NAME { MEMBER… }`: its members resolved. */
export interface Tag {
  readonly kind: 'tag';
  readonly decl: A.TagStmt;
  readonly name: string;
  readonly members: readonly Ref<Resource>[];
}

/** Everything whose name is a CIB id: they share one namespace, as in the CIB. */
export type Declared = Resource | Constraint | Tag | Template;

/** `property` (cluster options), `defaults` (rsc_defaults), `op-defaults` (op_defaults). */
export type SettingsKind = 'property' | 'defaults' | 'op-defaults';

export interface ClusterModel {
  readonly file: A.HaFile;
  readonly cluster: A.ClusterDecl;
  /** The target: `--target`, else the file's `platform`, else DEFAULT_PLATFORM. */
  readonly platform: PlatformName;
  readonly platformDecl?: A.PlatformStmt;
  /** `autostart …` (the last one written). */
  readonly autostart?: A.AutostartStmt;
  readonly auth?: A.AuthStmt;
  /** The corosync members (`node` without `type=remote`). */
  readonly nodes: readonly Machine[];
  /** `node NAME type=remote`: remote and guest nodes' CIB entries (their attributes), no members. */
  readonly remoteNodes: readonly Machine[];
  readonly hosts: readonly Machine[];
  readonly settings: Readonly<Record<SettingsKind, AttrBag>>;
  /** Top-level resources in source order; a group holds its members. */
  readonly resources: readonly Resource[];
  /** Every primitive, top level and inside groups and clones, in source order. */
  readonly primitives: readonly Primitive[];
  /** Every group, top level and inside clones, in source order. */
  readonly groups: readonly Group[];
  readonly clones: readonly Clone[];
  readonly bundles: readonly Bundle[];
  readonly aclRoles: readonly AclRole[];
  readonly aclTargets: readonly AclTarget[];
  /** Every resource of every kind at every level (primitives, groups, clones, bundles): what a rule over all resources reads. */
  readonly allResources: readonly Resource[];
  /** The ops that write a key on their line (not `id=`), by key: a rule about one key reads these, not every op. */
  readonly opsWith: ReadonlyMap<string, readonly Op[]>;
  /** Every op, by name. */
  readonly opsByName: ReadonlyMap<string, readonly Op[]>;
  readonly constraints: readonly Constraint[];
  /** Every rule, with where it stands (a location constraint or an attribute set), in source order. */
  readonly rules: readonly RuleUse[];
  /** Attribute sets by their `$id=` (the first of an id): what `$id-ref=` names. */
  readonly namedSets: ReadonlyMap<string, AttrBag | AttrBlock>;
  /** Every set of its own (braces, a score, a rule or a reference) of every owner, in source order. */
  readonly ownSets: readonly AttrBlock[];
  readonly tags: readonly Tag[];
  readonly templates: readonly Template[];
  /** The fencing topology, in source order. */
  readonly fencingLevels: readonly FencingLevel[];
  readonly alerts: readonly Alert[];
  /** `sbd { }`, when written. */
  readonly sbd?: Sbd;
  /** `corosync { }` with the platform's defaults (a model even without the block). */
  readonly corosync: Corosync;
  /** CIB id -> every declaration of it, in source order. */
  readonly ids: ReadonlyMap<string, readonly Declared[]>;
  /** Node or host name -> every declaration of it. */
  readonly machines: ReadonlyMap<string, readonly Machine[]>;
  /**
   * Ids written explicitly below the statement level, in source order: `$id=` of attribute sets,
   * `$id.NAME=` of nvpairs, ops', levels' and recipients' `id=`, and alerts' names. They share the
   * CIB's one id namespace.
   */
  readonly explicitIds: readonly (A.Value | A.Ident)[];
  /**
   * The tree's nodes but its words and pairs (statements, body lines, sets, rule parts…), each with
   * the node it stands in, in source order: the rules that look at nodes of many kinds read this
   * list instead of walking the tree again.
   */
  readonly treeNodes: readonly TreeNode[];
  /** Every key=value pair with the node that holds it, in source order. */
  readonly attrs: readonly { readonly attr: A.Attr; readonly owner: A.Node }[];
  /** Every value of the file (after `=`, a command, a location's score…), in source order. */
  readonly values: readonly A.Value[];
}

/** A node of the tree and the node it stands in (none for the cluster block). */
export interface TreeNode {
  readonly node: A.Node;
  readonly parent: A.Node | undefined;
}

export interface ResolveOptions {
  /** `--target`: overrides the file's `platform`. */
  readonly target?: PlatformName;
  readonly catalogue: Catalogue;
}

/** Every resource a constraint names, as written: its resource(s), or its sets' members. */
export function constraintRefs(c: Constraint): Ref<Resource>[] {
  switch (c.kind) {
    case 'location':
      return [...(c.rsc ? [c.rsc] : []), ...c.sets.flatMap((s) => s.members)];
    case 'colocation':
      return [...(c.rsc ? [c.rsc] : []), ...(c.withRsc ? [c.withRsc] : []), ...c.sets.flatMap((s) => s.members)];
    case 'order':
      return [...(c.first ? [c.first] : []), ...(c.then ? [c.then] : []), ...c.sets.flatMap((s) => s.members)];
    case 'ticket':
      return [...(c.rsc ? [c.rsc] : []), ...c.sets.flatMap((s) => s.members)];
    default:
      return A.assertNever(c);
  }
}

/** The resource a name denotes (the first declaration when it is declared twice: HA101). */
export function resourceNamed(model: ClusterModel, name: string): Resource | undefined {
  for (const d of model.ids.get(name) ?? []) if (isResource(d)) return d;
  return undefined;
}

export function isResource(d: Declared): d is Resource {
  return d.kind === 'primitive' || d.kind === 'group' || d.kind === 'clone' || d.kind === 'bundle';
}

/** The clone a resource is or is inside (a member of a cloned group included). */
export function cloneOf(r: Resource): Clone | undefined {
  if (r.kind === 'clone') return r;
  if (r.kind === 'bundle') return undefined;
  const holder = r.parent;
  return holder?.kind === 'clone' ? holder : holder?.kind === 'group' ? holder.parent : undefined;
}

/** The clone or bundle a resource is or is inside: what constraints name to place its instances. */
export function containerOf(r: Resource): Clone | Bundle | undefined {
  if (r.kind === 'bundle') return r;
  return (r.kind === 'primitive' && r.parent?.kind === 'bundle' ? r.parent : undefined) ?? cloneOf(r);
}

/** The parent of a resource (a bundle has none). */
export function parentOf(r: Resource): Group | Clone | Bundle | undefined {
  return r.kind === 'bundle' || r.kind === 'clone' ? undefined : r.parent;
}

/** What a person calls the kind of resource: `clone`, `promotable`, `bundle`, `group`, `primitive`. */
export function resourceWord(r: Resource): string {
  return r.kind === 'clone' ? r.decl.keyword.text : r.kind;
}

/** Whether an agent can be promoted (its meta-data has promote and demote); undefined when unknown. */
export function agentPromotable(agent: Agent): boolean | undefined {
  const actions = agent.fact?.actions;
  if (!actions) return undefined;
  return actions.some((a) => a.name === 'promote') && actions.some((a) => a.name === 'demote');
}

/** The setting that wins (`property stonith-enabled=…`), if written. */
export function settingValue(model: ClusterModel, kind: SettingsKind, name: string): A.Attr | undefined {
  return model.settings[kind].values.get(name);
}

/** Fencing devices: primitives of class `stonith`. */
export function fencingDevices(model: ClusterModel): Primitive[] {
  return model.primitives.filter((p) => p.agent.fencing);
}

/**
 * The hosts a fencing device may fence, lower-cased, with the parameters that name them, as
 * Pacemaker's fencer reads them (catalogue/fence-hosts.ts); undefined when the fencer asks the device.
 */
export function deviceTargets(device: Primitive): { readonly names: readonly A.Attr[]; readonly hosts: ReadonlySet<string> } | undefined {
  const value = (key: string) => device.params.values.get(key)?.value.text;
  const hosts = fenceTargets(value('pcmk_host_list'), value('pcmk_host_map'), value('pcmk_host_check'));
  return hosts && { names: hostNames(device).map((n) => n.attr), hosts };
}

/** The agent of a remote node's connection resource. */
export const REMOTE_AGENT = 'ocf:pacemaker:remote';
/** The meta attribute that makes a resource a guest node (a VM or container the cluster runs), named by its value. */
export const GUEST_META = 'remote-node';

/** The host names a device's pcmk_host_list and pcmk_host_map write, as written, by attribute. */
export function hostNames(device: Primitive): { readonly attr: A.Attr; readonly hosts: readonly string[] }[] {
  const list = device.params.values.get('pcmk_host_list');
  const map = device.params.values.get('pcmk_host_map');
  return [...(list ? [{ attr: list, hosts: hostListNames(list.value.text) }] : []), ...(map ? [{ attr: map, hosts: hostMapNames(map.value.text) }] : [])];
}

/**
 * The names of the cluster's remote and guest nodes: Pacemaker names a remote node after its
 * connection resource (an ocf:pacemaker:remote primitive's id), a guest node after its resource's
 * `remote-node` meta attribute; `node NAME type=remote` writes one's CIB entry. They are nodes a
 * fence device, a level or a location may name.
 */
export function remoteNodeNames(model: ClusterModel): Set<string> {
  const out = new Set<string>(model.remoteNodes.map((n) => n.name));
  // A bundle with a primitive reaches each replica as a guest node named BUNDLE-0, BUNDLE-1…
  for (const b of model.bundles) for (const name of bundleReplicaNames(b)) out.add(name);
  for (const p of model.primitives) {
    if (p.agent.id === REMOTE_AGENT) out.add(p.name);
    const guest = p.meta.values.get(GUEST_META)?.value.text;
    if (guest) out.add(guest);
  }
  return out;
}

/** Whether some fencing device can fence the node (its host list names it, or it names no hosts). */
export function canFence(model: ClusterModel, node: string): boolean {
  return fencingDevices(model).some((d) => deviceTargets(d)?.hosts.has(node.toLowerCase()) ?? true);
}

/**
 * The nodes some fencing device can fence: those its pcmk_host_list or pcmk_host_map names, or
 * every node for a device that names none (Pacemaker then asks the device which it can reach).
 */
export function fenceableNodes(model: ClusterModel): Set<string> {
  return new Set(model.nodes.filter((n) => canFence(model, n.name)).map((n) => n.name));
}

/** The property line that turns fencing off (`stonith-enabled`, or its 3.0.2+ name), if any. */
export function fencingDisabledBy(model: ClusterModel): A.Attr | undefined {
  const attrs = model.settings.property.attrs;
  for (let i = attrs.length - 1; i >= 0; i--) {
    const a = attrs[i]!;
    if (a.key.text === 'stonith-enabled' || a.key.text === 'fencing-enabled') return booleanValue(a.value.text) === false ? a : undefined;
  }
  return undefined;
}

/**
 * Watchdog self-fencing: an sbd block and a non-zero `stonith-watchdog-timeout` (negative: twice
 * SBD_WATCHDOG_TIMEOUT, Pacemaker lib/common/watchdog.c). The fencer then counts a lost node as
 * fenced once that time has passed: it is fencing without a device.
 */
export function watchdogFencing(model: ClusterModel): boolean {
  const t = settingValue(model, 'property', 'stonith-watchdog-timeout')?.value.text;
  return model.sbd !== undefined && t !== undefined && !/^[-+]?0+(?:\.0*)?[a-z]*$/i.test(t) && t !== '';
}

const EMPTY_BAG: AttrBag = { lines: [], attrs: [], values: new Map(), pairIds: new Map(), blocks: [] };

/** The pairs of some lines of one set, merged: the last value of a name wins. */
function merged(lines: readonly A.AttrSet[]): Omit<AttrBag, 'blocks'> {
  const attrs: A.Attr[] = [];
  const values = new Map<string, A.Attr>();
  const pairIds = new Map<string, A.Attr>();
  let setId: A.Attr | undefined;
  for (const line of lines) {
    for (const a of line.attrs) {
      attrs.push(a);
      values.set(a.key.text, a);
    }
    if (line.setIds.length > 0) setId = line.setIds[line.setIds.length - 1];
    for (const a of line.pairIds) pairIds.set(a.key.text.slice(PAIR_ID_PREFIX.length), a);
  }
  return { lines, attrs: compact(attrs), values, pairIds, ...(setId ? { setId } : {}) };
}

/** A value that names something (`$id-ref=X`, `@T`), as the identifier a reference keeps. */
function valueIdent(v: { readonly text: string; readonly start: number; readonly end: number }): A.Ident {
  return { kind: 'ident', text: v.text, start: v.start, end: v.end };
}

function ruleOf(decl: A.RuleClause): Rule {
  return { decl, values: lastWins(decl.attrs) };
}

/** An owner's sets of one kind: the default set (its brace-less lines merged) and its sets of their own. */
export function attrBag(lines: readonly A.AttrSet[]): AttrBag {
  if (lines.length === 0) return EMPTY_BAG;
  if (!lines.some(isOwnSet)) return { ...merged(lines), blocks: [] };
  const own = lines.filter(isOwnSet);
  let plain = lines.filter((l) => !isOwnSet(l));
  // No brace-less line: a first set in braces alone (no score, rule or reference) is the default set.
  const first = own[0]!;
  if (plain.length === 0 && first.scores.length === 0 && first.idRefs.length === 0 && !first.rule) plain = [own.shift()!];
  const blocks = own.map((decl): AttrBlock => {
    const score = decl.scores[decl.scores.length - 1];
    const idRef = decl.idRefs[decl.idRefs.length - 1];
    return {
      ...merged([decl]),
      decl,
      ...(score ? { score } : {}),
      ...(decl.rule ? { rule: ruleOf(decl.rule) } : {}),
      ...(idRef ? { idRef: { ident: valueIdent(idRef.value) } } : {}),
    };
  });
  return { ...merged(plain), blocks };
}

/** Agents split once per text (a large file has thousands of primitives of a few agents). */
export function agentResolver(catalogue: Catalogue): (text: string) => Agent {
  const agents = new Map<string, Agent>();
  return (text) => {
    let agent = agents.get(text);
    if (agent) return agent;
    const command = text === COMMAND_AGENT;
    const id = command ? ANYTHING_AGENT_ID : text;
    const parts = id.split(':');
    // A bare type: pcs resolves it to ocf:heartbeat:TYPE when that is the only match.
    const [cls, provider, type] =
      parts.length >= 3 ? [parts[0]!, parts[1]!, parts.slice(2).join(':')] : parts.length === 2 ? [parts[0]!, undefined, parts[1]!] : ['ocf', 'heartbeat', id];
    const standard = provider === undefined ? `${cls}:${type}` : `${cls}:${provider}:${type}`;
    const fact = catalogue.agent(id);
    agent = { text, id, class: cls, ...(provider !== undefined ? { provider } : {}), type, standard, fencing: cls === 'stonith', command, ...(fact ? { fact } : {}) };
    agents.set(text, agent);
    return agent;
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the model of a parsed cluster block. */
export function resolve(file: A.HaFile, cluster: A.ClusterDecl, options: ResolveOptions): ClusterModel {
  const agentOf = agentResolver(options.catalogue);
  const nodes: Machine[] = [];
  const hosts: Machine[] = [];
  const remoteNodes: Machine[] = [];
  const settingLines: Record<SettingsKind, A.AttrSet[]> = { property: [], defaults: [], 'op-defaults': [] };
  const resources: Resource[] = [];
  const primitives: Primitive[] = [];
  const groups: Group[] = [];
  const clones: Clone[] = [];
  const bundles: Bundle[] = [];
  const aclRoles: AclRole[] = [];
  const aclTargets: AclTarget[] = [];
  const constraints: Constraint[] = [];
  const tags: Tag[] = [];
  const fencingLevels: FencingLevel[] = [];
  const alerts: Alert[] = [];
  const stackBlocks: A.StackBlock[] = [];
  const opsWith = new Map<string, Op[]>();
  const opsByName = new Map<string, Op[]>();
  const ids = new Map<string, Declared[]>();
  const machines = new Map<string, Machine[]>();
  const explicitIds: (A.Value | A.Ident)[] = [];
  let platformDecl: A.PlatformStmt | undefined;
  let autostart: A.AutostartStmt | undefined;
  let auth: A.AuthStmt | undefined;
  // References are linked once everything is declared.
  const links: (() => void)[] = [];

  // Sets that others may refer to (`$id-ref=`), by their `$id=`; the sets' rules.
  const setsById = new Map<string, AttrBag | AttrBlock>();
  const setRules: RuleUse[] = [];
  const ownSets: AttrBlock[] = [];
  const bagOf = (lines: readonly A.AttrSet[]): AttrBag => {
    for (const line of lines) {
      for (const a of line.setIds) explicitIds.push(a.value);
      for (const a of line.pairIds) explicitIds.push(a.value);
    }
    const bag = attrBag(lines);
    if (bag.setId && !setsById.has(bag.setId.value.text)) setsById.set(bag.setId.value.text, bag);
    for (const block of bag.blocks) {
      if (block.setId && !setsById.has(block.setId.value.text)) setsById.set(block.setId.value.text, block);
      if (block.rule) {
        ruleIds(block.rule);
        setRules.push({ rule: block.rule, owner: block });
      }
      ownSets.push(block);
      const ref = block.idRef;
      if (ref) links.push(() => {
        const target = setsById.get(ref.ident.text);
        if (target) (ref as { target?: AttrBag | AttrBlock }).target = target;
      });
    }
    return bag;
  };
  /** A rule's ids and its parenthesised groups' `id=`s: explicit CIB ids. */
  const ruleIds = (r: Rule): void => {
    const id = r.values.get('id');
    if (id) explicitIds.push(id.value);
    if (r.decl.expr) {
      walkNodes(r.decl.expr, (n) => {
        if (n.kind === 'rule-group') for (const a of n.attrs) if (a.key.text === 'id') explicitIds.push(a.value);
      });
    }
  };

  // A constraint's sets: members resolved, pairs merged, a set's `id=` among the explicit ids.
  const resourceSets = (sets: readonly A.ResourceSet[]): ResourceSetUse[] =>
    sets.map((set) => {
      const values = lastWins(set.attrs);
      const id = values.get('id');
      if (id) explicitIds.push(id.value);
      return { decl: set, members: set.members.map(resourceRef), values };
    });

  // Templates and primitives by the `<operations>` id they write: what `operations $id-ref=` names.
  const operationsById = new Map<string, Primitive | Template>();
  const templates: Template[] = [];

  /**
   * A primitive's or template's body: its sets, ops (indexed by key and name for a primitive's),
   * commands, default-ops and operations lines, into `p` (made first: its ops point back at it).
   */
  const resourceBody = (p: Primitive | Template, body: readonly A.PrimitiveItem[] | undefined): void => {
    const sets: Record<'params' | 'meta' | 'utilization', A.AttrSet[]> = { params: [], meta: [], utilization: [] };
    const ops = p.ops as Op[];
    const commands = p.commands as A.CommandLine[];
    let defaultOps: A.DefaultOpsLine | undefined;
    let operations: OperationsUse | undefined;
    let description: A.DescriptionLine | undefined;
    for (const item of body ?? []) {
      switch (item.kind) {
        case 'attr-set':
          sets[item.keyword.text === 'meta' || item.keyword.text === 'utilization' ? item.keyword.text : 'params'].push(item);
          break;
        case 'op': {
          const values = new Map<string, A.Attr>();
          let id: A.Attr | undefined;
          const body = item.body;
          const op: Op = {
            decl: item,
            primitive: p,
            name: item.name.text,
            values,
            params: body ? bagOf(body.filter((l) => l.keyword.text === 'params')) : EMPTY_BAG,
            meta: body ? bagOf(body.filter((l) => l.keyword.text === 'meta')) : EMPTY_BAG,
          };
          for (const a of item.attrs) {
            if (a.key.text === OP_ID_KEY && !a.missingEquals) {
              id = a;
              explicitIds.push(a.value);
            } else {
              if (!values.has(a.key.text)) push(opsWith, a.key.text, op);
              values.set(a.key.text, a);
            }
          }
          if (id) Object.assign(op, { id });
          ops.push(op);
          if (p.kind === 'primitive') push(opsByName, op.name, op);
          break;
        }
        case 'command':
          commands.push(item);
          break;
        case 'default-ops':
          defaultOps = item;
          break;
        case 'operations': {
          const values = lastWins(item.attrs);
          const id = values.get(SET_ID_KEY);
          const ref = values.get(SET_ID_REF_KEY);
          if (id) {
            explicitIds.push(id.value);
            if (!operationsById.has(id.value.text)) operationsById.set(id.value.text, p);
          }
          operations = {
            decl: item,
            ...(id ? { id } : {}),
            ...(ref ? { ref: reference(valueIdent(ref.value), (name) => operationsById.get(name)) } : {}),
          };
          break;
        }
        case 'description':
          description = item;
          break;
        default:
          A.assertNever(item);
      }
    }
    Object.assign(p, {
      params: bagOf(compact(sets.params)),
      meta: bagOf(compact(sets.meta)),
      utilization: bagOf(compact(sets.utilization)),
      ops: compact(ops),
      commands: compact(commands),
      ...(defaultOps ? { defaultOps } : {}),
      ...(operations ? { operations } : {}),
      ...(description ? { description } : {}),
    });
  };

  const primitive = (decl: A.PrimitiveStmt): Primitive => {
    const from = templateName(decl.agent.text);
    const p: Primitive = { kind: 'primitive', decl, name: decl.name.text, agent: agentOf(decl.agent.text), params: EMPTY_BAG, meta: EMPTY_BAG, utilization: EMPTY_BAG, ops: [], commands: [] };
    if (from !== undefined) {
      // The template's agent is the primitive's, once everything is declared.
      const ref = reference(valueIdent({ start: decl.agent.start + TEMPLATE_PREFIX.length, end: decl.agent.end, text: from }), (name) => templateByName.get(name));
      Object.assign(p, { template: ref });
      links.push(() => {
        if (ref.target) Object.assign(p, { agent: ref.target.agent });
      });
    }
    resourceBody(p, decl.body);
    primitives.push(p);
    push(ids, p.name, p);
    return p;
  };

  /** The members of a group or the child of a clone (inline or by name), and their meta and params lines. */
  const members = (list: readonly A.CloneItem[]): { items: Ref<Resource>[]; meta: AttrBag; params: AttrBag; description?: A.DescriptionLine } => {
    const items: Ref<Resource>[] = [];
    const metaLines: A.AttrSet[] = [];
    const paramsLines: A.AttrSet[] = [];
    let description: A.DescriptionLine | undefined;
    for (const item of list) {
      switch (item.kind) {
        case 'primitive':
          items.push({ ident: item.name, target: primitive(item) });
          break;
        case 'group':
          items.push({ ident: item.name, target: group(item) });
          break;
        case 'member':
          items.push(resourceRef(item.name));
          break;
        case 'attr-set':
          (item.keyword.text === 'params' ? paramsLines : metaLines).push(item);
          break;
        case 'description':
          description = item;
          break;
        default:
          A.assertNever(item);
      }
    }
    return { items, meta: bagOf(metaLines), params: bagOf(paramsLines), ...(description ? { description } : {}) };
  };

  const group = (decl: A.GroupStmt): Group => {
    const { items, meta, params, description } = members(decl.items);
    const g: Group = { kind: 'group', decl, name: decl.name.text, items, members: [], meta, params, ...(description ? { description } : {}) };
    groups.push(g);
    push(ids, g.name, g);
    return g;
  };

  /** A reference, linked once everything is declared (`find` reads the indexes built then). */
  const reference = <T>(ident: A.Ident, find: (name: string) => T | undefined): Ref<T> => {
    const ref: { ident: A.Ident; target?: T } = { ident };
    links.push(() => {
      const target = find(ident.text);
      if (target) ref.target = target;
    });
    return ref;
  };
  const resourceRef = (ident: A.Ident): Ref<Resource> => reference(ident, (name) => resourceByName.get(name));
  const nodeRef = (ident: A.Ident): Ref<Machine> => reference(ident, (name) => nodeByName.get(name));

  /** A level's target: its node, else target-pattern=, else target-attribute= (HA001 reports a mix). */
  const levelTarget = (s: A.FencingLevelStmt, values: ReadonlyMap<string, A.Attr>): LevelTarget => {
    if (s.target) return { kind: 'node', node: nodeRef(s.target) };
    const pattern = values.get('target-pattern');
    if (pattern) return { kind: 'pattern', pattern };
    const name = values.get('target-attribute') ?? values.get('target-value')!;
    const value = values.get('target-value');
    return { kind: 'attribute', name, ...(value ? { value } : {}) };
  };

  for (const s of cluster.statements) {
    switch (s.kind) {
      case 'platform':
        platformDecl = s;
        break;
      case 'autostart':
        autostart = s;
        break;
      case 'auth':
        auth = s;
        break;
      case 'node':
      case 'host': {
        const addrs = s.attrs.filter((a) => a.key.text === 'addr');
        const nets = s.attrs.filter((a) => a.key.text === 'net');
        const id = s.kind === 'node' ? s.attrs.filter((a) => a.key.text === 'id').pop() : undefined;
        const score = s.kind === 'node' ? s.attrs.filter((a) => a.key.text === 'score').pop() : undefined;
        const body = s.body ?? [];
        const sets = body.filter((l): l is A.AttrSet => l.kind === 'attr-set');
        const description = body.filter((l): l is A.DescriptionLine => l.kind === 'description').pop();
        const m: Machine = {
          kind: s.kind,
          decl: s,
          name: s.name.text,
          addrs,
          nets,
          ...(id ? { id } : {}),
          ...(score ? { score } : {}),
          attributes: bagOf(sets.filter((l) => l.keyword.text === 'attributes')),
          utilization: bagOf(sets.filter((l) => l.keyword.text === 'utilization')),
          ...(description ? { description } : {}),
        };
        const remote = s.kind === 'node' && s.attrs.filter((a) => a.key.text === 'type').pop()?.value.text === 'remote';
        (s.kind === 'host' ? hosts : remote ? remoteNodes : nodes).push(m);
        push(machines, m.name, m);
        break;
      }
      case 'attr-set':
        // At the cluster level only property, defaults and op-defaults are parsed as sets.
        settingLines[s.keyword.text as SettingsKind].push(s);
        break;
      case 'primitive':
        resources.push(primitive(s));
        break;
      case 'template': {
        const t: Template = { kind: 'template', decl: s, name: s.name.text, agent: agentOf(s.agent.text), params: EMPTY_BAG, meta: EMPTY_BAG, utilization: EMPTY_BAG, ops: [], commands: [] };
        resourceBody(t, s.body);
        templates.push(t);
        push(ids, t.name, t);
        break;
      }
      case 'group':
        resources.push(group(s));
        break;
      case 'clone': {
        const { items, meta, params, description } = members(s.items);
        const c: Clone = { kind: 'clone', decl: s, name: s.name.text, promotable: s.keyword.text === 'promotable', items, meta, params, ...(description ? { description } : {}) };
        clones.push(c);
        resources.push(c);
        push(ids, c.name, c);
        break;
      }
      case 'bundle': {
        const lines = (keyword: string) => s.items.filter((i): i is A.BundleLine => i.kind === 'bundle-line' && i.keyword.text === keyword);
        const inner = s.items.find((i): i is A.PrimitiveStmt => i.kind === 'primitive');
        const child = inner && primitive(inner);
        const container = lines('container').pop();
        const network = lines('network').pop();
        const description = s.items.filter((i): i is A.DescriptionLine => i.kind === 'description').pop();
        const b: Bundle = {
          kind: 'bundle',
          decl: s,
          name: s.name.text,
          ...(container ? { container } : {}),
          ...(network ? { network } : {}),
          portMaps: lines('port-map'),
          storageMaps: lines('storage-map'),
          ...(child ? { child } : {}),
          meta: bagOf(s.items.filter((i): i is A.AttrSet => i.kind === 'attr-set')),
          ...(description ? { description } : {}),
        };
        if (child) Object.assign(child, { parent: b });
        for (const line of [...b.portMaps, ...b.storageMaps]) {
          const id = lastWins(line.attrs).get('id');
          if (id) explicitIds.push(id.value);
        }
        bundles.push(b);
        resources.push(b);
        push(ids, b.name, b);
        break;
      }
      case 'acl-role': {
        const body = s.body ?? [];
        const description = body.filter((i): i is A.DescriptionLine => i.kind === 'description').pop();
        const permissions = body.flatMap((i) => (i.kind === 'acl-permission' ? [{ decl: i, values: lastWins(i.attrs) }] : []));
        for (const p of permissions) {
          const id = p.values.get('id');
          if (id) explicitIds.push(id.value);
        }
        aclRoles.push({ kind: 'acl-role', decl: s, name: s.name.text, permissions, ...(description ? { description } : {}) });
        // An ID in the CIB (acl_role), as an acl_group's is; an acl_target's is a user name.
        explicitIds.push(s.name);
        break;
      }
      case 'acl-target': {
        const values = lastWins(s.attrs);
        const roles = values.get('roles');
        const nameAttr = values.get('name');
        const refs = roles ? roleIdents(roles.value).map((ident) => reference(ident, (name) => aclRoles.find((r) => r.name === name))) : [];
        aclTargets.push({ kind: s.keyword.text, decl: s, name: s.name.text, ...(nameAttr ? { nameAttr } : {}), user: nameAttr?.value.text ?? s.name.text, roles: refs });
        if (s.keyword.text === 'acl-group') explicitIds.push(s.name);
        break;
      }
      case 'location': {
        const targets = s.targets.map((t): LocationTarget => ({ decl: t, node: nodeRef(t.node) }));
        const rules = s.rules.map(ruleOf);
        const sets = resourceSets(s.sets);
        const c: Location = { kind: 'location', decl: s, name: s.name.text, ...(s.resource ? { rsc: resourceRef(s.resource) } : {}), sets, values: lastWins(s.attrs), targets, rules };
        rules.forEach(ruleIds);
        constraints.push(c);
        push(ids, c.name, c);
        break;
      }
      case 'tag': {
        const t: Tag = { kind: 'tag', decl: s, name: s.name.text, members: s.members.map((m) => resourceRef(m.name)) };
        tags.push(t);
        push(ids, t.name, t);
        break;
      }
      case 'ticket':
      case 'colocation':
      case 'order': {
        const sets = resourceSets(s.sets);
        const a = s.resource && resourceRef(s.resource);
        const b = s.kind !== 'ticket' && s.target ? resourceRef(s.target) : undefined;
        const common = { name: s.name.text, sets, values: lastWins(s.attrs) };
        const c: Constraint =
          s.kind === 'ticket'
            ? { kind: 'ticket', decl: s, ...common, ...(a ? { rsc: a } : {}), ticket: s.ticket.text }
            : s.kind === 'colocation'
              ? { kind: 'colocation', decl: s, ...common, ...(a ? { rsc: a } : {}), ...(b ? { withRsc: b } : {}) }
              : { kind: 'order', decl: s, ...common, ...(a ? { first: a } : {}), ...(b ? { then: b } : {}) };
        constraints.push(c);
        push(ids, c.name, c);
        break;
      }
      case 'fencing-level': {
        const values = lastWins(s.attrs);
        const id = values.get('id');
        if (id) explicitIds.push(id.value);
        fencingLevels.push({ kind: 'fencing-level', decl: s, ...levelIndex(s.index.text), target: levelTarget(s, values), devices: s.devices.map(resourceRef), values });
        break;
      }
      case 'alert': {
        explicitIds.push(s.name);
        const body = s.body ?? [];
        const sets = (items: readonly A.AlertItem[], keyword: 'params' | 'meta') => bagOf(items.filter((i): i is A.AttrSet => i.kind === 'attr-set' && i.keyword.text === keyword));
        const recipients = body.flatMap((i): Recipient[] => {
          if (i.kind !== 'recipient') return [];
          const id = lastWins(i.attrs).get('id');
          if (id) explicitIds.push(id.value);
          return [{ decl: i, value: i.value.text, ...(id ? { id } : {}), params: sets(i.body ?? [], 'params'), meta: sets(i.body ?? [], 'meta') }];
        });
        const selects = body.filter((i): i is A.SelectLine => i.kind === 'select');
        alerts.push({ kind: 'alert', decl: s, name: s.name.text, path: s.path, params: sets(body, 'params'), meta: sets(body, 'meta'), selects, recipients });
        break;
      }
      case 'sbd':
      case 'corosync':
        stackBlocks.push(s);
        break;
      default:
        A.assertNever(s);
    }
  }
  const settings = {
    property: bagOf(settingLines.property),
    defaults: bagOf(settingLines.defaults),
    'op-defaults': bagOf(settingLines['op-defaults']),
  };

  // Inline primitives of groups were met after later top-level ones: source order for everyone.
  primitives.sort((a, b) => a.decl.start - b.decl.start);
  groups.sort((a, b) => a.decl.start - b.decl.start);
  explicitIds.sort((a, b) => a.start - b.start);
  const resourceByName = new Map<string, Resource>();
  for (const [name, decls] of ids) {
    const r = decls.find(isResource);
    if (r) resourceByName.set(name, r);
  }
  const templateByName = new Map<string, Template>();
  for (const t of templates) if (!templateByName.has(t.name)) templateByName.set(t.name, t);
  const nodeByName = new Map<string, Machine>();
  for (const n of [...nodes, ...remoteNodes]) if (!nodeByName.has(n.name)) nodeByName.set(n.name, n);
  for (const link of links) link();

  // A primitive belongs to the first group that lists it, inline or by name (HA104 reports the others).
  for (const g of groups) {
    const members: Primitive[] = [];
    for (const item of g.items) {
      const p = item.target;
      if (p?.kind !== 'primitive') continue;
      if (p.parent === undefined) Object.assign(p, { parent: g });
      if (p.parent === g && !members.includes(p)) members.push(p);
    }
    Object.assign(g, { members });
  }
  // A clone holds its first child that nothing else holds (HA104 reports a second child, a child
  // already in a group or clone, and a clone of a clone).
  for (const c of clones) {
    for (const item of c.items) {
      const r = item.target;
      if ((r?.kind !== 'primitive' && r?.kind !== 'group') || r.parent !== undefined) continue;
      Object.assign(r, { parent: c });
      if (c.child === undefined) Object.assign(c, { child: r });
    }
  }

  const declared = platformDecl && isPlatformName(platformDecl.name.text) ? platformDecl.name.text : undefined;
  const platform = options.target ?? declared ?? DEFAULT_PLATFORM;
  const sbd = resolveSbd(stackBlocks.filter((b) => b.kind === 'sbd'));
  return {
    file,
    cluster,
    platform,
    ...(platformDecl ? { platformDecl } : {}),
    ...(autostart ? { autostart } : {}),
    ...(auth ? { auth } : {}),
    nodes,
    remoteNodes,
    hosts,
    settings,
    resources: resources.filter((r) => parentOf(r) === undefined),
    primitives,
    groups,
    clones,
    bundles,
    aclRoles,
    aclTargets,
    allResources: [...primitives, ...groups, ...clones, ...bundles],
    opsWith,
    opsByName,
    constraints,
    rules: [...constraints.flatMap((c) => (c.kind === 'location' ? c.rules.map((rule) => ({ rule, owner: c })) : [])), ...setRules].sort((a, b) => a.rule.decl.start - b.rule.decl.start),
    namedSets: setsById,
    ownSets: ownSets.sort((a, b) => a.decl.start - b.decl.start),
    tags,
    templates,
    fencingLevels,
    alerts,
    ...(sbd ? { sbd } : {}),
    corosync: resolveCorosync(stackBlocks.filter((b) => b.kind === 'corosync'), platform),
    ids,
    machines,
    explicitIds,
    ...treeIndex(cluster),
  };
}

/** A level's index: a positive integer as Pacemaker reads it, or nothing. */
function levelIndex(text: string): { index?: number } {
  return /^[1-9][0-9]{0,8}$/.test(text) ? { index: Number(text) } : {};
}

/** The tree's nodes, pairs and values, found in one walk (the model's treeNodes, attrs and values). */
function treeIndex(cluster: A.ClusterDecl): Pick<ClusterModel, 'treeNodes' | 'attrs' | 'values'> {
  const treeNodes: TreeNode[] = [];
  const attrs: { attr: A.Attr; owner: A.Node }[] = [];
  const values: A.Value[] = [];
  walkNodes(cluster, (node, parent) => {
    if (node.kind === 'value') values.push(node);
    else if (node.kind === 'attr') attrs.push({ attr: node, owner: parent! });
    else if (node.kind !== 'ident') treeNodes.push({ node, parent });
  });
  return { treeNodes, attrs, values };
}

/** Whether a node id is valid as corosync's (a positive 32-bit integer). */
export function isNodeId(text: string): boolean {
  return NODE_ID.test(text) && Number(text) <= 0xffffffff;
}
