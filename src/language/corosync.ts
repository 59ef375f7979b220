import { PLATFORM_FACTS, type Platform } from '../catalogue/platforms.js';
import { key, type KeyFact, type StatementVocabulary } from './vocabulary.js';

// `corosync { transport …; link N …; totem …; quorum …; crypto …; compression …; qdevice …;
// heuristics … }`: the cluster stack's own settings, which `pcs cluster setup` writes into
// corosync.conf (and `pcs quorum device add` for a quorum device). Not CIB. The keys are corosync's
// as pcs names them: pcs 0.10+ takes them as `transport knet KEY=V`, `link KEY=V`, `totem KEY=V`,
// `quorum KEY=V`, `crypto KEY=V`, `compression KEY=V` (pcs lib/corosync/constants.py and
// config_validators.py at v0.11.5); pcs 0.9 takes a few as `--token=…`-style flags.

export const corosync = { keyword: 'corosync', context: 'cluster', described: 'a corosync block' } as const satisfies StatementVocabulary;

const line = (keyword: string, described: string) => ({ keyword, context: 'corosync', described }) as const satisfies StatementVocabulary;
export const transport = line('transport', 'a transport line');
export const link = line('link', 'a link line');
export const totem = line('totem', 'a totem line');
export const quorum = line('quorum', 'a quorum line');
export const crypto = line('crypto', 'a crypto line');
export const compression = line('compression', 'a compression line');
export const qdevice = line('qdevice', 'a qdevice line');
export const heuristics = line('heuristics', 'a heuristics line');
export const COROSYNC_LINES = [transport, link, totem, quorum, crypto, compression, qdevice, heuristics] as const;

/** What each line takes before its pairs: `transport NAME`, `link NUMBER`. */
export const COROSYNC_LINE_WORDS: Readonly<Record<string, string>> = { transport: 'a transport name', link: 'a link number' };

export type Transport = 'knet' | 'udpu' | 'udp';
export const TRANSPORTS: readonly Transport[] = ['knet', 'udpu', 'udp'];

/** The options generation: pcs 0.10+ on corosync 3, pcs 0.9 on corosync 2 (el7), pcs 0.9 on cman (el6), crmsh. */
export type CorosyncDialect = 'pcs-knet' | 'pcs-corosync2' | 'pcs-cman' | 'crmsh';

export function corosyncDialect(platform: Platform): CorosyncDialect {
  const facts = PLATFORM_FACTS[platform];
  if (facts.tool === 'crmsh') return 'crmsh';
  if (platform === 'el6') return 'pcs-cman';
  return facts.toolVersion === '0.9' ? 'pcs-corosync2' : 'pcs-knet';
}

/** The transports each dialect can set up, the first being its default. */
export function transportsOf(platform: Platform): readonly Transport[] {
  const dialect = corosyncDialect(platform);
  if (dialect === 'pcs-knet') return TRANSPORTS;
  // crm cluster init: crmsh 5 `-t knet|udpu|udp` (default knet), crmsh 4 `-u` (udpu, the default) or `-U` (udp).
  if (dialect === 'crmsh') return PLATFORM_FACTS[platform].links > 2 ? TRANSPORTS : ['udpu', 'udp'];
  // pcs 0.9 sets cman up with udp by default (`pcs cluster setup` usage: "udp for CMAN clusters").
  return dialect === 'pcs-cman' ? ['udp', 'udpu'] : ['udpu', 'udp'];
}

const bool01 = ['0', '1'];
const nonneg = (name: string) => key(name, 'nonnegative_integer');

const KNET_TOTEM = [
  key('block_unlisted_ips', 'select', ['yes', 'no']),
  ...['consensus', 'downcheck', 'fail_recv_const', 'heartbeat_failures_allowed', 'hold', 'join', 'max_messages', 'max_network_delay', 'merge', 'miss_count_const', 'send_join', 'seqno_unchanged_const', 'token', 'token_coefficient', 'token_retransmit', 'token_retransmits_before_loss_const', 'window_size'].map(nonneg),
];
/** pcs 0.9's `cluster setup` flags for totem (`--token` …); cman has no token_coefficient. */
const PCS09_TOTEM = ['token', 'token_coefficient', 'join', 'consensus', 'miss_count_const', 'fail_recv_const'].map(nonneg);
const QUORUM = [key('auto_tie_breaker', 'select', bool01), key('last_man_standing', 'select', bool01), nonneg('last_man_standing_window'), key('wait_for_all', 'select', bool01), key('two_node', 'select', bool01)];
const UDP_LINK = [key('bindnetaddr', 'string'), key('broadcast', 'select', bool01), key('mcastaddr', 'string'), key('mcastport', 'port'), key('ttl', 'nonnegative_integer')];
const KNET_LINK = [nonneg('link_priority'), key('mcastport', 'port'), nonneg('ping_interval'), nonneg('ping_precision'), nonneg('ping_timeout'), nonneg('pong_count'), key('transport', 'select', ['udp', 'sctp'])];
const QDEVICE = [
  key('model', 'select', ['net']),
  key('host', 'string'),
  key('algorithm', 'select', ['ffsplit', 'lms']),
  key('tie_breaker', 'string'),
  nonneg('connect_timeout'),
  key('force_ip_version', 'select', ['0', '4', '6']),
  key('port', 'port'),
  key('tls', 'select', ['on', 'off', 'required']),
  key('keep_active_partition_tie_breaker', 'select', ['on', 'off']),
  nonneg('sync_timeout'),
  nonneg('timeout'),
];
const HEURISTICS = [key('mode', 'select', ['off', 'on', 'sync']), nonneg('interval'), nonneg('sync_timeout'), nonneg('timeout')];
/** A heuristics command: `exec_NAME="command"` (pcs QUORUM_DEVICE_HEURISTICS_EXEC_NAME_RE). */
export const HEURISTICS_EXEC = /^exec_[-_/a-zA-Z0-9]+$/;
/**
 * qdevice options pcs took late: 0.10.18 and 0.11.7 (config_validators.py _QDEVICE_NET_OPTIONAL_OPTIONS);
 * el7's pcs 0.9.169 and Debian 12's pcs 0.11.5 refuse them ("invalid quorum device model option 'tls'").
 */
