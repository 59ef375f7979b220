// `hacc plan`: what `setup.sh configure` would change in a cluster's CIB, object by object, and the
// CIB on which Pacemaker's own scheduler (crm_simulate, run by the CLI) predicts what the cluster
// would do about it. Pure: CIB models and parsed XML in, a plan and XML text out.
//
// The plan follows what configure does (src/emit/setup/configure.sh), not a guess of it: it
// replaces the resources, the constraints, the resource and operation defaults and the properties
// of `cib-bootstrap-options` (except those the controller maintains), and keeps everything else of
// the live CIB: its nodes (the file's node attributes and utilization merged in), other property sets, the sections hacc does not
// write, and the status.

import { compareVersions } from '../catalogue/platforms.js';
import { clearCmd, type PlatformCommands } from '../emit/platform-commands.js';
import { displayCmd } from '../emit/shell.js';
import { CONTROLLER_PROPERTIES } from '../catalogue/roles.js';
import { BOOTSTRAP_SET_ID } from '../language/attribute-set.js';
import { diffCib, type Change } from '../cib/diff.js';
import { cibPrimitives, type Cib, type CibConfiguration, type CibNode, type CibOp, type CibPrimitive, type CibResource, type NvPair, type NvSet } from '../cib/model.js';
import type { ReadResult, Unsupported } from '../cib/read.js';
import { nodeXml, writeCibText, XML_DECLARATION } from '../cib/write.js';
import { copyXml as copy, createXml } from '../cib/xml-writer.js';
import { elements, parseXml, type XmlElement, type XmlNode } from '../cib/xml-reader.js';
import { assertNever } from '../assert-never.js';

/** The sections of `<configuration>` that configure writes whole; the rest of the live CIB stays. */
const REPLACED_SECTIONS = ['resources', 'constraints', 'rsc_defaults', 'op_defaults', 'fencing-topology', 'tags', 'alerts'] as const;

export interface PlanChange extends Change {
  /** A constraint `pcs resource move`/`ban` left: the command that clears it. */
  readonly leftover?: string;
  /** Part of the live CIB that hacc cannot represent, which configure removes: why it cannot. */
  readonly unmodelled?: string;
}

/** Part of the live CIB that hacc does not manage, and configure leaves as it is. */
export interface Kept {
  readonly what: string;
  readonly id?: string;
  readonly xpath: string;
  readonly reason: string;
}

export interface Plan {
  /** In the file's order; deletions last. */
  readonly changes: readonly PlanChange[];
  readonly kept: readonly Kept[];
  /** What configure does not do that the reader should know (cluster members it does not add…). */
  readonly notes: readonly string[];
  /** The configuration configure would leave: the file's, with what it keeps of the live one. */
  readonly planned: CibConfiguration;
}

/** `cli-prefer-RSC`, `cli-ban-RSC-on-NODE`: what pcs/crm resource move and ban create; the platform's command that clears it. */
function leftoverCommand(id: string, pc: PlatformCommands): string | undefined {
  if (id.startsWith('cli-prefer-')) return displayCmd(clearCmd(pc, id.slice('cli-prefer-'.length)));
  if (id.startsWith('cli-ban-')) {
    const rest = id.slice('cli-ban-'.length);
    const on = rest.lastIndexOf('-on-');
    return displayCmd(clearCmd(pc, on > 0 ? rest.slice(0, on) : rest));
  }
  return undefined;
}

/** Whether configure removes this part of the live CIB (it lies in what configure replaces). */
function removedByConfigure(u: Unsupported): boolean {
  const m = /^(?:\/cib)?\/configuration\/([^/[]+)(?:\[[^\]]*\])?(.*)$/.exec(u.xpath);
  if (!m) return false;
  const [, section, rest] = m;
  if ((REPLACED_SECTIONS as readonly string[]).includes(section!)) return true;
  // An nvpair of the bootstrap set: configure clears them (the controller's own are read, never unsupported).
  return section === 'crm_config' && rest!.startsWith(`/cluster_property_set[@id='${BOOTSTRAP_SET_ID}']/`);
}

