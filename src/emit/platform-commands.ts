// Every platform-specific command the setup script and the summary use, as data, in one place.
// The forms were looked up, not guessed; where each was confirmed:
//
//  pcs 0.9 (el6, el7) — ClusterLabs/pcs pcs-0.9 branch, pcs/usage.py of the 0.9.15x releases (the
//    last RHEL 6 and 7 updates): `cluster auth [node]… [-u user] [-p pass]`, `cluster setup [--start]
//    [--enable] --name NAME node1[,node1-altaddr]…`, `cluster start|enable --all`, `cluster cib FILE`,
//    `cluster cib-push FILE --config` ("Use of --config is recommended"), `resource create … op …
//    meta … --group G`, `resource defaults k=v`, `resource op defaults k=v`, `resource meta`,
//    `stonith create ID TYPE …`, `constraint location add ID RSC NODE SCORE`, `constraint
//    colocation add [master|slave] A with [master|slave] B [score] [options] [id=]`, `constraint order
//    [action] A then [action] B [options]` with id=, `resource move|clear`, `cluster standby`.
//    `--no-default-ops` is in its getopt long options; `id` is a valid op option (resource.py).
//    RHEL 6 "Configuring the Red Hat High Availability Add-On with Pacemaker", ch. 3 (auth, setup
//    --start --name, start --all). The seed post: yum install pacemaker cman pcs, CMAN_QUORUM_TIMEOUT=0,
//    service pcsd start, chkconfig pcsd on, chkconfig corosync off, pcs cluster enable --all. pcs
//    0.9 needs ccs to write cluster.conf on cman clusters (pcs README, pcs-0.9 branch).
//    pcs 0.9 drops every argument that starts with `-` and is not a negative number before parsing
//    (pcs.py main), so `--` protects nothing there: hacc passes values only as key=value words.
//  pcs 0.10+ (el8, el9, debian12) — pcs CHANGELOG 0.10.1: `pcs host auth NAME addr=ADDR…`, `cluster
//    setup NAME NODE addr=ADDR…` (syntax overhauled), `cluster standby` removed for `node standby`;
//    0.10.7: `resource [op] defaults update`; 0.10.8: values starting with '-' need `--`.
//    Checked against pcs 0.11.5 on Debian 12 (pcs/app.py: with `--` in argv, options must come before
//    it; utils.get_terminal_password reads the password from stdin when it is not a terminal, as
//    pcs 0.9 does) and by running every configuration command with `pcs -f`.
//    Debian's /usr/share/doc/pcs/README.Debian: the packages start a placeholder cluster ("debian",
//    node1 at 127.0.0.1), so `pcs cluster setup` needs --force there.
//  Repositories — RHEL 8/9: subscription-manager repos --enable=rhel-N-for-ARCH-highavailability-rpms;
//    AlmaLinux/Rocky/CentOS Stream: `dnf config-manager --set-enabled ha` on 8, `highavailability` on 9.
//    RHEL 7 HA reference 4.1.1: systemctl start/enable pcsd; firewall-cmd --add-service=high-availability.

import { agentName, cibPrimitives, cibResources, constraintResourceIds, isPromotable, type CibClone, type CibColocation, type CibConfiguration, type CibFencingLevel, type CibLocation, type CibOrder, type CibRule, type CibTag, type CibTicket, type CibPrimitive, type NvSet, type XmlAttr } from '../cib/model.js';
import { PROMOTABLE_META } from '../language/clone.js';
import { nthId, sanitizeId } from '../lower/ids.js';
import { SET_ID_SUFFIX } from '../language/resource-set.js';
import type { ClusterSetup, SetupNode } from '../lower/lower.js';
import type { CorosyncSetup, Options, QdeviceSetup, SbdSetup } from '../lower/stack.js';
import { nestsWithoutId } from '../lower/rule.js';
import { PLATFORM_FACTS, type ConfigTool, type PcsVersion } from '../catalogue/platforms.js';
import type { PlatformName } from '../model/platforms.js';
import { cmd, kv, lit, shVar, type Cmd, type Word } from './shell.js';
import { assertNever } from '../assert-never.js';
import { expressionWords, misreadInRule } from '../cib/rule-text.js';

export type PcsGeneration = PcsVersion;

export interface PlatformCommands {
  readonly platform: PlatformName;
  /** For people: `RHEL 6 / CentOS 6 (cman, pcs 0.9)` (PLATFORM_FACTS). */
  readonly title: string;
  /** The configuration tool (PLATFORM_FACTS): pcs, or crmsh on SUSE. */
  readonly tool: ConfigTool;
  /** The pcs generation whose command forms the script uses (pcs platforms only; PLATFORM_FACTS). */
  readonly pcs?: PcsGeneration;
  /** Cluster stack under Pacemaker. */
  readonly stack: 'cman' | 'corosync2' | 'corosync3';
  readonly init: 'sysvinit' | 'systemd';
  readonly packageManager: 'yum' | 'dnf' | 'apt' | 'zypper';
  /** Installed on every node. */
  readonly packages: readonly string[];
  /**
   * What crmsh's `crm cluster init|join -i` takes: interface names only (crmsh 4: `choices` are the
   * host's interfaces), or addresses too (crmsh 5: "Allowed value is nic name or IP address").
   */
  readonly crmshInterfaces?: 'nic' | 'address';
  /** zypper patterns installed first (SUSE's ha_sles: crmsh, pacemaker, corosync, sbd, the agents). */
  readonly patterns?: readonly string[];
  /** Fence agents come one package each (RHEL 8+: fence-agents-ipmilan…): install the ones the devices use. */
  readonly fenceAgentPackages?: boolean;
  /**
   * Packages an agent needs to do its work, beyond resource-agents: by agent, or by agent and one
   * parameter value (`ocf:heartbeat:Filesystem fstype=gfs2`).
   */
  readonly agentPackages: Readonly<Record<string, readonly string[]>>;
  /** The repository that carries the HA packages, when it is not enabled by default. */
  /** `rhsmRepo` has `%s` where the machine architecture (`uname -m`) goes. */
  readonly haRepo?: { readonly dnfRepoId: string; readonly rhsmRepo: string };
  /** The file `pcs cluster setup` writes; it names the cluster once the cluster exists. */
  readonly clusterConf: string;
  /** Open the high-availability service in firewalld when firewalld runs. */
  readonly firewalld: boolean;
  /** Node names must resolve to their first address: pcs 0.9 uses names as ring addresses. */
  readonly namesAreAddresses: boolean;
  /** /etc/sysconfig/cman CMAN_QUORUM_TIMEOUT=0 (cman waits for quorum at start otherwise). */
  readonly cmanQuorumTimeout: boolean;
  /**
   * `pcs resource move` leaves its cli-prefer constraint behind (pcs 0.9, 0.10) rather than removing
   * it once the resource runs on the new node (pcs 0.11: `pcs resource move --help`, "This command has
   * been changed in pcs-0.11"; the old behaviour is `move-with-constraint`).
   */
  readonly moveLeavesConstraint: boolean;
  /** The distribution's packages start a placeholder cluster that `pcs cluster setup --force` replaces. */
  readonly placeholderCluster?: { readonly name: string; readonly addr: string };
}

