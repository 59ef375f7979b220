// DIR/SUMMARY.md: a short account of the change for the ticket — the nodes, what will be created,
// where each group prefers to run, what each phase of setup.sh does, and for this cluster and
// platform the day-2 commands (status, standby/unstandby, move and the clear the move needs) and the
// rollback. Written from the same lowered cluster as the CIB and the script; secrets appear as <env:NAME>.

import { assertNever } from '../assert-never.js';
import { patternRegExp } from '../language/fencing-level.js';
import { CLUSTER_DELAY, DEVICE_DELAYS, fenceTargets, isDelay } from '../catalogue/fence-hosts.js';
import { agentName, attrValue as attr, cibResources, isPromotable, literalPair, selectedFlags, toolSet, type CibClone, type ExtraSet, type CibConfiguration, type CibGroup, type CibLocation, type CibOrder, type CibPrimitive, type CibResourceSet, type CibResource, type CibValue, type NvSet, type XmlAttr } from '../cib/model.js';
import type { Lowered } from '../lower/lower.js';
import type { Options } from '../lower/stack.js';
import type { FailoverPreview } from '../plan/failover.js';
import type { TransitionAction } from '../plan/plan.js';
import { ANYTHING_AGENT_ID } from './anything-agent.js';
import type { Artifact } from './artifact.js';
import { expressionInWords, locationRuleInWords } from './rule-words.js';
import {
  crmVerifyLive,
  packagesFor,
  clearCmd,
  moveCmd,
  rollbackCmd,
  standbyCmd,
  statusCmd,
  teardownCmds,
  toolCommand,
  unstandbyCmd,
  platformCommands,
  WATCHDOG_TIMEOUT_PROPERTY,
  type PlatformCommands,
} from './platform-commands.js';
import { AGENT_INSTALL_PATH, BACKUP_DIR, backupName } from './setup-script.js';
import { cmd, displayCmd, secretLabel, type Cmd } from './shell.js';

export const SUMMARY_PATH = 'SUMMARY.md';

/** Inline code that survives any text: a fence longer than any backtick run inside. */
function code(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u001f\u007f`]/.test(s)) return `\`${s}\``;
  // eslint-disable-next-line no-control-regex
  const t = s.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : '?'));
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** Text in a table cell: no pipes or line breaks. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

function shown(v: CibValue): string {
  return v.kind === 'literal' ? v.text : secretLabel(v);
}

function block(cmds: readonly Cmd[]): string {
  return ['```sh', ...cmds.map(displayCmd), '```'].join('\n');
}

function describeOps(p: CibPrimitive): string {
  return p.operations
    .map((o) => {
      // Every attribute the op has (timeout, role, on-fail, enabled…), and its own params and meta.
      let notes = '';
      for (const [name, value] of o.attrs) notes += `${notes ? ', ' : ''}${name} ${value}`;
      for (const set of [o.instanceAttributes, o.metaAttributes]) for (const a of set?.pairs ?? []) notes += `${notes ? ', ' : ''}${a.name} ${shown(a.value)}`;
      const interval = o.interval !== undefined && o.interval !== '0' && o.interval !== '0s' ? ` every ${o.interval}` : '';
      return `${o.name}${interval}${notes ? ` (${notes})` : ''}`;
    })
    .join(', ');
}

/** `name=value` words of an attribute set, secrets shown by their reference. */
/** When a set of its own applies: `(set night, score 10) where the date is …`. */
function setCondition(set: NvSet): string {
  const how = [`set ${code(set.id)}`, ...(set.score !== undefined ? [`score ${set.score}`] : [])].join(', ');
  return `(${how})${set.rule ? ` when ${expressionInWords(set.rule)}` : ''}`;
}

/** A set after an owner's first of its element, or a reference to another. */
function extraSetText(x: ExtraSet, node = false): string {
  const what = { instance_attributes: node ? 'attributes' : 'params', meta_attributes: 'meta', utilization: 'utilization' }[x.element];
  return 'idRef' in x ? `${what} of set ${code(x.idRef)}` : `${what} ${setCondition(x.set)}: ${pairs(x.set).join(', ')}`;
}

function pairs(set: NvSet | undefined): string[] {
  return (set?.pairs ?? []).map((a) => code(`${a.name}=${shown(a.value)}`));
}

