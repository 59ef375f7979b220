import { resourceByName } from '../../model/model.js';
import type * as A from '../../syntax/ast.js';
import { suggestion } from '../../syntax/didyoumean.js';
import type { Rule, RuleContext } from '../rule.js';
import { labCluster } from '../examples.js';

function unknown(ctx: RuleContext, ref: A.Ident, kind: string, candidates: Iterable<string>): void {
  ctx.report({ node: ref, message: `unknown ${kind} '${ref.text}'`, help: suggestion(ref.text, candidates) });
}

export const ha103: Rule = {
  code: 'HA103',
  name: 'unknown-reference',
  severity: 'error',
  docs: {
    summary: 'A group member, constraint or location names a resource or node that is not declared.',
    rationale:
      'pcs refuses a constraint on a resource that does not exist, and a location on a misspelt node silently never applies: the resource runs wherever Pacemaker likes.',
    bad: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location web-prefers-a web prefers aa=100
`),
    good: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location web-prefers-a web prefers a=100
`),
  },
  check(ctx) {
    const m = ctx.model;
    const resources = [...m.primitives, ...m.groups].map((r) => r.name.text);
    const primitives = m.primitives.map((p) => p.name.text);
    const nodes = m.nodes.map((n) => n.name.text);
    for (const g of m.groups) {
      for (const item of g.items) {
        if (item.kind === 'member' && !resourceByName(m, item.ref.text)) unknown(ctx, item.ref, 'resource', primitives);
      }
    }
    for (const c of m.constraints) {
      for (const ref of c.kind === 'location' ? [c.resource] : [c.resource, c.target]) {
        if (!resourceByName(m, ref.text)) unknown(ctx, ref, 'resource', resources);
      }
      if (c.kind !== 'location') continue;
      for (const t of c.targets) {
        if (m.nodes.some((n) => n.name.text === t.node.text)) continue;
        if (m.hosts.some((h) => h.name.text === t.node.text)) {
          ctx.report({
            node: t.node,
            message: `'${t.node.text}' is a host, not a cluster node: resources cannot run there`,
            help: ['name a node declared with `node`'],
          });
        } else unknown(ctx, t.node, 'node', nodes);
      }
    }
  },
};
