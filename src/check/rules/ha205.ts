import { allAttrs } from '../../model/model.js';
import { SET_SCORE_KEY } from '../../language/attribute-set.js';
import { MAX_LEVEL_INDEX } from '../../language/fencing-level.js';
import { CLONE_META, PROMOTABLE_META } from '../../language/clone.js';
import { corosyncKeys } from '../../language/corosync.js';
import { keyFact, statementKeys } from '../../language/index.js';
import { TIMEOUT_ACTIONS } from '../../language/sbd.js';
import { RESOURCE_SET_KEY_FACTS } from '../../language/resource-set.js';
import { DATE_SPEC_VALUE, ISO_DATE, RULE_KEYS, TYPED_VALUE } from '../../language/rule.js';
import { walk } from '../../syntax/walk.js';
import { booleanValue, valueProblem } from '../../model/values.js';
import type * as A from '../../syntax/ast.js';
import { effectiveType, paramFindings } from '../params.js';
import type { Rule, RuleContext } from '../rule.js';
import { labCluster } from '../examples.js';

/** The sbd options whose values are not one type: SBD_DELAY_START (yes, no or seconds), SBD_TIMEOUT_ACTION (a pair). */
function sbdValueProblem(a: A.Attr): string | undefined {
  const v = a.value.text;
  if (a.key.text === 'SBD_DELAY_START') return /^(?:yes|no|\d+)$/.test(v) ? undefined : `'${v}' is not yes, no or a number of seconds`;
  if (a.key.text !== 'SBD_TIMEOUT_ACTION') return undefined;
  const parts = v.split(',');
  const kinds = parts.map((p) => ((TIMEOUT_ACTIONS.flush as readonly string[]).includes(p) ? 'flush' : (TIMEOUT_ACTIONS.action as readonly string[]).includes(p) ? 'action' : undefined));
  const ok = parts.length <= 2 && kinds.every((k) => k !== undefined) && new Set(kinds).size === kinds.length;
  return ok ? undefined : `'${v}' is not one of ${TIMEOUT_ACTIONS.flush.join('/')} and one of ${TIMEOUT_ACTIONS.action.join('/')} (or both, comma-separated)`;
}

function checkMeta(ctx: RuleContext, attrs: readonly A.Attr[]): void {
  for (const attr of attrs) {
    const fact = ctx.catalogue.resourceMeta.find((m) => m.name === attr.key.text);
    const problem = fact && valueProblem(fact.type, attr.value.text, fact.values, fact.anyCase);
    if (problem) ctx.report({ node: attr, property: 'value', message: `${attr.key.text}: ${problem}` });
  }
}

/** A rule's own values (score, role) and its expression's: dates, date-spec and duration values, typed comparisons. */
function checkRule(ctx: RuleContext, clause: A.RuleClause): void {
  for (const a of clause.attrs) {
    const fact = RULE_KEYS.find((k) => k.name === a.key.text);
    const problem = fact && fact.name !== 'id' && valueProblem(fact.type, a.value.text, fact.values);
    if (problem) ctx.report({ node: a, property: 'value', message: `${a.key.text}: ${problem}` });
  }
  if (!clause.expr) return;
  const date = (v: A.Value | undefined) => {
    if (v && !ISO_DATE.test(v.text)) ctx.report({ node: v, message: `'${v.text}' is not an ISO 8601 date`, help: ['write 2030-01-31, or 2030-01-31T18:00:00 with a time'] });
  };
  const numbers = (attrs: readonly A.Attr[], pattern: RegExp, what: string) => {
    for (const a of attrs) if (!pattern.test(a.value.text)) ctx.report({ node: a, property: 'value', message: `${a.key.text}: '${a.value.text}' is not ${what}` });
  };
  walk(clause.expr, (n) => {
    switch (n.kind) {
      case 'rule-date':
        date(n.from);
        date(n.to);
        if (n.duration) numbers(n.duration, /^\d+$/, 'a whole number');
        return;
      case 'rule-date-spec':
        return numbers(n.attrs, DATE_SPEC_VALUE, 'a number or a range of two (9-16)');
      case 'rule-compare': {
        const type = n.type?.text.toLowerCase();
        const pattern = type && !n.source ? TYPED_VALUE[type] : undefined;
        if (pattern && !pattern.test(n.value.text)) ctx.report({ node: n.value, message: `'${n.value.text}' is not ${type === 'integer' ? 'an integer' : type === 'number' ? 'a number' : 'a version (1, 1.2, 1.2.3…)'}, as the comparison's type says` });
        return;
      }
      case 'rule-op': {
        const interval = n.attrs.find((a) => a.key.text === 'interval');
        const problem = interval && valueProblem('time', interval.value.text);
        if (problem) ctx.report({ node: interval, property: 'value', message: `interval: ${problem}` });
        return;
      }
      default:
        return;
    }
  });
}