/** Every primitive with what holds it (`g`, `` `c` (clone) ``, `` `g` in `c` ``), in CIB order. */
function primitivesWithHolders(conf: CibConfiguration): { p: CibPrimitive; holder?: string }[] {
  const of = (r: CibResource, clone?: string): { p: CibPrimitive; holder?: string }[] => {
    switch (r.kind) {
      case 'primitive':
        return [{ p: r, ...(clone !== undefined ? { holder: `${code(clone)} (clone)` } : {}) }];
      case 'group':
        return r.children.map((p) => ({ p, holder: clone !== undefined ? `${code(r.id)} in ${code(clone)}` : code(r.id) }));
      case 'clone':
        return of(r.child, r.id);
      case 'bundle': {
        const replicas = attr(r.container.attrs, 'replicas') ?? '1';
        const image = attr(r.container.attrs, 'image');
        return r.child ? [{ p: r.child, holder: `${code(r.id)} (bundle: ${replicas} ${r.container.type} container${replicas === '1' ? '' : 's'}${image !== undefined ? ` of ${code(image)}` : ''})` }] : [];
      }
      default:
        return assertNever(r);
    }
  };
  return conf.resources.flatMap((r) => of(r));
}

function resourceRows(conf: CibConfiguration): string[] {
  const rows = ['| resource | agent | group | parameters | operations |', '|---|---|---|---|---|'];
  for (const t of conf.templates ?? []) rows.push(`| ${code(t.id)} (template) | ${code(agentName(t))} | — | ${cell(pairs(t.instanceAttributes).join(' ')) || '—'} | ${cell(describeOps(t))} |`);
  for (const { p, holder } of primitivesWithHolders(conf)) {
    const agent = p.template !== undefined ? `${code(agentName(p))} from template ${code(p.template)}` : code(agentName(p));
    rows.push(`| ${code(p.id)} | ${agent} | ${holder ?? '—'} | ${cell(pairs(p.instanceAttributes).join(' ')) || '—'} | ${cell(operationsText(p))} |`);
  }
  return rows;
}

/** A primitive's ops, or whose ops they are. */
function operationsText(p: CibPrimitive): string {
  if (p.operationsRef !== undefined) return `those of ${code(p.operationsRef)}`;
  return p.operations.length === 0 && p.template !== undefined ? "the template's" : describeOps(p);
}

/** What a clone runs: how many instances, where, how many promoted. */
function cloneText(c: CibClone): string {
  const meta = new Map((c.metaAttributes?.pairs ?? []).map((p) => [p.name, shown(p.value)]));
  const promoted = meta.get('promoted-max') ?? meta.get('master-max') ?? '1';
  const instances = meta.has('clone-max') ? `up to ${meta.get('clone-max')} instances` : 'one instance on every node that may run it';
  const perNode = meta.has('clone-node-max') ? `, at most ${meta.get('clone-node-max')} per node` : '';
  const promotion = isPromotable(c) ? `; ${promoted} promoted at a time` : '';
  return `${instances} of ${code(c.child.id)}${perNode}${promotion}`;
}

/** A literal parameter of a device, or undefined (a secret says nothing about hosts or delays). */
function param(p: CibPrimitive, name: string): string | undefined {
  return literalPair(p.instanceAttributes, name);
}

/**
 * Who can fence whom: for each node, its fencing levels in order (targets by name, by pattern,
 * and by attribute, which only the running cluster can resolve), else the devices whose host list
 * allows it; and each device's delay. Read the way Pacemaker's fencer reads them (fence-hosts.ts).
 */
