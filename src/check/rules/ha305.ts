import { parseAddress, sameAddress, type Address } from '../../model/address.js';
import type * as A from '../../syntax/ast.js';
import type { Rule } from '../rule.js';
import { addrAttrs } from '../walk.js';
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
    const seen: { address: Address; machine: A.MachineDecl }[] = [];
    for (const machine of [...ctx.model.nodes, ...ctx.model.hosts].sort((a, b) => a.span.start.offset - b.span.start.offset)) {
      for (const attr of addrAttrs(machine)) {
        const parsed = parseAddress(attr.value.text);
        if (!parsed.ok) continue;
        const other = seen.find((s) => sameAddress(s.address, parsed.address));
        if (other && other.machine !== machine) {
          ctx.report({
            node: attr,
            property: 'value',
            message: `${machine.kind} '${machine.name.text}' has the same address as ${other.machine.kind} '${other.machine.name.text}'`,
            related: [{ node: other.machine.name, message: 'also has this address' }],
          });
        }
        seen.push({ address: parsed.address, machine });
      }
    }
  },
};
