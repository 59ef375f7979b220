import { MAINTAINED_PROPERTIES } from '../../catalogue/roles.js';
import { allAttrs } from '../../model/model.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha436: Rule = {
  code: 'HA436',
  name: 'maintained-property',
  severity: 'warning',
  docs: {
    summary: "A cluster property that Pacemaker's controller writes itself: dc-version, cluster-infrastructure, have-watchdog or last-lrm-refresh.",
    rationale:
      "The controller writes dc-version, cluster-infrastructure and have-watchdog whenever a node becomes the DC, and last-lrm-refresh on every refresh; pcs 0.11 and later refuse to set them. A value in the file describes nothing the cluster does: it is replaced at the next election. `hacc import` leaves them out for that reason.",
    bad: labCluster(`  property no-quorum-policy=stop have-watchdog=true
`),
    good: labCluster(`  property no-quorum-policy=stop
`),
  },
  check(ctx) {
    for (const attr of allAttrs(ctx.model.settings.property)) {
      if (!MAINTAINED_PROPERTIES.includes(attr.key.text)) continue;
      ctx.report({
        node: attr,
        property: 'key',
        message: `'${attr.key.text}' is written by Pacemaker's controller, which replaces this value when a node becomes the DC`,
        help: [`remove property ${attr.key.text}`],
      });
    }
  },
};
