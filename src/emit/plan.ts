// The resolved view of a cluster that every build artifact is generated from: the CIB (cib.ts) and
// the setup script both read a ClusterPlan, so they cannot disagree about an id, a value or an op.
//
// Ids are derived the way pcs 0.11 derives them (`vip-instance_attributes`,
// `vip-instance_attributes-ip`, `vip-meta_attributes-target-role`, `vip-monitor-interval-10s`,
// `cib-bootstrap-options-NAME`, `rsc_defaults-meta_attributes-NAME`); constraints keep the ids the
// user gave them, and so do attribute sets written with `$id=`, ops with `id=` and nodes with `id=`
// (what `hacc import` writes where a cluster's ids are not the derived ones). Every derived id is allocated against every user id and every id allocated
// before it, and a taken id gets pcs's `-1`, `-2`… suffix, so the result never has duplicates.
//
// Default operations (documented for operators in grammar/build.md, "Default operations"): hacc
// completes each primitive's ops exactly as `pcs resource create` / `pcs stonith create` of
// pcs 0.11.5 does without `--no-default-ops` (read from pcs/lib/cib/resource/{agent,operations}.py
// and checked by running `pcs -f scratch.xml resource create …`):
//   - the ops the user wrote come first, in source order; one without an interval gets
//     interval=60s when it is a monitor and 0s otherwise; nothing else is added to them (an
//     explicit `op start on-fail=block` keeps no timeout: Pacemaker then uses op-defaults or 20s);
//   - then, for every action the agent's meta-data advises whose name the user did not use at
//     all: resources take every action except meta-data, validate-all and status (so Dummy gets
//     migrate_from, migrate_to, reload, reload-agent; iscsi gets methods); fencing devices take
//     only monitor. Each gets the advised interval (default as above), timeout and role, and
//     OCF_CHECK_LEVEL when the advised depth is not 0. Advised intervals that repeat for one name
//     are made unique by adding seconds, as pcs does;
//   - a monitor is always present: with no advice and none written, `monitor interval=60s`;
//   - `default-ops none` turns all of the above off: exactly the written ops;
//   - the ops are then ordered by name (stable), and each gets the id
//     `RESOURCE-NAME-interval-INTERVAL` with the interval as written.
// An agent the catalogue does not know (HA202) has no advice: it gets the user's ops plus the
// necessary monitor. The generated ocf:hacc:anything agent's advice is ANYTHING_AGENT_FACT.
// Role names follow the platform: Promoted/Unpromoted where Pacemaker has them (2.1+), else
// Master/Slave, whichever the user or the meta-data wrote.

import type { Catalogue } from '../catalogue/catalogue.js';
import type { ActionFact, AgentFact } from '../catalogue/types.js';
import type { CheckedModel } from '../check/check.js';
import { allAttrs, explicitIds, opIdAttr, settingAttrs } from '../model/model.js';
import { PLATFORMS, type PlatformName } from '../model/platforms.js';
import { compareVersions, PLATFORM_PACEMAKER_VERSION } from '../catalogue/platforms.js';
import type * as A from '../syntax/ast.js';
import { PAIR_ID_PREFIX } from '../syntax/ast.js';
import { ANYTHING_AGENT_FACT, ANYTHING_AGENT_ID } from '../catalogue/hacc-agents.js';

/** A value as it goes into the cluster: literal text, or a secret read when the setup script runs. */
export type PlanValue =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'secret'; readonly scheme: 'env' | 'file'; readonly ref: string };

/** One nvpair. `id` is its CIB id, reserved even for a secret (the setup script creates it). */
export interface PlanAttr {
  readonly id: string;
  readonly name: string;
  readonly value: PlanValue;
}

/** An nvset (`instance_attributes`, `meta_attributes`, a property set): attrs sorted as pcs does. */
export interface PlanAttrSet {
  readonly id: string;
  readonly attrs: readonly PlanAttr[];
}

