import { linkAddresses, mostCommon } from '../addresses.js';
import type { Rule } from '../rule.js';

export const ha308: Rule = {
  code: 'HA308',
  name: 'link-mixes-families',
  severity: 'error',
  docs: {
    summary: 'One corosync link has IPv4 addresses on some nodes and IPv6 on others.',
    rationale:
      'A corosync link is one network: its members talk to each other over one address family. pcs refuses the mix ("Using both IPv4 and IPv6 on one link is not allowed"), and corosync (knet) cannot connect an IPv4 address to an IPv6 one. Put each family on a link of its own.',
    bad: `cluster demo {
  node a addr=10.0.0.1/24
  node b addr=fd00::2/64
  property stonith-enabled=false
}
`,
    good: `cluster demo {
  node a addr=fd00::1/64
  node b addr=fd00::2/64
  property stonith-enabled=false
}
`,
  },
  check(ctx) {
    linkAddresses(ctx.model).forEach((link, i) => {
      const family = mostCommon(link.map((l) => l.address.family));
      for (const l of link) {
        if (l.address.family === family) continue;
        ctx.report({ node: l.attr, property: 'value', message: `link ${i}: '${l.attr.value.text}' is IPv${l.address.family}, the other nodes' addresses on this link are IPv${family}`, help: ['one link, one address family: put IPv4 and IPv6 on links of their own'] });
      }
    });
  },
};
