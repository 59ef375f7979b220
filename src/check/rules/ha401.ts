import { fencingDevices, fencingDisabledBy, watchdogFencing } from '../../model/model.js';
import type { Rule } from '../rule.js';

export const ha401: Rule = {
  code: 'HA401',
  name: 'no-fencing',
  severity: 'error',
  docs: {
    summary: 'No fencing device is defined and fencing is not disabled: Pacemaker would start no resource at all.',
    rationale:
      "With stonith-enabled=true (the default) and no stonith resource, Pacemaker refuses to start anything; `crm_verify -L` reports 'Resource start-up disabled since no STONITH resources have been defined', as the post found after setting the cluster up.",
    bad: `cluster demo {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
}
`,
    good: `cluster demo {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  primitive fence-a stonith:fence_ipmilan {
    params ip=10.0.1.1 username=admin password=env:IPMI_PASSWORD pcmk_host_list=a pcmk_delay_base=5s
    op monitor interval=60s
  }
  primitive fence-b stonith:fence_ipmilan {
    params ip=10.0.1.2 username=admin password=env:IPMI_PASSWORD pcmk_host_list=b
    op monitor interval=60s
  }
}
`,
  },
  check(ctx) {
    const m = ctx.model;
    // A cluster without nodes has nothing to fence yet (and is usually a half-typed file).
    // Watchdog-only SBD fences without a device; an sbd block's own mistakes are HA411's and HA413's.
    if (m.nodes.length === 0 || fencingDevices(m).length > 0 || fencingDisabledBy(m) || watchdogFencing(m) || m.sbd) return;
    ctx.report({
      node: m.cluster.name,
      message: 'no fencing device is defined and fencing is not disabled: the cluster would start no resources',
      help: [
        'add a fencing device, e.g. primitive fence-NODE stonith:fence_ipmilan { params … pcmk_host_list=NODE }',
        'or, for a lab cluster without shared data only, property stonith-enabled=false',
      ],
    });
  },
};
