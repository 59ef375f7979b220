import type { Bundle, Clone, Group } from '../../model/model.js';
import type * as A from '../../syntax/ast.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha104: Rule = {
  code: 'HA104',
  name: 'invalid-membership',
  severity: 'error',
  docs: {
    summary:
      'A resource is placed in two groups or clones (or twice in one), a group holds a group or a clone, a clone holds no resource, several, or a clone, something refers to itself, or an order is set between members of one group.',
    rationale:
      'A Pacemaker resource belongs to at most one group or clone; groups do not nest, a clone holds exactly one primitive or group, and clones do not nest either. pcs moves a resource out of its old group without a word, and a constraint between a resource and itself is rejected.',
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
    const elsewhere = (ref: A.Ident, holder: Group | Clone, other: Group | Clone | Bundle) =>
      ctx.report({
        node: ref,
        message: `'${ref.text}' is already in ${other.kind} '${other.name}': a resource belongs to at most one group or clone`,
        related: [{ node: other.decl.name, message: `the other ${other.kind}` }],
        ...(holder.kind === 'clone' && other.kind === 'group' ? { help: [`clone the group: ${holder.decl.keyword.text} ${holder.name} { ${other.name} }`] } : {}),
      });
    for (const g of m.groups) {
      const seen = new Set<string>();
      for (const { ident: ref, target } of g.items) {
        if (ref.text === g.name) {
          ctx.report({ node: ref, message: `group '${g.name}' cannot contain itself` });
        } else if (target?.kind === 'group') {
          ctx.report({ node: ref, message: `'${ref.text}' is a group: groups cannot contain groups`, help: ['list its primitives instead, or order the two groups with an order constraint'] });
        } else if (target?.kind === 'clone' || target?.kind === 'bundle') {
          ctx.report({ node: ref, message: `'${ref.text}' is a ${target.kind}: groups cannot contain ${target.kind}s`, help: [`colocate and order the group with '${ref.text}' instead`] });
        } else if (seen.has(ref.text)) {
          ctx.report({ node: ref, message: `'${ref.text}' is listed twice in group '${g.name}'` });
        } else if (target?.kind === 'primitive' && target.parent && target.parent !== g) {
          elsewhere(ref, g, target.parent);
        }
        seen.add(ref.text);
      }
    }
    for (const c of m.clones) {
      if (c.items.length === 0) {
        ctx.report({ node: c.decl.name, message: `${c.decl.keyword.text} '${c.name}' holds no resource`, help: [`write the primitive or group it clones inside its { }, or its name: ${c.decl.keyword.text} ${c.name} { NAME }`] });
      }
      let children = 0;
      for (const { ident: ref, target } of c.items) {
        if (ref.text === c.name) {
          ctx.report({ node: ref, message: `${c.decl.keyword.text} '${c.name}' cannot contain itself` });
        } else if (target?.kind === 'clone') {
          ctx.report({ node: ref, message: `'${ref.text}' is already a clone: clones cannot be cloned`, help: [`write the meta of '${c.name}' on '${ref.text}' instead`] });
        } else if (target?.kind === 'bundle') {
          ctx.report({ node: ref, message: `'${ref.text}' is a bundle: bundles cannot be cloned`, help: [`set replicas= on the container line of '${ref.text}' instead`] });
        } else if (++children > 1) {
          ctx.report({ node: ref, message: `${c.decl.keyword.text} '${c.name}' already holds '${c.child?.name ?? c.items[0]!.ident.text}': a clone holds exactly one primitive or group`, help: ['put them in a group and clone the group'] });
        } else if ((target?.kind === 'primitive' || target?.kind === 'group') && target.parent && target.parent !== c) {
          elsewhere(ref, c, target.parent);
        }
      }
    }
    for (const c of m.constraints) {
      if (c.kind === 'location' || c.kind === 'ticket') continue;
      const [a, b] = c.kind === 'colocation' ? [c.rsc, c.withRsc] : [c.first, c.then];
      // (A resource twice among sets is HA417's.)
      if (!a || !b) continue;
      if (a.ident.text === b.ident.text) {
        ctx.report({ node: b.ident, message: `${c.kind} '${c.name}' relates '${a.ident.text}' to itself` });
        continue;
      }
      // A group already orders its members; pcs refuses an order between two of them.
      const group = a.target?.kind === 'primitive' && a.target.parent?.kind === 'group' ? a.target.parent : undefined;
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
