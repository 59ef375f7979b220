import { allAttrs } from '../../model/model.js';
import { misspelt } from '../../syntax/didyoumean.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha404: Rule = {
  code: 'HA404',
  name: 'unknown-property',
  severity: 'error',
  docs: {
    summary: 'A cluster property that Pacemaker does not know.',
    rationale: "Pacemaker stores any name in crm_config and ignores the ones it does not know: a misspelt property (stonith-enable) changes nothing, silently.",
    bad: labCluster(`  property symetric-cluster=true
`),
    good: labCluster(`  property symmetric-cluster=true
`),
  },
  check(ctx) {
    for (const attr of allAttrs(ctx.model.settings.property)) {
      if (ctx.catalogue.property(attr.key.text)) continue;
      ctx.report({ node: attr, property: 'key', message: `unknown cluster property '${attr.key.text}'`, ...misspelt(attr.key.text, ctx.catalogue.propertyNames()) });
    }
  },
};