/** An op. `attrs` are the op's XML attributes other than id, name and interval, in written order. */
export interface PlanOp {
  readonly id: string;
  readonly name: string;
  readonly interval: string;
  readonly attrs: readonly { readonly name: string; readonly value: string }[];
  /** OCF_CHECK_LEVEL, as an nvset inside the op. */
  readonly instanceAttributes?: PlanAttrSet;
  /** `explicit`: written by the user; `default`: completed from the agent's advice. */
  readonly origin: 'explicit' | 'default';
}

export interface PlanPrimitive {
  readonly kind: 'primitive';
  readonly id: string;
  /** Full agent name: `ocf:heartbeat:IPaddr2`, `stonith:fence_ipmilan`, `ocf:hacc:anything`. */
  readonly agent: string;
  readonly class: string;
  readonly provider?: string;
  readonly type: string;
  /** A fencing device (class stonith). */
  readonly fencing: boolean;
  /** The group that holds it, if any. */
  readonly group?: string;
  readonly params: PlanAttrSet;
  readonly meta: PlanAttrSet;
  readonly ops: readonly PlanOp[];
}

export interface PlanGroup {
  readonly kind: 'group';
  readonly id: string;
  readonly members: readonly PlanPrimitive[];
  readonly meta: PlanAttrSet;
}

export type PlanResource = PlanPrimitive | PlanGroup;

export interface PlanLocation {
  readonly kind: 'location';
  readonly id: string;
  readonly rsc: string;
  readonly node: string;
  /** `prefers` gives the score as written (INFINITY when none), `avoids` its negation. */
  readonly score: string;
  /** `role`, `resource-discovery` as written; present only when the file gives some. */
  readonly attrs?: readonly { readonly name: string; readonly value: string }[];
}

export interface PlanColocation {
  readonly kind: 'colocation';
  readonly id: string;
  readonly rsc: string;
  readonly withRsc: string;
  readonly score: string;
  /** Other attributes as written (`rsc-role`, `with-rsc-role`, `node-attribute`, …). */
  readonly attrs: readonly { readonly name: string; readonly value: string }[];
}

export interface PlanOrder {
  readonly kind: 'order';
  readonly id: string;
  readonly first: string;
  readonly then: string;
  readonly firstAction: string;
  readonly thenAction: string;
  /** Absent means Pacemaker's default, Mandatory. */
  readonly orderKind?: string;
  readonly symmetrical?: string;
  /** Other attributes as written. */
  readonly attrs: readonly { readonly name: string; readonly value: string }[];
}

export type PlanConstraint = PlanLocation | PlanColocation | PlanOrder;

export interface PlanAddr {
  /** As written: `10.0.0.11/24`. */
  readonly text: string;
  /** The address alone: `10.0.0.11`. */
  readonly ip: string;
  readonly prefix?: number;
}

export interface PlanNode {
  readonly name: string;
  /** Corosync node id: 1..n in declaration order; also the CIB `<node id>`. */
  readonly id: number;
  readonly addrs: readonly PlanAddr[];
}

export interface PlanHost {
  readonly name: string;
  readonly addrs: readonly PlanAddr[];
}

/** What the platform's Pacemaker accepts in a CIB. */
export interface PlanCibTarget {
  /** The Pacemaker version hacc assumes for the platform. */
  readonly pacemaker: string;
  /** `validate-with` of a full CIB. */
  readonly schema: string;
  /** Role names: Promoted/Unpromoted (`current`, Pacemaker 2.1+) or Master/Slave (`legacy`). */
  readonly roles: 'current' | 'legacy';
}

export interface ClusterPlan {
  readonly name: string;
  readonly platform: PlatformName;
  readonly cib: PlanCibTarget;
  readonly auth?: { readonly user: string; readonly password?: PlanValue };
  readonly nodes: readonly PlanNode[];
  readonly hosts: readonly PlanHost[];
  /** `cib-bootstrap-options`: one nvpair per property, first-appearance order, last value wins. */
  readonly properties: PlanAttrSet;
  /** Present when the file declares `defaults`. */
  readonly rscDefaults?: PlanAttrSet;
  /** Present when the file declares `op-defaults`. */
  readonly opDefaults?: PlanAttrSet;
  /** Top-level resources in declaration order; a group holds its members in group order. */
  readonly resources: readonly PlanResource[];
  readonly constraints: readonly PlanConstraint[];
}

