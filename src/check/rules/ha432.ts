import { canFence, fencingDevices, fencingDisabledBy, watchdogFencing } from '../../model/model.js';
import type { Rule } from '../rule.js';

const CLUSTER = (devices: string) => `cluster demo {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  node c addr=10.0.0.3/24
${devices}}
`;

export const ha432: Rule = {
  code: 'HA432',
  name: 'node-nobody-can-fence',
  severity: 'warning',
  docs: {
    summary: 'Fencing is on, and a node is left out of the host list of every fencing device: no device can fence it.',
    rationale:
      'When that node hangs or loses contact, the cluster must fence it before it recovers its resources elsewhere; with no device for it, fencing fails again and again and its resources stay stopped, blocked, until someone confirms the node is down by hand (stonith_admin --confirm). Usually a node was added and the host lists were not.',
    bad: CLUSTER(`  primitive fence-ab stonith:fence_ipmilan {
    params ip=10.0.1.1 username=admin password=env:IPMI_PASSWORD pcmk_host_list="a b"
  }
`),
    good: CLUSTER(`  primitive fence-ab stonith:fence_ipmilan {
    params ip=10.0.1.1 username=admin password=env:IPMI_PASSWORD pcmk_host_list="a b"
  }
  primitive fence-c stonith:fence_ipmilan {
    params ip=10.0.1.3 username=admin password=env:IPMI_PASSWORD pcmk_host_list=c
  }
`),
  },
  check(ctx) {
    const m = ctx.model;
    const devices = fencingDevices(m);
    // With watchdog self-fencing every member can be fenced (it resets itself).
    if (devices.length === 0 || fencingDisabledBy(m) || watchdogFencing(m)) return;
    for (const n of m.nodes) {
      if (canFence(m, n.name)) continue;
      ctx.report({
        node: n.decl.name,
        message: `no fencing device can fence '${n.name}': every device's pcmk_host_list or pcmk_host_map leaves it out`,
        help: [`add ${n.name} to a device's host list, or declare a device for it`],
        related: devices.map((d) => ({ node: d.decl.name, message: 'a device that does not list it' })),
      });
    }
  },
};
