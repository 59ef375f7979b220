// Operations: the ones the file writes, completed as pcs completes them. Documented for operators
// in grammar/build.md, "Default operations": hacc completes each primitive's ops exactly as
// `pcs resource create` / `pcs stonith create` of pcs 0.11.5 does without `--no-default-ops` (read
// from pcs/lib/cib/resource/{agent,operations}.py and checked by running `pcs -f scratch.xml
// resource create …`):
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
//     `RESOURCE-NAME-interval-INTERVAL` with the interval as written (lower.ts).
// An agent the catalogue does not know (HA202) has no advice: it gets the user's ops plus the
// necessary monitor. The generated ocf:hacc:anything agent's advice is ANYTHING_AGENT_FACT.
// Role names follow the platform: Promoted/Unpromoted where Pacemaker has them (2.1+), else
// Master/Slave, whichever the user or the meta-data wrote.

import { compact } from '../compact.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import { ACTION_SINCE, compareVersions } from '../catalogue/platforms.js';
import { ANYTHING_AGENT_FACT, ANYTHING_AGENT_ID } from '../catalogue/hacc-agents.js';
import type { ActionFact, AgentFact } from '../catalogue/types.js';
import type { Built, XmlAttr } from '../cib/model.js';
import { platformRole, type RoleSpelling } from '../language/roles.js';
import type { Agent, AttrBag, Op } from '../model/model.js';

/** An op before it has its id. */
export interface OpDraft {
  /** Written as `id=`. */
  readonly id?: string;
  readonly name: string;
  readonly interval: string;
  /** The op's XML attributes other than id, name and interval, in written order. */
  readonly attrs: readonly XmlAttr[];
  readonly checkLevel?: string;
  /** The written op's `{ params … }` and `{ meta … }`. */
  readonly params?: AttrBag;
  readonly meta?: AttrBag;
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

/** A written op: values as pcs normalises them (roles per platform, some keywords in lower case). */
export function explicitOp(op: Op, roles: RoleSpelling): OpDraft {
  const attrs: [string, string][] = [];
  let interval: string | undefined;
  let checkLevel: string | undefined;
  // forEach and no spreads: a large file has tens of thousands of ops.
  op.values.forEach((a, key) => {
    let value = a.value.text;
    if (key === 'interval') interval = value;
    else if (key === 'OCF_CHECK_LEVEL') checkLevel = value;
    else {
      if (key === 'role') value = platformRole(value, roles);
      else if (key === 'on-fail' || key === 'record-pending' || key === 'enabled') value = value.toLowerCase();
      attrs.push([key, value]);
    }
  });
  const draft: Built<OpDraft> = { name: op.name, interval: interval ?? defaultInterval(op.name), attrs: compact(attrs), params: op.params, meta: op.meta };
  if (op.id) draft.id = op.id.value.text;
  if (checkLevel !== undefined) draft.checkLevel = checkLevel;
  return draft;
}

/** The actions pcs takes advice from (resources: all but meta-data, validate-all, status; fencing: monitor), a monitor always among them. */
function advisedActions(fact: AgentFact | undefined, fencing: boolean): readonly ActionFact[] {
  const advised: ActionFact[] = (fact?.actions ?? []).filter((a) => (fencing ? a.name === 'monitor' : !['meta-data', 'validate-all', 'status'].includes(a.name)));
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

/** The agent's advice, by its standard name (a bare type is ocf:heartbeat:TYPE here, as pcs reads it). */
function adviceOf(catalogue: Catalogue, agent: Agent): AgentFact | undefined {
  return catalogue.agent(agent.standard) ?? (agent.standard === ANYTHING_AGENT_ID ? ANYTHING_AGENT_FACT : undefined);
}

/**
 * The ops pcs adds from the agent's advice for the names the user did not write, less the actions
 * the platform's Pacemaker does not have (reload-agent before 2.1: an el7 build gets none).
 */
export function defaultOps(catalogue: Catalogue, agent: Agent, written: ReadonlySet<string>, roles: RoleSpelling, pacemaker: string): readonly OpDraft[] {
  const all = allDefaultOps(advisedFor(adviceOf(catalogue, agent), agent.fencing), roles, pacemaker);
  // A written name takes none of the advised ops of that name; the others' intervals do not depend on it.
  return written.size === 0 ? all : all.filter((d) => !written.has(d.name));
}

/** Every advised op as pcs adds it, worked out once per agent and platform (a large file has thousands of primitives of a few agents). */
const draftsOf = new WeakMap<readonly ActionFact[], Map<string, readonly OpDraft[]>>();

function allDefaultOps(advice: readonly ActionFact[], roles: RoleSpelling, pacemaker: string): readonly OpDraft[] {
  let byPlatform = draftsOf.get(advice);
  if (!byPlatform) draftsOf.set(advice, (byPlatform = new Map()));
  const key = `${roles} ${pacemaker}`;
  let drafts = byPlatform.get(key);
  if (!drafts) byPlatform.set(key, (drafts = draftsFrom(advice, roles, pacemaker)));
  return drafts;
}

function draftsFrom(advice: readonly ActionFact[], roles: RoleSpelling, pacemaker: string): OpDraft[] {
  const advised = advice.filter((a) => ACTION_SINCE[a.name] === undefined || compareVersions(pacemaker, ACTION_SINCE[a.name]!) >= 0);
  const used = new Map<string, Set<number>>();
  const out: OpDraft[] = [];
  for (const action of advised) {
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
    const attrs: XmlAttr[] = [];
    if (action.timeout !== undefined && action.timeout !== '') attrs.push(['timeout', action.timeout]);
    if (action.role !== undefined && action.role !== '') attrs.push(['role', platformRole(action.role, roles)]);
    out.push({
      name: action.name,
      interval,
      attrs: compact(attrs),
      ...(action.depth !== undefined && action.depth !== '' && action.depth !== '0' ? { checkLevel: action.depth } : {}),
    });
  }
  return out;
}
