import { sbdDevicePaths } from '../../model/stack.js';
import type { Rule } from '../rule.js';
import { fencedCluster } from '../examples.js';

const UNSTABLE = /^\/dev\/(?:sd[a-z]+|hd[a-z]+|vd[a-z]+|xvd[a-z]+|nvme\d+n\d+)(?:p?\d+)?$/;

export const ha210: Rule = {
  code: 'HA210',
  name: 'unstable-device-name',
  severity: 'warning',
  docs: {
    summary: 'A block device named /dev/sdX (or vdX, nvmeXnY) in any parameter: such names are not stable across nodes or reboots.',
    rationale: 'The kernel names disks in discovery order. The iSCSI disk that is /dev/sdb1 on one node can be /dev/sdc1 on the other; mounting the wrong one destroys data. /dev/disk/by-uuid, by-path or by-id names are stable.',
    bad: fencedCluster(`  primitive data ocf:heartbeat:Filesystem {
    params device=/dev/sdb1 directory=/srv/data fstype=xfs
    op monitor interval=20s timeout=40s
  }
`),
    good: fencedCluster(`  primitive data ocf:heartbeat:Filesystem {
    params device=/dev/disk/by-uuid/0b7c4e4a-2f1e-4c55-9a53-6f0b1d3e9c21 directory=/srv/data fstype=xfs
    op monitor interval=20s timeout=40s
  }
`),
  },
  check(ctx) {
    // An SBD device: every node writes its slot on it, by this name.
    for (const path of ctx.model.sbd ? sbdDevicePaths(ctx.model.sbd) : []) {
      if (!UNSTABLE.test(path.text)) continue;
      ctx.report({
        node: path,
        message: `'${path.text}' is a kernel device name, which is not stable across nodes: a node could write its SBD slot on another disk`,
        help: ['use a /dev/disk/by-id/… or /dev/disk/by-path/… name (ls -l /dev/disk/by-*)'],
      });
    }
    return {
      // Every parameter of every agent (Filesystem's device, fence_sbd's and sbd's devices, LVM, iSCSI,
      // DRBD…): a kernel device name is unstable whatever parameter holds it.
      primitive(p) {
        for (const attr of p.params.attrs) {
          if (!attr.value.text.includes('/dev/')) continue;
          const unstable = attr.value.text.split(/[\s,]+/).find((d) => UNSTABLE.test(d));
          if (!unstable) continue;
          ctx.report({
            node: attr,
            property: 'value',
            message: `'${unstable}' is a kernel device name, which is not stable across nodes`,
            help: ['use a /dev/disk/by-uuid/…, /dev/disk/by-path/… or /dev/disk/by-id/… name (ls -l /dev/disk/by-*)'],
          });
        }
      },
    };
  },
};