/** The file's configuration as configure would leave it on top of `live`. */
function plannedConfiguration(desired: CibConfiguration, live: CibConfiguration): CibConfiguration {
  const liveBootstrap = live.crmConfig.find((s) => s.id === BOOTSTRAP_SET_ID);
  const set = desired.crmConfig.find((s) => s.id === BOOTSTRAP_SET_ID);
  const setNames = new Set(set?.pairs.map((p) => p.name));
  const controller = liveBootstrap?.pairs.filter((p) => CONTROLLER_PROPERTIES.includes(p.name) && !setNames.has(p.name)) ?? [];
  let crmConfig = desired.crmConfig;
  if (controller.length > 0) {
    const merged: NvSet = { id: BOOTSTRAP_SET_ID, pairs: [...controller, ...(set?.pairs ?? [])] };
    crmConfig = set ? desired.crmConfig.map((s) => (s === set ? merged : s)) : [merged, ...desired.crmConfig];
  }
  // Pacemaker maintains <nodes> (a member joins it when it first joins the cluster): configure adds
  // none and removes none, and merges the file's attributes and utilization into the nodes it has.
  const fileNodes = new Map(desired.nodes.map((n) => [n.uname, n]));
  const nodes = live.nodes.map((n): CibNode => {
    const file = fileNodes.get(n.uname);
    const instanceAttributes = mergedSet(n.instanceAttributes, file?.instanceAttributes);
    const utilization = mergedSet(n.utilization, file?.utilization);
    const score = file?.score ?? n.score;
    const description = file?.description ?? n.description;
    const extraSets = file?.extraSets ?? n.extraSets;
    return {
      id: n.id,
      uname: n.uname,
      ...(n.type !== undefined ? { type: n.type } : {}),
      ...(score !== undefined ? { score } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(instanceAttributes ? { instanceAttributes } : {}),
      ...(utilization ? { utilization } : {}),
      ...(extraSets ? { extraSets } : {}),
    };
  });
  return { ...desired, crmConfig, nodes };
}

/**
 * A node's set after `cibadmin --modify` with the file's (setup.sh add_node): the file's pairs set by
 * id over the live ones, the others kept; the file's set where the live node has none or another id.
 */
function mergedSet(live: NvSet | undefined, file: NvSet | undefined): NvSet | undefined {
  if (!file) return live;
  if (!live || live.id !== file.id) return file;
  const byId = new Map(file.pairs.map((p) => [p.id, p]));
  const kept = live.pairs.map((p) => byId.get(p.id) ?? p);
  const known = new Set(live.pairs.map((p) => p.id));
  return { id: live.id, pairs: [...kept, ...file.pairs.filter((p) => !known.has(p.id))] };
}

/** Plans `desired` (what the file builds for `pc`'s platform) against a live CIB read with readCib. */
export function makePlan(live: ReadResult, desired: Cib, pc: PlatformCommands): Plan {
  const liveConf = live.cib.configuration;
  const planned = plannedConfiguration(desired.configuration, liveConf);
  const changes: PlanChange[] = diffCib(liveConf, planned).map((c) => {
    const command = c.op === 'delete' && c.kind === 'location' ? leftoverCommand(c.id, pc) : undefined;
    return command !== undefined ? { ...c, leftover: command } : c;
  });
  const kept: Kept[] = [];
  for (const u of live.unsupported) {
    if (!removedByConfigure(u)) {
      kept.push(u);
      continue;
    }
    const command = u.what === 'rsc_location' && u.id !== undefined ? leftoverCommand(u.id, pc) : undefined;
    changes.push({ op: 'delete', kind: u.what, id: u.id ?? u.xpath, fields: [], unmodelled: u.reason, ...(command !== undefined ? { leftover: command } : {}) });
  }
  const liveNames = new Set(liveConf.nodes.map((n) => n.uname));
  const fileNames = new Set(desired.configuration.nodes.map((n) => n.uname));
  const notes: string[] = [];
  for (const n of desired.configuration.nodes) {
    if (!liveNames.has(n.uname)) notes.push(`node ${n.uname} is in the file but not in the CIB: configure does not add cluster members (pcs cluster node add ${n.uname})`);
  }
  for (const n of liveConf.nodes) {
    if (!fileNames.has(n.uname)) notes.push(`node ${n.uname} is in the CIB but not in the file: configure leaves it (pcs cluster node remove ${n.uname} removes it)`);
  }
  return { changes, kept, notes, planned };
}

/** Whether a plan changes the CIB. */
export function changesSomething(plan: Plan): boolean {
  return plan.changes.length > 0;
}

// The simulation's CIB ----------------------------------------------------------------------

/** A new secret's value in the simulation (the live CIB has no value for it to keep). */
const SIMULATED_SECRET = 'hacc-plan-secret';

/**
 * Every nvpair of the configuration's resources by set id and name: its literal text, or null
 * for a secret that the CIB names without a value (the comment in hacc's own cib.xml).
 */
function pairValues(conf: CibConfiguration): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const set = (s: NvSet | undefined) => {
    for (const p of s?.pairs ?? []) out.set(`${s!.id}\u0000${p.name}`, p.value.kind === 'literal' ? p.value.text : null);
  };
  for (const p of cibPrimitives(conf)) {
    set(p.instanceAttributes);
    for (const o of p.operations) set(o.instanceAttributes);
  }
  return out;
}

