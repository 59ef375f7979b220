// Hand-kept facts that no agent meta-data carries: what a parameter means to the checks.

/** Agents that manage storage several nodes can reach: without fencing, two nodes may write at once. */
export const SHARED_STORAGE_AGENTS: ReadonlySet<string> = new Set([
  'ocf:heartbeat:Filesystem',
  'ocf:heartbeat:iscsi',
  'ocf:heartbeat:iSCSILogicalUnit',
  'ocf:heartbeat:iSCSITarget',
  'ocf:heartbeat:LVM',
  'ocf:heartbeat:LVM-activate',
  'ocf:heartbeat:lvmlockd',
  'ocf:heartbeat:Raid1',
  'ocf:heartbeat:ZFS',
  'ocf:heartbeat:drbd',
  'ocf:linbit:drbd',
  'ocf:heartbeat:nfsserver',
  'ocf:heartbeat:exportfs',
  'ocf:heartbeat:sg_persist',
  'ocf:heartbeat:mpath',
  'ocf:heartbeat:aws-vpc-move-ip',
]);

/**
 * Parameters that hold an address. `vip`: the address clients use, which must be in a node subnet
 * (HA302) and unlike every machine's (HA303). `reach`: an address the nodes must reach (HA304);
 * `host:port` values are allowed there.
 */
export const ADDRESS_PARAMS: Readonly<Record<string, Readonly<Record<string, 'vip' | 'reach'>>>> = {
  'ocf:heartbeat:IPaddr2': { ip: 'vip' },
  'ocf:heartbeat:IPaddr': { ip: 'vip' },
  'ocf:heartbeat:IPsrcaddr': { ipaddress: 'vip' },
  'ocf:heartbeat:IPv6addr': { ipv6addr: 'vip' },
  'ocf:heartbeat:iscsi': { portal: 'reach' },
  'ocf:heartbeat:Route': { gateway: 'reach' },
  'ocf:pacemaker:ping': { host_list: 'reach' },
};

/**
 * Cluster properties Pacemaker writes and updates itself (the controller: dc-version,
 * cluster-infrastructure, have-watchdog; last-lrm-refresh on a refresh): a .ha file does not set
 * them, and `hacc import` leaves them out.
 */
export const MAINTAINED_PROPERTIES: readonly string[] = ['dc-version', 'cluster-infrastructure', 'have-watchdog', 'last-lrm-refresh'];

/**
 * What `setup.sh configure` leaves as the live CIB has it when it rebuilds the properties: the
 * maintained ones, and cluster-name, which the controller copies from corosync.conf (a file may
 * still state it; import keeps it, as any other value).
 */
export const CONTROLLER_PROPERTIES: readonly string[] = [...MAINTAINED_PROPERTIES, 'cluster-name'];

/**
 * A parameter whose value is a secret, by its name (agents' meta-data has no mark for one):
 * passwords, passphrases, keys and tokens, and SNMP community strings (the password of SNMP v1/v2c:
 * fence_apc_snmp's `community`), but not paths to scripts or files that hold them.
 */
export function isSecretParam(name: string): boolean {
  if (/(_script|_file|_path|_dir)$/i.test(name)) return false;
  return /(^|[_-])(pass|passwd|password|passphrase|secret|token|community|credentials?|api[_-]?key|private[_-]?key|auth[_-]?key)([_-]|$)/i.test(name);
}
