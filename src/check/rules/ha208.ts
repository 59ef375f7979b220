import { allAttrs } from '../../model/model.js';
import { durationMs, valueProblem } from '../../model/values.js';

/** Actions that cannot recur: crm_verify (Pacemaker 2.1.5) ignores them with an interval (notify and reload may recur). */
const ONE_SHOT = ['start', 'stop', 'promote', 'demote', 'migrate_to', 'migrate_from', 'reload-agent'];
import { misspelt } from '../../syntax/didyoumean.js';
import type * as A from '../../syntax/ast.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha208: Rule = {
  code: 'HA208',
  name: 'invalid-op-attribute',
  severity: 'error',
  docs: {
    summary: 'An op attribute Pacemaker does not know, or a value it cannot use (on-fail, role, timeout/interval syntax, an interval on an op that cannot recur).',
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
    const verdicts = new Map<(typeof facts)[number], Map<string, string | undefined>>();
    const factOf = new Map<string, (typeof facts)[number]>();
    for (const f of facts) if (!factOf.has(f.name)) factOf.set(f.name, f);
    const judge = (attr: A.Attr, inOp: boolean) => {
      // An op's `id=` is its CIB id (HA101, HA102 check it), not an attribute Pacemaker reads.
      if (attr.key.text === 'id') return;
      const fact = factOf.get(attr.key.text);
      if (!fact) {
        // Unknown op-defaults keys are HA203's, like other defaults.
        if (inOp) ctx.report({ node: attr, property: 'key', message: `unknown op attribute '${attr.key.text}'`, ...misspelt(attr.key.text, names) });
        return;
      }
      // A file repeats a few values (10s, 20s, restart…) thousands of times: judge each once.
      let judged = verdicts.get(fact);
      if (!judged) verdicts.set(fact, (judged = new Map()));
      let problem = judged.get(attr.value.text);
      if (!judged.has(attr.value.text)) judged.set(attr.value.text, (problem = valueProblem(fact.type, attr.value.text, fact.values)));
      if (problem) ctx.report({ node: attr, property: 'value', message: `${attr.key.text}: ${problem}` });
    };
    for (const attr of allAttrs(ctx.model.settings['op-defaults'])) judge(attr, false);
    // crm_verify: "Ignoring … because start action cannot be recurring" (config not valid).
    for (const name of ONE_SHOT) {
      for (const op of ctx.model.opsByName.get(name) ?? []) {
        const interval = op.values.get('interval');
        const ms = interval ? durationMs(interval.value.text) : undefined;
        if (!interval || ms === undefined || ms === 0) continue;
        ctx.report({
          node: interval,
          property: 'value',
          message: `${name} cannot recur: an interval of ${interval.value.text} makes Pacemaker ignore this op`,
          help: [`drop interval= from op ${name} (only monitor recurs)`],
        });
      }
    }
    return {
      primitive(p) {
        for (const op of p.ops) {
          for (const attr of op.decl.attrs) judge(attr, true);
          // An op's { meta … } holds op attributes too; its { params … } are the agent's.
          for (const attr of op.meta.attrs) judge(attr, true);
        }
      },
    };
  },
};
