import { settingValue } from '../../model/model.js';
import type { Rule } from '../rule.js';

const CLUSTER = (policy: string) => `cluster demo {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  node c addr=10.0.0.3/24
  property stonith-enabled=false
  property no-quorum-policy=${policy}
}
`;

export const ha416: Rule = {
  code: 'HA416',
  name: 'quorum-that-cannot-protect',
  severity: 'warning',
  docs: {
    summary: 'Quorum settings that defeat what quorum is for: no-quorum-policy=ignore with three or more nodes.',
    rationale:
      "With three or more nodes, quorum is what keeps a partition of the minority from running the resources the majority runs too: no-quorum-policy=ignore makes every partition carry on as if it were the cluster, so a network split starts the same services (and mounts the same data) on both sides, or has the sides fence each other. It was the workaround for two-node clusters before corosync's two_node mode (HA403). (The corosync options this code also covers, two_node with wait_for_all=0 and ffsplit with an odd number of nodes, come with the corosync block.)",
    bad: CLUSTER('ignore'),
    good: CLUSTER('stop'),
  },
  check(ctx) {
    const m = ctx.model;
    if (m.nodes.length < 3) return;
    const policy = settingValue(m, 'property', 'no-quorum-policy');
    if (policy?.value.text !== 'ignore') return;
    ctx.report({
      node: policy,
      property: 'value',
      message: `no-quorum-policy=ignore with ${m.nodes.length} nodes: after a split every partition runs the resources as if it were the whole cluster`,
      help: ['remove the property (the default, stop, stops what a partition without quorum runs); freeze keeps running what already runs without starting more'],
    });
  },
};
