import type * as A from '../../syntax/ast.js';
import type { Rule } from '../rule.js';
import { dummies, labCluster } from '../examples.js';

const DUMMIES = dummies('a', 'b', 'c');

export const ha417: Rule = {
  code: 'HA417',
  name: 'invalid-resource-set',
  severity: 'error',
  docs: {
    summary: 'A resource set Pacemaker rejects or misreads: a resource twice in one constraint, or `action=` in a colocation set.',
    rationale:
      "A resource listed twice in a constraint's sets makes it depend on itself: Pacemaker's scheduler drops or loops on such a constraint. `action=` says which action of an order set is ordered; a colocation has none.",
    bad: labCluster(`${DUMMIES}  order abc { a b } then { b c }
`),
    good: labCluster(`${DUMMIES}  order abc { a b } then { c }
`),
  },
  check(ctx) {
    for (const c of ctx.model.constraints) {
      if (c.kind === 'location' || c.sets.length === 0) continue;
      const seen = new Map<string, A.Ident>();
      for (const set of c.sets) {
        for (const m of set.members) {
          const first = seen.get(m.ident.text);
          if (first) ctx.report({ node: m.ident, message: `'${m.ident.text}' is in ${c.kind} '${c.name}' twice`, help: ['list each resource in one set only'], related: [{ node: first, message: 'first here' }] });
          else seen.set(m.ident.text, m.ident);
        }
        const action = set.values.get('action');
        if (c.kind === 'colocation' && action) ctx.report({ node: action, property: 'key', message: "a colocation set has no action=: it orders nothing", help: ['role= limits a colocation set to instances in that role'] });
      }
    }
  },
};
