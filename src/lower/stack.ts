import type { ClusterModel, Machine } from '../model/model.js';
import { derivedTwoNode, sbdDevicePaths } from '../model/stack.js';
import type * as A from '../syntax/ast.js';

// The cluster stack as the setup script writes it: corosync options for `pcs cluster setup`, the
// quorum device for `pcs quorum device add`, SBD for `pcs stonith sbd`. Lowering takes the
// resolved blocks to plain data (name, value pairs in written order, the last of each name).

export type Options = readonly (readonly [string, string])[];

export interface LinkSetup {
  readonly number: number;
  readonly options: Options;
}

export interface QdeviceSetup {
  /** The qnetd server: a `host` line's first address, else `host=` as written. */
  readonly host: string;
  /** The host line it names, when it names one (setup.sh qnetd runs there). */
  readonly hostName?: string;
  readonly model: string;
  /** The model's options (host, algorithm, tie_breaker…), `host` resolved. */
  readonly modelOptions: Options;
  /** sync_timeout, timeout: the device's generic options. */
  readonly generic: Options;
  readonly heuristics: Options;
}

export interface CorosyncSetup {
  /** As written; absent: the tool's default (knet on corosync 3, udpu before). */
  readonly transport?: string;
  readonly transportOptions: Options;
  readonly links: readonly LinkSetup[];
  readonly compression: Options;
  readonly crypto: Options;
  readonly totem: Options;
  /** Without two_node: pcs derives it. */
  readonly quorum: Options;
  /** two_node as pcs writes it (HA415 keeps the file from contradicting it). */
  readonly twoNode: boolean;
  readonly qdevice?: QdeviceSetup;
}

export interface SbdSetup {
  readonly devices: readonly string[];
  /** The watchdog of every node (absent: /dev/watchdog, sbd's and pcs's default). */
  readonly watchdog?: string;
  /** A node's own watchdog: [node, path]. */
  readonly nodeWatchdogs: Options;
  /** Header timeouts for `sbd create` (pcs names). */
  readonly init: Options;
  /** SBD_* options. */
  readonly options: Options;
}

function pairs(values: ReadonlyMap<string, A.Attr>, without: readonly string[] = []): Options {
  return [...values.values()].filter((a) => !without.includes(a.key.text)).map((a) => [a.key.text, a.value.text] as const);
}

const GENERIC_QDEVICE = ['sync_timeout', 'timeout'];

function qdevice(model: ClusterModel): QdeviceSetup | undefined {
  const c = model.corosync;
  if (!c.hasQdevice) return undefined;
  const written = c.qdevice.values.get('host')?.value.text ?? '';
  const host: Machine | undefined = model.hosts.find((h) => h.name === written);
  const address = host?.addrs[0]?.value.text.split('/')[0] ?? written;
  const modelOptions = pairs(c.qdevice.values, ['model', ...GENERIC_QDEVICE]).map(([k, v]) => (k === 'host' ? ([k, address] as const) : ([k, v] as const)));
  return {
    host: address,
    ...(host ? { hostName: host.name } : {}),
    model: c.qdevice.values.get('model')?.value.text ?? 'net',
    modelOptions,
    generic: pairs(c.qdevice.values).filter(([k]) => GENERIC_QDEVICE.includes(k)),
    // (Keys heuristics does not take are HA414 errors: a file with them is not lowered.)
    heuristics: pairs(c.heuristics.values),
  };
}

export function corosyncSetup(model: ClusterModel): CorosyncSetup {
  const c = model.corosync;
  const q = qdevice(model);
  return {
    ...(c.transportLine?.words[0] ? { transport: c.transport } : {}),
    transportOptions: pairs(c.transportOptions.values),
    links: c.links.flatMap((l) => (l.number !== undefined ? [{ number: l.number, options: pairs(l.values) }] : [])).sort((a, b) => a.number - b.number),
    compression: pairs(c.compression.values),
    crypto: pairs(c.crypto.values),
    totem: pairs(c.totem.values),
    quorum: pairs(c.quorum.values, ['two_node']),
    twoNode: derivedTwoNode(model.nodes.length, c),
    ...(q ? { qdevice: q } : {}),
  };
}

export function sbdSetup(model: ClusterModel): SbdSetup | undefined {
  const sbd = model.sbd;
  if (!sbd) return undefined;
  const path = (v: A.Value | undefined) => v?.text ?? '';
  const common = sbd.watchdogs.filter((w) => !w.node).pop();
  const perNode = new Map<string, string>();
  for (const w of sbd.watchdogs) if (w.node) perNode.set(w.node.value.text, path(w.path));
  return {
    devices: sbdDevicePaths(sbd).map((v) => v.text),
    ...(common?.path ? { watchdog: common.path.text } : {}),
    nodeWatchdogs: [...perNode],
    init: pairs(sbd.init.values),
    options: pairs(sbd.options.values),
  };
}