const LATE_QDEVICE_OPTIONS = ['tls', 'keep_active_partition_tie_breaker'];
const WITHOUT_LATE_QDEVICE_OPTIONS: readonly Platform[] = ['el7', 'debian12'];
/** What `pcs quorum device add model net` requires. */
export const QDEVICE_REQUIRED = ['host', 'algorithm'] as const;

/** The qdevice options crmsh's `crm cluster init` takes (--qnetd-hostname, --qdevice-algo, …). */
const CRMSH_QDEVICE = ['model', 'host', 'algorithm', 'tie_breaker', 'port', 'tls'];

/**
 * The keys a corosync line takes on a platform with a transport, or why the line cannot be set
 * there (a sentence for HA414).
 */
export function corosyncKeys(keyword: string, transportName: Transport, platform: Platform): readonly KeyFact[] | string {
  const dialect = corosyncDialect(platform);
  const knet = transportName === 'knet';
  switch (keyword) {
    case 'transport':
      if (dialect === 'pcs-knet') return knet ? [key('ip_version', 'select', ['ipv4', 'ipv6', 'ipv4-6', 'ipv6-4']), nonneg('knet_pmtud_interval'), key('link_mode', 'select', ['active', 'passive', 'rr'])] : [key('ip_version', 'select', ['ipv4', 'ipv6']), nonneg('netmtu')];
      if (dialect === 'pcs-corosync2') return [key('rrp_mode', 'select', ['active', 'passive']), key('ip_version', 'select', ['ipv4', 'ipv6'])];
      if (dialect === 'pcs-cman') return [key('rrp_mode', 'select', ['active', 'passive'])];
      return [];
    case 'link':
      if (dialect === 'crmsh') return `crm cluster init sets a link's address only (addr= of the nodes)`;
      return knet ? KNET_LINK : UDP_LINK;
    case 'totem':
      if (dialect === 'crmsh') return 'crm cluster init takes no totem options';
      return dialect === 'pcs-knet' ? KNET_TOTEM : dialect === 'pcs-corosync2' ? PCS09_TOTEM : PCS09_TOTEM.filter((k) => k.name !== 'token_coefficient');
    case 'quorum':
      if (dialect === 'crmsh') return 'crm cluster init takes no quorum options';
      // cman derives two_node itself and has no votequorum options.
      return dialect === 'pcs-cman' ? QUORUM.filter((k) => k.name === 'two_node') : QUORUM;
    case 'crypto':
    case 'compression':
      if (!knet) return `${keyword} is a knet option (corosync 3); ${transportName} has none`;
      if (dialect === 'crmsh') return `crm cluster init takes no ${keyword} options`;
      return keyword === 'crypto'
        ? [key('cipher', 'select', ['none', 'aes256', 'aes192', 'aes128']), key('hash', 'select', ['none', 'md5', 'sha1', 'sha256', 'sha384', 'sha512']), key('model', 'select', ['nss', 'openssl'])]
        : [nonneg('level'), key('model', 'string'), nonneg('threshold')];
    case 'qdevice':
      if (dialect === 'pcs-cman') return 'cman (el6) has no quorum device';
      if (dialect === 'crmsh') return QDEVICE.filter((k) => CRMSH_QDEVICE.includes(k.name));
      return WITHOUT_LATE_QDEVICE_OPTIONS.includes(platform) ? QDEVICE.filter((k) => !LATE_QDEVICE_OPTIONS.includes(k.name)) : QDEVICE;
    case 'heuristics':
      if (dialect === 'pcs-cman') return 'cman (el6) has no quorum device';
      return dialect === 'crmsh' ? [key('mode', 'select', ['on', 'sync'])] : HEURISTICS;
    default:
      return `'${keyword}' is no line of a corosync block`;
  }
}

/** The most links (addresses a node) a transport carries: knet 8, udp/udpu 1 (2 rings with RRP on corosync 2). */
export function maxLinks(transportName: Transport, platform: Platform): number {
  if (transportName === 'knet') return 8;
  return corosyncDialect(platform) === 'pcs-knet' ? 1 : 2;
}