function fencingLines(lowered: Lowered, devices: readonly CibPrimitive[]): string[] {
  const conf = lowered.cib.configuration;
  // The plain property set: a set with a rule or a score applies only sometimes (or never: HA220).
  const properties = new Map((toolSet(conf.crmConfig).plain?.pairs ?? []).map((p) => [p.name, p.value.kind === 'literal' ? p.value.text : '']));
  const off = ['stonith-enabled', 'fencing-enabled'].some((k) => properties.get(k)?.toLowerCase() === 'false');
  if (off) return ['Fencing is disabled (`stonith-enabled=false`): no node is fenced, and a node that stops answering keeps its resources blocked until it returns.', ''];
  const sbd = sbdLines(lowered, properties);
  if (devices.length === 0) return sbd.length > 0 ? sbd : ['No fencing device: Pacemaker starts no resource until one is defined (or fencing is disabled).', ''];
  const levels = conf.fencingTopology ?? [];
  const can = (d: CibPrimitive, node: string) => fenceTargets(param(d, 'pcmk_host_list'), param(d, 'pcmk_host_map'), param(d, 'pcmk_host_check'))?.has(node.toLowerCase()) ?? true;
  const byAttribute = levels.filter((l) => l.target[0]![0] === 'target-attribute');
  const out = ['| node | fenced by |', '|---|---|'];
  for (const n of lowered.cluster.nodes) {
    const mine = levels.filter((l) => {
      const [name, value] = l.target[0]!;
      if (name === 'target') return value === n.name;
      return name === 'target-pattern' && (patternRegExp(value)?.test(n.name) ?? false);
    });
    const text =
      mine.length > 0
        ? [...mine].sort((a, b) => Number(a.index) - Number(b.index)).map((l) => `level ${l.index}: ${l.devices.split(',').map(code).join(' and ')}`).join(', then ')
        : devices.filter((d) => can(d, n.name)).map((d) => code(d.id)).join(' or ') || '**no device**';
    out.push(`| ${code(n.name)} | ${text} |`);
  }
  for (const l of byAttribute) out.push('', `Level ${l.index} for the nodes whose attribute ${code(l.target[0]![1])} is ${code(l.target[1]?.[1] ?? '')}: ${l.devices.split(',').map(code).join(' and ')} (node attributes are the running cluster's).`);
  const delays = devices.flatMap((d) => DEVICE_DELAYS.flatMap((k) => (isDelay(param(d, k)) ? [`${code(d.id)} waits ${k === 'pcmk_delay_base' ? '' : 'up to '}${param(d, k)}${k === 'pcmk_delay_max' ? ' (random)' : ''}`] : [])));
  const priority = properties.get(CLUSTER_DELAY);
  if (isDelay(priority)) delays.push(`fencing of the node running the more important resources waits ${priority} (${code(CLUSTER_DELAY)})`);
  out.push('', delays.length > 0 ? `Delays: ${delays.join('; ')}.` : 'No fence delay.', '', ...sbd);
  return out;
}

