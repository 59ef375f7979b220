import { constraintRefs } from '../../model/model.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

const LEFT_BY_PCS = /^cli-(prefer|ban)-/;

export const ha420: Rule = {
  code: 'HA420',
  name: 'move-constraint-committed',
  severity: 'warning',
  docs: {
    summary: 'A constraint named cli-prefer-* or cli-ban-*: what `pcs resource move` or `ban` leaves behind, written into the design.',
    rationale:
      'Those constraints pin a resource to, or ban it from, a node until someone clears them; committed into the file they come back on every configure, and the resource never fails back or over on its own.',
    bad: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location cli-prefer-web web prefers a
`),
    good: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location web-prefers-a web prefers a=100
`),
  },
  check(ctx) {
    for (const c of ctx.model.constraints) {
      const m = LEFT_BY_PCS.exec(c.name);
      if (!m) continue;
      const rsc = constraintRefs(c)[0]?.ident.text ?? (c.kind === 'location' ? c.values.get('rsc-pattern')?.value.text : undefined) ?? '';
      ctx.report({
        node: c.decl.name,
        message:
          m[1] === 'prefer'
            ? `'${c.name}' is the name of the constraint \`pcs resource move\` leaves behind: it pins '${rsc}' to a node until cleared`
            : `'${c.name}' is the name of the constraint \`pcs resource ban\` leaves behind: it keeps '${rsc}' off a node until cleared`,
        help: [`on the cluster: pcs resource clear ${rsc}; in the file: remove it, or name a placement you mean to keep (e.g. ${rsc}-prefers-NODE with a score)`],
      });
    }
  },
};
