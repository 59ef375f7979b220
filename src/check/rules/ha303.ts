import { parseAddress, sameAddress } from '../../model/address.js';
import { addressParams } from '../addresses.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha303: Rule = {
  code: 'HA303',
  name: 'vip-is-machine-address',
  severity: 'error',
  docs: {
    summary: "A virtual IP equal to a node's or host's own address.",
    rationale: 'Bringing up a machine\'s address as a floating IP on another node causes an address conflict: both answer ARP and traffic goes to either.',
    bad: labCluster(`  primitive vip ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.2 cidr_netmask=24
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
    // Each machine's addresses, parsed once, in declaration order.
    const machines = [...ctx.model.nodes, ...ctx.model.hosts].map((m) => ({
      m,
      addresses: m.addrs.flatMap((a) => {
        const x = parseAddress(a.value.text);
        return x.ok ? [x.address] : [];
      }),
    }));
    for (const { attr, role } of addressParams(ctx.model)) {
      if (role !== 'vip') continue;
      const r = parseAddress(attr.value.text, false);
      if (!r.ok) continue;
      const owner = machines.find((x) => x.addresses.some((a) => sameAddress(a, r.address)))?.m;
      if (owner) ctx.report({ node: attr, property: 'value', message: `virtual IP ${attr.value.text} is the address of ${owner.kind} '${owner.name}'`, related: [{ node: owner.decl.name, message: 'has this address' }] });
    }
  },
};