export const ha205: Rule = {
  code: 'HA205',
  name: 'invalid-value',
  severity: 'error',
  docs: {
    summary: 'A parameter, meta attribute, constraint value or fencing level index of the wrong type or outside its allowed set.',
    rationale: "Agents and Pacemaker read a value they cannot parse as something else (often the default): `lanplus=maybe` is false, `target-role=begun` is an unknown role at run time (a role in another case, `started`, is the role: Pacemaker reads roles in any case).",
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
    for (const g of m.groups) checkMeta(ctx, allAttrs(g.meta));
    for (const c of m.clones) {
      checkMeta(ctx, allAttrs(c.meta));
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
    for (const b of m.bundles) {
      checkMeta(ctx, allAttrs(b.meta));
      for (const line of b.decl.items) {
        if (line.kind !== 'bundle-line') continue;
        for (const a of line.attrs) {
          const fact = keyFact(line.keyword.text, a.key.text);
          const problem = fact && fact.name !== 'id' && valueProblem(fact.type, a.value.text, fact.values);
          if (problem) ctx.report({ node: a, property: 'value', message: `${a.key.text}: ${problem}` });
        }
      }
    }
    checkMeta(ctx, allAttrs(m.settings.defaults));
    for (const l of m.fencingLevels) {
      if (l.index !== undefined && l.index <= MAX_LEVEL_INDEX) continue;
      ctx.report({ node: l.decl.index, message: `fencing level index '${l.decl.index.text}' is not one of 1 to ${MAX_LEVEL_INDEX}`, help: [`Pacemaker's fencer takes levels 1 to ${MAX_LEVEL_INDEX}, tried in that order`] });
    }
    // The sbd block's values (its keys are the language's), and the corosync options' where their
    // line takes them (HA414 reports the others).
    for (const line of m.sbd?.decl ? [m.sbd.decl, ...m.sbd.extra].flatMap((b) => b.body) : []) {
      for (const a of line.attrs) {
        const fact = keyFact(line.keyword.text, a.key.text);
        const problem = fact && (sbdValueProblem(a) ?? valueProblem(fact.type, a.value.text, fact.values));
        if (problem) ctx.report({ node: a, property: 'value', message: `${a.key.text}: ${problem}` });
      }
    }
    for (const line of m.corosync.lines) {
      const keys = corosyncKeys(line.keyword.text, m.corosync.transport, m.platform);
      if (typeof keys === 'string') continue;
      for (const a of line.attrs) {
        const fact = keys.find((k) => k.name === a.key.text);
        const problem = fact && valueProblem(fact.type, a.value.text, fact.values);
        if (problem) ctx.report({ node: a, property: 'value', message: `${a.key.text}: ${problem}` });
      }
    }
    for (const l of m.corosync.links) {
      const word = l.line.words[0];
      if (word && l.number === undefined) ctx.report({ node: word, message: `link number '${word.text}' is not one of 0 to 7`, help: ['knet numbers its links 0 to 7; link 0 is the first addr= of each node'] });
    }
    for (const { rule } of m.rules) checkRule(ctx, rule.decl);
    for (const b of m.ownSets) {
      const problem = b.score && valueProblem('score', b.score.value.text);
      if (problem) ctx.report({ node: b.score!, property: 'value', message: `${SET_SCORE_KEY}: ${problem}` });
    }
    for (const c of m.constraints) {
      for (const set of c.kind === 'location' ? [] : c.sets) {
        for (const a of set.decl.attrs) {
          const fact = RESOURCE_SET_KEY_FACTS.find((k) => k.name === a.key.text);
          const problem = fact && fact.name !== 'id' && valueProblem(fact.type, a.value.text, fact.values);
          if (problem) ctx.report({ node: a, property: 'value', message: `${a.key.text}: ${problem}` });
        }
      }
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
    return {
      primitive(p) {
        for (const f of paramFindings(p, ctx.catalogue)) {
          if (f.kind !== 'invalid') continue;
          const problem = valueProblem(effectiveType(f.fact), f.attr.value.text, f.fact.values) ?? `'${f.attr.value.text}' is not a valid ${effectiveType(f.fact)}`;
          ctx.report({ node: f.attr, property: 'value', message: `${f.attr.key.text}: ${problem}` });
        }
        checkMeta(ctx, allAttrs(p.meta));
      },
    };
  },
};
