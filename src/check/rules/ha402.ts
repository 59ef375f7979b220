import { SHARED_STORAGE_AGENTS } from '../../catalogue/roles.js';
import { fenceableNodes, fencingDisabledBy } from '../../model/model.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha402: Rule = {
  code: 'HA402',
  name: 'shared-storage-without-fencing',
  severity: 'warning',
  docs: {
    summary: 'Fencing is disabled while the cluster manages shared storage (Filesystem, iscsi, LVM, …).',
    rationale:
      'Without fencing, a node that stops answering is assumed dead and its resources start elsewhere while it may still be writing: two nodes mount the same file system and corrupt it. Pacemaker itself warns that clusters with shared data need STONITH.',
    bad: labCluster(`  primitive data ocf:heartbeat:Filesystem {
    params device=/dev/disk/by-label/data directory=/srv/data fstype=xfs
    op monitor interval=20s timeout=40s
  }
`),
    good: `cluster demo {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  primitive fence-a stonith:fence_ipmilan {
    params ip=10.0.1.1 username=admin password=env:IPMI_PASSWORD pcmk_host_list=a pcmk_delay_base=5s
    op monitor interval=60s
  }
  primitive fence-b stonith:fence_ipmilan {
    params ip=10.0.1.2 username=admin password=env:IPMI_PASSWORD pcmk_host_list=b
    op monitor interval=60s
  }
  primitive data ocf:heartbeat:Filesystem {
    params device=/dev/disk/by-label/data directory=/srv/data fstype=xfs
    op monitor interval=20s timeout=40s
  }
}
`,
  },
  check(ctx) {
    const off = fencingDisabledBy(ctx.model);
    if (!off) return;
    const shared = ctx.model.primitives.filter((p) => SHARED_STORAGE_AGENTS.has(p.agent.text));
    if (shared.length === 0) return;
    // Say what is really missing: devices for some nodes, or only the switch.
    const fenceable = fenceableNodes(ctx.model);
    const unfenced = ctx.model.nodes.map((n) => n.name).filter((n) => !fenceable.has(n));
    const fix =
      unfenced.length === 0
        ? `every node already has a fencing device: remove ${off.key.text}=${off.value.text}`
        : unfenced.length === ctx.model.nodes.length
          ? `define a fencing device for every node and remove ${off.key.text}=${off.value.text}`
          : `define a fencing device for ${unfenced.map((n) => `'${n}'`).join(', ')} (the other nodes have one) and remove ${off.key.text}=${off.value.text}`;
    ctx.report({
      node: off,
      message: `fencing is disabled while the cluster manages shared storage (${shared.map((p) => `'${p.name}'`).join(', ')})`,
      help: [fix, 'if this is a lab cluster, say so: # hacc-ignore HA402 on the line before'],
      related: shared.map((p) => ({ node: p.decl.name, message: 'shared storage' })),
    });
  },
};
