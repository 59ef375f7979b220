import type * as A from '../../syntax/ast.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha219: Rule = {
  code: 'HA219',
  name: 'unique-parameter-shared',
  severity: 'error',
  docs: {
    summary: "Two resources of one agent share the value of a parameter the agent's meta-data marks unique (two IPaddr2 with one ip, two DRBD resources on one drbd_resource).",
    rationale:
      'A unique parameter names something only one resource may own: two VIPs with one address fight over it, two DRBD resources drive one device. pcs refuses to create the second without --force.',
    bad: labCluster(`  primitive vip1 ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.30 cidr_netmask=24
  }
  primitive vip2 ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.30 cidr_netmask=24
  }
`),
    good: labCluster(`  primitive vip1 ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.30 cidr_netmask=24
  }
  primitive vip2 ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.31 cidr_netmask=24
  }
`),
  },
  check(ctx) {
    // agent, parameter and value -> the first resource's attribute.
    const first = new Map<string, { readonly name: string; readonly attr: A.Attr }>();
    const uniqueOf = new Map<string, ReadonlySet<string>>();
    return {
      primitive(p) {
        let unique = uniqueOf.get(p.agent.id);
        if (!unique) uniqueOf.set(p.agent.id, (unique = new Set((ctx.catalogue.agent(p.agent.id)?.params ?? []).filter((f) => f.unique).map((f) => f.name))));
        if (unique.size === 0) return;
        for (const name of unique) {
          const attr = p.params.values.get(name);
          if (!attr) continue;
          const key = `${p.agent.id}\u0000${name}\u0000${attr.value.text}`;
          const earlier = first.get(key);
          if (!earlier) {
            first.set(key, { name: p.name, attr });
            continue;
          }
          ctx.report({
            node: attr,
            property: 'value',
            message: `${name}=${attr.value.text} is already used by '${earlier.name}': ${p.agent.id} marks ${name} unique`,
            help: [`give '${p.name}' its own ${name}`],
            related: [{ node: earlier.attr, message: `'${earlier.name}' has it` }],
          });
        }
      },
    };
  },
};
