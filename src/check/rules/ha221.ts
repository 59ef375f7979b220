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
    summary: 'Nodes declare utilization (capacities) but placement-strategy is default, so Pacemaker never reads them.',
    rationale:
      "Pacemaker counts utilization only with placement-strategy utilization, minimal or balanced; with default (the default) the capacities are ignored and resources are placed as if they had none, which a VM cluster sized by them does not expect.",
    bad: NODES(''),
    good: NODES('\n  property placement-strategy=balanced'),
  },
  check(ctx) {
    const m = ctx.model;
    const sized = m.nodes.filter((n) => n.utilization.attrs.length > 0);
    if (sized.length === 0) return;
    const strategy = settingValue(m, 'property', 'placement-strategy');
    if (strategy !== undefined && strategy.value.text !== 'default') return;
    ctx.report({
      node: sized[0]!.utilization.lines[0]!.keyword,
      message: `utilization is declared on ${sized.length === 1 ? `node '${sized[0]!.name}'` : `${sized.length} nodes`}, but placement-strategy is ${strategy ? 'default' : 'not set (default)'}: Pacemaker ignores it`,
      help: ['property placement-strategy=balanced (or utilization, minimal) makes Pacemaker count it'],
      ...(strategy ? { related: [{ node: strategy, message: 'placement-strategy here' }] } : {}),
    });
  },
};
