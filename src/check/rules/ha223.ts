import { walk } from '../../syntax/walk.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha223: Rule = {
  code: 'HA223',
  name: 'rule-expression-out-of-place',
  severity: 'error',
  docs: {
    summary: 'A rule expression that cannot apply where it stands: `resource` or `op` in a location rule.',
    rationale:
      "A location rule is evaluated for a node: there is no resource or operation to match, and the schema keeps `resource`/`op` expressions for the resource and operation defaults' rules. Pacemaker rejects or ignores them in a location.",
    bad: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location web-on-a web rule score=100 resource ocf:pacemaker:Dummy
`),
    good: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location web-on-a web rule score=100 "#uname" eq a
`),
  },
  check(ctx) {
    for (const { rule } of ctx.model.rules) {
      if (!rule.decl.expr) continue;
      walk(rule.decl.expr, (n) => {
        if (n.kind !== 'rule-resource' && n.kind !== 'rule-op') return;
        ctx.report({
          node: n.keyword,
          message: `a location rule has no ${n.kind === 'rule-op' ? 'operation' : 'resource'} to match: '${n.keyword.text}' expressions belong to the defaults' rules`,
          help: ['a location rule tests the node: its attributes (#uname, rack…) and the date'],
        });
      });
    }
  },
};
