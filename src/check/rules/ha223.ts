import { ruleSite } from '../../model/model.js';
import { walk } from '../../syntax/walk.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

/** What a rule may test where it stands (Pacemaker's schema and its evaluation of each kind of set). */
const ALLOWED: Record<ReturnType<typeof ruleSite>, { readonly resource: boolean; readonly op: boolean; readonly node: boolean; readonly described: string }> = {
  location: { resource: false, op: false, node: true, described: 'a location rule' },
  params: { resource: false, op: false, node: true, described: "a params set's rule" },
  attributes: { resource: false, op: false, node: true, described: "a node's attributes rule" },
  utilization: { resource: false, op: false, node: true, described: "a utilization set's rule" },
  meta: { resource: false, op: false, node: false, described: "a meta set's rule" },
  property: { resource: false, op: false, node: false, described: "a property set's rule" },
  defaults: { resource: true, op: false, node: false, described: "a defaults set's rule" },
  'op-defaults': { resource: true, op: true, node: false, described: "an op-defaults set's rule" },
};

export const ha223: Rule = {
  code: 'HA223',
  name: 'rule-expression-out-of-place',
  severity: 'error',
  docs: {
    summary: 'A rule expression that cannot apply where it stands: `resource` outside the defaults\' rules, `op` outside the op-defaults\' rules, a node attribute in a meta, property or defaults rule.',
    rationale:
      "A location rule and the rule of a params set are evaluated for a node: there is no resource or operation to match, and the schema keeps `resource` expressions for the resource and operation defaults' rules and `op` expressions for the operation defaults'. The other way round, Pacemaker evaluates the rules of meta attributes, cluster properties and defaults without a node (its rule data has no node attributes), so `rack eq 1` or `#uname eq a` never holds there: only dates (and for the defaults, the resource and operation) decide those sets.",
    bad: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location web-on-a web rule score=100 resource ocf:pacemaker:Dummy
`),
    good: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location web-on-a web rule score=100 "#uname" eq a
`),
  },
  check(ctx) {
    for (const use of ctx.model.rules) {
      const expr = use.rule.decl.expr;
      if (!expr) continue;
      const site = ALLOWED[ruleSite(use)];
      walk(expr, (n) => {
        if ((n.kind === 'rule-resource' && !site.resource) || (n.kind === 'rule-op' && !site.op)) {
          ctx.report({
            node: n.keyword,
            message: `${site.described} has no ${n.kind === 'rule-op' ? 'operation' : 'resource'} to match: '${n.keyword.text}' expressions belong to the ${n.kind === 'rule-op' ? "op-defaults'" : "defaults' and op-defaults'"} rules`,
            help: [site.node ? `${site.described} tests the node: its attributes (#uname, rack…) and the date` : `${site.described} tests the date${site.resource ? ', the resource' : ''}${site.op ? ' and the operation' : ''}`],
          });
        } else if ((n.kind === 'rule-defined' || n.kind === 'rule-compare') && !site.node) {
          ctx.report({
            node: n.attribute,
            message: `${site.described} is evaluated without a node: the node attribute '${n.attribute.text}' is never set there`,
            help: ['Pacemaker evaluates meta, property and defaults rules with no node attributes: decide such a set by date (date-spec, date in_range), or move the node test to a location rule or a params set'],
          });
        }
      });
    }
  },
};