/**
 * The configuration with every secret given the value the CIB holds for it (so the scheduler sees
 * no definition change that is not one), left out where the CIB holds it without a value, and a
 * stand-in where the CIB lacks it. The values never leave the simulation's temporary file.
 */
function withSecretValues(conf: CibConfiguration, live: CibConfiguration): CibConfiguration {
  const values = pairValues(live);
  const set = <T extends NvSet | undefined>(s: T): T => {
    if (s === undefined) return s;
    const pairs: NvPair[] = [];
    for (const p of s.pairs) {
      if (p.value.kind === 'literal') pairs.push(p);
      else {
        const held = values.get(`${s.id}\u0000${p.name}`);
        if (held !== null) pairs.push({ ...p, value: { kind: 'literal', text: held ?? SIMULATED_SECRET } });
      }
    }
    return { ...s, pairs } as T;
  };
  const op = (o: CibOp): CibOp => ({ ...o, ...(o.instanceAttributes ? { instanceAttributes: set(o.instanceAttributes) } : {}) });
  const primitive = (p: CibPrimitive): CibPrimitive => ({ ...p, ...(p.instanceAttributes ? { instanceAttributes: set(p.instanceAttributes) } : {}), operations: p.operations.map(op) });
  const resource = (r: CibResource): CibResource => {
    switch (r.kind) {
      case 'primitive':
        return primitive(r);
      case 'group':
        return { ...r, children: r.children.map(primitive) };
      case 'clone':
        return { ...r, child: r.child.kind === 'primitive' ? primitive(r.child) : { ...r.child, children: r.child.children.map(primitive) } };
      case 'bundle':
        return r.child ? { ...r, child: primitive(r.child) } : r;
      default:
        return assertNever(r);
    }
  };
  return { ...conf, resources: conf.resources.map(resource) };
}

export interface SimulationInput {
  /** A whole `<cib>` for `crm_simulate -x`. */
  readonly xml: string;
  /** Nodes to bring up first (`--node-up`): every node when the live CIB has no status to start from. */
  readonly nodesUp: readonly string[];
  /** crm_simulate's arguments beyond `-x FILE -S`: a new cluster has its nodes up, with quorum. */
  readonly args: readonly string[];
}

/**
 * The live CIB with the planned configuration in it, as configure would leave it: the sections it
 * replaces are the plan's, the rest (nodes, other property sets, other sections, status) the live
 * CIB's. A CIB without a status (a saved configuration, or hacc's own cib.xml) starts with every
 * node up and nothing running.
 */
