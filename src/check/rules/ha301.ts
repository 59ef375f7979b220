import { parseAddress } from '../../model/address.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha301: Rule = {
  code: 'HA301',
  name: 'invalid-address',
  severity: 'error',
  docs: {
    summary: "A node's or host's addr= is not an IP address (optionally with a /prefix), or its prefix is out of range.",
    rationale: 'corosync binds its rings to these addresses and hacc derives every subnet check from them; a typo here breaks cluster setup and hides the other address mistakes.',
    bad: `cluster demo {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.256/24
  property stonith-enabled=false
}
`,
    good: labCluster(``),
  },
  check(ctx) {
    for (const machine of [...ctx.model.nodes, ...ctx.model.hosts]) {
      for (const attr of [...machine.addrs, ...machine.nets]) {
        const parsed = parseAddress(attr.value.text);
        if (!parsed.ok) ctx.report({ node: attr, property: 'value', message: parsed.reason, help: ['write addr=ADDRESS or addr=ADDRESS/PREFIX, e.g. addr=10.0.0.11/24'] });
      }
    }
  },
};
