import { maxLinks } from '../../language/corosync.js';
import { PLATFORM_CLUSTER_LINKS } from '../../catalogue/platforms.js';
import { mostCommon } from '../addresses.js';
import type { Rule } from '../rule.js';

export const ha307: Rule = {
  code: 'HA307',
  name: 'link-count-differs',
  severity: 'error',
  docs: {
    summary: 'Cluster nodes have different numbers of addr= (corosync links): every member needs an address on every link.',
    rationale:
      "The N-th addr= of each node is corosync link (ring) N. pcs cluster setup refuses nodes with different numbers of addresses (\"All nodes must have the same number of addresses\"), and corosync itself needs each link's address on every member. More links than the platform's corosync has are HA406's.",
    bad: `cluster demo {
  node a addr=10.0.0.1/24 addr=10.1.0.1/24
  node b addr=10.0.0.2/24
  property stonith-enabled=false
}
`,
    good: `cluster demo {
  node a addr=10.0.0.1/24 addr=10.1.0.1/24
  node b addr=10.0.0.2/24 addr=10.1.0.2/24
  property stonith-enabled=false
}
`,
  },
  check(ctx) {
    // A node without any addr= is HA306's alone.
    const members = ctx.model.nodes.filter((n) => n.addrs.length > 0);
    const usual = mostCommon(members.map((n) => n.addrs.length));
    for (const n of members) {
      if (n.addrs.length === usual) continue;
      ctx.report({
        node: n.decl.name,
        message: `node '${n.name}' has ${n.addrs.length} address${n.addrs.length === 1 ? '' : 'es'}, the other nodes ${usual}: each addr= is one corosync link, on every node`,
        help: [`give every node ${usual} addr= (one per link), in the same link order`],
      });
    }
    // More links than the transport carries (the platform's own limit is HA406's), and link lines
    // for links no node has an address on.
    const c = ctx.model.corosync;
    const limit = maxLinks(c.transport, ctx.model.platform);
    if (limit < PLATFORM_CLUSTER_LINKS[ctx.model.platform]) {
      for (const n of members) {
        for (const addr of n.addrs.slice(limit)) {
          ctx.report({
            node: addr,
            message: `transport ${c.transport} carries ${limit === 1 ? 'one link' : `${limit} links`}: node '${n.name}' has ${n.addrs.length} addresses`,
            help: limit === 1 ? ['use transport knet for several links (corosync 3), or keep one addr= on each node'] : [`keep at most ${limit} addr= on each node`],
          });
        }
      }
    }
    const links = usual ?? 0;
    for (const l of c.links) {
      if (l.number === undefined || l.number < links || members.length === 0) continue;
      ctx.report({
        node: l.line.words[0]!,
        message: `link ${l.number} has no addresses: the nodes have ${links} addr= (links 0 to ${links - 1})`,
        help: [`give every node a ${l.number + 1}${['st', 'nd', 'rd'][l.number] ?? 'th'} addr=, or drop this line`],
      });
    }
  },
};
