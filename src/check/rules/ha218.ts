import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha218: Rule = {
  code: 'HA218',
  name: 'deprecated-parameter',
  severity: 'warning',
  docs: {
    summary: "A parameter written under the name the agent's meta-data marks deprecated (fence agents' ipaddr, login, passwd, port), with the name that replaces it.",
    rationale:
      'The old name still works (it satisfies the requirement of the new one, and hacc checks it so), but agents drop deprecated names in time, and pcs and the documentation use the new ones: the configuration breaks on an upgrade of the agents.',
    bad: labCluster(`  primitive fence-a stonith:fence_ipmilan {
    params ipaddr=10.0.1.1 username=admin password=env:IPMI_PASSWORD pcmk_host_list="a b" pcmk_delay_max=10s
    op monitor interval=60s
  }
`).replace('  property stonith-enabled=false\n', ''),
    good: labCluster(`  primitive fence-a stonith:fence_ipmilan {
    params ip=10.0.1.1 username=admin password=env:IPMI_PASSWORD pcmk_host_list="a b" pcmk_delay_max=10s
    op monitor interval=60s
  }
`).replace('  property stonith-enabled=false\n', ''),
  },
  check(ctx) {
    return {
      primitive(p) {
        for (const attr of p.params.attrs) {
          const fact = ctx.catalogue.param(p.agent.id, attr.key.text);
          if (!fact?.deprecated) continue;
          const replacement = fact.obsoletedBy;
          ctx.report({
            node: attr,
            property: 'key',
            message: `'${fact.name}' is deprecated for ${p.agent.id}${replacement ? `: its name is now '${replacement}'` : ''}`,
            help: replacement ? [`write ${replacement}=${attr.value.text}`] : ['remove it, or check the agent documentation for what replaces it'],
          });
        }
      },
    };
  },
};
