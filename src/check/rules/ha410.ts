import type { Rule } from '../rule.js';

const CLUSTER = (nodes: string) => `cluster demo {
${nodes}  sbd {
    watchdog /dev/watchdog
  }
  property stonith-watchdog-timeout=10s
}
`;
const TWO = '  node a addr=10.0.0.1/24\n  node b addr=10.0.0.2/24\n';

export const ha410: Rule = {
  code: 'HA410',
  name: 'watchdog-sbd-without-quorum',
  severity: 'error',
  docs: {
    summary: 'Watchdog-only SBD (an sbd block without a device) on fewer than three nodes and without a quorum device.',
    rationale:
      "Without a shared disk, a node fences itself only when it loses quorum: its watchdog resets it, and the others count it as fenced once stonith-watchdog-timeout has passed. With two nodes, a split leaves each node either quorate (two_node: both, so both run everything) or not (both reset themselves): nothing decides which half survives. Three votes, or a quorum device (qdevice in the corosync block) that gives one half the deciding vote, make it safe (sbd(8), Red Hat's \"Exploring the components of watchdog-only SBD\").",
    bad: CLUSTER(TWO),
    good: CLUSTER(`${TWO}  node c addr=10.0.0.3/24\n`),
  },
  check(ctx) {
    const m = ctx.model;
    const sbd = m.sbd;
    if (!sbd || sbd.devices.length > 0 || m.corosync.hasQdevice || m.nodes.length >= 3 || m.nodes.length === 0) return;
    ctx.report({
      node: sbd.decl.keyword,
      message: `watchdog-only SBD with ${m.nodes.length} node${m.nodes.length === 1 ? '' : 's'} and no quorum device: a split cannot decide which node survives`,
      help: ['add a quorum device (corosync { qdevice model=net host=… algorithm=ffsplit }), a third node, or a shared SBD disk (device /dev/disk/by-id/…)'],
    });
  },
};
