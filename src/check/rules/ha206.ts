import { durationMs } from '../../model/values.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha206: Rule = {
  code: 'HA206',
  name: 'monitor-without-interval',
  severity: 'warning',
  docs: {
    summary: 'A monitor op without an interval (or with interval=0): no recurring health check would run.',
    rationale: 'A monitor with interval 0 is a one-off probe. The resource is never checked again, so a dead service stays "Started" until someone looks.',
    bad: labCluster(`  primitive p ocf:pacemaker:Dummy {
    op monitor timeout=20s
  }
`),
    good: labCluster(`  primitive p ocf:pacemaker:Dummy {
    op monitor interval=10s timeout=20s
  }
`),
  },
  check(ctx) {
    return {
      primitive(p) {
        for (const op of p.ops) {
          if (op.name !== 'monitor') continue;
          const interval = op.values.get('interval');
          if (interval && durationMs(interval.value.text) !== 0) continue;
          ctx.report({ node: interval?.value ?? op.decl.name, message: `monitor of '${p.name}' has no interval: it would never run again after the first probe`, help: ['add interval=10s (or what the agent advises)'] });
        }
      },
    };
  },
};
