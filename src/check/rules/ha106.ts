import { isNodeId } from '../../model/model.js';
import type { Rule } from '../rule.js';

export const ha106: Rule = {
  code: 'HA106',
  name: 'node-id-not-corosync',
  severity: 'warning',
  docs: {
    summary: "A member's `id=` that is no corosync node id (a positive 32-bit integer): the node will be listed twice.",
    rationale:
      "Corosync names each member by a positive integer node id, and Pacemaker enters a member in <nodes> under that id when it joins. An id written otherwise (a heartbeat-era UUID from an imported CIB) stays the CIB's <node id>, and the setup script gives corosync the next free integer: once the node joins, <nodes> holds it twice, under both ids, and the attributes written here sit on the entry the cluster no longer uses.",
    bad: `cluster lab {
  node a addr=10.0.0.1/24 id=c97a3ee5-02d8-4fad-a9fb-a79ae2b35549
  node b addr=10.0.0.2/24
  property stonith-enabled=false
}
`,
    good: `cluster lab {
  node a addr=10.0.0.1/24 id=1
  node b addr=10.0.0.2/24
  property stonith-enabled=false
}
`,
  },
  check(ctx) {
    for (const n of ctx.model.nodes) {
      if (!n.id || isNodeId(n.id.value.text)) continue;
      ctx.report({
        node: n.id,
        property: 'value',
        message: `node id '${n.id.value.text}' is no corosync node id (a positive 32-bit integer): corosync gives '${n.name}' another, and <nodes> will list it twice`,
        help: ['write the node id corosync uses (1, 2, 3…), or leave id= out'],
      });
    }
  },
};
