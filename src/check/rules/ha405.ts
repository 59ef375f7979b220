import { valueProblem } from '../../model/values.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha405: Rule = {
  code: 'HA405',
  name: 'invalid-property-value',
  severity: 'error',
  docs: {
    summary: "A cluster property's value is not of its type or not one of its allowed values.",
    rationale: 'Pacemaker falls back to the default for a value it cannot parse, so `no-quorum-policy=ignroe` quietly means stop.',
    bad: labCluster(`  property symmetric-cluster=nope
`),
    good: labCluster(`  property symmetric-cluster=false
`),
  },
  check(ctx) {
    for (const attr of ctx.model.settings.property.attrs) {
      const fact = ctx.catalogue.property(attr.key.text);
      const problem = fact && valueProblem(fact.type, attr.value.text, fact.values);
      if (!problem) continue;
      ctx.report({
        node: attr,
        property: 'value',
        message: `${attr.key.text}: ${problem}`,
        help: fact.default !== undefined ? [`the default is ${fact.default}`] : [],
      });
    }
  },
};
