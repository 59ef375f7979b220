import { valueProblem } from '../../model/values.js';
import { suggestion } from '../../syntax/didyoumean.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha208: Rule = {
  code: 'HA208',
  name: 'invalid-op-attribute',
  severity: 'error',
  docs: {
    summary: 'An op attribute Pacemaker does not know, or a value it cannot use (on-fail, role, timeout/interval syntax).',
    rationale: 'A timeout of `20x` or an on-fail of `restrat` passes the schema and crm_verify, then Pacemaker falls back to defaults on the day it matters.',
    bad: labCluster(`  primitive p ocf:pacemaker:Dummy {
    op monitor interval=10s timeout=20x
  }
`),
    good: labCluster(`  primitive p ocf:pacemaker:Dummy {
    op monitor interval=10s timeout=20s
  }
`),
  },
  check(ctx) {
    const facts = ctx.catalogue.opMeta;
    const names = facts.map((f) => f.name);
    const opsAndDefaults = [
      ...ctx.model.primitives.flatMap((p) => p.ops.flatMap((op) => op.attrs)),
      ...ctx.model.settings.filter((s) => s.kind === 'op-defaults').flatMap((s) => s.attrs),
    ];
    for (const attr of opsAndDefaults) {
      // An op's `id=` is its CIB id (HA101, HA102 check it), not an attribute Pacemaker reads.
      if (attr.key.text === 'id') continue;
      const fact = facts.find((f) => f.name === attr.key.text);
      if (!fact) {
        // Unknown op-defaults keys are HA203's, like other defaults.
        const inOp = ctx.model.primitives.some((p) => p.ops.some((op) => op.attrs.includes(attr)));
        if (inOp) ctx.report({ node: attr, property: 'key', message: `unknown op attribute '${attr.key.text}'`, help: suggestion(attr.key.text, names) });
        continue;
      }
      const problem = valueProblem(fact.type, attr.value.text, fact.values);
      if (problem) ctx.report({ node: attr, property: 'value', message: `${attr.key.text}: ${problem}` });
    }
  },
};
