import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha306: Rule = {
  code: 'HA306',
  name: 'node-without-address',
  severity: 'warning',
  docs: {
    summary: 'A cluster node without addr=: corosync resolves its name when the cluster starts, and no address check can look at it.',
    rationale:
      "Without an address, pcs and corosync resolve the node name (DNS or /etc/hosts) on each node: a name that resolves to the loopback address, or to another interface on one node, makes a member that cannot join, or one on the wrong network. hacc's subnet, VIP and duplicate-address checks (HA302–HA305, HA307–HA309) skip such a node.",
    bad: labCluster('').replace('  node b addr=10.0.0.2/24\n', '  node b\n'),
    good: labCluster(''),
  },
  check(ctx) {
    for (const n of ctx.model.nodes) {
      if (n.addrs.length > 0) continue;
      ctx.report({ node: n.decl.name, message: `node '${n.name}' has no addr=: corosync resolves the name, and the address checks skip it`, help: [`node ${n.name} addr=ADDRESS/PREFIX (one addr= per corosync link)`] });
    }
  },
};
