import { assertNever } from '../../assert-never.js';
import { isPromotionRole, PROMOTION_ACTIONS } from '../../language/roles.js';
import { agentPromotable, bundlePromotedMax, containerOf, type Resource } from '../../model/model.js';
import type * as A from '../../syntax/ast.js';
import type { Rule, RuleContext } from '../rule.js';
import { labCluster } from '../examples.js';

/** Whether a resource is, or is inside, a promotable clone or a bundle with promoted-max (or masters). */
function promotable(r: Resource | undefined): boolean | undefined {
  if (!r) return undefined;
  const holder = containerOf(r);
  if (holder?.kind === 'bundle') return bundlePromotedMax(holder) > 0;
  return holder?.promotable ?? false;
}

function notPromotable(ctx: RuleContext, node: A.Spanned, what: string, name: string): void {
  ctx.report({
    node,
    message: `${what}, but '${name}' is not a promotable clone: only a promotable clone's instances are promoted`,
    help: [`make it promotable: promotable ${name}-clone { ${name} }, and name the clone here`, 'or leave the role or action out'],
  });
}

export const ha213: Rule = {
  code: 'HA213',
  name: 'promotion-without-promotable',
  severity: 'error',
  docs: {
    summary:
      'A promotable clone of an agent that cannot be promoted (no promote and demote actions), or a Promoted/Unpromoted role or a promote/demote action on a resource that is not a promotable clone.',
    rationale:
      'Pacemaker promotes only the instances of a promotable clone, through the agent promote and demote actions: a promotable clone of an agent without them never gets a promoted instance, and a role or action on anything else never matches, so the constraint or monitor silently does nothing.',
    bad: labCluster(`  promotable web-clone {
    primitive web ocf:pacemaker:Dummy {
      op monitor interval=10s
    }
  }
`),
    good: labCluster(`  clone web-clone {
    primitive web ocf:pacemaker:Dummy {
      op monitor interval=10s
    }
  }
`),
  },
  check(ctx) {
    const m = ctx.model;
    for (const c of m.clones) {
      if (!c.promotable || !c.child) continue;
      const members = c.child.kind === 'primitive' ? [c.child] : c.child.members;
      const cannot = members.find((p) => agentPromotable(p.agent) === false);
      if (cannot) {
        ctx.report({
          node: c.decl.keyword,
          message: `'${c.name}' is promotable, but ${cannot.agent.id} ('${cannot.name}') has no promote and demote actions`,
          help: [`write clone ${c.name} { … }, or use an agent that can be promoted (ocf:linbit:drbd, ocf:heartbeat:pgsqlms, ocf:pacemaker:Stateful…)`],
        });
      }
    }
    // Roles and actions written by the user (default ops taken from meta-data are not written here).
    // (opsWith and opsByName hold primitives' ops, never a template's.)
    for (const op of m.opsWith.get('role') ?? []) {
      const role = op.values.get('role')!;
      if (op.primitive.kind !== 'primitive') continue;
      if (isPromotionRole(role.value.text) && !promotable(op.primitive)) notPromotable(ctx, role, `op ${op.name} has role=${role.value.text}`, op.primitive.name);
    }
    for (const action of PROMOTION_ACTIONS) {
      for (const op of m.opsByName.get(action) ?? []) {
        if (op.primitive.kind !== 'primitive') continue;
        if (!promotable(op.primitive) && !isPromotionRole(op.values.get('role')?.value.text ?? '')) notPromotable(ctx, op.decl.name, `op ${op.name}`, op.primitive.name);
      }
    }
    for (const r of m.allResources) {
      const target = r.meta.values.get('target-role');
      if (target && isPromotionRole(target.value.text) && !promotable(r)) notPromotable(ctx, target, `target-role=${target.value.text}`, r.name);
    }
    for (const c of m.constraints) {
      const check = (ref: { readonly ident: A.Ident; readonly target?: Resource }, key: string) => {
        const a = c.values.get(key);
        if (!a || promotable(ref.target) !== false) return;
        if (isPromotionRole(a.value.text) || PROMOTION_ACTIONS.includes(a.value.text)) notPromotable(ctx, a, `${key}=${a.value.text}`, ref.ident.text);
      };
      switch (c.kind) {
        case 'location':
          if (c.rsc) check(c.rsc, 'role');
          break;
        case 'colocation':
        case 'order': {
          const [a, b] = c.kind === 'colocation' ? [c.rsc, c.withRsc] : [c.first, c.then];
          const [keyA, keyB] = c.kind === 'colocation' ? ['rsc-role', 'with-rsc-role'] : ['first-action', 'then-action'];
          if (a) check(a, keyA);
          if (b) check(b, keyB);
          // A set's role= or action= is every member's.
          for (const set of c.sets) {
            for (const key of ['role', 'action']) {
              const attr = set.values.get(key);
              const member = attr && set.members.find((ref) => promotable(ref.target) === false);
              if (member && (isPromotionRole(attr.value.text) || PROMOTION_ACTIONS.includes(attr.value.text))) notPromotable(ctx, attr, `${key}=${attr.value.text}`, member.ident.text);
            }
          }
          break;
        }
        case 'ticket':
          if (c.rsc) check(c.rsc, 'rsc-role');
          break;
        default:
          assertNever(c);
      }
    }
  },
};
