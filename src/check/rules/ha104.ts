import { resourceByName } from '../../model/model.js';
import type * as A from '../../syntax/ast.js';
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
      for (const item of g.items) {
        const ref: A.Ident | undefined = item.kind === 'member' ? item.ref : item.kind === 'primitive' ? item.primitive.name : undefined;
        if (!ref) continue;
        const target = resourceByName(m, ref.text);
        if (ref.text === g.name.text) {
          ctx.report({ node: ref, message: `group '${g.name.text}' cannot contain itself` });
        } else if (target?.kind === 'group') {
          ctx.report({ node: ref, message: `'${ref.text}' is a group: groups cannot contain groups`, help: ['list its primitives instead, or order the two groups with an order constraint'] });
        } else if (seen.has(ref.text)) {
          ctx.report({ node: ref, message: `'${ref.text}' is listed twice in group '${g.name.text}'` });
        } else if (target && m.groupOf.get(target) !== g && m.groupOf.has(target)) {
          const other = m.groupOf.get(target)!;
          ctx.report({
            node: ref,
            message: `'${ref.text}' is already in group '${other.name.text}': a resource belongs to at most one group`,
            related: [{ node: other.name, message: 'the other group' }],
          });
        }
        seen.add(ref.text);
      }
    }
    for (const c of m.constraints) {
      if (c.kind === 'location') continue;
      if (c.resource.text === c.target.text) {
        ctx.report({ node: c.target, message: `${c.kind} '${c.name.text}' relates '${c.resource.text}' to itself` });
        continue;
      }
      // A group already orders its members; pcs refuses an order between two of them.
      const first = resourceByName(m, c.resource.text);
      const then = resourceByName(m, c.target.text);
      const group = first?.kind === 'primitive' ? m.groupOf.get(first) : undefined;
      if (c.kind === 'order' && group && then?.kind === 'primitive' && m.groupOf.get(then) === group) {
        ctx.report({
          node: c.name,
          message: `'${c.resource.text}' and '${c.target.text}' are both in group '${group.name.text}', which already starts them in its order`,
          help: [`reorder the members of '${group.name.text}' instead`],
        });
      }
    }
  },
};
