import { booleanValue } from '../../model/values.js';
import type { Rule } from '../rule.js';
import { dummies, labCluster } from '../examples.js';

const DUMMIES = dummies('a', 'b', 'c');

export const ha418: Rule = {
  code: 'HA418',
  name: 'set-option-without-effect',
  severity: 'warning',
  docs: {
    summary: 'A resource set option that does nothing where it stands: `sequential=false` on the only or last set of a colocation, `require-all` in a colocation, `symmetrical` on a Serialize order.',
    rationale:
      "Pacemaker Explained: a colocated set with sequential=false makes sense only if there is another set after it to be placed with; require-all is an ordering option; a Serialize order is never symmetrical. The option suggests a behaviour the cluster will not have.",
    bad: labCluster(`${DUMMIES}  colocation abc c with { a b sequential=false }
`),
    good: labCluster(`${DUMMIES}  colocation abc { a b sequential=false } with c
`),
  },
  check(ctx) {
    for (const c of ctx.model.constraints) {
      // (Location and ticket sets: HA417.)
      if (c.kind === 'location' || c.kind === 'ticket') continue;
      if (c.kind === 'order') {
        const kind = c.values.get('kind');
        const symmetrical = c.values.get('symmetrical');
        if (kind?.value.text === 'Serialize' && symmetrical) {
          ctx.report({ node: symmetrical, property: 'key', message: 'a Serialize order is never symmetrical: symmetrical= has no effect', help: ['drop symmetrical='] });
        }
        continue;
      }
      c.sets.forEach((set, i) => {
        const sequential = set.values.get('sequential');
        if (sequential && booleanValue(sequential.value.text) === false && i === c.sets.length - 1) {
          ctx.report({ node: sequential, message: `sequential=false on the last set of colocation '${c.name}': no set comes after it for its members to be placed with`, help: ['put the set before the one it is placed with, or drop sequential=false'] });
        }
        const all = set.values.get('require-all');
        if (all) ctx.report({ node: all, property: 'key', message: 'require-all is an ordering option: it does nothing in a colocation set', help: ['drop require-all='] });
      });
    }
  },
};