/**
 * What agents need on RHEL and its rebuilds. DRBD is not in RHEL's repositories: its tools and
 * kernel module come from ELRepo (drbd9x-utils and kmod-drbd9x for DRBD 9 on el9, drbd90-* on el8,
 * drbd84-* on el6/el7), which the operator enables first. dlm is in the Resilient Storage repository.
 */
const EL_AGENT_PACKAGES = {
  'ocf:heartbeat:iscsi': ['iscsi-initiator-utils'],
  'ocf:pacemaker:controld': ['dlm'],
  'ocf:heartbeat:Filesystem fstype=gfs2': ['gfs2-utils'],
  'ocf:heartbeat:apache': ['httpd', 'wget'],
  'ocf:heartbeat:nfsserver': ['nfs-utils'],
  'ocf:heartbeat:exportfs': ['nfs-utils'],
  'ocf:heartbeat:LVM-activate': ['lvm2'],
} as const;
const drbd = (utils: string, kmod: string) => ({ 'ocf:linbit:drbd': [utils, kmod] });

/** What el8 and el9 share. */
const EL_DNF = {
  stack: 'corosync3',
  init: 'systemd',
  packageManager: 'dnf',
  // The fence agents each device uses (fencePackage), not fence-agents-all and its dozens of agents.
  packages: ['pacemaker', 'pcs', 'resource-agents'],
  fenceAgentPackages: true,
  agentPackages: EL_AGENT_PACKAGES,
  clusterConf: '/etc/corosync/corosync.conf',
  firewalld: true,
  namesAreAddresses: false,
  cmanQuorumTimeout: false,
} as const;

/** The fields PLATFORM_FACTS decides: the title, the tool and (pcs) its generation. */
function facts(platform: PlatformName): Pick<PlatformCommands, 'platform' | 'title' | 'tool' | 'pcs'> {
  const f = PLATFORM_FACTS[platform];
  return { platform, title: f.title, tool: f.tool, ...(f.tool === 'pcs' ? { pcs: f.toolVersion } : {}) };
}

/** What agents need where Debian and SUSE name the packages alike. */
const DEBIAN_AND_SUSE_AGENT_PACKAGES = {
  'ocf:heartbeat:iscsi': ['open-iscsi'],
  'ocf:heartbeat:apache': ['apache2', 'wget'],
  'ocf:heartbeat:nfsserver': ['nfs-kernel-server'],
  'ocf:heartbeat:exportfs': ['nfs-kernel-server'],
  'ocf:heartbeat:LVM-activate': ['lvm2'],
} as const;

const DEBIAN = {
  stack: 'corosync3',
  init: 'systemd',
  packageManager: 'apt',
  packages: ['pacemaker', 'pacemaker-cli-utils', 'corosync', 'pcs', 'resource-agents', 'fence-agents'],
  // Debian's kernel has the DRBD module; the tools are drbd-utils.
  agentPackages: {
    ...DEBIAN_AND_SUSE_AGENT_PACKAGES,
    'ocf:linbit:drbd': ['drbd-utils'],
    'ocf:pacemaker:controld': ['dlm-controld'],
    'ocf:heartbeat:Filesystem fstype=gfs2': ['gfs2-utils'],
  },
  clusterConf: '/etc/corosync/corosync.conf',
  firewalld: false,
  namesAreAddresses: false,
  cmanQuorumTimeout: false,
  moveLeavesConstraint: false,
  placeholderCluster: { name: 'debian', addr: '127.0.0.1' },
} as const;

const SUSE = {
  init: 'systemd',
  packageManager: 'zypper',
  patterns: ['ha_sles'],
  packages: [],
  agentPackages: {
    ...DEBIAN_AND_SUSE_AGENT_PACKAGES,
    'ocf:linbit:drbd': ['drbd', 'drbd-utils'],
    'ocf:pacemaker:controld': ['libdlm'],
  },
  clusterConf: '/etc/corosync/corosync.conf',
  firewalld: false,
  namesAreAddresses: false,
  cmanQuorumTimeout: false,
  moveLeavesConstraint: true,
} as const;

export const PLATFORM_COMMANDS: Readonly<Record<PlatformName, PlatformCommands>> = {
  el6: {
    ...facts('el6'),
    stack: 'cman',
    init: 'sysvinit',
    packageManager: 'yum',
    packages: ['pacemaker', 'cman', 'pcs', 'ccs', 'resource-agents', 'fence-agents'],
    agentPackages: { ...EL_AGENT_PACKAGES, ...drbd('drbd84-utils', 'kmod-drbd84') },
    clusterConf: '/etc/cluster/cluster.conf',
    firewalld: false,
    namesAreAddresses: true,
    cmanQuorumTimeout: true,
    moveLeavesConstraint: true,
  },
  el7: {
    ...facts('el7'),
    stack: 'corosync2',
    init: 'systemd',
    packageManager: 'yum',
    packages: ['pacemaker', 'pcs', 'resource-agents', 'fence-agents-all'],
    agentPackages: { ...EL_AGENT_PACKAGES, ...drbd('drbd84-utils', 'kmod-drbd84') },
    clusterConf: '/etc/corosync/corosync.conf',
    firewalld: true,
    namesAreAddresses: true,
    cmanQuorumTimeout: false,
    moveLeavesConstraint: true,
  },
  el8: {
    ...EL_DNF,
    ...facts('el8'),
    agentPackages: { ...EL_AGENT_PACKAGES, ...drbd('drbd90-utils', 'kmod-drbd90') },
    haRepo: { dnfRepoId: 'ha', rhsmRepo: 'rhel-8-for-%s-highavailability-rpms' },
    moveLeavesConstraint: true,
  },
  el9: {
    ...EL_DNF,
    ...facts('el9'),
    agentPackages: { ...EL_AGENT_PACKAGES, ...drbd('drbd9x-utils', 'kmod-drbd9x') },
    haRepo: { dnfRepoId: 'highavailability', rhsmRepo: 'rhel-9-for-%s-highavailability-rpms' },
    moveLeavesConstraint: false,
  },
  // RHEL 10: the repository ids follow RHEL 9's (rhel-10-for-ARCH-highavailability-rpms; AlmaLinux and
  // Rocky 10: highavailability). ELRepo builds DRBD 9 for el10 under el9's package names.
  el10: {
    ...EL_DNF,
    ...facts('el10'),
    agentPackages: { ...EL_AGENT_PACKAGES, ...drbd('drbd9x-utils', 'kmod-drbd9x') },
    haRepo: { dnfRepoId: 'highavailability', rhsmRepo: 'rhel-10-for-%s-highavailability-rpms' },
    moveLeavesConstraint: false,
  },
  debian12: {
    ...DEBIAN,
    ...facts('debian12'),
  },
  debian13: {
    ...DEBIAN,
    ...facts('debian13'),
  },
  // SUSE: crmsh, not pcs. The ha_sles pattern brings crmsh, pacemaker, corosync, sbd, the resource
  // and fence agents (SUSE's installation guide: `zypper install -t pattern ha_sles`). No pcsd and no
  // firewall step: `crm cluster init` and `join` open the cluster's ports themselves (crmsh
  // bootstrap.py, configure_firewall).
  sles15: {
    ...SUSE,
    ...facts('sles15'),
    stack: 'corosync2',
    crmshInterfaces: 'nic',
  },
  sles16: {
    ...SUSE,
    ...facts('sles16'),
    stack: 'corosync3',
    crmshInterfaces: 'address',
  },
};

