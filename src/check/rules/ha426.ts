import type { Colocation, Order, Resource } from '../../model/model.js';
import { dummies, labCluster } from '../examples.js';
import type { Rule, RuleContext } from '../rule.js';

/** What a constraint makes wait on what: [from, to] pairs of resources (to depends on from). */
type Edge = readonly [Resource, Resource];

/**
 * An order's edges when it is mandatory (kind Mandatory, the default): first before then, or each
 * set's members before the next set's (and, in a sequential set, each member before the next).
 */
function orderEdges(o: Order): Edge[] {
  if ((o.values.get('kind')?.value.text ?? 'Mandatory') !== 'Mandatory') return [];
  if (o.first?.target && o.then?.target) return [[o.first.target, o.then.target]];
  return setEdges(o.sets);
}

/** A colocation's edges when its score is INFINITY: with-rsc placed first, then rsc; sets likewise (each set after the next). */
function colocationEdges(c: Colocation): Edge[] {
  if ((c.values.get('score')?.value.text ?? 'INFINITY').replace(/^\+/, '') !== 'INFINITY') return [];
  if (c.rsc?.target && c.withRsc?.target) return [[c.withRsc.target, c.rsc.target]];
  return setEdges([...c.sets].reverse());
}

function setEdges(sets: Order['sets']): Edge[] {
  const members = sets.map((s) => s.members.flatMap((m) => (m.target ? [m.target] : [])));
  const out: Edge[] = [];
  sets.forEach((s, i) => {
    const own = members[i]!;
    if ((s.values.get('sequential')?.value.text ?? 'true') !== 'false') for (let j = 1; j < own.length; j++) out.push([own[j - 1]!, own[j]!]);
    for (const a of own) for (const b of members[i + 1] ?? []) out.push([a, b]);
  });
  return out;
}

/** Reports each constraint that closes a cycle of the constraints before it (in file order). */
function cycles<C extends Order | Colocation>(ctx: RuleContext, constraints: readonly C[], edges: (c: C) => Edge[], what: string): void {
  const next = new Map<Resource, Set<Resource>>();
  const reaches = (from: Resource, to: Resource): boolean => {
    const seen = new Set<Resource>();
    const stack = [from];
    while (stack.length > 0) {
      const r = stack.pop()!;
      if (r === to) return true;
      if (seen.has(r)) continue;
      seen.add(r);
      stack.push(...(next.get(r) ?? []));
    }
    return false;
  };
  for (const c of constraints) {
    const own = edges(c);
    const closing = own.find(([a, b]) => a !== b && reaches(b, a));
    if (closing) {
      ctx.report({
        node: c.decl.name,
        message: `${what} '${c.name}' closes a cycle: '${closing[1].name}' already waits on '${closing[0].name}' through the constraints before it`,
        help: ['break the cycle: drop or reverse one of the constraints, or make one advisory (kind=Optional, a finite score)'],
      });
      continue;
    }
    for (const [a, b] of own) {
      if (!next.has(a)) next.set(a, new Set());
      next.get(a)!.add(b);
    }
  }
}

export const ha426: Rule = {
  code: 'HA426',
  name: 'constraint-cycle',
  severity: 'error',
  docs: {
    summary: 'Mandatory orders, or INFINITY colocations, that form a cycle.',
    rationale:
      "A cycle of mandatory orders leaves no resource of it that can start first, and a cycle of mandatory colocations none that can be placed first. Seen with Pacemaker 2.1.5: crm_simulate plans the starts of an order cycle, then fails the transition ('Transition failed: terminated') and nothing runs.",
    bad: labCluster(`${dummies('a1', 'a2')}  order first a1 then a2
  order back a2 then a1
`),
    good: labCluster(`${dummies('a1', 'a2')}  order first a1 then a2
`),
  },
  check(ctx) {
    const m = ctx.model;
    cycles(ctx, m.constraints.filter((c): c is Order => c.kind === 'order'), orderEdges, 'order');
    cycles(ctx, m.constraints.filter((c): c is Colocation => c.kind === 'colocation'), colocationEdges, 'colocation');
  },
};
