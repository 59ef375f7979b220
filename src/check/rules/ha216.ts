import { fencingDisabledBy } from '../../model/model.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha216: Rule = {
  code: 'HA216',
  name: 'on-fail-cannot-act',
  severity: 'warning',
  docs: {
    summary:
      "An op's on-fail that cannot act: demote on anything but a promote op or a Promoted monitor, or fence while fencing is off.",
    rationale:
      'Pacemaker falls back to its default reaction when on-fail cannot apply: demote needs a promoted instance to demote, fence a fencing device. The failure is then handled in a way the file does not say.',
    bad: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s on-fail=fence
  }
`),
    good: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s on-fail=restart
  }
`),
  },
  check(ctx) {
    const fencingOff = fencingDisabledBy(ctx.model);
    for (const op of ctx.model.opsWith.get('on-fail') ?? []) {
      const p = op.primitive;
      const onFail = op.values.get('on-fail')!;
      const value = onFail.value.text.toLowerCase();
      const role = op.values.get('role')?.value.text;
      const promotedMonitor = op.name === 'monitor' && (role?.toLowerCase() === 'promoted' || role?.toLowerCase() === 'master');
      if (value === 'demote' && op.name !== 'promote' && !promotedMonitor) {
        ctx.report({
          node: onFail,
          property: 'value',
          message: `on-fail=demote on ${op.name}${role ? ` (role ${role})` : ''} of '${p.name}': only a promote op or a Promoted monitor can demote`,
          help: ['use it on op promote or on op monitor … role=Promoted, or choose restart'],
        });
      } else if (value === 'fence' && fencingOff) {
        ctx.report({
          node: onFail,
          property: 'value',
          message: `on-fail=fence on ${op.name} of '${p.name}', but fencing is off: the node cannot be fenced`,
          help: ['configure fencing, or choose block or restart'],
          related: [{ node: fencingOff, message: 'fencing is turned off here' }],
        });
      }
    }
  },
};
