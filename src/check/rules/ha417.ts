import type * as A from '../../syntax/ast.js';
import type { Rule } from '../rule.js';
import { dummies, labCluster } from '../examples.js';

const DUMMIES = dummies('a', 'b', 'c');

export const ha417: Rule = {
  code: 'HA417',
  name: 'invalid-resource-set',
  severity: 'error',
  docs: {
    summary:
      'A resource set Pacemaker rejects or misreads: a resource twice in one constraint, `action=` in a colocation set, `sequential=` or `require-all=` in a location or ticket set, a location `role=` beside sets.',
    rationale:
      "A resource listed twice in a constraint's sets makes it depend on itself: Pacemaker's scheduler drops or loops on such a constraint. `action=` says which action of an order set is ordered; a colocation has none.",
    bad: labCluster(`${DUMMIES}  order abc { a b } then { b c }
`),
    good: labCluster(`${DUMMIES}  order abc { a b } then { c }
`),
  },
  check(ctx) {
    for (const c of ctx.model.constraints) {
      if (c.sets.length === 0) continue;
      const role = c.kind === 'location' ? c.values.get('role') : undefined;
      if (role) ctx.report({ node: role, property: 'key', message: "a location over resource sets takes no role=: the schema gives it to the sets", help: ['write role= inside each set: { a b role=Promoted }'] });
      const seen = new Map<string, A.Ident>();
      for (const set of c.sets) {
        for (const m of set.members) {
          const first = seen.get(m.ident.text);
          if (first) ctx.report({ node: m.ident, message: `'${m.ident.text}' is in ${c.kind} '${c.name}' twice`, help: ['list each resource in one set only'], related: [{ node: first, message: 'first here' }] });
          else seen.set(m.ident.text, m.ident);
        }
        for (const key of c.kind === 'location' || c.kind === 'ticket' ? ['sequential', 'require-all'] : []) {
          const a = set.values.get(key);
          if (a) ctx.report({ node: a, property: 'key', message: `a ${c.kind} set has no ${key}=: it neither orders nor chains its members`, help: [`drop ${key}=`] });
        }
        const action = set.values.get('action');
        if (c.kind === 'colocation' && action) ctx.report({ node: action, property: 'key', message: "a colocation set has no action=: it orders nothing", help: ['role= limits a colocation set to instances in that role'] });
      }
    }
  },
};
