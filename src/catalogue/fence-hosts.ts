// How Pacemaker's fencer reads a fencing device's host parameters (2.1.7,
// daemons/fenced/fenced_commands.c and lib/fencing/st_client.c): which nodes a device may fence.
// The model's checks and the summary read them through here.

/** The names pcmk_host_list gives: split at white space, `,` and `;` (stonith__parse_targets). */
export function hostListNames(text: string): string[] {
  return text.split(/[\s,;]+/).filter((n) => n !== '');
}

/** The names pcmk_host_map gives: before each `=` or `:`, entries split at white space and `;` (build_port_aliases). */
export function hostMapNames(text: string): string[] {
  const out: string[] = [];
  for (const entry of text.split(/[\s;]+/)) {
    const at = entry.search(/[=:]/);
    if (at > 0) out.push(entry.slice(0, at));
  }
  return out;
}

/**
 * The hosts a device may fence, lower-cased (the fencer compares without case), or undefined when
 * it names none or pcmk_host_check is not static-list: then the fencer asks the device.
 */
export function fenceTargets(list: string | undefined, map: string | undefined, check: string | undefined): Set<string> | undefined {
  if ((list === undefined && map === undefined) || (check !== undefined && check.toLowerCase() !== 'static-list')) return undefined;
  return new Set([...hostListNames(list ?? ''), ...hostMapNames(map ?? '')].map((n) => n.toLowerCase()));
}

/** A fence delay's value that delays at all (0, 0s, 0ms do not). */
export function isDelay(text: string | undefined): boolean {
  return text !== undefined && !/^\s*0+(?:\.0*)?\s*(?:ms|msec|s|sec)?\s*$/i.test(text);
}

/** A device's own delays, and the cluster's for the node that runs more (Pacemaker 2.0.4+). */
export const DEVICE_DELAYS = ['pcmk_delay_base', 'pcmk_delay_max'] as const;
export const CLUSTER_DELAY = 'priority-fencing-delay';