export function platformCommands(platform: PlatformName): PlatformCommands {
  return PLATFORM_COMMANDS[platform];
}

/** pcs 0.10+ reads a word after `--` as an argument even when it starts with `-`. */
function modern(pc: PlatformCommands): boolean {
  return pc.pcs !== '0.9';
}

// --- packages and services --------------------------------------------------------------------

/** agentPackages by agent: the packages, each with the parameter value it needs, if any. */
const packageRules = new WeakMap<PlatformCommands, Map<string, { readonly name?: string; readonly value?: string; readonly packages: readonly string[] }[]>>();

function packageRulesOf(pc: PlatformCommands) {
  let rules = packageRules.get(pc);
  if (!rules) {
    rules = new Map();
    for (const [key, packages] of Object.entries(pc.agentPackages)) {
      const [agent, condition] = key.split(' ') as [string, string | undefined];
      const [name, value] = condition?.split('=') ?? [];
      rules.set(agent, [...(rules.get(agent) ?? []), { ...(name !== undefined ? { name, value: value ?? '' } : {}), packages }]);
    }
    packageRules.set(pc, rules);
  }
  return rules;
}

/** Fence agents RHEL packages with another agent, or under another name (most are fence-agents-NAME). */
const FENCE_PACKAGE: Readonly<Record<string, string>> = {
  // fence_ilo3/4/5, fence_idrac, fence_imm and fence_ipmilanplus are fence_ipmilan under other names.
  fence_ilo3: 'fence-agents-ipmilan',
  fence_ilo4: 'fence-agents-ipmilan',
  fence_ilo5: 'fence-agents-ipmilan',
  fence_idrac: 'fence-agents-ipmilan',
  fence_imm: 'fence-agents-ipmilan',
  fence_ipmilanplus: 'fence-agents-ipmilan',
  fence_ilo3_ssh: 'fence-agents-ilo-ssh',
  fence_ilo4_ssh: 'fence-agents-ilo-ssh',
  fence_ilo5_ssh: 'fence-agents-ilo-ssh',
  fence_xvm: 'fence-virt',
  fence_virt: 'fence-virt',
};

/** The RHEL package of a fence agent: fence_apc_snmp is in fence-agents-apc-snmp. */
export function fencePackage(type: string): string {
  return FENCE_PACKAGE[type] ?? `fence-agents-${type.replace(/^fence_/, '').replace(/_/g, '-')}`;
}

/** The packages every node needs for this configuration, in a stable order. */
export function packagesFor(pc: PlatformCommands, conf: CibConfiguration): string[] {
  const out = [...pc.packages];
  const rules = packageRulesOf(pc);
  for (const p of cibPrimitives(conf)) {
    if (pc.fenceAgentPackages && p.class === 'stonith' && !out.includes(fencePackage(p.type))) out.push(fencePackage(p.type));
    for (const rule of rules.get(agentName(p)) ?? []) {
      const applies = rule.name === undefined || (p.instanceAttributes?.pairs.some((a) => a.name === rule.name && a.value.kind === 'literal' && a.value.text === rule.value) ?? false);
      if (applies) for (const pkg of rule.packages) if (!out.includes(pkg)) out.push(pkg);
    }
  }
  return out;
}

