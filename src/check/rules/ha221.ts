import { settingValue } from '../../model/model.js';
import type { Rule } from '../rule.js';

const NODES = (strategy: string) => `cluster vm {
  node a addr=10.0.0.1/24 {
    utilization cpu=8 memory=65536
  }
  node b addr=10.0.0.2/24 {
    utilization cpu=8 memory=65536
  }
  property stonith-enabled=false${strategy}
}
`;

export const ha221: Rule = {
  code: 'HA221',
  name: 'utilization-ignored',
  severity: 'warning',
  docs: {
    summary: "Utilization that does not work as written: declared while placement-strategy is default (Pacemaker never reads it), or a resource needing more of a capacity than any node has (it runs nowhere).",
    rationale:
      "Pacemaker counts utilization only with placement-strategy utilization, minimal or balanced; with default (the default) the capacities are ignored and resources are placed as if they had none, which a VM cluster sized by them does not expect. Once it counts them, a node gives a resource only what the node declares (a capacity it does not declare is 0): a resource that needs more than the largest node has is never started (crm_simulate: cpu=16 on nodes of cpu=8, or memory=1 on nodes that declare no memory).",
    bad: NODES(''),
    good: NODES('\n  property placement-strategy=balanced'),
  },
  check(ctx) {
    const m = ctx.model;
    const sized = [...m.nodes, ...m.remoteNodes].filter((n) => n.utilization.attrs.length > 0);
    const needs = m.primitives.filter((p) => p.utilization.attrs.length > 0);
    if (sized.length === 0 && needs.length === 0) return;
    const strategy = settingValue(m, 'property', 'placement-strategy');
    if (strategy === undefined || strategy.value.text === 'default') {
      const first = sized[0] ?? needs[0]!;
      const where = sized.length > 0 ? (sized.length === 1 ? `node '${sized[0]!.name}'` : `${sized.length} nodes`) : needs.length === 1 ? `resource '${needs[0]!.name}'` : `${needs.length} resources`;
      ctx.report({
        node: first.utilization.lines[0]!.keyword,
        message: `utilization is declared on ${where}, but placement-strategy is ${strategy ? 'default' : 'not set (default)'}: Pacemaker ignores it`,
        help: ['property placement-strategy=balanced (or utilization, minimal) makes Pacemaker count it'],
        ...(strategy ? { related: [{ node: strategy, message: 'placement-strategy here' }] } : {}),
      });
      return;
    }
    // The largest of each capacity over the nodes (a node that does not declare one has 0 of it).
    const largest = new Map<string, number>();
    for (const n of sized) {
      for (const [name, a] of n.utilization.values) {
        const v = Number(a.value.text);
        if (Number.isFinite(v)) largest.set(name, Math.max(largest.get(name) ?? 0, v));
      }
    }
    for (const p of needs) {
      for (const [name, a] of p.utilization.values) {
        const need = Number(a.value.text);
        const most = largest.get(name) ?? 0;
        if (!Number.isFinite(need) || need <= most) continue;
        ctx.report({
          node: a,
          property: 'value',
          message: `'${p.name}' needs ${name}=${a.value.text}, more than any node has (${largest.has(name) ? `the largest ${most}` : `no node declares ${name}`}): Pacemaker starts it nowhere`,
          help: [largest.has(name) ? `lower it to at most ${most}, or give a node more ${name}` : `declare ${name} on the nodes (node NAME { utilization ${name}=… })`],
        });
      }
    }
  },
};
