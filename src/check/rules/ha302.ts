import { inSubnet, parseAddress, subnetText } from '../../model/address.js';
import { addressParams, nodeSubnets } from '../addresses.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha302: Rule = {
  code: 'HA302',
  name: 'vip-outside-node-subnets',
  severity: 'error',
  docs: {
    summary: 'A virtual IP that is not inside any subnet the nodes are on.',
    rationale:
      "IPaddr2 brings the address up on the interface of the matching subnet; with none, it fails to start or answers on no reachable network. The post typed 192.168.59.30 while every host was on 192.168.56.0/24.",
    bad: labCluster(`  primitive vip ocf:heartbeat:IPaddr2 {
    params ip=10.0.1.30 cidr_netmask=24
    op monitor interval=10s timeout=20s
  }
`),
    good: labCluster(`  primitive vip ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.30 cidr_netmask=24
    op monitor interval=10s timeout=20s
  }
`),
  },
  check(ctx) {
    const subnets = nodeSubnets(ctx.model);
    if (subnets.length === 0) return;
    for (const { attr, role } of addressParams(ctx.model)) {
      if (role !== 'vip') continue;
      const r = parseAddress(attr.value.text, false);
      if (!r.ok || subnets.some((s) => inSubnet(r.address, s))) continue;
      const nets = [...new Set(subnets.map(subnetText))];
      ctx.report({
        node: attr,
        property: 'value',
        message: `virtual IP ${attr.value.text} is not in any node subnet (${nets.join(', ')})`,
        help: [`choose a free address in ${nets[0]}`],
      });
    }
  },
};
