// The clusters rule examples are written in: each example states only the lines it is about.

const NODES = `cluster demo {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
`;

/** A two-node lab cluster with fencing switched off, around `body` (statements, indented by two). */
export function labCluster(body: string): string {
  return `${NODES}  property stonith-enabled=false
${body}}
`;
}

/** Dummy primitives named `names`, each with a monitor: the resources of a constraint example. */
export function dummies(...names: string[]): string {
  return names.map((n) => `  primitive ${n} ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
`).join('');
}

/**
 * A two-node cluster with a fencing device, for examples that manage shared storage or fence: its
 * random delay keeps the two nodes from shooting each other at once (HA434).
 */
export function fencedCluster(body: string): string {
  return `${NODES}  primitive fence stonith:fence_ipmilan {
    params ip=10.0.1.1 username=admin password=env:IPMI_PASSWORD pcmk_host_list="a b" pcmk_delay_max=10s
    op monitor interval=60s
  }
${body}}
`;
}

/** The shared disk of the SBD examples. */
export const SBD_DISK = '/dev/disk/by-id/wwn-0x5000c500a1b2c3d4';

/** A two-node cluster fenced through one SBD disk: `lines` go into the sbd block, `devices` is what fence_sbd writes to. */
export function sbdCluster(lines: readonly string[], devices = SBD_DISK): string {
  return `${NODES}  sbd {
    device ${SBD_DISK}
${lines.map((l) => `    ${l}\n`).join('')}  }
  primitive fence-sbd stonith:fence_sbd {
    params devices=${devices} pcmk_delay_max=10s
  }
}
`;
}
