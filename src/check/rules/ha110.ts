import { constraintRefs, containerOf, resourceWord, type Resource } from '../../model/model.js';
import type * as A from '../../syntax/ast.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha110: Rule = {
  code: 'HA110',
  name: 'constraint-inside-clone',
  severity: 'error',
  docs: {
    summary: 'A constraint names a resource inside a clone (or a member of a cloned group), not the clone itself.',
    rationale:
      "Constraints on a clone's child apply to no instance in particular: pcs refuses them, and Pacemaker ignores them (crm_verify: \"Ignoring constraint … is not a valid resource\", config not valid). The clone's instances are placed, ordered and colocated by the clone's own constraints.",
    bad: labCluster(`  clone ping-clone {
    primitive ping ocf:pacemaker:ping {
      params host_list=10.0.0.254
      op monitor interval=10s timeout=60s
    }
  }
  location ping-on-a ping prefers a
`),
    good: labCluster(`  clone ping-clone {
    primitive ping ocf:pacemaker:ping {
      params host_list=10.0.0.254
      op monitor interval=10s timeout=60s
    }
  }
  location ping-on-a ping-clone prefers a
`),
  },
  check(ctx) {
    const check = (ref: { readonly ident: A.Ident; readonly target?: Resource }) => {
      const r = ref.target;
      if (!r || r.kind === 'clone' || r.kind === 'bundle') return;
      const holder = containerOf(r);
      if (!holder) return;
      ctx.report({
        node: ref.ident,
        message: `'${ref.ident.text}' is inside ${resourceWord(holder)} '${holder.name}': constrain the ${holder.kind}, not what it holds`,
        help: [`write '${holder.name}' here`],
      });
    };
    for (const c of ctx.model.constraints) for (const ref of constraintRefs(c)) check(ref);
  },
};