/** SBD as setup.sh sets it up: the disks and their header timeouts, the watchdogs, watchdog self-fencing. */
function sbdLines(lowered: Lowered, properties: ReadonlyMap<string, string>): string[] {
  const sbd = lowered.cluster.sbd;
  if (!sbd) return [];
  const pairsText = (o: Options) => o.map(([k, v]) => code(`${k}=${v}`)).join(', ');
  const watchdogs = [sbd.watchdog !== undefined ? `${code(sbd.watchdog)} on every node` : `${code('/dev/watchdog')} on every node (the default)`, ...sbd.nodeWatchdogs.map(([n, p]) => `${code(p)} on ${code(n)}`)];
  const swt = properties.get(WATCHDOG_TIMEOUT_PROPERTY);
  return [
    sbd.devices.length > 0
      ? `SBD through ${sbd.devices.map(code).join(', ')}: a fence is a message on the disk the victim reads before its watchdog resets it. A disk gets its header (${sbd.init.length > 0 ? pairsText(sbd.init) : "sbd's default timeouts"}) only when ${code('sbd -d DISK dump')} finds none; an existing header is kept.`
      : `Watchdog-only SBD: a node that loses quorum resets itself by its watchdog, and the others count it as fenced after ${code(`stonith-watchdog-timeout=${swt ?? '0'}`)}.`,
    '',
    `Watchdogs: ${watchdogs.join(', ')}${sbd.options.length > 0 ? `; sbd options ${pairsText(sbd.options)}` : ''}. ${
      lowered.cluster.target.tool === 'crmsh' ? `${code('crm cluster init')} sets SBD up on the first node, ${code('crm cluster join')} on the others.` : `${code('pcs stonith sbd enable')} writes them into each node's sbd file, and the cluster is restarted once for sbd to start with it.`
    }`,
    '',
  ];
}

/** The corosync settings and quorum, as setup.sh asks pcs (or crm cluster init) for them. */
function corosyncLines(lowered: Lowered): string[] {
  const c = lowered.cluster.corosync;
  const pairsText = (o: Options) => o.map(([k, v]) => code(`${k}=${v}`)).join(' ');
  const out = [`- Transport: ${c.transport !== undefined ? code(c.transport) : "the tool's default"}${c.transportOptions.length > 0 ? ` (${pairsText(c.transportOptions)})` : ''}.`];
  for (const l of c.links) out.push(`- Link ${l.number}: ${pairsText(l.options) || 'defaults'}.`);
  for (const [name, o] of [['totem', c.totem], ['crypto', c.crypto], ['compression', c.compression]] as const) if (o.length > 0) out.push(`- ${name[0]!.toUpperCase()}${name.slice(1)}: ${pairsText(o)}.`);
  const votes = lowered.cluster.nodes.length;
  out.push(`- Quorum: ${votes} vote${votes === 1 ? '' : 's'}${c.quorum.length > 0 ? `, ${pairsText(c.quorum)}` : ''}${c.twoNode ? `; ${code('two_node: 1')} (pcs sets it for two nodes without a quorum device): one node is quorate alone, and ${code('wait_for_all')} keeps a node that starts alone from taking over` : ''}.`);
  const q = c.qdevice;
  if (q) out.push(`- Quorum device: ${code(`model ${q.model}`)} on ${code(q.host)}${q.hostName ? ` (${code(q.hostName)})` : ''}, ${pairsText(q.modelOptions.filter(([k]) => k !== 'host'))}${q.heuristics.length > 0 ? `; heuristics ${pairsText(q.heuristics)}` : ''}: it gives its vote to one side of a split.`);
  return [...out, ''];
}

/** Where a resource (group or primitive) prefers to run, from the location and colocation constraints. */
function placement(conf: CibConfiguration, r: CibResource): string {
  const parts: string[] = [];
  for (const c of conf.constraints) {
    if (c.kind !== 'rsc_location' || !locates(c, r.id)) continue;
    const role = attr(c.attrs, 'role');
    const pattern = attr(c.attrs, 'rsc-pattern');
    const how = [code(c.id), ...(pattern !== undefined ? [`every resource matching ${code(pattern)}`] : []), ...(role ? [`in role ${role}`] : [])];
    for (const rule of c.rules) parts.push(`${locationRuleInWords(rule)} (${how.join(', ')})`);
    if (c.node === undefined || c.score === undefined) continue;
    const detail = [code(c.id), `score ${c.score}`, ...how.slice(1)].join(', ');
    parts.push(c.score.startsWith('-') ? `${c.score === '-INFINITY' ? 'never on' : 'avoids'} ${code(c.node)} (${detail})` : `prefers ${code(c.node)} (${detail})`);
  }
  for (const c of conf.constraints) {
    if (c.kind === 'rsc_colocation' && c.rsc === r.id && c.withRsc !== undefined) {
      const [own, other] = [attr(c.attrs, 'rsc-role'), attr(c.attrs, 'with-rsc-role')];
      const roles = [...(own ? [`in role ${own}`] : []), ...(other ? [`with ${code(c.withRsc)} in role ${other}`] : [])];
      parts.push(`${c.score.startsWith('-') ? 'kept apart from' : 'runs with'} ${code(c.withRsc)} (${[code(c.id), `score ${c.score}`, ...roles].join(', ')})`);
    }
    if (c.kind === 'rsc_colocation' && c.sets.some((s) => s.refs.includes(r.id))) {
      parts.push(`${c.score.startsWith('-') ? 'kept apart by' : 'placed by'} the set colocation ${code(c.id)}, ${setsText(c.sets, 'with')} (score ${c.score})`);
    }
  }
  for (const c of conf.constraints) {
    if (c.kind !== 'rsc_ticket' || !(c.rsc === r.id || c.sets.some((s) => s.refs.includes(r.id)))) continue;
    const [role, loss] = [attr(c.attrs, 'rsc-role'), attr(c.attrs, 'loss-policy')];
    parts.push(`only where the cluster holds ticket ${code(c.ticket)}${role ? ` (in role ${role})` : ''} (${code(c.id)}${loss ? `; losing it: ${loss}` : ''})`);
  }
  if (parts.length === 0) return 'no preference: Pacemaker picks a node; with stickiness it stays there';
  return parts.join('; ');
}

/** Resource sets in words: `{ a b }` (sequential=false: in any order) then|with `{ c }`. */
function setsText(sets: readonly CibResourceSet[], joiner: string): string {
  return sets
    .map((s) => `{ ${s.refs.map(code).join(' ')}${s.attrs.length > 0 ? ` (${s.attrs.map(([k, v]) => `${k}=${v}`).join(', ')})` : ''} }`)
    .join(` ${joiner} `);
}

/** Whether a location is about a resource: by its id, or by a pattern its id matches (an extended regex). */
function locates(c: CibLocation, id: string): boolean {
  if (c.rsc !== undefined) return c.rsc === id;
  if (c.sets.length > 0) return c.sets.some((s) => s.refs.includes(id));
  const pattern = attr(c.attrs, 'rsc-pattern');
  return pattern !== undefined && (patternRegExp(pattern)?.test(id) ?? false);
}


/** Whether a constraint places the resource. */
function placed(conf: CibConfiguration, r: CibResource): boolean {
  return conf.constraints.some((c) => (c.kind === 'rsc_location' ? locates(c, r.id) : c.kind === 'rsc_colocation' && (c.rsc === r.id || c.sets.some((s) => s.refs.includes(r.id)))));
}

function firstGroup(conf: CibConfiguration): CibGroup | undefined {
  return conf.resources.find((r): r is CibGroup => r.kind === 'group');
}

/** The node a move in the example should go to: one the group does not prefer. */
function otherNode(lowered: Lowered, r: CibResource): string {
  const preferred = lowered.cib.configuration.constraints.find((c) => c.kind === 'rsc_location' && c.rsc === r.id && c.score !== undefined && !c.score.startsWith('-'));
  const names = lowered.cluster.nodes.map((n) => n.name);
  return names.find((n) => preferred?.kind !== 'rsc_location' || n !== preferred.node) ?? names[0] ?? 'NODE';
}

function installSteps(lowered: Lowered, pc: PlatformCommands, usesAgent: boolean): string[] {
  const auth = lowered.cluster.auth;
  const steps: string[] = [];
  if (pc.haRepo) steps.push(`enables the High Availability repository (${code(pc.haRepo.dnfRepoId)}, or ${code(pc.haRepo.rhsmRepo.replace('%s', '$(uname -m)'))} on RHEL)`);
  const installed = [...(pc.patterns ?? []).map((p) => `the pattern ${code(p)}`), ...packagesFor(pc, lowered.cib.configuration).map(code)];
  steps.push(`installs ${installed.join(', ')} with ${pc.packageManager}`);
  if (pc.cmanQuorumTimeout) steps.push(`sets ${code('CMAN_QUORUM_TIMEOUT=0')} in ${code('/etc/sysconfig/cman')} (the original is kept as ${code('/etc/sysconfig/cman.hacc-orig')})`);
  if (auth?.password) steps.push(`sets the password of ${code(auth.user)} from ${code(shown(auth.password))} (through ${code('chpasswd')}, never on a command line)`);
  else steps.push(`leaves the password of ${code(auth?.user ?? 'hacluster')} to you: the file gives none`);
  if (pc.tool === 'pcs') steps.push(`starts ${code('pcsd')} and enables it at boot (${pc.init === 'sysvinit' ? 'service/chkconfig' : 'systemctl'})`);
  if (pc.stack === 'cman') steps.push(`disables ${code('corosync')} at boot: cman starts it`);
  if (pc.firewalld) steps.push(`opens the ${code('high-availability')} service in firewalld, when firewalld runs`);
  if (pc.namesAreAddresses) steps.push('checks that every node name resolves to its address and not to a loopback address (pcs 0.9 uses names as ring addresses)');
  if (usesAgent) steps.push(`installs the generated agent ${code(ANYTHING_AGENT_ID)} as ${code(AGENT_INSTALL_PATH)}; refuses to overwrite a file there that hacc did not generate`);
  return steps;
}

/** The SUMMARY.md text of a lowered cluster. Pure and deterministic. */
export function summaryMarkdown(lowered: Lowered, preview?: FailoverPreview): string {
  const { cluster } = lowered;
  const conf = lowered.cib.configuration;
  const pc = platformCommands(cluster.platform);
  const prims = primitivesWithHolders(conf).map((x) => x.p);
  const usesAgent = cluster.usesCommandAgent;
  const fencing = prims.filter((p) => p.class === 'stonith');
  const out: string[] = [];
  const L = (...lines: string[]) => out.push(...lines);

  L(`# Cluster ${code(cluster.name)}: change summary`, '');
  const artifacts = pc.tool === 'crmsh' ? `${code('cib.xml')}, ${code('crm.conf')} and ${code('setup.sh')}` : `${code('cib.xml')} and ${code('setup.sh')}`;
  L(`Platform ${code(cluster.platform)}: ${pc.title}. Generated by hacc with ${artifacts} from the same plan; no secret value appears here.`, '');

  L('## Nodes', '');
  L('| node | corosync id | addresses |', '|---|---|---|');
  for (const n of cluster.nodes) L(`| ${code(n.name)} | ${n.id} | ${n.addrs.map((a) => code(a.text)).join(' ') || '—'} |`);
  const described = conf.nodes.filter((n) => n.instanceAttributes || n.utilization);
  if (described.length > 0) {
    L('', 'Node attributes (what rules test) and utilization (what placement counts):');
    for (const n of described) {
      const sets = [...(n.instanceAttributes ? [`attributes ${pairs(n.instanceAttributes).join(', ')}`] : []), ...(n.utilization ? [`utilization ${pairs(n.utilization).join(', ')}`] : [])];
      L(`- ${code(n.uname)}: ${sets.join('; ')}`);
    }
  }
  if (cluster.hosts.length > 0) {
    L('', `Other machines named in the file (not cluster members): ${cluster.hosts.map((h) => `${code(h.name)} (${h.addrs.map((a) => a.text).join(', ')})`).join(', ')}.`);
  }
  L('');

  L('## What will be created', '');
  for (const [what, sets] of [
    ['Cluster properties', conf.crmConfig],
    ['Resource defaults', conf.rscDefaults],
    ['Operation defaults', conf.opDefaults],
  ] as const) {
    const { plain, others } = toolSet(sets);
    if (plain && plain.pairs.length > 0) L(`- ${what}: ${pairs(plain).join(', ')}.`);
    for (const set of others) L(`- ${what} ${setCondition(set)}: ${pairs(set).join(', ')}.`);
  }
  for (const r of cibResources(conf)) {
    if (r.kind === 'primitive' && r.utilization) L(`- ${code(r.id)} takes ${pairs(r.utilization).join(', ')} of a node's capacities.`);
    for (const x of r.extraSets ?? []) L(`- ${code(r.id)}: ${extraSetText(x)}.`);
  }
  for (const n of conf.nodes) for (const x of n.extraSets ?? []) L(`- Node ${code(n.uname)}: ${extraSetText(x, true)}.`);
  L(fencing.length > 0 ? `- Fencing devices: ${fencing.map((p) => `${code(p.id)} (${code(p.type)})`).join(', ')}.` : '- No fencing device.');
  for (const a of conf.alerts ?? []) {
    const sel = a.select;
    const kinds = sel
      ? [...selectedFlags(sel), ...(sel.attributes ? [sel.attributes.length > 0 ? `attributes ${sel.attributes.map((x) => code(x.name)).join(', ')}` : 'attributes'] : [])].join(', ')
      : '';
    const events = sel ? (kinds ? `${kinds} events` : 'no event') : 'every event';
    L(`- Alert ${code(a.id)}: ${code(a.path)} on ${events}, to ${a.recipients.map((r) => code(r.value)).join(', ') || 'no recipient (the agent gets none)'}.`);
  }
  for (const a of conf.acls ?? []) {
    if (a.kind === 'acl_role') {
      const perms = a.permissions.map((p) => `${p.kind} ${p.attrs.filter(([k]) => k !== 'description').map(([k, v]) => `${k} ${code(v)}`).join(' ')}`);
      L(`- ACL role ${code(a.id)}: ${perms.join('; ') || 'no permissions'}.`);
    } else L(`- ACL ${a.kind === 'acl_target' ? 'user' : 'group'} ${code(a.id)}: ${a.roles.map(code).join(', ') || 'no role'}.`);
  }
  const groups = conf.resources.filter((r): r is CibGroup => r.kind === 'group');
  for (const g of groups) L(`- Group ${code(g.id)}: ${g.children.map((m) => code(m.id)).join(' → ')} (started in this order, stopped in reverse, always on one node).`);
  for (const c of conf.resources.filter((r): r is CibClone => r.kind === 'clone')) {
    if (c.child.kind === 'group') L(`- Group ${code(c.child.id)}: ${c.child.children.map((m) => code(m.id)).join(' → ')} (started in this order, stopped in reverse; each instance on one node).`);
    L(`- ${isPromotable(c) ? 'Promotable clone' : 'Clone'} ${code(c.id)}: ${cloneText(c)}.`);
  }
  L('', ...resourceRows(conf), '');
  const orders = conf.constraints.flatMap((c) => (c.kind === 'rsc_order' ? [c] : []));
  if (orders.length > 0) {
    const orderText = (c: CibOrder) =>
      c.first !== undefined && c.then !== undefined ? `${c.firstAction ?? 'start'} ${code(c.first)} before ${c.thenAction ?? 'start'} ${code(c.then)}` : setsText(c.sets, 'then');
    L(`Order: ${orders.map((c) => `${orderText(c)} (${code(c.id)})`).join('; ')}.`, '');
  }

  if (conf.tags && conf.tags.length > 0) {
    L(`Tags (names a constraint may use for several resources): ${conf.tags.map((t) => `${code(t.id)} = ${t.refs.map(code).join(', ')}`).join('; ')}.`, '');
  }

  L('## Where things run', '');
  for (const r of conf.resources) {
    if (r.kind === 'primitive' && r.class === 'stonith') continue;
    const kind = r.kind === 'group' ? 'Group' : r.kind === 'clone' ? (isPromotable(r) ? 'Promotable clone' : 'Clone') : 'Resource';
    L(`- ${kind} ${code(r.id)}: ${r.kind === 'clone' && !placed(conf, r) ? `on every node it may run on (${cloneText(r)})` : placement(conf, r)}.`);
  }
  L('');

  L('## Corosync and quorum', '', ...corosyncLines(lowered));

  L('## Fencing', '', ...fencingLines(lowered, fencing));

  L('## Failover preview', '', ...previewLines(preview, cluster.nodes.map((n) => n.name)));

  L('## The phases of setup.sh', '');
  L('Run as root. Every phase takes `--dry-run`, which prints each command (quoted, secrets as `<env:NAME>`) instead of running it.', '');
  L(`1. ${code('./setup.sh install')} on **every** node (${cluster.nodes.map((n) => code(n.name)).join(', ')}):`);
  for (const s of installSteps(lowered, pc, usesAgent)) L(`   - ${s};`);
  const q = cluster.corosync.qdevice;
  if (q && pc.tool === 'pcs') {
    L(`   and ${code('./setup.sh qnetd')} on the quorum device's server ${code(q.host)}: pcs and corosync-qnetd, the ${code(cluster.auth?.user ?? 'hacluster')} password, pcsd, the firewall, then ${code('pcs qdevice setup model net --enable --start')};`);
  }
  const push = pc.tool === 'crmsh' ? `${code('cibadmin --replace --scope configuration')}, as pcs does underneath` : code('pcs cluster cib-push --config');
  const build = pc.tool === 'crmsh' ? `loads ${code('crm.conf')} into it (${code('crm configure load update')}) and sets with ${code('cibadmin')} what crm.conf leaves out (secrets, ids crmsh would not make)` : `builds the whole configuration in it with ${code('pcs -f')}`;
  const rest = `takes one copy of the live CIB, ${build}, compares it with the live CIB and pushes it once (${push}) only when it differs, and only if nobody changed the live CIB meanwhile (its ${code('epoch')}). A failure part way changes nothing on the cluster; a second run changes nothing. A live configuration that already has resources and differs is replaced only with ${code('--update')}, after the script lists what would change; the replaced configuration is kept in ${code(`${BACKUP_DIR}/${backupName(cluster.name)}-cib-before-DATE.xml`)}.`;
  const first = cluster.nodes[0]?.name ?? 'NODE';
  const others = cluster.nodes.slice(1).map((n) => code(n.name)).join(', ') || 'none';
  if (pc.tool === 'crmsh') {
    L(
      `2. ${code('./setup.sh init')} on ${code(first)}: ${code('crm cluster init -y')} makes a cluster of that node (corosync, its key, the firewall${cluster.sbd ? ', SBD' : "; no SBD: fencing is the configuration's"}${cluster.corosync.qdevice ? `, the quorum device on ${code(cluster.corosync.qdevice.host)} (crmsh sets corosync-qnetd up there over ssh)` : ''}), giving crmsh ${pc.crmshInterfaces === 'address' ? 'the node\'s addresses' : 'the interfaces that hold the node\'s addresses'} with ${code('-i')}${cluster.autostart ? '' : `; ${code('autostart false')}: ${code('crm cluster disable')}`}.`,
      `3. ${code('./setup.sh join')} on each other node (${others}): ${code(`crm cluster join -y -c ${first}`)}, which asks once for ${code(first)}'s root password (crmsh sets up ssh between the nodes).`,
      `4. ${code('./setup.sh configure')} on **one** node, once every node has joined (it says which have not): ${rest}`,
    );
  } else {
    L(
      `2. ${code('./setup.sh configure')} on **one** node, once install has run everywhere: authenticates pcs to pcsd on the nodes and creates the cluster (${code('pcs cluster setup')}, started${cluster.autostart ? ' and enabled at boot' : `; not enabled at boot (${code('autostart false')}): after a reboot, start it by hand with ${code('pcs cluster start')}`}) unless ${code(pc.clusterConf)} already names this cluster with these nodes${cluster.sbd ? `; sets SBD up (${code('pcs stonith sbd enable')}, then a restart of the cluster) unless sbd is enabled already` : ''}${cluster.corosync.qdevice ? `; adds the quorum device (${code('pcs quorum device add')}) unless corosync.conf has one` : ''}; then ${rest}`,
    );
  }
  L(`   ${code('./setup.sh configure --cib-file F')} applies the same configuration to the CIB file F only (no auth, no cluster, no push), for a review without a cluster: start from ${code('cibadmin --empty > F')}.`);
  L(`${pc.tool === 'crmsh' ? 5 : 3}. ${code('./setup.sh verify')}: ${code(displayCmd(crmVerifyLive()))} and ${code(displayCmd(statusCmd(pc)))}.`, '');

  L('## Day-2 operations', '');
  const node = cluster.nodes[0]?.name ?? 'NODE';
  L('Status:', '', block([statusCmd(pc), crmVerifyLive()]), '');
  L(`Take ${code(node)} out of service (its resources move away) and bring it back:`, '', block([standbyCmd(pc, node), unstandbyCmd(pc, node)]), '');
  const g = firstGroup(conf) ?? conf.resources.find((r) => !(r.kind === 'primitive' && r.class === 'stonith'));
  if (g) {
    const to = otherNode(lowered, g);
    if (pc.moveLeavesConstraint) {
      L(
        `Move ${code(g.id)} to ${code(to)} by hand. ${code(`${toolCommand(pc)} resource move`)} works by adding a location constraint (${code(`cli-prefer-${g.id}`)}) that pins ${code(g.id)} there until it is removed: clear it once the move is done, or ${code(g.id)} can never fail back or over on its own (and the next ${code('setup.sh configure')} reports the extra constraint):`,
        '',
        block([moveCmd(pc, g.id, to), clearCmd(pc, g.id)]),
        '',
      );
    } else {
      L(
        `Move ${code(g.id)} to ${code(to)} by hand. On pcs 0.11 and later ${code('pcs resource move')} removes the constraint it adds (${code(`cli-prefer-${g.id}`)}) once ${code(g.id)} runs there, and refuses when ${code(g.id)} would then move back (give it ${code('resource-stickiness')}). A constraint left by an interrupted move, by ${code('pcs resource move-with-constraint')} or by ${code('pcs resource ban')} pins ${code(g.id)} until cleared:`,
        '',
        block([moveCmd(pc, g.id, to), clearCmd(pc, g.id)]),
        '',
      );
    }
  }

  L('## Rollback', '');
  L(
    `- Configuration: when configure replaced a live configuration it saved it in ${code(BACKUP_DIR)} first and printed the file name; put it back with:`,
    '',
    block([rollbackCmd(pc, `${BACKUP_DIR}/${backupName(cluster.name)}-cib-before-DATE.xml`)]),
    '',
    '- A new cluster (nothing ran on these nodes before): stop and remove it on all nodes, then undo the install steps on each node:',
    '',
    block([
      ...teardownCmds(pc),
      ...(pc.cmanQuorumTimeout ? [cmd('mv', '/etc/sysconfig/cman.hacc-orig', '/etc/sysconfig/cman')] : []),
      ...(usesAgent ? [cmd('rm', AGENT_INSTALL_PATH)] : []),
    ]),
    '',
    `  The packages can stay; remove them with ${pc.packageManager === 'apt' ? code('apt-get remove') : code(`${pc.packageManager} remove`)} if the nodes will not run a cluster again.`,
    '',
  );
  return out.join('\n');
}

