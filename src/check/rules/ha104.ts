import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha104: Rule = {
  code: 'HA104',
  name: 'invalid-membership',
  severity: 'error',
  docs: {
    summary: 'A resource is placed in two groups (or twice in one), a group holds a group, something refers to itself, or an order is set between members of one group.',
    rationale:
      'A Pacemaker resource belongs to at most one group and groups do not nest; pcs moves a resource out of its old group without a word, and a constraint between a resource and itself is rejected.',
    bad: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  group g1 { web }
  group g2 { web }
`),
    good: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  group g1 { web }
`),
  },
  check(ctx) {
    const m = ctx.model;
    for (const g of m.groups) {
      const seen = new Set<string>();
      for (const { ident: ref, target } of g.items) {
        if (ref.text === g.name) {
          ctx.report({ node: ref, message: `group '${g.name}' cannot contain itself` });
        } else if (target?.kind === 'group') {
          ctx.report({ node: ref, message: `'${ref.text}' is a group: groups cannot contain groups`, help: ['list its primitives instead, or order the two groups with an order constraint'] });
        } else if (seen.has(ref.text)) {
          ctx.report({ node: ref, message: `'${ref.text}' is listed twice in group '${g.name}'` });
        } else if (target?.parent && target.parent !== g) {
          const other = target.parent;
          ctx.report({
            node: ref,
            message: `'${ref.text}' is already in group '${other.name}': a resource belongs to at most one group`,
            related: [{ node: other.decl.name, message: 'the other group' }],
          });
        }
        seen.add(ref.text);
      }
    }
    for (const c of m.constraints) {
      if (c.kind === 'location') continue;
      const [a, b] = c.kind === 'colocation' ? [c.rsc, c.withRsc] : [c.first, c.then];
      if (a.ident.text === b.ident.text) {
        ctx.report({ node: b.ident, message: `${c.kind} '${c.name}' relates '${a.ident.text}' to itself` });
        continue;
      }
      // A group already orders its members; pcs refuses an order between two of them.
      const group = a.target?.kind === 'primitive' ? a.target.parent : undefined;
      if (c.kind === 'order' && group && b.target?.kind === 'primitive' && b.target.parent === group) {
        ctx.report({
          node: c.decl.name,
          message: `'${a.ident.text}' and '${b.ident.text}' are both in group '${group.name}', which already starts them in its order`,
          help: [`reorder the members of '${group.name}' instead`],
        });
      }
    }
  },
};
