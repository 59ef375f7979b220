import { CLUSTER_DELAY, DEVICE_DELAYS, isDelay } from '../../catalogue/fence-hosts.js';
import { fencingDevices, fencingDisabledBy } from '../../model/model.js';
import type { Rule } from '../rule.js';

const TWO_NODES = (device: string) => `cluster demo {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  primitive fence stonith:fence_ipmilan {
    params ip=10.0.1.1 username=admin password=env:IPMI_PASSWORD pcmk_host_list="a b"${device}
  }
}
`;


export const ha434: Rule = {
  code: 'HA434',
  name: 'two-node-fence-race',
  severity: 'warning',
  docs: {
    summary: 'A two-node cluster with fencing and no fence delay: after a split, both nodes can fence each other at once.',
    rationale:
      "When the two nodes lose sight of each other, each has quorum (two_node) and each tries to fence the other; with fast fencing devices both can succeed and the cluster is down. A delay on one side decides the race: pcmk_delay_base on the device that fences the preferred survivor, pcmk_delay_max (a random delay) on the devices, or priority-fencing-delay (Pacemaker 2.0.4+), which delays fencing of the node running the more important resources. Red Hat's and SUSE's two-node guides both call for one.",
    bad: TWO_NODES(''),
    good: TWO_NODES(' pcmk_delay_max=10s'),
  },
  check(ctx) {
    const m = ctx.model;
    const devices = fencingDevices(m);
    if (m.nodes.length !== 2 || devices.length === 0 || fencingDisabledBy(m)) return;
    if (devices.some((d) => DEVICE_DELAYS.some((k) => isDelay(d.params.values.get(k)?.value.text)))) return;
    if (isDelay(m.settings.property.values.get(CLUSTER_DELAY)?.value.text)) return;
    const first = devices.reduce((a, b) => (a.decl.start <= b.decl.start ? a : b));
    ctx.report({
      node: first.decl.name,
      message: 'two nodes with fencing and no fence delay: after a split each node can fence the other at the same moment',
      help: [`add pcmk_delay_base=5s to the device that fences the node that should lose (or pcmk_delay_max=10s to the devices), or property ${CLUSTER_DELAY}=15s`],
    });
  },
};
