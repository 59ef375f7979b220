import { inSubnet, subnetText } from '../../model/address.js';
import { addressParams, ipOfEndpoint, nodeSubnets } from '../addresses.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha304: Rule = {
  code: 'HA304',
  name: 'address-unreachable',
  severity: 'warning',
  docs: {
    summary: 'An address a resource needs (an iSCSI portal, a gateway, a ping target) is outside every node subnet.',
    rationale: 'It may be routed, but usually it is a typo like the post\'s portal 192.168.59.40 for a server at 192.168.56.40: the resource fails to start on every node.',
    bad: labCluster(`  primitive gw ocf:heartbeat:Route {
    params destination=default device=eth0 gateway=10.9.0.1
    op monitor interval=10s timeout=20s
  }
`),
    good: labCluster(`  primitive gw ocf:heartbeat:Route {
    params destination=default device=eth0 gateway=10.0.0.254
    op monitor interval=10s timeout=20s
  }
`),
  },
  check(ctx) {
    const subnets = nodeSubnets(ctx.model);
    if (subnets.length === 0) return;
    for (const { attr, role } of addressParams(ctx.model)) {
      if (role !== 'reach') continue;
      for (const endpoint of attr.value.text.split(/[\s,]+/).filter(Boolean)) {
        const ip = ipOfEndpoint(endpoint);
        if (!ip || subnets.some((s) => inSubnet(ip, s))) continue;
        ctx.report({
          node: attr,
          property: 'value',
          message: `${attr.key.text} ${endpoint} is outside every node subnet (${[...new Set(subnets.map(subnetText))].join(', ')})`,
          help: ['check the address; if it is really reached through a router, say so: # hacc-ignore HA304'],
        });
      }
    }
  },
};
