import { derivedTwoNode } from '../../model/stack.js';
import type { Rule } from '../rule.js';

const CLUSTER = (quorum: string) => `cluster demo {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  node c addr=10.0.0.3/24
  corosync {
    quorum wait_for_all=1${quorum}
  }
  property stonith-enabled=false
}
`;

/** The votequorum options corosync turns off when a quorum device is configured (pcs QUORUM_OPTIONS_INCOMPATIBLE_WITH_QDEVICE). */
const NOT_WITH_QDEVICE = ['auto_tie_breaker', 'last_man_standing', 'last_man_standing_window'];

export const ha415: Rule = {
  code: 'HA415',
  name: 'quorum-contradiction',
  severity: 'error',
  docs: {
    summary: 'Quorum settings that contradict each other: two_node against the number of nodes, a quorum device or auto_tie_breaker; auto_tie_breaker or last_man_standing beside a quorum device; a quorum device hosted on a member.',
    rationale:
      "pcs derives two_node itself (exactly two nodes, no qdevice, no auto_tie_breaker) and writes that, whatever the file says; corosync refuses two_node with a quorum device, and rejects auto_tie_breaker and last_man_standing beside one (pcs: \"cannot be used with a quorum device\"). A qnetd server on a member dies with it: the tie-breaker must be a third machine.",
    bad: CLUSTER(' two_node=1'),
    good: CLUSTER(''),
  },
  check(ctx) {
    const m = ctx.model;
    const c = m.corosync;
    const twoNode = c.quorum.values.get('two_node');
    const derived = derivedTwoNode(m.nodes.length, c);
    if (twoNode && (twoNode.value.text === '1') !== derived) {
      const why = twoNode.value.text === '1' ? (m.nodes.length !== 2 ? `the cluster has ${m.nodes.length} nodes` : c.hasQdevice ? 'a quorum device breaks the ties' : 'auto_tie_breaker breaks the ties') : 'two nodes without a quorum device or auto_tie_breaker need it';
      ctx.report({
        node: twoNode,
        property: 'value',
        message: `two_node=${twoNode.value.text}, but ${why}: pcs writes two_node: ${derived ? 1 : 0}`,
        help: ['remove two_node: pcs sets it from the nodes and the quorum device'],
      });
    }
    if (c.hasQdevice) {
      for (const name of NOT_WITH_QDEVICE) {
        const a = c.quorum.values.get(name);
        if (a && a.value.text !== '0') ctx.report({ node: a, property: 'key', message: `${name} with a quorum device: corosync does not use it (pcs refuses the combination)`, help: [`remove ${name}: the quorum device breaks the ties`] });
      }
      const host = c.qdevice.values.get('host');
      const member = host && m.nodes.find((n) => n.name === host.value.text || n.addrs.some((a) => a.value.text.split('/')[0] === host.value.text));
      if (host && member) {
        ctx.report({ node: host, property: 'value', message: `the quorum device runs on '${member.name}', a member: when that node fails, the cluster loses the tie-breaker with it`, help: ['run corosync-qnetd on a third machine (declare it with host NAME addr=…)'] });
      }
    }
  },
};
