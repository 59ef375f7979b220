import { machineAddresses } from '../addresses.js';
import type { Machine } from '../../model/model.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha305: Rule = {
  code: 'HA305',
  name: 'duplicate-address',
  severity: 'error',
  docs: {
    summary: 'Two nodes or hosts have the same address.',
    rationale: 'corosync cannot tell two members apart by address, and every subnet and reachability check would be about the wrong machine.',
    bad: `cluster demo {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.1/24
  property stonith-enabled=false
}
`,
    good: labCluster(``),
  },
  check(ctx) {
    // The first machine with each address, by addressKey.
    const seen = new Map<string, Machine>();
    for (const { machine, attr, key } of machineAddresses(ctx.model)) {
      const first = seen.get(key);
      if (first && first !== machine) {
        ctx.report({
          node: attr,
          property: 'value',
          message: `${machine.kind} '${machine.name}' has the same address as ${first.kind} '${first.name}'`,
          related: [{ node: first.decl.name, message: 'also has this address' }],
        });
      }
      if (!first) seen.set(key, machine);
    }
  },
};