export function simulationCib(liveDoc: readonly XmlNode[], live: Cib, plan: Plan, desired: Cib): SimulationInput {
  const planned = withSecretValues(plan.planned, live.configuration);
  const { validateWith } = desired;
  const written = parseXml(writeCibText({ ...(validateWith !== undefined ? { validateWith } : {}), configuration: planned }, { full: true }).text);
  const plannedRoot = written.find((n): n is XmlElement => n.type === 'element')!;
  const plannedSections = new Map(elements(elements(plannedRoot).find((e) => e.tag === 'configuration')!).map((e) => [e.tag, e]));
  const liveRoot = liveDoc.find((n): n is XmlElement => n.type === 'element')!;
  const liveConfiguration = liveRoot.tag === 'cib' ? elements(liveRoot).find((e) => e.tag === 'configuration')! : liveRoot;
  const status = liveRoot.tag === 'cib' ? elements(liveRoot).find((e) => e.tag === 'status') : undefined;
  const hasStatus = status !== undefined && elements(status).length > 0;

  const doc = createXml(XML_DECLARATION);
  const rootAttrs: string[] = [];
  // The live CIB's schema, unless the plan's is newer: setup.sh upgrades the live CIB to it first.
  const newer = (v: string) => validateWith !== undefined && /^pacemaker-[0-9.]+$/.test(v) && compareVersions(validateWith.slice('pacemaker-'.length), v.slice('pacemaker-'.length)) > 0;
  for (const [k, v] of (liveRoot.tag === 'cib' ? liveRoot : plannedRoot).attrs) rootAttrs.push(k, k === 'validate-with' && newer(v) ? validateWith! : v);
  const root = doc.ele('cib', rootAttrs);
  const configuration = root.ele('configuration');
  const placed = new Set<string>();
  const nodeNames: string[] = [];
  const place = (tag: string, liveSection: XmlElement | undefined): void => {
    placed.add(tag);
    const mine = plannedSections.get(tag);
    switch (tag) {
      case 'crm_config': {
        const el = configuration.ele('crm_config');
        const ids = new Set<string>();
        for (const s of mine ? elements(mine) : []) {
          ids.add(s.attrs.get('id') ?? '');
          copy(el, s);
        }
        for (const s of liveSection ? elements(liveSection) : []) if (!ids.has(s.attrs.get('id') ?? '')) copy(el, s);
        return;
      }
      case 'nodes': {
        const el = configuration.ele('nodes');
        const liveNodes = liveSection ? elements(liveSection) : [];
        const unames = new Set(liveNodes.map((n) => n.attrs.get('uname')));
        // A node the file gives attributes or utilization: as planned (merged), else as it is.
        const described = new Set(desired.configuration.nodes.filter((n) => n.instanceAttributes || n.utilization).map((n) => n.uname));
        const plannedSection = plannedSections.get('nodes');
        const plannedNodes = new Map((plannedSection ? elements(plannedSection) : []).map((n) => [n.attrs.get('uname'), n]));
        for (const n of liveNodes) copy(el, (described.has(n.attrs.get('uname') ?? '') ? plannedNodes.get(n.attrs.get('uname')) : undefined) ?? n);
        for (const n of liveNodes) {
          const uname = n.attrs.get('uname');
          if (uname !== undefined && n.attrs.get('type') !== 'remote') nodeNames.push(uname);
        }
        // Without a status there is no running cluster to join: the file's members are its nodes.
        for (const n of hasStatus ? [] : desired.configuration.nodes) {
          if (unames.has(n.uname)) continue;
          for (const x of parseXml(nodeXml(n))) copy(el, x);
          nodeNames.push(n.uname);
        }
        return;
      }
      default:
        if ((REPLACED_SECTIONS as readonly string[]).includes(tag)) {
          if (mine) copy(configuration, mine);
        } else if (liveSection) copy(configuration, liveSection);
    }
  };
  for (const section of elements(liveConfiguration)) place(section.tag, section);
  for (const tag of ['crm_config', 'nodes', ...REPLACED_SECTIONS]) if (!placed.has(tag)) place(tag, undefined);
  if (status && hasStatus) copy(root, status);
  else root.ele('status');
  const nodesUp = hasStatus ? [] : nodeNames;
  return { xml: doc.text ? doc.text() : `${doc.end()}\n`, nodesUp, args: nodesUp.length > 0 ? ['--quorum=1', ...nodesUp.flatMap((n) => ['--node-up', n])] : [] };
}

// The scheduler's answer ---------------------------------------------------------------------

/** One line of crm_simulate's transition summary. */
export interface TransitionAction {
  /** As crm_simulate names it: Start, Stop, Restart, Move, Migrate, Promote, Demote, Recover, `Fence (reboot)`… */
  readonly action: string;
  /** Absent for a node action (fencing). */
  readonly resource?: string;
  /** Where: one node, or [from, to] for a move or migration. */
  readonly nodes: readonly string[];
  /** A role change: [from, to] (`Unpromoted`, `Promoted`). */
  readonly roles?: readonly [string, string];
  /** crm_simulate's "due to …". */
  readonly reason?: string;
}

/** The simulation's output was not what `crm_simulate --output-as=xml` writes. */
export class SimulationOutputError extends Error {
  override readonly name = 'SimulationOutputError';
}

/** The transition summary of `crm_simulate -S --output-as=xml`, in its order. */
export function parseSimulation(output: string): TransitionAction[] {
  let doc: XmlNode[];
  try {
    doc = parseXml(output);
  } catch (e) {
    throw new SimulationOutputError(`crm_simulate's output is not XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const root = doc.find((n): n is XmlElement => n.type === 'element')!;
  if (root.tag !== 'pacemaker-result') throw new SimulationOutputError(`crm_simulate's output is <${root.tag}>, not <pacemaker-result>`);
  const out: TransitionAction[] = [];
  for (const a of elements(root).find((e) => e.tag === 'actions')?.children ?? []) {
    if (a.type !== 'element') continue;
    const get = (k: string) => a.attrs.get(k);
    const reason = get('reason');
    if (a.tag === 'node_action') {
      out.push({ action: get('task') ?? 'Fence', nodes: [get('node') ?? ''], ...(reason !== undefined ? { reason } : {}) });
      continue;
    }
    if (a.tag !== 'rsc_action') continue;
    const verb = get('action') ?? '';
    const nodes = [get('node'), get('source'), get('dest')].filter((n): n is string => n !== undefined);
    const [role, next] = [get('role'), get('next-role')];
    out.push({
      action: verb.charAt(0).toUpperCase() + verb.slice(1),
      resource: get('resource') ?? '',
      nodes,
      ...(role !== undefined && next !== undefined ? { roles: [role, next] as const } : {}),
      ...(reason !== undefined ? { reason } : {}),
    });
  }
  return out;
}
