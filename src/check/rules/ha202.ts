import { misspelt, NameIndex } from '../../syntax/didyoumean.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha202: Rule = {
  code: 'HA202',
  name: 'unknown-agent',
  severity: 'warning',
  docs: {
    summary: "A resource agent hacc's catalogue does not know, so its parameters and operations cannot be checked.",
    rationale:
      'A misspelt agent (ocf:heartbeat:IPAddr2) fails only when pcs runs. A site-specific agent is fine: give hacc its meta-data with --agents DIR and every check applies to it too.',
    bad: labCluster(`  primitive vip ocf:heartbeat:IPAddr2 {
    params ip=10.0.0.30
    op monitor interval=10s timeout=20s
  }
`),
    good: labCluster(`  primitive vip ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.30
    op monitor interval=10s timeout=20s
  }
`),
  },
  check(ctx) {
    // The catalogue's agents of each class, indexed once.
    const byClass = new Map<string, NameIndex>();
    // A template's agent is the template's to report; a primitive made from one (or from an unknown
    // template, HA103's) has its agent.
    for (const p of [...ctx.model.primitives.filter((x) => !x.template), ...ctx.model.templates]) {
      if (p.agent.fact) continue;
      const id = p.agent.id;
      const cls = id.split(':')[0]!;
      let agents = byClass.get(cls);
      if (!agents) byClass.set(cls, (agents = new NameIndex(ctx.catalogue.agentIds().filter((a) => a.startsWith(`${cls}:`)))));
      ctx.report({
        node: p.decl.agent,
        message: `unknown agent '${id}': its parameters and operations are not checked`,
        ...misspelt(id, agents, 'for a site-specific agent, pass its meta-data with --agents DIR'),
      });
    }
  },
};