/**
 * What a CIB may contain on a platform, from the Pacemaker version the catalogue assigns it.
 * Pacemaker 1.1 (el6 1.1.18, el7 1.1.23): pacemaker-2.10, the newest schema of the 1.1 series (3.0
 * came with 2.0.0), and only Master/Slave. Pacemaker 2.1.5 and later (el8 2.1.7, el9 2.1.9,
 * debian12 2.1.5): pacemaker-3.9, the newest schema every one of them ships (2.1.5 brought 3.9, 3.10
 * came with 2.1.8), enough for everything hacc writes (Promoted/Unpromoted needs 3.7, Pacemaker 2.1).
 */
export function cibTarget(platform: PlatformName): PlanCibTarget {
  const pacemaker = PLATFORM_PACEMAKER_VERSION[platform];
  if (compareVersions(pacemaker, '2.0.0') < 0) return { pacemaker, schema: 'pacemaker-2.10', roles: 'legacy' };
  if (compareVersions(pacemaker, '2.1.5') < 0) throw new Error(`no CIB schema chosen for Pacemaker ${pacemaker} (${platform})`);
  return { pacemaker, schema: 'pacemaker-3.9', roles: 'current' };
}

export const CIB_TARGETS: Readonly<Record<PlatformName, PlanCibTarget>> = Object.fromEntries(
  PLATFORMS.map((p) => [p, cibTarget(p)]),
) as Record<PlatformName, PlanCibTarget>;

/** Every primitive of a plan, group members in place, in CIB order. */
export function planPrimitives(plan: ClusterPlan): PlanPrimitive[] {
  return plan.resources.flatMap((r) => (r.kind === 'group' ? [...r.members] : [r]));
}

const VALID_ID = /^[a-zA-Z_][a-zA-Z0-9_.-]*$/;

/** Pacemaker's id syntax, as pcs's sanitize_id enforces it. */
export function sanitizeId(candidate: string): string {
  if (candidate === '' || VALID_ID.test(candidate)) return candidate;
  const first = /[a-zA-Z_]/.test(candidate[0]!) ? candidate[0]! : '';
  return first + candidate.slice(1).replace(/[^a-zA-Z0-9_.-]/g, '');
}

