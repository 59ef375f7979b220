import { addressKey, inSubnet, parseAddress, subnetText, type Address } from '../../model/address.js';
import { bundleLineValues, bundleReplicas } from '../../model/model.js';
import { addressParams, machineAddresses, nodeSubnets } from '../addresses.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha310: Rule = {
  code: 'HA310',
  name: 'bundle-addresses',
  severity: 'warning',
  docs: {
    summary: "A bundle's replica addresses (ip-range-start and the next replicas-1) leave the subnet of the nodes' network they start in, or take an address a node, a host or a virtual IP has.",
    rationale:
      'Pacemaker gives replica N the address ip-range-start + N on the host interface, and reaches pacemaker-remote inside it there. An address past the end of the subnet is not on that network (the replica is unreachable, or the address belongs to the next subnet); one a node, host or virtual IP already has makes two machines answer for it.',
    bad: labCluster(`  bundle web {
    container podman image=localhost/web replicas=3
    network ip-range-start=10.0.0.1 host-netmask=24
    primitive httpd ocf:heartbeat:apache
  }
`),
    good: labCluster(`  bundle web {
    container podman image=localhost/web replicas=3
    network ip-range-start=10.0.0.131 host-netmask=24
    primitive httpd ocf:heartbeat:apache
  }
`),
  },
  check(ctx) {
    const m = ctx.model;
    for (const b of m.bundles) {
      const start = bundleLineValues(b.network).get('ip-range-start');
      const parsed = start && parseAddress(start.value.text, false);
      if (!start || !parsed?.ok || parsed.address.family !== 4) continue;
      const replicas = bundleReplicas(b);
      if (replicas === undefined) continue;
      const count = Math.min(replicas, 65536);
      const addresses: Address[] = Array.from({ length: count }, (_, i) => ({ family: 4, bits: parsed.address.bits + BigInt(i), text: '' }));
      const subnet = nodeSubnets(m).find((net) => inSubnet(parsed.address, net));
      const last = addresses[addresses.length - 1];
      if (subnet && last && !inSubnet(last, subnet)) {
        ctx.report({ node: start, property: 'value', message: `bundle '${b.name}' gives its ${count} replicas ${start.value.text} and the next ${count - 1}, past the end of the nodes' subnet ${subnetText(subnet)}`, help: ['start the range lower, or run fewer replicas'] });
      }
      const taken = new Map<string, string>();
      for (const a of machineAddresses(m)) taken.set(a.key, `${a.machine.kind} '${a.machine.name}'`);
      for (const p of addressParams(m)) {
        const r = parseAddress(p.attr.value.text);
        if (p.role === 'vip' && r.ok) taken.set(addressKey(r.address), `the virtual IP of '${p.primitive.name}'`);
      }
      const hit = addresses.findIndex((a) => taken.has(addressKey(a)));
      if (hit >= 0) {
        ctx.report({ node: start, property: 'value', message: `replica ${hit} of bundle '${b.name}' would take the address of ${taken.get(addressKey(addresses[hit]!))}`, help: ['start the range where no node, host or virtual IP has an address'] });
      }
    }
  },
};
