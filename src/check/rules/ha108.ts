import { constraintRefs } from '../../model/model.js';
import { dummies, labCluster } from '../examples.js';
import type { Rule } from '../rule.js';

export const ha108: Rule = {
  code: 'HA108',
  name: 'unused-tag',
  severity: 'warning',
  docs: {
    summary: 'A tag no constraint uses, a template no primitive is made from.',
    rationale:
      'A tag only names resources for constraints, a template only gives primitives their agent, params and ops: one that nothing uses does nothing, and usually means a constraint names the resources one by one, a primitive repeats what the template holds, or one side was renamed.',
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
    const made = new Set(ctx.model.primitives.flatMap((p) => (p.template?.target ? [p.template.target] : [])));
    for (const t of ctx.model.templates) {
      if (!made.has(t)) ctx.report({ node: t.decl.name, message: `template '${t.name}' is not used by any primitive`, help: [`make a primitive from it (primitive NAME @${t.name} { … }), or remove it`] });
    }
    const given = new Set(ctx.model.aclTargets.flatMap((t) => t.roles.flatMap((r) => (r.target ? [r.target] : []))));
    for (const r of ctx.model.aclRoles) {
      if (!given.has(r)) ctx.report({ node: r.decl.name, message: `acl-role '${r.name}' is given to no acl-user or acl-group`, help: [`give it: acl-user NAME roles=${r.name}, or remove it`] });
    }
  },
};
