import { corosyncDialect, transportsOf, TRANSPORTS, type Transport } from '../language/corosync.js';
import { DEFAULT_HEADER_WATCHDOG_TIMEOUT, DEFAULT_SBD_WATCHDOG_TIMEOUT } from '../language/sbd.js';
import type * as A from '../syntax/ast.js';
import { durationMs, lastWins } from './values.js';
import type { PlatformName } from './platforms.js';

// The cluster stack below Pacemaker as the file sets it: `sbd { }` and `corosync { }`, resolved
// once (lines merged, the last value of a key winning, effective transport and two_node) for the
// rules and the emitters.

/** Lines of one keyword, merged: the lines and the winning attribute of each key. */
export interface StackOptions {
  readonly lines: readonly A.StackLine[];
  readonly values: ReadonlyMap<string, A.Attr>;
}

/** `watchdog PATH [node=NAME]`. */
export interface SbdWatchdog {
  readonly line: A.StackLine;
  readonly path?: A.Value;
  /** `node=`: the node this watchdog is for; absent: every node. */
  readonly node?: A.Attr;
}

/** `sbd { … }`: fencing through one to three shared disks, or through the watchdog alone. */
export interface Sbd {
  readonly decl: A.StackBlock;
  /** Every `sbd` block after the first (HA001). */
  readonly extra: readonly A.StackBlock[];
  /** The `device` lines, in order; none: watchdog-only ("diskless") SBD. */
  readonly devices: readonly A.StackLine[];
  readonly watchdogs: readonly SbdWatchdog[];
  /** Header timeouts for `sbd create`. */
  readonly init: StackOptions;
  /** SBD_* options of the sbd configuration file. */
  readonly options: StackOptions;
}

export interface CorosyncLink {
  readonly line: A.StackLine;
  /** The link number, when the word is one (0–7). */
  readonly number?: number;
  readonly values: ReadonlyMap<string, A.Attr>;
}

/** `corosync { … }` with the platform's defaults applied (also without a block). */
export interface Corosync {
  readonly decl?: A.StackBlock;
  readonly extra: readonly A.StackBlock[];
  /** The `transport` line (the last one written). */
  readonly transportLine?: A.StackLine;
  /** The transport: as written when it is one, else the platform's default. */
  readonly transport: Transport;
  readonly transportOptions: StackOptions;
  readonly links: readonly CorosyncLink[];
  readonly totem: StackOptions;
  readonly quorum: StackOptions;
  readonly crypto: StackOptions;
  readonly compression: StackOptions;
  readonly qdevice: StackOptions;
  readonly heuristics: StackOptions;
  /** Every line, in source order. */
  readonly lines: readonly A.StackLine[];
  /** Whether a quorum device is configured (a qdevice line). */
  readonly hasQdevice: boolean;
}

function options(lines: readonly A.StackLine[]): StackOptions {
  return { lines, values: lastWins(lines.flatMap((l) => l.attrs)) };
}

const linesOf = (blocks: readonly A.StackBlock[], keyword: string) => blocks.flatMap((b) => b.body.filter((l) => l.keyword.text === keyword));

export function resolveSbd(blocks: readonly A.StackBlock[]): Sbd | undefined {
  const [decl, ...extra] = blocks;
  if (!decl) return undefined;
  const watchdogs = linesOf(blocks, 'watchdog').map((line): SbdWatchdog => {
    const node = lastWins(line.attrs).get('node');
    return { line, ...(line.words[0] ? { path: line.words[0] } : {}), ...(node ? { node } : {}) };
  });
  return { decl, extra, devices: linesOf(blocks, 'device'), watchdogs, init: options(linesOf(blocks, 'init')), options: options(linesOf(blocks, 'options')) };
}

