import { canFence, fencingDevices, fencingDisabledBy, REMOTE_AGENT } from '../../model/model.js';
import type { Rule } from '../rule.js';

const CLUSTER = (hosts: string) => `cluster demo {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  primitive fence-ipmi stonith:fence_ipmilan {
    params ip=10.0.1.1 username=admin password=env:IPMI_PASSWORD pcmk_host_list="${hosts}" pcmk_delay_max=10s
  }
  primitive db-host ocf:pacemaker:remote {
    params server=10.0.0.9
  }
}
`;

export const ha409: Rule = {
  code: 'HA409',
  name: 'remote-node-nobody-can-fence',
  severity: 'warning',
  docs: {
    summary: 'Fencing is on, and a remote node (an ocf:pacemaker:remote connection) is left out of the host list of every fencing device.',
    rationale:
      "A remote node is fenced like a member: when its connection fails and cannot be recovered, the cluster fences it before starting its resources elsewhere. With no device for it, fencing fails and its resources stay blocked until someone confirms it is down. (A guest node, a VM or container the cluster runs as a resource, needs no device: stopping its resource fences it.)",
    bad: CLUSTER('a b'),
    good: CLUSTER('a b db-host'),
  },
  check(ctx) {
    const m = ctx.model;
    const devices = fencingDevices(m);
    if (devices.length === 0 || fencingDisabledBy(m)) return;
    return {
      primitive(p) {
        if (p.agent.id !== REMOTE_AGENT) return;
        // (A device that names no hosts is asked which it can fence: it may fence this one.)
        if (canFence(m, p.name)) return;
        ctx.report({
          node: p.decl.name,
          message: `no fencing device can fence remote node '${p.name}': every device's pcmk_host_list or pcmk_host_map leaves it out`,
          help: [`add ${p.name} to a device's host list, or declare a device for it`],
          related: devices.map((d) => ({ node: d.decl.name, message: 'a device that does not list it' })),
        });
      },
    };
  },
};
