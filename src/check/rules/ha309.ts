import { inSubnet } from '../../model/address.js';
import { linkAddresses, type LinkAddress } from '../addresses.js';
import type { Rule } from '../rule.js';

export const ha309: Rule = {
  code: 'HA309',
  name: 'link-spans-subnets',
  severity: 'warning',
  docs: {
    summary: "One corosync link's addresses are not in one subnet.",
    rationale:
      "A link is meant to be one network (a VLAN, a crossover cable): members on different subnets talk through a router, which adds latency and a single point of failure the cluster cannot see, and usually means an address was written on the wrong line (the second link's address first). Only addresses written with a prefix are compared.",
    bad: `cluster demo {
  node a addr=10.0.0.1/24 addr=10.1.0.1/24
  node b addr=10.2.0.2/24 addr=10.1.0.2/24
  node c addr=10.0.0.3/24 addr=10.1.0.3/24
  property stonith-enabled=false
}
`,
    good: `cluster demo {
  node a addr=10.0.0.1/24 addr=10.1.0.1/24
  node b addr=10.0.0.2/24 addr=10.1.0.2/24
  node c addr=10.0.0.3/24 addr=10.1.0.3/24
  property stonith-enabled=false
}
`,
  },
  check(ctx) {
    linkAddresses(ctx.model).forEach((all, i) => {
      // One family per link (HA308 reports a mix); compared: the addresses with a prefix.
      const families = new Set(all.map((l) => l.address.family));
      if (families.size > 1) return;
      const link = all.filter((l) => l.address.prefix !== undefined);
      const together = (a: LinkAddress, b: LinkAddress) => inSubnet(a.address, b.address) && inSubnet(b.address, a.address);
      // The subnet most members share, the first such member on a tie. Two addresses are together
      // when they agree on the bits of the longer of their two prefixes: counted through one map per
      // (prefix, longer prefix) pair, not member against member (16,000 nodes made that quadratic).
      const width = BigInt(link[0]?.address.family === 6 ? 128 : 32);
      const netKey = (l: LinkAddress, prefix: number) => (l.address.bits >> (width - BigInt(prefix))).toString(16);
      const prefixes = [...new Set(link.map((l) => l.address.prefix!))];
      const maps = new Map<string, Map<string, number>>();
      const countsAt = (prefix: number, longer: number): Map<string, number> => {
        const id = `${prefix}/${longer}`;
        let m = maps.get(id);
        if (!m) {
          m = new Map();
          for (const l of link) if (l.address.prefix === prefix) m.set(netKey(l, longer), (m.get(netKey(l, longer)) ?? 0) + 1);
          maps.set(id, m);
        }
        return m;
      };
      let best: LinkAddress | undefined;
      let bestCount = 0;
      for (const ref of link) {
        const own = ref.address.prefix!;
        let n = 0;
        for (const p of prefixes) n += countsAt(p, Math.max(p, own)).get(netKey(ref, Math.max(p, own))) ?? 0;
        if (n > bestCount) [best, bestCount] = [ref, n];
      }
      if (!best || bestCount === link.length) return;
      for (const l of link) {
        if (together(l, best)) continue;
        ctx.report({
          node: l.attr,
          property: 'value',
          message: `link ${i}: '${l.attr.value.text}' is not in the subnet of the other nodes' addresses on this link (${best.attr.value.text})`,
          help: ['each addr= position is one link: check the order of this node\'s addresses, or its prefix'],
          related: [{ node: best.attr, message: 'the subnet of this link' }],
        });
      }
    });
  },
};
