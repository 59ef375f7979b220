import { settingValue } from '../../model/model.js';
import type { Rule } from '../rule.js';

export const ha403: Rule = {
  code: 'HA403',
  name: 'two-node-quorum-ignored',
  severity: 'warning',
  docs: {
    summary: 'A two-node cluster ignores quorum (no-quorum-policy=ignore) on a platform whose corosync handles two nodes properly.',
    rationale:
      "corosync 2 and later (EL7+, Debian) have votequorum's two_node mode, which pcs turns on for two-node clusters: the survivor keeps quorum safely, with wait_for_all at start-up. no-quorum-policy=ignore was the cman-era (EL6) workaround and lets a freshly booted lone node start everything.",
    bad: `cluster demo {
  platform el9
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  property stonith-enabled=false
  property no-quorum-policy=ignore
}
`,
    good: `cluster demo {
  platform el9
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  property stonith-enabled=false
  property no-quorum-policy=stop
}
`,
  },
  check(ctx) {
    const m = ctx.model;
    if (m.platform === 'el6' || m.nodes.length !== 2) return;
    const policy = settingValue(m, 'property', 'no-quorum-policy');
    if (policy?.value.text !== 'ignore') return;
    ctx.report({
      node: policy,
      property: 'value',
      message: `no-quorum-policy=ignore on a two-node ${m.platform} cluster: corosync's two_node mode already keeps quorum when one node fails`,
      help: ['remove the property (the default is stop): pcs sets two_node: 1 in corosync.conf for two-node clusters'],
    });
  },
};
