import { settingValue } from '../../model/model.js';
import { derivedTwoNode } from '../../model/stack.js';
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
    summary: 'Quorum settings that defeat what quorum is for: no-quorum-policy=ignore with three or more nodes, two_node with wait_for_all=0, a qdevice with algorithm=ffsplit and an odd number of nodes.',
    rationale:
      "With three or more nodes, quorum is what keeps a partition of the minority from running the resources the majority runs too: no-quorum-policy=ignore makes every partition carry on as if it were the cluster, so a network split starts the same services (and mounts the same data) on both sides, or has the sides fence each other. It was the workaround for two-node clusters before corosync's two_node mode (HA403). two_node makes one node quorate alone, which is safe only because wait_for_all (on with two_node unless set to 0) keeps a node that starts alone from taking over before it has seen the other: without it, a node that boots cut off from its peer fences it and starts everything. ffsplit gives the qdevice's vote to one half of an even split; with an odd number of nodes there is no even split and lms is the algorithm (corosync-qnetd(8)).",
    bad: CLUSTER('ignore'),
    good: CLUSTER('stop'),
  },
  check(ctx) {
    const m = ctx.model;
    const c = m.corosync;
    const wfa = c.quorum.values.get('wait_for_all');
    const twoNode = c.quorum.values.get('two_node')?.value.text === '1' || derivedTwoNode(m.nodes.length, c);
    if (twoNode && wfa?.value.text === '0') {
      ctx.report({
        node: wfa,
        property: 'value',
        message: 'wait_for_all=0 with two_node: a node that starts alone is quorate at once, and fences the other node it cannot see',
        help: ['remove wait_for_all=0 (two_node turns wait_for_all on)'],
      });
    }
    const algorithm = c.qdevice.values.get('algorithm');
    if (algorithm?.value.text === 'ffsplit' && m.nodes.length % 2 === 1) {
      ctx.report({
        node: algorithm,
        property: 'value',
        message: `algorithm=ffsplit with ${m.nodes.length} nodes: ffsplit breaks even splits, and an odd number of nodes has none`,
        help: ['use algorithm=lms for an odd number of nodes'],
      });
    }
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
