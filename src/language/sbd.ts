import { key, type StatementVocabulary } from './vocabulary.js';

// `sbd { device PATH; watchdog PATH [node=NAME]; init KEY=VALUE…; options SBD_…=VALUE… }`: storage-
// based death, fencing through a shared disk (one to three devices) or through each node's
// watchdog alone (no device line: "diskless"). Not in the CIB: the sbd configuration file of each
// node, written by `pcs stonith sbd enable`; a device's header is written by `sbd create` (pcs:
// `stonith sbd device setup`) only where `sbd -d DEV dump` finds none.

export const sbd = { keyword: 'sbd', context: 'cluster', described: 'an sbd block' } as const satisfies StatementVocabulary;

export const device = { keyword: 'device', context: 'sbd', described: 'a device line', keys: [] } as const satisfies StatementVocabulary;

/** `watchdog PATH`: every node's watchdog; `watchdog PATH node=NAME` that node's. */
export const watchdog = { keyword: 'watchdog', context: 'sbd', described: 'a watchdog line', keys: [key('node', 'string')] } as const satisfies StatementVocabulary;

/**
 * The header timeouts `sbd create` writes (seconds), as pcs names them (`pcs stonith sbd device
 * setup`: sbd's -1 watchdog, -2 allocate, -3 loop, -4 msgwait).
 */
export const init = {
  keyword: 'init',
  context: 'sbd',
  described: 'an init line',
  keys: [key('watchdog-timeout', 'nonnegative_integer'), key('msgwait-timeout', 'nonnegative_integer'), key('allocate-timeout', 'nonnegative_integer'), key('loop-timeout', 'nonnegative_integer')],
} as const satisfies StatementVocabulary;

/** The sbd configuration options `pcs stonith sbd enable` takes (pcs lib/commands/sbd.py ALLOWED_SBD_OPTION_LIST). */
export const options = {
  keyword: 'options',
  context: 'sbd',
  described: 'an options line',
  keys: [key('SBD_DELAY_START', 'string'), key('SBD_STARTMODE', 'select', ['always', 'clean']), key('SBD_WATCHDOG_TIMEOUT', 'nonnegative_integer'), key('SBD_TIMEOUT_ACTION', 'string')],
} as const satisfies StatementVocabulary;

/** What each line takes before its pairs: `device PATH`, `watchdog PATH`. */
export const SBD_LINE_WORDS: Readonly<Record<string, string>> = { device: 'a device path', watchdog: 'a watchdog device path' };

/** sbd's own default watchdog timeout (seconds), which pcs writes as SBD_WATCHDOG_TIMEOUT=5. */
export const DEFAULT_SBD_WATCHDOG_TIMEOUT = 5;
/** `sbd create`'s default header watchdog timeout (seconds); msgwait defaults to twice it. */
export const DEFAULT_HEADER_WATCHDOG_TIMEOUT = 5;
/** At most three SBD devices (sbd(8): "up to three devices"). */
export const MAX_SBD_DEVICES = 3;
/** The software watchdog: no hardware resets the node when the kernel hangs (HA412). */
export const SOFTDOG = 'softdog';
/** The fence agent that writes to SBD disks. */
export const FENCE_SBD_AGENT = 'stonith:fence_sbd';
/** The disks a fence_sbd `devices=` lists (comma-separated; sbd's own file separates them with ';'). */
export function listedDevices(text: string): string[] {
  return text.split(/[,;\s]+/).filter((p) => p !== '');
}
/** SBD_TIMEOUT_ACTION: one of flush/noflush and one of reboot/off/crashdump, either alone or both in either order. */
export const TIMEOUT_ACTIONS = { flush: ['flush', 'noflush'], action: ['reboot', 'off', 'crashdump'] } as const;

/** The sbd configuration file of each platform family (not CIB: sbd reads it at start). */
export const SBD_CONFIG_FILE = { el: '/etc/sysconfig/sbd', debian: '/etc/default/sbd', suse: '/etc/sysconfig/sbd' } as const;
