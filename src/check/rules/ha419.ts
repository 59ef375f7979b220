import { walk } from '../../syntax/walk.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha419: Rule = {
  code: 'HA419',
  name: 'mixed-and-or',
  severity: 'warning',
  docs: {
    summary: 'A rule mixes `and` and `or` without parentheses.',
    rationale:
      'pcs reads and/or left to right with one precedence (pcs 0.11, both its parsers): `a or b and c` is `(a or b) and c`, not the `a or (b and c)` most languages make of it. hacc reads it as pcs does; parentheses say which was meant.',
    bad: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location web-placement web rule score=-INFINITY "#uname" eq a or "#uname" eq b and date gt 2030-01-01
`),
    good: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location web-placement web rule score=-INFINITY "#uname" eq a or ("#uname" eq b and date gt 2030-01-01)
`),
  },
  check(ctx) {
    for (const { rule } of ctx.model.rules) {
      if (!rule.decl.expr) continue;
      walk(rule.decl.expr, (n) => {
        if (n.kind !== 'rule-bool') return;
        const first = n.operators[0]!.text.toLowerCase();
        const other = n.operators.find((o) => o.text.toLowerCase() !== first);
        if (!other) return;
        ctx.report({
          node: other,
          message: `'${first}' and '${other.text}' without parentheses: read left to right, as pcs reads them (everything before '${other.text}' is one operand)`,
          help: ['add parentheses around what belongs together, e.g. a or (b and c)'],
        });
      });
    }
  },
};