export function installPackages(pc: PlatformCommands, packages: readonly string[]): Cmd[] {
  switch (pc.packageManager) {
    case 'yum':
      return [cmd('yum', 'install', '-y', ...packages)];
    case 'dnf':
      return [cmd('dnf', 'install', '-y', ...packages)];
    case 'apt':
      return [
        cmd('env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update'),
        cmd('env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '--no-install-recommends', ...packages),
      ];
    case 'zypper':
      return [
        ...(pc.patterns ?? []).map((pattern) => cmd('zypper', '--non-interactive', 'install', '-t', 'pattern', pattern)),
        ...(packages.length > 0 ? [cmd('zypper', '--non-interactive', 'install', ...packages)] : []),
      ];
  }
}

/** Start a service now and at every boot. */
export function enableService(pc: PlatformCommands, service: string): Cmd[] {
  return pc.init === 'sysvinit'
    ? [cmd('service', service, 'start'), cmd('chkconfig', service, 'on')]
    : [cmd('systemctl', 'enable', `${service}.service`), cmd('systemctl', 'start', `${service}.service`)];
}

/** Keep a service from starting at boot (cman starts corosync itself on el6). */
export function disableService(pc: PlatformCommands, service: string): Cmd[] {
  return pc.init === 'sysvinit' ? [cmd('chkconfig', service, 'off')] : [cmd('systemctl', 'disable', `${service}.service`)];
}

// --- cluster creation -------------------------------------------------------------------------

/** `pcs cluster auth` / `pcs host auth`; the password is read from stdin. */
export function pcsAuth(pc: PlatformCommands, cluster: ClusterSetup, user: string): Cmd {
  // The qnetd server too: pcs quorum device add asks its pcsd for certificates, by the name host= gives.
  const qnetd = cluster.corosync.qdevice?.host;
  if (!modern(pc)) return cmd('pcs', 'cluster', 'auth', ...cluster.nodes.map((n) => n.name), ...(qnetd !== undefined ? [qnetd] : []), '-u', user);
  const hosts = cluster.nodes.flatMap((n) => (n.addrs[0] ? [n.name, `addr=${n.addrs[0].ip}`] : [n.name]));
  return cmd('pcs', 'host', 'auth', '-u', user, '--', ...hosts, ...(qnetd !== undefined ? [qnetd, `addr=${qnetd}`] : []));
}

function setupNode09(n: SetupNode): string {
  // ring0 is the node name (resolved through /etc/hosts or DNS); a second address becomes ring 1.
  return n.addrs.length > 1 ? `${n.name},${n.addrs[1]!.ip}` : n.name;
}

/**
 * `pcs cluster setup` that also starts the cluster. `options` go after `--start`: the setup script
 * passes its function's arguments there (`--force` replaces the distribution's placeholder).
 */
export function pcsSetup(pc: PlatformCommands, cluster: ClusterSetup, options: readonly Word[] = []): Cmd {
  if (!modern(pc)) return [...cmd('pcs', 'cluster', 'setup', '--start'), ...options, ...corosyncFlags09(cluster.corosync), ...cmd('--name', cluster.name, ...cluster.nodes.map(setupNode09))];
  const nodes = cluster.nodes.flatMap((n) => [n.name, ...n.addrs.map((a) => `addr=${a.ip}`)]);
  return [...cmd('pcs', 'cluster', 'setup', '--start'), ...options, ...cmd('--', cluster.name, ...nodes), ...corosyncWords(cluster.corosync)];
}

const pairWords = (options: Options): Word[] => options.map(([k, v]) => kv(k, v));

/**
 * pcs 0.10+'s corosync sections after the nodes: `transport T … link linknumber=N … compression …
 * crypto …` (link, compression and crypto belong to the transport section, so it is written
 * whenever one of them is), then `totem …` and `quorum …`. Verified with `pcs cluster setup …
 * --corosync_conf FILE` (pcs 0.11.5).
 */
function corosyncWords(c: CorosyncSetup): Word[] {
  const knet = (c.transport ?? 'knet') === 'knet';
  const transportSection = c.transport !== undefined || c.transportOptions.length > 0 || c.links.length > 0 || c.compression.length > 0 || c.crypto.length > 0;
  const section = (name: string, options: Options) => (options.length > 0 ? [lit(name), ...pairWords(options)] : []);
  return [
    ...(transportSection ? [lit('transport'), lit(c.transport ?? 'knet'), ...pairWords(c.transportOptions)] : []),
    // udp and udpu have one link, without a number.
    ...c.links.flatMap((l) => [lit('link'), ...(knet ? [kv('linknumber', String(l.number))] : []), ...pairWords(l.options)]),
    ...section('compression', c.compression),
    ...section('crypto', c.crypto),
    ...section('totem', c.totem),
    ...section('quorum', c.quorum),
  ];
}

/** pcs 0.9's flags for the same (`pcs cluster setup` usage, pcs 0.9.169): corosync 2 and cman. */
function corosyncFlags09(c: CorosyncSetup): Word[] {
  const flag = (name: string, value: string) => lit(`--${name}=${value}`);
  const out: Word[] = [];
  if (c.transport !== undefined) out.push(flag('transport', c.transport));
  for (const [k, v] of c.transportOptions) {
    if (k === 'rrp_mode') out.push(flag('rrpmode', v));
    else if (k === 'ip_version') {
      if (v === 'ipv6') out.push(lit('--ipv6'));
    } else out.push(flag(k, v));
  }
  const LINK_FLAGS: Readonly<Record<string, string>> = { bindnetaddr: 'addr', mcastaddr: 'mcast', mcastport: 'mcastport', ttl: 'ttl' };
  for (const l of c.links) {
    for (const [k, v] of l.options) {
      if (k === 'broadcast') {
        if (v === '1') out.push(lit(`--broadcast${l.number}`));
      } else out.push(flag(`${LINK_FLAGS[k] ?? k}${l.number}`, v));
    }
  }
  for (const [k, v] of [...c.totem, ...c.quorum]) out.push(flag(k, v));
  return out;
}

export const pcsStartAll = (): Cmd => cmd('pcs', 'cluster', 'start', '--all');
export const pcsEnableAll = (): Cmd => cmd('pcs', 'cluster', 'enable', '--all');

// --- the offline CIB copy ---------------------------------------------------------------------

/** `pcs -f "$NEW" …`: every configuration command edits the offline copy. */
function pcsF(pc: PlatformCommands, file: string, sub: readonly string[], options: readonly string[], args: readonly Word[]): Cmd {
  return [lit('pcs'), lit('-f'), shVar(file), ...sub.map(lit), ...options.map(lit), ...(modern(pc) ? [lit('--')] : []), ...args];
}

export const pcsCibGet = (file: string): Cmd => [lit('pcs'), lit('cluster'), lit('cib'), shVar(file)];
export const pcsCibPush = (file: string): Cmd => [lit('pcs'), lit('cluster'), lit('cib-push'), shVar(file), lit('--config')];

function nvWords(set: NvSet | undefined): Word[] {
  return (set?.pairs ?? []).map((a) => kv(a.name, a.value));
}

export function pcsPropertySet(pc: PlatformCommands, file: string, set: NvSet): Cmd {
  return pcsF(pc, file, ['property', 'set'], [], nvWords(set));
}

/** The property pcs sets only where sbd is enabled (setup-script.ts propertyLines). */
export const WATCHDOG_TIMEOUT_PROPERTY = 'stonith-watchdog-timeout';

export function pcsRscDefaults(pc: PlatformCommands, file: string, set: NvSet): Cmd {
  return pcsF(pc, file, modern(pc) ? ['resource', 'defaults', 'update'] : ['resource', 'defaults'], [], nvWords(set));
}

export function pcsOpDefaults(pc: PlatformCommands, file: string, set: NvSet): Cmd {
  return pcsF(pc, file, modern(pc) ? ['resource', 'op', 'defaults', 'update'] : ['resource', 'op', 'defaults'], [], nvWords(set));
}

/** The op words of a primitive: every op of the CIB, with its id, so pcs adds none of its own. */
function opWords(p: CibPrimitive): Word[] {
  return p.operations.flatMap((op) => [
    lit('op'),
    lit(op.name),
    ...(op.interval !== undefined ? [kv('interval', op.interval)] : []),
    ...op.attrs.map(([name, value]) => kv(name, value)),
    ...nvWords(op.instanceAttributes),
    kv('id', op.id),
  ]);
}

/**
 * `pcs resource create` / `pcs stonith create` with --no-default-ops and the plan's ops, so the CIB
 * pcs writes is the CIB hacc writes. `force` skips pcs's meta-data lookup (for ocf:hacc:anything on a
 * host where `setup.sh install` has not put the agent, e.g. `configure --cib-file` on a workstation).
 */
export function pcsCreate(pc: PlatformCommands, file: string, p: CibPrimitive, group: string | undefined, force: boolean): Cmd {
  const fencing = p.class === 'stonith';
  const meta = p.metaAttributes && p.metaAttributes.pairs.length > 0 ? [lit('meta'), ...nvWords(p.metaAttributes)] : [];
  const options = ['--no-default-ops', ...(group !== undefined ? ['--group', group] : []), ...(force ? ['--force'] : [])];
  const args = [lit(p.id), lit(fencing ? p.type : agentName(p)), ...nvWords(p.instanceAttributes), ...opWords(p), ...meta];
  return pcsF(pc, file, [fencing ? 'stonith' : 'resource', 'create'], options, args);
}

export function pcsResourceMeta(pc: PlatformCommands, file: string, id: string, set: NvSet): Cmd {
  return pcsF(pc, file, ['resource', 'meta'], [], [lit(id), ...nvWords(set)]);
}

/**
 * `location add ID RSC|regexp%PATTERN NODE SCORE` for a node's score (resource-discovery= since pcs 0.9.138; a role it
 * cannot take: pcsCannotCreate); for rules, `location RSC|regexp%PATTERN rule constraint-id=ID id=…
 * EXPR` and `constraint rule add ID id=… EXPR` for each further rule (pcs/constraint.py location_rule,
 * pcs/rule.py; each rule's id given, the ids inside it derived from it as hacc derives them).
 */
export function pcsLocation(pc: PlatformCommands, file: string, c: CibLocation): Cmd[] {
  const discovery = c.attrs.filter(([name]) => name === 'resource-discovery').map(([name, value]) => kv(name, value));
  const pattern = c.attrs.find(([name]) => name === 'rsc-pattern')?.[1];
  const resource = lit(pattern !== undefined ? `regexp%${pattern}` : (c.rsc ?? ''));
  if (c.rules.length === 0) return [pcsF(pc, file, ['constraint', 'location', 'add'], [], [lit(c.id), resource, lit(c.node ?? ''), lit(c.score ?? ''), ...discovery])];
  const ruleArgs = (r: CibRule): Word[] => [kv('id', r.id), ...r.attrs.filter(([name]) => name !== 'boolean-op').map(([name, value]) => kv(name, value)), ...(expressionWords(r) ?? []).map(lit)];
  const [first, ...more] = c.rules;
  return [
    // --force: pcs refuses a rule location whose rule it takes for another's (same resource, same
    // expression, whatever the score) as a duplicate; two such constraints are the file's to have.
    pcsF(pc, file, ['constraint', 'location'], ['--force'], [resource, lit('rule'), kv('constraint-id', c.id), ...discovery, ...ruleArgs(first!)]),
    ...more.map((r) => pcsF(pc, file, ['constraint', 'rule', 'add'], [], [lit(c.id), ...ruleArgs(r)])),
  ];
}

/** The date-spec and duration keys pcs's rule parser takes, with its limits (pcs/rule.py, DateCommonValue, DateSpecValue). */
const PCS_DATE_PARTS: Readonly<Record<string, readonly [number, number] | undefined>> = {
  hours: [0, 23],
  monthdays: [0, 31],
  weekdays: [1, 7],
  yeardays: [1, 366],
  months: [1, 12],
  weeks: [1, 53],
  years: undefined,
  weekyears: [1, 53],
  moon: [0, 7],
};

/** Whether pcs takes `name=value` in a date-spec (a number or a rising range within its limits) or a duration (digits). */
function pcsTakesDatePart(kind: 'date_spec' | 'duration', name: string, value: string): boolean {
  if (!(name in PCS_DATE_PARTS)) return false;
  if (kind === 'duration') return /^[0-9]+$/.test(value);
  const m = /^([0-9]+)(?:-([0-9]+))?$/.exec(value);
  if (!m) return false;
  const limits = PCS_DATE_PARTS[name];
  const within = (n: number) => limits === undefined || (n >= limits[0] && n <= limits[1]);
  return within(Number(m[1])) && (m[2] === undefined || Number(m[1]) < Number(m[2]));
}

/**
 * The values pcs's rule parser takes for a typed comparison (pcs 0.11.5, lib/cib/rule/validator.py
 * with common/validate.py): "'x eq integer 4.6' is not a valid rule expression: invalid integer value".
 */
const PCS_TYPED_VALUE: Readonly<Record<string, RegExp>> = {
  integer: /^[+-]?[0-9]+$/,
  number: /^[-+]?(\d+|(\d*\.\d+)|(\d+\.\d*))([eE][+-]?\d+)?$/,
  version: /^\d+(\.\d+)*$/,
};

/**
 * Why pcs would not write this rule as it stands (undefined when it would): pcs's rule language has
 * no value-source, resource or op expressions, no word for a value that is a keyword or holds a
 * parenthesis, and nests a rule only for an operator that differs from its parent's, under the id it derives.
 */
function pcsRuleProblem(rule: CibRule): string | undefined {
  for (const c of rule.children) {
    switch (c.kind) {
      case 'rule': {
        if (!c.id.startsWith(rule.id) || !/^-rule(-[0-9]+)?$/.test(c.id.slice(rule.id.length))) return `pcs names a nested rule after its parent (${rule.id}-rule), not ${c.id}.`;
        if (!nestsWithoutId(rule, c)) return `pcs would not nest the rule ${c.id} (parentheses nest only an operator other than the parent's, beside another operand).`;
        const inner = pcsRuleProblem(c);
        if (inner) return inner;
        break;
      }
      case 'expression': {
        const words = c.attrs.filter(([name]) => name === 'attribute' || name === 'value').map(([, v]) => v);
        if (c.attrs.some(([name]) => name === 'value-source')) return `pcs's rules have no value-source (rule ${rule.id}).`;
        const misread = words.find(misreadInRule);
        if (misread !== undefined) return `pcs would misread '${misread}' in rule ${rule.id} (a keyword, a parenthesis, a space or nothing).`;
        const type = c.attrs.find(([name]) => name === 'type')?.[1];
        const value = c.attrs.find(([name]) => name === 'value')?.[1];
        const form = type !== undefined ? PCS_TYPED_VALUE[type] : undefined;
        if (value !== undefined && form && !form.test(value)) return `pcs refuses the ${type} value '${value}' in rule ${rule.id} (Pacemaker compares it as it can).`;
        break;
      }
      case 'date_expression': {
        const part = c.part?.attrs.find(([name, value]) => !pcsTakesDatePart(c.part!.kind, name, value));
        if (part) return `pcs's rules take no ${c.part!.kind === 'date_spec' ? 'date-spec' : 'duration'} ${part[0]}=${part[1]} (rule ${rule.id}).`;
        break;
      }
      case 'rsc_expression':
      case 'op_expression':
        return `pcs's location rules have no ${c.kind === 'rsc_expression' ? 'resource' : 'op'} expressions (rule ${rule.id}).`;
      default:
        return assertNever(c);
    }
  }
  return undefined;
}

/** The roles pcs 0.10 writes in their old spelling (Master/Slave) whichever it is given. */
const NEW_ROLES = new Set(['Promoted', 'Unpromoted']);

/**
 * Why one pcs command per object would not give exactly this configuration's resources and
 * constraints (undefined when it would): a node location with a role, which `constraint location
 * add` has no word for (pcs would need a rule, a different CIB); an op with params or meta of its
 * own (pcs takes only OCF_CHECK_LEVEL); on pcs 0.10, a Promoted or
 * Unpromoted role anywhere (it writes Master/Slave); on pcs 0.9, a clone (`resource clone` names it
 * RESOURCE-clone, whatever the file says, and neither its clone nor its master command is verified
 * here against the CIB it writes).
 */
export function pcsCannotCreate(pc: PlatformCommands, conf: CibConfiguration, cluster: Pick<ClusterSetup, 'explicitIds' | 'paramsAgentRefuses'>): string | undefined {
  const { explicitIds, paramsAgentRefuses } = cluster;
  if (conf.templates && conf.templates.length > 0) return `pcs has no command for a resource template (${conf.templates[0]!.id}).`;
  // pcs 0.11.5 adds a monitor op (the agent's advice) to a resource created without one, even with --no-default-ops.
  const unmonitored = cibPrimitives(conf).find((p) => p.operationsRef === undefined && !p.operations.some((o) => o.name === 'monitor'));
  if (unmonitored) return `pcs gives a resource created without a monitor op one of its own (${unmonitored.id}): the resources go in as XML.`;
  const refused = cibPrimitives(conf).find((p) => paramsAgentRefuses.has(p.id));
  if (refused) return `pcs refuses '${paramsAgentRefuses.get(refused.id)}' for ${refused.id} without --force (its agent's meta-data does not allow it): the resources go in as XML.`;
  // pcs 0.11.5: "stonith option 'action' is deprecated and should not be used, … use --force to override".
  const action = cibPrimitives(conf).find((p) => p.class === 'stonith' && p.instanceAttributes?.pairs.some((a) => a.name === 'action'));
  if (action) return `pcs refuses a fencing device's deprecated action= (${action.id}) without --force: the resources go in as XML.`;
  // pcs checks a new resource's id against the whole CIB, the nodes' entries included: a remote
  // node's connection has its entry's id, which a live cluster holds ("Error: 'rnode1' already exists").
  const remote = cibPrimitives(conf).find((p) => p.class === 'ocf' && p.provider === 'pacemaker' && p.type === 'remote');
  if (remote) return `pcs takes the id of a remote node's connection (${remote.id}) for taken once the cluster knows the node: the resources go in as XML.`;
  // pcs 0.9 on el6 has no bundle command and pcs 0.10+ none for rkt: one path for every platform.
  const bundle = conf.resources.find((r) => r.kind === 'bundle');
  if (bundle) return `Bundles go in as XML on every platform (${bundle.id}): pcs 0.9 has no bundle command, pcs 0.10 and later none for rkt.`;
  // `pcs resource update` takes a primitive only; `resource meta` sets meta attributes.
  const inheriting = cibResources(conf).find((r) => (r.kind === 'group' || r.kind === 'clone') && r.instanceAttributes !== undefined);
  if (inheriting) return `pcs has no command for the instance attributes of a group or clone (${inheriting.id}).`;
  const shared = cibPrimitives(conf).find((p) => p.operationsId !== undefined || p.operationsRef !== undefined);
  if (shared) return `pcs gives a resource's operations no id of their own, nor another's (${shared.id}).`;
  // pcs names a resource's sets and their nvpairs itself (RESOURCE-meta_attributes, SET-NAME), as
  // lowering does: an id the file writes ($id=, $id.NAME=) it cannot give.
  for (const r of cibResources(conf)) {
    for (const set of [...(r.kind === 'primitive' ? [r.instanceAttributes] : []), r.metaAttributes]) {
      if (!set) continue;
      if (explicitIds.has(set.id)) return `pcs names a resource's attribute sets itself (not ${set.id}).`;
      const pair = set.pairs.find((p) => explicitIds.has(p.id));
      if (pair) return `pcs names the nvpairs of ${set.id} itself (not ${pair.id}).`;
    }
  }
  if (conf.constraints.some((c) => c.kind === 'rsc_location' && c.attrs.some(([name]) => name === 'role'))) {
    return 'A location with a role has no pcs command (pcs would write a rule, or set the role on its rule).';
  }
  // pcs refuses a tag in a constraint ("Resource 'TAG' does not exist", pcs 0.11.5).
  const tags = new Set((conf.tags ?? []).map((t) => t.id));
  const tagged = conf.constraints.find((c) => constraintResourceIds(c).some((id) => tags.has(id)));
  if (tagged) return `pcs takes no tag in a constraint (${tagged.id}).`;
  for (const c of conf.constraints) {
    if (c.kind !== 'rsc_location') {
      if (c.sets.length === 0) continue;
      const other = c.attrs.find(([name]) => !SET_CONSTRAINT_OPTIONS[c.kind].includes(name));
      if (other) return `pcs's set command has no ${other[0]}= (constraint ${c.id}).`;
      const i = c.sets.findIndex((s, n) => s.id !== nthId(`${c.id}${SET_ID_SUFFIX}`, n));
      if (i >= 0) return `pcs names the sets of ${c.id} itself (${nthId(`${c.id}${SET_ID_SUFFIX}`, i)}, not ${c.sets[i]!.id}).`;
      continue;
    }
    if (c.sets.length > 0) return `pcs has no command for a location over resource sets (${c.id}).`;
    // `regexp%PATTERN` came with pcs 0.9.160 (el7.5); el6 has 0.9.155.
    if (c.rsc === undefined && pc.platform === 'el6') return 'pcs 0.9.155 (el6) has no location over a resource pattern.';
    for (const r of c.rules) {
      const problem = pcsRuleProblem(r);
      if (problem) return problem;
    }
  }
  // pcs's `constraint location add` removes a location on the same resource and node before it adds its own.
  const placed = new Map<string, string>();
  for (const c of conf.constraints) {
    if (c.kind !== 'rsc_location' || c.node === undefined) continue;
    const key = `${c.rsc}\n${c.node}`;
    const first = placed.get(key);
    if (first !== undefined) return `pcs would replace the location ${first} with ${c.id} (same resource ${c.rsc} and node ${c.node}).`;
    placed.set(key, c.id);
  }
  const ops = cibPrimitives(conf).flatMap((p) => p.operations);
  if (ops.some((o) => o.metaAttributes || o.instanceAttributes?.pairs.some((a) => a.name !== 'OCF_CHECK_LEVEL'))) {
    return "pcs has no option for an op's own params and meta (OCF_CHECK_LEVEL aside).";
  }
  if (pc.pcs === '0.9' && conf.resources.some((r) => r.kind === 'clone')) {
    return "pcs 0.9 cannot give a clone the file's name (it names it RESOURCE-clone).";
  }
  if (pc.pcs === '0.10') {
    const roleOf = (attrs: readonly XmlAttr[]) => attrs.some(([name, value]) => name.endsWith('role') && NEW_ROLES.has(value));
    const meta = (set: NvSet | undefined) => set?.pairs.some((p) => p.name === 'target-role' && p.value.kind === 'literal' && NEW_ROLES.has(p.value.text)) ?? false;
    const withRole =
      conf.constraints.some((c) => roleOf(c.attrs) || (c.kind === 'rsc_location' ? c.rules.some((r) => roleOf(r.attrs)) : c.sets.some((s) => roleOf(s.attrs)))) ||
      cibPrimitives(conf).some((p) => p.operations.some((o) => roleOf(o.attrs)) || meta(p.metaAttributes)) ||
      conf.resources.some((r) => r.kind !== 'primitive' && meta(r.metaAttributes));
    if (withRole) return 'pcs 0.10 writes the roles Promoted and Unpromoted as Master and Slave.';
  }
  return undefined;
}

/**
 * `pcs resource clone|promotable CHILD ID [meta…]` (pcs 0.10+, which sorts the meta attributes by
 * name and adds promotable=true itself for `promotable`).
 */
export function pcsClone(pc: PlatformCommands, file: string, c: CibClone): Cmd {
  const promotable = isPromotable(c);
  const meta = (c.metaAttributes?.pairs ?? []).filter((p) => !(promotable && p.name === PROMOTABLE_META)).map((a) => kv(a.name, a.value));
  return pcsF(pc, file, ['resource', promotable ? 'promotable' : 'clone'], [], [lit(c.child.id), lit(c.id), ...meta]);
}

/** A role word as the pcs generation spells it in `colocation add`. */
function roleWord(pc: PlatformCommands, role: string | undefined): Word[] {
  if (role === undefined) return [];
  return [lit(modern(pc) ? role : role.toLowerCase())];
}

/**
 * `pcs constraint colocation|order set A B [opts] set C [opts] setoptions id=ID …` (pcs 0.9 and
 * later): pcs names the sets CONSTRAINT_set, CONSTRAINT_set-1…, as hacc does (pcsCannotCreate
 * sends a set with another id, and constraint options pcs does not take, to XML).
 */
function pcsSetConstraint(pc: PlatformCommands, file: string, c: CibColocation | CibOrder | CibTicket): Cmd {
  const sets = c.sets.flatMap((s) => [lit('set'), ...s.refs.map(lit), ...s.attrs.map(([k, v]) => kv(k, v))]);
  const own = c.kind === 'rsc_colocation' ? [kv('score', c.score)] : c.kind === 'rsc_ticket' ? [kv('ticket', c.ticket)] : [];
  const options = [kv('id', c.id), ...own, ...c.attrs.map(([k, v]) => kv(k, v))];
  // --force: pcs takes two set constraints over the same resources for duplicates, whatever their
  // options (pcs 0.11.5, "duplicate constraint already exists"); both are the file's.
  return pcsF(pc, file, ['constraint', c.kind.slice(4), 'set'], ['--force'], [...sets.slice(1), lit('setoptions'), ...options]);
}

/** The constraint options pcs's set commands take (pcs lib/cib/constraint/colocation.py, order.py, ticket.py). */
const SET_CONSTRAINT_OPTIONS: Readonly<Record<'rsc_colocation' | 'rsc_order' | 'rsc_ticket', readonly string[]>> = {
  rsc_colocation: [],
  rsc_order: ['kind', 'symmetrical'],
  rsc_ticket: ['loss-policy'],
};

/** `pcs tag create ID RESOURCE…` (pcs 0.10 and later; pcs 0.9 has no tags: undefined). */
export function pcsTag(pc: PlatformCommands, file: string, t: CibTag): Cmd | undefined {
  return modern(pc) ? pcsF(pc, file, ['tag', 'create'], [], [lit(t.id), ...t.refs.map(lit)]) : undefined;
}

/** `pcs constraint ticket add TICKET [ROLE] RESOURCE [loss-policy=] id=ID`, or its set form. */
export function pcsTicket(pc: PlatformCommands, file: string, c: CibTicket): Cmd {
  if (c.sets.length > 0) return pcsSetConstraint(pc, file, c);
  const role = c.attrs.find(([name]) => name === 'rsc-role')?.[1];
  const options = c.attrs.filter(([name]) => name !== 'rsc-role').map(([name, value]) => kv(name, value));
  return pcsF(pc, file, ['constraint', 'ticket', 'add'], [], [lit(c.ticket), ...roleWord(pc, role), lit(c.rsc ?? ''), ...options, kv('id', c.id)]);
}

export function pcsColocation(pc: PlatformCommands, file: string, c: CibColocation): Cmd {
  if (c.sets.length > 0) return pcsSetConstraint(pc, file, c);
  const rscRole = c.attrs.find(([name]) => name === 'rsc-role')?.[1];
  const withRole = c.attrs.find(([name]) => name === 'with-rsc-role')?.[1];
  const options = c.attrs.filter(([name]) => name !== 'rsc-role' && name !== 'with-rsc-role').map(([name, value]) => kv(name, value));
  return pcsF(pc, file, ['constraint', 'colocation', 'add'], [], [
    ...roleWord(pc, rscRole),
    lit(c.rsc ?? ''),
    lit('with'),
    ...roleWord(pc, withRole),
    lit(c.withRsc ?? ''),
    lit(c.score),
    ...options,
    kv('id', c.id),
  ]);
}

export function pcsOrder(pc: PlatformCommands, file: string, c: CibOrder): Cmd {
  if (c.sets.length > 0) return pcsSetConstraint(pc, file, c);
  const options = c.attrs.map(([name, value]) => kv(name, value));
  return pcsF(pc, file, ['constraint', 'order'], [], [
    lit(c.firstAction ?? 'start'),
    lit(c.first ?? ''),
    lit('then'),
    lit(c.thenAction ?? 'start'),
    lit(c.then ?? ''),
    ...options,
    kv('id', c.id),
  ]);
}

/**
 * `pcs stonith level add INDEX TARGET DEVICE…` (pcs 0.9 takes the devices comma-separated, later
 * ones as words; the target is NODE, `regexp%PATTERN` or `attrib%NAME=VALUE`), or undefined where
 * pcs cannot make the level exactly: pcs has no option for an id (it names a level
 * `fl-TARGET-INDEX`, sanitised, pcs lib/cib/fencing_topology.py), and the pcs 0.9 of el6 knows only
 * node targets. `--force` for a node: pcs asks the running cluster whether the node exists, which an
 * offline copy is not (hacc checked it: HA408).
 */
export function pcsFencingLevel(pc: PlatformCommands, file: string, level: CibFencingLevel): Cmd | undefined {
  const [[name, value], second] = [level.target[0]!, level.target[1]];
  if (level.id !== sanitizeId(`fl-${value}-${level.index}`)) return undefined;
  if (pc.platform === 'el6' && name !== 'target') return undefined;
  const target = name === 'target' ? value : name === 'target-pattern' ? `regexp%${value}` : `attrib%${value}=${second?.[1] ?? ''}`;
  const devices = modern(pc) ? level.devices.split(',') : [level.devices];
  return pcsF(pc, file, ['stonith', 'level', 'add'], name === 'target' ? ['--force'] : [], [lit(level.index), lit(target), ...devices.map(lit)]);
}

// --- day-2 operations (for the summary) ---------------------------------------------------------
// crmsh's forms (crmsh 4.x/5.x `crm node standby|online NODE`, `crm resource move RSC NODE`,
// `crm resource clear RSC`, `crm status`, `crm cluster stop --all`); rolling back a kept CIB with
// `crm configure load xml replace FILE` was checked with the installed crmsh against a scratch CIB.

export function standbyCmd(pc: PlatformCommands, node: string): Cmd {
  if (pc.tool === 'crmsh') return cmd('crm', 'node', 'standby', node);
  return modern(pc) ? cmd('pcs', 'node', 'standby', node) : cmd('pcs', 'cluster', 'standby', node);
}

export function unstandbyCmd(pc: PlatformCommands, node: string): Cmd {
  if (pc.tool === 'crmsh') return cmd('crm', 'node', 'online', node);
  return modern(pc) ? cmd('pcs', 'node', 'unstandby', node) : cmd('pcs', 'cluster', 'unstandby', node);
}

export const statusCmd = (pc: PlatformCommands): Cmd => cmd(toolCommand(pc), 'status');
/** The tool's command: `pcs`, or crmsh's `crm`. */
export const toolCommand = (pc: PlatformCommands): string => (pc.tool === 'crmsh' ? 'crm' : 'pcs');
export const moveCmd = (pc: PlatformCommands, rsc: string, node: string): Cmd => cmd(toolCommand(pc), 'resource', 'move', rsc, node);
export const clearCmd = (pc: PlatformCommands, rsc: string): Cmd => cmd(toolCommand(pc), 'resource', 'clear', rsc);
/** Put a CIB that configure kept back as the live configuration. */
export const rollbackCmd = (pc: PlatformCommands, file: string): Cmd =>
  pc.tool === 'crmsh' ? cmd('crm', 'configure', 'load', 'xml', 'replace', file) : cmd('pcs', 'cluster', 'cib-push', file, '--config');
/** Stop a new cluster everywhere and take it apart (pcs), or stop it (crmsh: `crm cluster remove` per node). */
export const teardownCmds = (pc: PlatformCommands): Cmd[] =>
  pc.tool === 'crmsh' ? [cmd('crm', 'cluster', 'stop', '--all')] : [cmd('pcs', 'cluster', 'stop', '--all'), cmd('pcs', 'cluster', 'destroy', '--all')];
export const crmVerifyLive = (): Cmd => cmd('crm_verify', '-L', '-V');

// --- the cluster stack: SBD and the quorum device ----------------------------------------------

/** The packages the stack adds on every node: sbd, and corosync-qdevice for a quorum device. */
export function stackPackages(cluster: ClusterSetup): string[] {
  return [...(cluster.sbd ? ['sbd'] : []), ...(cluster.corosync.qdevice ? ['corosync-qdevice'] : [])];
}

/** What the qnetd host needs: pcs (pcsd sets qnetd up and hands out its certificates) and corosync-qnetd. */
export const QNETD_PACKAGES = ['pcs', 'corosync-qnetd'] as const;

/** What a remote node runs: pacemaker-remote and the agents (the same names on every platform). */
export const REMOTE_PACKAGES = ['pacemaker-remote', 'resource-agents'] as const;

/** How `pcs stonith sbd` names a device or watchdog argument: `device=P` (0.10+), `--device=P` (0.9). */
export function sbdArgPrefix(pc: PlatformCommands, name: 'device' | 'watchdog'): string {
  return modern(pc) ? `${name}=` : `--${name}=`;
}

/**
 * `pcs stonith sbd enable`: every node's sbd configuration file through pcsd (SBD_DEVICE, the
 * watchdogs, SBD_PACEMAKER=yes, the options) and the sbd service enabled; it takes effect when the
 * cluster restarts. pcs 0.10+ `watchdog=P[@NODE] device=P SBD_…=V`; pcs 0.9 the same as flags.
 */
export function pcsSbdEnable(pc: PlatformCommands, sbd: SbdSetup): Cmd {
  const arg = (name: 'device' | 'watchdog', value: string) => lit(`${sbdArgPrefix(pc, name)}${value}`);
  return [
    ...cmd('pcs', 'stonith', 'sbd', 'enable'),
    ...(sbd.watchdog !== undefined ? [arg('watchdog', sbd.watchdog)] : []),
    ...sbd.nodeWatchdogs.map(([node, path]) => arg('watchdog', `${path}@${node}`)),
    ...sbd.devices.map((d) => arg('device', d)),
    ...pairWords(sbd.options),
  ];
}

/** `pcs quorum device add [generic] model net host=… algorithm=… [heuristics …]` (pcs 0.9.158+, 0.10+). */
export function pcsQuorumDeviceAdd(q: QdeviceSetup): Cmd {
  return [
    ...cmd('pcs', 'quorum', 'device', 'add'),
    ...pairWords(q.generic),
    ...cmd('model', q.model),
    ...pairWords(q.modelOptions),
    ...(q.heuristics.length > 0 ? [lit('heuristics'), ...pairWords(q.heuristics)] : []),
  ];
}

/** On the qnetd host: `pcs qdevice setup model net --enable --start`. */
export const pcsQdeviceSetup = (q: QdeviceSetup): Cmd => cmd('pcs', 'qdevice', 'setup', 'model', q.model, '--enable', '--start');

/**
 * What `crm cluster init` takes of the stack (crmsh/ui_cluster.py at 4.6.0 and 5.0.0): the SBD
 * disks (-s, repeated) or watchdog-only SBD (-S), the watchdog (-w), and the quorum device
 * (--qnetd-hostname and its --qdevice-* options), the transport (crmsh 5 -t, crmsh 4 -u/-U). crm
 * cluster join takes SBD and the quorum device
 * over from the first node. The header timeouts and the sbd options are crmsh's own (HA406).
 */
export function crmshInitOptions(cluster: ClusterSetup): string[] {
  const out: string[] = [];
  const { sbd } = cluster;
  const transport = cluster.corosync.transport;
  if (transport !== undefined) {
    // crmsh 5 names it; crmsh 4 (corosync 2) has a flag for each of its two.
    if (PLATFORM_FACTS[cluster.platform].links > 2) out.push('-t', transport);
    else out.push(transport === 'udp' ? '-U' : '-u');
  }
  if (sbd) {
    for (const d of sbd.devices) out.push('-s', d);
    if (sbd.devices.length === 0) out.push('-S');
    if (sbd.watchdog !== undefined) out.push('-w', sbd.watchdog);
  }
  const q = cluster.corosync.qdevice;
  if (q) {
    const flags: Readonly<Record<string, string>> = { host: 'qnetd-hostname', algorithm: 'qdevice-algo', tie_breaker: 'qdevice-tie-breaker', tls: 'qdevice-tls', port: 'qdevice-port' };
    for (const [k, v] of q.modelOptions) if (flags[k]) out.push(`--${flags[k]}=${v}`);
    for (const [k, v] of q.heuristics) out.push(k === 'mode' ? `--qdevice-heuristics-mode=${v}` : `--qdevice-heuristics=${v}`);
  }
  return out;
}