export function resolveCorosync(blocks: readonly A.StackBlock[], platform: PlatformName): Corosync {
  const [decl, ...extra] = blocks;
  const transportLine = linesOf(blocks, 'transport').pop();
  const written = transportLine?.words[0]?.text;
  const transport = written !== undefined && (TRANSPORTS as readonly string[]).includes(written) ? (written as Transport) : defaultTransport(platform);
  const links = linesOf(blocks, 'link').map((line): CorosyncLink => {
    const word = line.words[0]?.text;
    return { line, ...(word !== undefined && /^[0-7]$/.test(word) ? { number: Number(word) } : {}), values: lastWins(line.attrs) };
  });
  const qdevice = options(linesOf(blocks, 'qdevice'));
  return {
    ...(decl ? { decl } : {}),
    extra,
    ...(transportLine ? { transportLine } : {}),
    transport,
    transportOptions: options(transportLine ? [transportLine] : []),
    links,
    totem: options(linesOf(blocks, 'totem')),
    quorum: options(linesOf(blocks, 'quorum')),
    crypto: options(linesOf(blocks, 'crypto')),
    compression: options(linesOf(blocks, 'compression')),
    qdevice,
    heuristics: options(linesOf(blocks, 'heuristics')),
    lines: blocks.flatMap((b) => b.body),
    hasQdevice: qdevice.lines.length > 0,
  };
}

/** What `pcs cluster setup` (knet on corosync 3, udpu before) and crm cluster init use without a transport line. */
export function defaultTransport(platform: PlatformName): Transport {
  return corosyncDialect(platform) === 'pcs-knet' ? 'knet' : transportsOf(platform)[0]!;
}

/**
 * two_node as pcs sets it: exactly two members, no auto_tie_breaker and no quorum device (pcs
 * lib/corosync/config_facade.py `__update_two_node` at v0.11.5).
 */
export function derivedTwoNode(memberCount: number, corosync: Corosync): boolean {
  return memberCount === 2 && corosync.quorum.values.get('auto_tie_breaker')?.value.text !== '1' && !corosync.hasQdevice;
}

/** A whole number of seconds as sbd reads its options (`5`), or undefined. */
function seconds(attr: A.Attr | undefined): number | undefined {
  return attr && /^\d+$/.test(attr.value.text) ? Number(attr.value.text) : undefined;
}

/** The paths of the device lines (a line whose word is missing has none). */
export function sbdDevicePaths(sbd: Sbd): A.Value[] {
  return sbd.devices.flatMap((l) => (l.words[0] ? [l.words[0]] : []));
}

/**
 * `stonith-watchdog-timeout` as Pacemaker reads it: the duration without its sign (ms; undefined
 * when it is no duration), and whether it is negative, which means twice SBD_WATCHDOG_TIMEOUT
 * (lib/common/watchdog.c pcmk__auto_watchdog_timeout).
 */
export function watchdogTimeoutOf(attr: A.Attr | undefined): { readonly ms?: number; readonly negative: boolean } | undefined {
  if (!attr) return undefined;
  const ms = durationMs(attr.value.text.replace(/^-/, ''));
  return { ...(ms !== undefined ? { ms } : {}), negative: attr.value.text.startsWith('-') };
}

/** SBD_WATCHDOG_TIMEOUT in seconds: as written, else sbd's default (5). */
export function sbdWatchdogTimeout(sbd: Sbd): number {
  return seconds(sbd.options.values.get('SBD_WATCHDOG_TIMEOUT')) ?? DEFAULT_SBD_WATCHDOG_TIMEOUT;
}

/** The header timeouts `sbd create` writes, in seconds: watchdog (default 5) and msgwait (default twice it). */
export function sbdHeaderTimeouts(sbd: Sbd): { readonly watchdog: number; readonly msgwait: number } {
  const watchdog = seconds(sbd.init.values.get('watchdog-timeout')) ?? DEFAULT_HEADER_WATCHDOG_TIMEOUT;
  return { watchdog, msgwait: seconds(sbd.init.values.get('msgwait-timeout')) ?? 2 * watchdog };
}
