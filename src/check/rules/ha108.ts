import { constraintRefs } from '../../model/model.js';
import { dummies, labCluster } from '../examples.js';
import type { Rule } from '../rule.js';

export const ha108: Rule = {
  code: 'HA108',
  name: 'unused-tag',
  severity: 'warning',
  docs: {
    summary: 'A tag no constraint uses.',
    rationale: 'A tag only names resources for constraints: one that no constraint names does nothing, and usually means a constraint names the resources one by one, or a tag was renamed on one side.',
    bad: labCluster(`${dummies('vip', 'fs')}  tag frontend { vip fs }
  location vip-on-a vip prefers a=10
`),
    good: labCluster(`${dummies('vip', 'fs')}  tag frontend { vip fs }
  location frontend-on-a frontend prefers a=10
`),
  },
  check(ctx) {
    const used = new Set(ctx.model.constraints.flatMap((c) => constraintRefs(c).map((r) => r.ident.text)));
    for (const t of ctx.model.tags) {
      if (!used.has(t.name)) ctx.report({ node: t.decl.name, message: `tag '${t.name}' is not used by any constraint`, help: [`name it in a constraint (location ${t.name}-on-a ${t.name} prefers a), or remove it`] });
    }
  },
};