export function summaryArtifact(lowered: Lowered, preview?: FailoverPreview): Artifact {
  return { path: SUMMARY_PATH, contents: summaryMarkdown(lowered, preview), mode: 0o644 };
}

/** One action of crm_simulate's transition summary, in words. */
function actionText(a: TransitionAction): string {
  const where = a.nodes.length === 2 ? `${code(a.nodes[0]!)} → ${code(a.nodes[1]!)}` : `on ${a.nodes.map(code).join(' ')}`;
  const roles = a.roles ? ` (${a.roles[0]} → ${a.roles[1]})` : '';
  return `${a.action}${a.resource !== undefined ? ` ${code(a.resource)}` : ''} ${where}${roles}`;
}

function previewLines(preview: FailoverPreview | undefined, nodes: readonly string[]): string[] {
  if (!preview) {
    return [`Not made: ${code('hacc build --preview')} adds what Pacemaker's scheduler (${code('crm_simulate')}) does when each node fails or is put in standby, and ${code('hacc plan')} what a change does to a running cluster.`, ''];
  }
  const started = preview.start.filter((a) => a.action === 'Start' || a.action === 'Promote');
  const out = [
    `From Pacemaker's scheduler (${code('crm_simulate')}), the cluster started with every node up (${nodes.map(code).join(', ')}), then each node failing (fenced) or put in standby from there:`,
    '',
    `- All nodes up: ${started.length > 0 ? started.map(actionText).join('; ') : 'nothing starts'}.`,
  ];
  for (const s of preview.scenarios) {
    out.push(`- ${code(s.node)} ${s.event === 'fails' ? 'fails' : 'in standby'}: ${s.actions.length > 0 ? s.actions.map(actionText).join('; ') : 'nothing moves'}.`);
  }
  out.push('');
  return out;
}
