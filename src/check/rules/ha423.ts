import type { Colocation, Order } from '../../model/model.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

const PROMOTED = new Set(['promoted', 'master']);

export const ha423: Rule = {
  code: 'HA423',
  name: 'colocated-not-ordered',
  severity: 'warning',
  docs: {
    summary:
      'A resource colocated (INFINITY) with a clone (or its promoted instance) but not ordered after it (after its promotion), or ordered the other way round: a file system mounted on DRBD before DRBD is promoted.',
    rationale:
      'Colocation only says where: without an order Pacemaker may start the dependent resource before the clone instance it needs is running or promoted, and mounting a DRBD device that is not yet primary fails, so the resource fails over and over.',
    bad: labCluster(`  promotable db-clone {
    primitive db ocf:pacemaker:Stateful {
      op monitor interval=10s role=Promoted
      op monitor interval=11s role=Unpromoted
    }
  }
  primitive vip ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  colocation vip-with-db vip with db-clone with-rsc-role=Promoted
`),
    good: labCluster(`  promotable db-clone {
    primitive db ocf:pacemaker:Stateful {
      op monitor interval=10s role=Promoted
      op monitor interval=11s role=Unpromoted
    }
  }
  primitive vip ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  colocation vip-with-db vip with db-clone with-rsc-role=Promoted
  order db-then-vip db-clone then vip first-action=promote
`),
  },
  check(ctx) {
    const orders = ctx.model.constraints.filter((c): c is Order => c.kind === 'order');
    for (const c of ctx.model.constraints.filter((x): x is Colocation => x.kind === 'colocation')) {
      // (Resource sets are left out: their pairs are many.)
      const clone = c.withRsc?.target;
      const dependent = c.rsc?.target;
      if (clone?.kind !== 'clone' || !dependent || dependent === clone) continue;
      // Only a mandatory colocation needs the clone first: an advisory one (ping steering a VIP) only prefers.
      const score = c.values.get('score')?.value.text.replace(/^\+/, '') ?? 'INFINITY';
      if (score !== 'INFINITY') continue;
      const role = c.values.get('with-rsc-role')?.value.text;
      const promoted = role !== undefined && PROMOTED.has(role.toLowerCase());
      const after = orders.find((o) => o.first?.target === clone && o.then?.target === dependent);
      const before = orders.find((o) => o.first?.target === dependent && o.then?.target === clone);
      const action = promoted ? 'promote' : 'start';
      const fix = `order ${clone.name}-then-${dependent.name} ${clone.name} then ${dependent.name}${promoted ? ' first-action=promote' : ''}`;
      if (before) {
        ctx.report({
          node: before.decl.name,
          message: `'${dependent.name}' runs with ${promoted ? `the promoted instance of '${clone.name}'` : `'${clone.name}'`} but is ordered before it`,
          help: [`reverse it: ${fix}`],
          related: [{ node: c.decl.name, message: 'the colocation' }],
        });
      } else if (!after) {
        ctx.report({
          node: c.decl.name,
          message: `'${dependent.name}' runs with ${promoted ? `the promoted instance of '${clone.name}'` : `'${clone.name}'`} but is not ordered after ${promoted ? 'its promotion' : 'it'}`,
          help: [`add: ${fix}`],
        });
      } else if (promoted && (after.values.get('first-action')?.value.text ?? 'start') !== action) {
        const first = after.values.get('first-action');
        ctx.report({
          node: first ?? after.decl.name,
          message: `'${dependent.name}' runs with the promoted instance of '${clone.name}', but is ordered after its ${first?.value.text ?? 'start'}, not its promotion`,
          help: ['write first-action=promote'],
        });
      }
    }
  },
};
