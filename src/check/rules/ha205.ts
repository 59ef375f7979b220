import { MAX_LEVEL_INDEX } from '../../language/fencing-level.js';
import { CLONE_META, PROMOTABLE_META } from '../../language/clone.js';
import { keyFact, statementKeys } from '../../language/index.js';
import { booleanValue, valueProblem } from '../../model/values.js';
import type * as A from '../../syntax/ast.js';
import { effectiveType, paramFindings } from '../params.js';
import type { Rule, RuleContext } from '../rule.js';
import { labCluster } from '../examples.js';

function checkMeta(ctx: RuleContext, attrs: readonly A.Attr[]): void {
  for (const attr of attrs) {
    const fact = ctx.catalogue.resourceMeta.find((m) => m.name === attr.key.text);
    const problem = fact && valueProblem(fact.type, attr.value.text, fact.values);
    if (problem) ctx.report({ node: attr, property: 'value', message: `${attr.key.text}: ${problem}` });
  }
}

export const ha205: Rule = {
  code: 'HA205',
  name: 'invalid-value',
  severity: 'error',
  docs: {
    summary: 'A parameter, meta attribute, constraint value or fencing level index of the wrong type or outside its allowed set.',
    rationale: "Agents and Pacemaker read a value they cannot parse as something else (often the default): `lanplus=maybe` is false, `target-role=started` is an error at run time.",
    bad: labCluster(`  primitive p ocf:pacemaker:Dummy {
    meta migration-threshold=three
    op monitor interval=10s
  }
`),
    good: labCluster(`  primitive p ocf:pacemaker:Dummy {
    meta migration-threshold=3
    op monitor interval=10s
  }
`),
  },
  check(ctx) {
    const m = ctx.model;
    for (const p of m.primitives) {
      for (const f of paramFindings(p, ctx.catalogue)) {
        if (f.kind !== 'invalid') continue;
        const problem = valueProblem(effectiveType(f.fact), f.attr.value.text, f.fact.values) ?? `'${f.attr.value.text}' is not a valid ${effectiveType(f.fact)}`;
        ctx.report({ node: f.attr, property: 'value', message: `${f.attr.key.text}: ${problem}` });
      }
      checkMeta(ctx, p.meta.attrs);
    }
    for (const g of m.groups) checkMeta(ctx, g.meta.attrs);
    for (const c of m.clones) {
      checkMeta(ctx, c.meta.attrs);
      for (const attr of c.meta.attrs) {
        const fact = CLONE_META.find((k) => k.name === attr.key.text);
        const problem = fact && valueProblem(fact.type, attr.value.text, fact.values);
        if (problem) ctx.report({ node: attr, property: 'value', message: `${attr.key.text}: ${problem}` });
        else if (attr.key.text === 'clone-node-max' && /^\d+$/.test(attr.value.text) && Number(attr.value.text) > 1 && booleanValue(c.meta.values.get('globally-unique')?.value.text ?? 'false') !== true) {
          // crm_verify: "anonymous clones support only one instance per node", config not valid.
          ctx.report({
            node: attr,
            property: 'value',
            message: `clone-node-max=${attr.value.text} on '${c.name}' needs globally-unique=true: anonymous instances run one per node, and Pacemaker rejects more`,
            help: ['add globally-unique=true if the instances really differ (an IPaddr2 clone spreading one address), or drop clone-node-max'],
          });
        } else if (attr.key.text === PROMOTABLE_META && !c.promotable && booleanValue(attr.value.text) === true) {
          ctx.report({ node: attr, message: `a promotable clone is written 'promotable ${c.name} { … }', not with meta promotable=true`, help: [`write promotable ${c.name} { … } and drop promotable=true`] });
        }
      }
    }
    checkMeta(ctx, m.settings.defaults.attrs);
    for (const l of m.fencingLevels) {
      if (l.index !== undefined && l.index <= MAX_LEVEL_INDEX) continue;
      ctx.report({ node: l.decl.index, message: `fencing level index '${l.decl.index.text}' is not one of 1 to ${MAX_LEVEL_INDEX}`, help: [`Pacemaker's fencer takes levels 1 to ${MAX_LEVEL_INDEX}, tried in that order`] });
    }
    for (const c of m.constraints) {
      const scores = c.kind === 'location' ? c.decl.targets.flatMap((t) => (t.score ? [t.score] : [])) : c.decl.attrs.filter((a) => a.key.text === 'score').map((a) => a.value);
      for (const v of scores) {
        const problem = valueProblem('score', v.text);
        if (problem) ctx.report({ node: v, message: problem });
      }
      // The keys whose values the language closes (vocabulary of each constraint).
      const keys = statementKeys(c.kind) ?? [];
      for (const a of c.decl.attrs) {
        const values = keyFact(c.kind, a.key.text)?.values;
        const problem = values && keys.includes(a.key.text) && valueProblem('select', a.value.text, values);
        if (problem) ctx.report({ node: a, property: 'value', message: `${a.key.text}: ${problem}` });
      }
    }
  },
};
