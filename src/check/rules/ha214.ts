import { booleanValue } from '../../model/values.js';
import { CLONE_NOTIFY_AGENTS } from '../../language/clone.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha214: Rule = {
  code: 'HA214',
  name: 'clone-meta-cannot-work',
  severity: 'warning',
  docs: {
    summary:
      'Clone meta attributes that cannot work together: promoted-max above clone-max, or notify off for an agent that needs notifications (DRBD, PostgreSQL auto-failover).',
    rationale:
      'More promoted instances than instances can never exist; and DRBD and PAF take their peers from notifications: without notify=true the DRBD agent refuses to start and PAF cannot fail over.',
    bad: labCluster(`  promotable db-clone {
    primitive db ocf:pacemaker:Stateful {
      op monitor interval=10s role=Promoted
      op monitor interval=11s role=Unpromoted
    }
    meta clone-max=1 promoted-max=2
  }
`),
    good: labCluster(`  promotable db-clone {
    primitive db ocf:pacemaker:Stateful {
      op monitor interval=10s role=Promoted
      op monitor interval=11s role=Unpromoted
    }
    meta clone-max=2 promoted-max=1
  }
`),
  },
  check(ctx) {
    for (const c of ctx.model.clones) {
      const meta = c.meta.values;
      const num = (name: string) => {
        const v = meta.get(name)?.value.text;
        return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
      };
      const promotedMax = meta.get('promoted-max') ?? meta.get('master-max');
      const cloneMax = num('clone-max');
      const promoted = promotedMax && /^\d+$/.test(promotedMax.value.text) ? Number(promotedMax.value.text) : undefined;
      if (promotedMax && promoted !== undefined && cloneMax !== undefined && promoted > cloneMax) {
        ctx.report({
          node: promotedMax,
          message: `${promotedMax.key.text}=${promoted} is more than clone-max=${cloneMax}: at most ${cloneMax} instances can be promoted`,
          help: [`lower ${promotedMax.key.text} to ${cloneMax} or raise clone-max`],
        });
      }
      const needs = (c.child?.kind === 'primitive' ? [c.child] : (c.child?.members ?? [])).find((p) => CLONE_NOTIFY_AGENTS.includes(p.agent.standard));
      const notify = meta.get('notify');
      if (needs && booleanValue(notify?.value.text ?? 'false') !== true) {
        ctx.report({
          node: notify ?? c.decl.name,
          message: `${needs.agent.standard} ('${needs.name}') needs notifications, and '${c.name}' ${notify ? 'turns them off' : 'does not turn them on'}`,
          help: ['write meta notify=true on the clone'],
        });
      }
    }
  },
};
