import { isPromotionRole } from '../../language/roles.js';
import { cloneOf } from '../../model/model.js';
import { booleanValue } from '../../model/values.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

const PROMOTABLE = `  promotable db-clone {
    primitive db ocf:pacemaker:Stateful {
      op monitor interval=10s role=Promoted
      op monitor interval=11s role=Unpromoted
    }
  }
`;

export const ha429: Rule = {
  code: 'HA429',
  name: 'ticket-loss-policy-cannot-act',
  severity: 'error',
  docs: {
    summary: "A ticket's loss-policy that cannot act as written: `fence` with fencing disabled (an error), `demote` without a promotable resource in role Promoted (a warning).",
    rationale:
      "loss-policy=fence fences the nodes running the resource when the ticket is lost, which a cluster without fencing cannot do: Pacemaker 2.1.5's crm_verify calls such a configuration invalid (\"Resetting 'loss-policy' … to 'stop' because fencing is not configured\"). loss-policy=demote demotes the Promoted instances; for anything else there is nothing to demote and Pacemaker stops the resource instead, which its own regression test ticket-clone-17 (a clone in role Started) expects: Pacemaker accepts that one, so hacc only warns.",
    bad: labCluster(`${PROMOTABLE}  ticket db-needs-a db-clone needs ticketA loss-policy=fence
`),
    good: labCluster(`${PROMOTABLE}  ticket db-needs-a db-clone needs ticketA rsc-role=Promoted loss-policy=demote
`),
  },
  check(ctx) {
    const m = ctx.model;
    const stonith = m.settings.property.values.get('stonith-enabled');
    const fencingOff = stonith !== undefined && booleanValue(stonith.value.text) === false;
    for (const c of m.constraints) {
      if (c.kind !== 'ticket') continue;
      const loss = c.values.get('loss-policy');
      if (!loss) continue;
      if (loss.value.text === 'demote') {
        const role = c.values.get('rsc-role')?.value.text;
        const promotable = c.rsc?.target !== undefined && cloneOf(c.rsc.target)?.promotable === true;
        if (!promotable || role === undefined || !isPromotionRole(role) || /^(unpromoted|slave)$/i.test(role)) {
          ctx.report({
            node: loss,
            property: 'value',
            severity: 'warning',
            message: `loss-policy=demote needs a promotable resource and rsc-role=Promoted: ticket '${c.name}' has nothing to demote, and Pacemaker stops it instead`,
            help: promotable ? ['add rsc-role=Promoted'] : ['use loss-policy=stop (the default) for a resource that is not promotable'],
          });
        }
      } else if (loss.value.text === 'fence' && fencingOff) {
        ctx.report({ node: loss, property: 'value', message: 'loss-policy=fence with fencing disabled (stonith-enabled=false): the nodes cannot be fenced', help: ['use loss-policy=stop, or enable fencing'], related: [{ node: stonith!, message: 'fencing disabled here' }] });
      }
    }
  },
};
