import { addressKey, parseAddress } from '../../model/address.js';
import type { Machine } from '../../model/model.js';
import { addressParams, machineAddresses } from '../addresses.js';
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
    // The first machine (nodes, then hosts) with each address, by addressKey: one lookup per VIP.
    const owners = new Map<string, Machine>();
    for (const kind of ['node', 'host'] as const) {
      for (const { machine, key } of machineAddresses(ctx.model)) if (machine.kind === kind && !owners.has(key)) owners.set(key, machine);
    }
    for (const { attr, role } of addressParams(ctx.model)) {
      if (role !== 'vip') continue;
      const r = parseAddress(attr.value.text, false);
      if (!r.ok) continue;
      const owner = owners.get(addressKey(r.address));
      if (owner) ctx.report({ node: attr, property: 'value', message: `virtual IP ${attr.value.text} is the address of ${owner.kind} '${owner.name}'`, related: [{ node: owner.decl.name, message: 'has this address' }] });
    }
  },
};