/** Hands out ids the way pcs's IdProvider does: the proposal, else the proposal with -1, -2, … */
class IdAllocator {
  private readonly taken: Set<string>;
  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }
  allocate(proposal: string): string {
    const base = sanitizeId(proposal);
    let id = base;
    for (let n = 1; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

const literal = (text: string): PlanValue => ({ kind: 'literal', text });

function valueOf(v: A.Value): PlanValue {
  return v.secret ? { kind: 'secret', scheme: v.secret.scheme, ref: v.secret.ref } : literal(v.text);
}

/** name -> value, in first-appearance order, the last value winning (like repeated `pcs … set`). */
function lastWins(attrs: readonly A.Attr[]): Map<string, PlanValue> {
  const out = new Map<string, PlanValue>();
  for (const a of attrs) out.set(a.key.text, valueOf(a.value));
  return out;
}

function byName<T extends { readonly name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * An nvset with pcs's ids; `sorted` orders nvpairs by name as pcs does for resources. `explicit` is
 * a `$id=` the file wrote: it is used as is (it was reserved with the user ids).
 */
function attrSet(ids: IdAllocator, setId: string, values: Map<string, PlanValue>, sorted: boolean, multi = false, explicit?: Explicit): PlanAttrSet {
  const id = explicit?.id ?? ids.allocate(setId);
  const entries = [...values].map(([name, value]) => ({ name, value }));
  if (sorted) entries.sort(byName);
  // pcs 0.11's nvpair_multi (property set, resource [op] defaults update) cuts the name to 20
  // characters in the nvpair id: cib-bootstrap-options-priority-fencing-del.
  const idName = (name: string) => (multi ? name.slice(0, 20) : name);
  const pairId = (name: string) => explicit?.pairIds.get(name) ?? ids.allocate(`${id}-${idName(name)}`);
  return { id, attrs: entries.map((e) => ({ id: pairId(e.name), name: e.name, value: e.value })) };
}

/** `class:provider:type` split; `anything` is the generated command agent. */
export function splitAgent(agent: string): { agent: string; class: string; provider?: string; type: string } {
  const full = agent === 'anything' ? ANYTHING_AGENT_ID : agent;
  const parts = full.split(':');
  if (parts.length >= 3) return { agent: full, class: parts[0]!, provider: parts[1]!, type: parts.slice(2).join(':') };
  if (parts.length === 2) return { agent: full, class: parts[0]!, type: parts[1]! };
  // A bare type: pcs resolves it to ocf:heartbeat:TYPE when that is the only match.
  return { agent: `ocf:heartbeat:${full}`, class: 'ocf', provider: 'heartbeat', type: full };
}

function agentFact(agent: string, catalogue: Catalogue): AgentFact | undefined {
  return catalogue.agent(agent) ?? (agent === ANYTHING_AGENT_ID ? ANYTHING_AGENT_FACT : undefined);
}

const LEGACY_ROLES: Record<string, string> = { Promoted: 'Master', Unpromoted: 'Slave' };
const CURRENT_ROLES: Record<string, string> = { Master: 'Promoted', Slave: 'Unpromoted' };

/** A role as the platform writes it (capitalised, as pcs normalises it). */
export function platformRole(role: string, roles: PlanCibTarget['roles']): string {
  const r = role.charAt(0).toUpperCase() + role.slice(1).toLowerCase();
  return (roles === 'legacy' ? LEGACY_ROLES[r] : CURRENT_ROLES[r]) ?? r;
}

/** Ids a file wrote for an attribute set (`$id=`) and its nvpairs (`$id.NAME=`). */
interface Explicit {
  readonly id?: string;
  readonly pairIds: ReadonlyMap<string, string>;
}

/** The explicit ids of the lines of one attribute set: the last `$id=`, and the last `$id.NAME=` of each name. */
function blockId(blocks: readonly { readonly id?: A.Attr; readonly pairIds?: readonly A.Attr[] }[]): Explicit {
  const id = blocks.flatMap((b) => (b.id ? [b.id.value.text] : [])).pop();
  const pairIds = new Map<string, string>();
  for (const b of blocks) for (const a of b.pairIds ?? []) pairIds.set(a.key.text.slice(PAIR_ID_PREFIX.length), a.value.text);
  return { ...(id !== undefined ? { id } : {}), pairIds };
}

/** pcs's default interval of an op written without one. */
function defaultInterval(name: string): string {
  return name === 'monitor' ? '60s' : '0s';
}

/** Seconds of an interval as pcs's timeout_to_seconds reads it, or undefined. */
function intervalSeconds(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^(\d+)(s|sec|m|min|h|hr)$/.exec(text);
  if (!m) return undefined;
  const factor: Record<string, number> = { s: 1, sec: 1, m: 60, min: 60, h: 3600, hr: 3600 };
  return Number(m[1]) * factor[m[2]!]!;
}

interface OpDraft {
  /** Written as `id=`. */
  id?: string;
  name: string;
  interval: string;
  attrs: { name: string; value: string }[];
  checkLevel?: string;
  origin: 'explicit' | 'default';
}

function explicitOp(op: A.OpDecl, roles: PlanCibTarget['roles']): OpDraft {
  const attrs = new Map<string, string>();
  for (const a of op.attrs) {
    const key = a.key.text;
    let value = a.value.text;
    if (key === 'role') value = platformRole(value, roles);
    else if (key === 'on-fail' || key === 'record-pending' || key === 'enabled') value = value.toLowerCase();
    attrs.set(key, value);
  }
  const interval = attrs.get('interval') ?? defaultInterval(op.name.text);
  const checkLevel = attrs.get('OCF_CHECK_LEVEL');
  const id = opIdAttr(op)?.value.text;
  attrs.delete('interval');
  attrs.delete('OCF_CHECK_LEVEL');
  attrs.delete('id');
  return {
    ...(id !== undefined ? { id } : {}),
    name: op.name.text,
    interval,
    attrs: [...attrs].map(([name, value]) => ({ name, value })),
    ...(checkLevel !== undefined ? { checkLevel } : {}),
    origin: 'explicit',
  };
}

/** The actions pcs takes advice from (resources: all but meta-data, validate-all, status; fencing: monitor), a monitor always among them. */
function advisedActions(fact: AgentFact | undefined, fencing: boolean): readonly ActionFact[] {
  const advised: ActionFact[] = (fact?.actions ?? []).filter((a) =>
    fencing ? a.name === 'monitor' : !['meta-data', 'validate-all', 'status'].includes(a.name),
  );
  if (!advised.some((a) => a.name === 'monitor')) advised.push({ name: 'monitor' });
  return advised;
}

/** advisedActions, worked out once per agent (a large file has thousands of primitives of a few agents). */
const advisedOf = new WeakMap<AgentFact, { resource?: readonly ActionFact[]; fencing?: readonly ActionFact[] }>();
const NO_FACT_ADVICE = { resource: advisedActions(undefined, false), fencing: advisedActions(undefined, true) };

function advisedFor(fact: AgentFact | undefined, fencing: boolean): readonly ActionFact[] {
  if (!fact) return fencing ? NO_FACT_ADVICE.fencing : NO_FACT_ADVICE.resource;
  let cached = advisedOf.get(fact);
  if (!cached) advisedOf.set(fact, (cached = {}));
  return fencing ? (cached.fencing ??= advisedActions(fact, true)) : (cached.resource ??= advisedActions(fact, false));
}

/** The ops pcs adds from the agent's advice for the names the user did not write. */
function defaultOps(fact: AgentFact | undefined, fencing: boolean, written: ReadonlySet<string>, roles: PlanCibTarget['roles']): OpDraft[] {
  const advised = advisedFor(fact, fencing);
  const used = new Map<string, Set<number>>();
  const out: OpDraft[] = [];
  for (const action of advised) {
    if (written.has(action.name)) continue;
    let interval = action.interval !== undefined && action.interval !== '' ? action.interval : defaultInterval(action.name);
    const seconds = intervalSeconds(interval);
    if (seconds !== undefined) {
      const set = used.get(action.name) ?? new Set<number>();
      used.set(action.name, set);
      let s = seconds;
      while (set.has(s)) s++;
      set.add(s);
      if (s !== seconds) interval = String(s);
    }
    const attrs: { name: string; value: string }[] = [];
    if (action.timeout !== undefined && action.timeout !== '') attrs.push({ name: 'timeout', value: action.timeout });
    if (action.role !== undefined && action.role !== '') attrs.push({ name: 'role', value: platformRole(action.role, roles) });
    out.push({
      name: action.name,
      interval,
      attrs,
      ...(action.depth !== undefined && action.depth !== '' && action.depth !== '0' ? { checkLevel: action.depth } : {}),
      origin: 'default',
    });
  }
  return out;
}

function planOps(ids: IdAllocator, rscId: string, drafts: OpDraft[]): PlanOp[] {
  // Array.prototype.sort is stable: explicit ops stay ahead of defaults of the same name.
  return [...drafts].sort(byName).map((d) => {
    const id = d.id ?? ids.allocate(`${rscId}-${d.name}-interval-${d.interval}`);
    const op: PlanOp = {
      id,
      name: d.name,
      interval: d.interval,
      attrs: d.attrs,
      origin: d.origin,
      ...(d.checkLevel !== undefined
        ? { instanceAttributes: attrSet(ids, `${id}-instance_attributes`, new Map([['OCF_CHECK_LEVEL', literal(d.checkLevel)]]), true) }
        : {}),
    };
    return op;
  });
}

/** splitAgent once per agent text (read only: planPrimitive copies its fields). */
const splits = new Map<string, ReturnType<typeof splitAgent>>();

function planPrimitive(ids: IdAllocator, p: A.PrimitiveDecl, group: string | undefined, catalogue: Catalogue, target: PlanCibTarget): PlanPrimitive {
  let split = splits.get(p.agent.text);
  if (!split) splits.set(p.agent.text, (split = splitAgent(p.agent.text)));
  const fencing = split.class === 'stonith';
  const params = new Map<string, PlanValue>();
  if (p.agent.text === 'anything') {
    for (const c of p.commands) params.set(`${c.action.text}_cmd`, literal(c.value.text));
  }
  for (const [name, value] of lastWins(allAttrs(p.params))) params.set(name, value);
  const meta = lastWins(allAttrs(p.meta));
  if (meta.has('target-role')) {
    const v = meta.get('target-role')!;
    if (v.kind === 'literal') meta.set('target-role', literal(platformRole(v.text, target.roles)));
  }
  const explicit = p.ops.map((o) => explicitOp(o, target.roles));
  const written = new Set(explicit.map((o) => o.name));
  // `default-ops none`: exactly the written ops, not even the monitor pcs would add.
  const completed = p.defaultOps ? [] : defaultOps(agentFact(split.agent, catalogue), fencing, written, target.roles);
  const drafts = [...explicit, ...completed];
  const id = p.name.text;
  return {
    kind: 'primitive',
    id,
    ...split,
    fencing,
    ...(group !== undefined ? { group } : {}),
    params: attrSet(ids, `${id}-instance_attributes`, params, true, false, blockId(p.params)),
    meta: attrSet(ids, `${id}-meta_attributes`, meta, true, false, blockId(p.meta)),
    ops: planOps(ids, id, drafts),
  };
}

/**
 * Node ids: a node's `id=` when written, else the smallest positive integer no written id and no
 * earlier node takes (so without any `id=`, 1..n in declaration order).
 */
function planNodes(nodes: readonly A.MachineDecl[]): PlanNode[] {
  const written = (n: A.MachineDecl) => n.attrs.filter((a) => a.key.text === 'id').pop()?.value.text;
  const taken = new Set(nodes.flatMap((n) => (written(n) !== undefined ? [Number(written(n))] : [])));
  let next = 1;
  return nodes.map((n) => {
    const w = written(n);
    let id: number;
    if (w !== undefined) id = Number(w);
    else {
      while (taken.has(next)) next++;
      id = next;
      taken.add(id);
    }
    return { name: n.name.text, id, addrs: addrsOf(n) };
  });
}

function parseAddr(text: string): PlanAddr {
  const [ip, prefix] = text.split('/');
  return { text, ip: ip!, ...(prefix !== undefined && /^\d+$/.test(prefix) ? { prefix: Number(prefix) } : {}) };
}

function addrsOf(m: A.MachineDecl): PlanAddr[] {
  return m.attrs.filter((a) => a.key.text === 'addr').map((a) => parseAddr(a.value.text));
}

/** `avoids` negates the written score: 100 -> -100, INFINITY -> -INFINITY, -5 -> 5. */
function negate(score: string): string {
  const s = score.startsWith('+') ? score.slice(1) : score;
  return s.startsWith('-') ? s.slice(1) : `-${s}`;
}

function pairAttrs(c: A.PairConstraintDecl, skip: readonly string[], roles: PlanCibTarget['roles']): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of c.attrs) {
    if (skip.includes(a.key.text)) continue;
    out.set(a.key.text, a.key.text.endsWith('role') ? platformRole(a.value.text, roles) : a.value.text);
  }
  return out;
}

function planConstraints(ids: IdAllocator, model: CheckedModel, target: PlanCibTarget): PlanConstraint[] {
  const out: PlanConstraint[] = [];
  for (const c of model.constraints) {
    if (c.kind === 'location') {
      // One rsc_location per node: the user's id when there is one node, ID-NODE for each when several.
      const attrs = new Map<string, string>();
      for (const a of c.attrs) attrs.set(a.key.text, a.key.text === 'role' ? platformRole(a.value.text, target.roles) : a.value.text);
      for (const t of c.targets) {
        const written = t.score?.text ?? 'INFINITY';
        out.push({
          kind: 'location',
          id: c.targets.length === 1 ? c.name.text : ids.allocate(`${c.name.text}-${t.node.text}`),
          rsc: c.resource.text,
          node: t.node.text,
          score: c.mode.text === 'avoids' ? negate(written) : written,
          ...(attrs.size > 0 ? { attrs: [...attrs].map(([name, value]) => ({ name, value })) } : {}),
        });
      }
    } else if (c.kind === 'colocation') {
      const attrs = pairAttrs(c, [], target.roles);
      const score = attrs.get('score') ?? 'INFINITY';
      attrs.delete('score');
      out.push({
        kind: 'colocation',
        id: c.name.text,
        rsc: c.resource.text,
        withRsc: c.target.text,
        score,
        attrs: [...attrs].map(([name, value]) => ({ name, value })),
      });
    } else {
      const attrs = pairAttrs(c, [], target.roles);
      const take = (k: string) => {
        const v = attrs.get(k);
        attrs.delete(k);
        return v;
      };
      const firstAction = take('first-action') ?? 'start';
      const thenAction = take('then-action') ?? 'start';
      const orderKind = take('kind');
      const symmetrical = take('symmetrical');
      out.push({
        kind: 'order',
        id: c.name.text,
        first: c.resource.text,
        then: c.target.text,
        firstAction,
        thenAction,
        ...(orderKind !== undefined ? { orderKind } : {}),
        ...(symmetrical !== undefined ? { symmetrical } : {}),
        attrs: [...attrs].map(([name, value]) => ({ name, value })),
      });
    }
  }
  return out;
}

/** The plan both the CIB and the setup script are generated from. Pure and deterministic. */
export function planCluster(model: CheckedModel, catalogue: Catalogue): ClusterPlan {
  const target = CIB_TARGETS[model.platform];
  // User ids first (names and explicit `$id=`/op `id=`): derived ids step around them, never the
  // other way round.
  const ids = new IdAllocator([...model.ids.keys(), ...explicitIds(model).map((v) => v.text)]);
  const settingsId = (kind: A.SettingsDecl['kind']) => blockId(model.settings.filter((s) => s.kind === kind));
  const properties = attrSet(ids, 'cib-bootstrap-options', lastWins(settingAttrs(model, 'property')), false, true, settingsId('property'));
  const defaultsOf = (kind: 'defaults' | 'op-defaults', setId: string): PlanAttrSet | undefined => {
    const attrs = settingAttrs(model, kind);
    return attrs.length === 0 ? undefined : attrSet(ids, setId, lastWins(attrs), false, true, settingsId(kind));
  };
  const rscDefaults = defaultsOf('defaults', 'rsc_defaults-meta_attributes');
  const opDefaults = defaultsOf('op-defaults', 'op_defaults-meta_attributes');

  const resources: PlanResource[] = [];
  for (const s of model.cluster.statements) {
    if (s.kind === 'primitive') {
      if (!model.groupOf.has(s)) resources.push(planPrimitive(ids, s, undefined, catalogue, target));
    } else if (s.kind === 'group') {
      const members = (model.members.get(s) ?? [])
        .filter((p) => model.groupOf.get(p) === s)
        .map((p) => planPrimitive(ids, p, s.name.text, catalogue, target));
      const metaBlocks = s.items.flatMap((i) => (i.kind === 'meta' ? [i.block] : []));
      const meta = lastWins(metaBlocks.flatMap((b) => b.attrs));
      resources.push({ kind: 'group', id: s.name.text, members, meta: attrSet(ids, `${s.name.text}-meta_attributes`, meta, true, false, blockId(metaBlocks)) });
    }
  }

  const password = model.auth?.attrs.filter((a) => a.key.text === 'password').pop();
  return {
    name: model.cluster.name.text,
    platform: model.platform,
    cib: target,
    ...(model.auth ? { auth: { user: model.auth.user.text, ...(password ? { password: valueOf(password.value) } : {}) } } : {}),
    nodes: planNodes(model.nodes),
    hosts: model.hosts.map((h) => ({ name: h.name.text, addrs: addrsOf(h) })),
    properties,
    ...(rscDefaults ? { rscDefaults } : {}),
    ...(opDefaults ? { opDefaults } : {}),
    resources,
    constraints: planConstraints(ids, model, target),
  };
}
