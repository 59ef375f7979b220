import { deviceTargets, remoteNodeNames, type FencingLevel, type Machine } from '../../model/model.js';
import { misspelt } from '../../syntax/didyoumean.js';
import type { Rule, RuleContext } from '../rule.js';
import { fencedCluster } from '../examples.js';
import { patternRegExp } from '../../language/fencing-level.js';

/** The nodes a level is for, when the file can tell: its node, or the nodes its pattern matches. */
function targetNodes(ctx: RuleContext, l: FencingLevel): Machine[] | undefined {
  const t = l.target;
  switch (t.kind) {
    case 'node':
      return t.node.target ? [t.node.target] : [];
    case 'pattern': {
      const re = patternRegExp(t.pattern.value.text);
      return re ? ctx.model.nodes.filter((n) => re.test(n.name)) : undefined;
    }
    case 'attribute':
      // Node attributes are set on the running cluster (or by issue 19's node lines): unknown here.
      return undefined;
  }
}

export const ha408: Rule = {
  code: 'HA408',
  name: 'fencing-level-fences-nobody',
  severity: 'warning',
  docs: {
    summary: "A fencing level's target matches no node, or one of its devices cannot fence the node it is for (its pcmk_host_list or pcmk_host_map leaves the node out).",
    rationale:
      "A level for a misspelt node, or a pattern matching no node name, is never used: the node it was meant for is fenced by the other levels, or not at all. A device whose host list leaves the target out is skipped by the fencer for that target, so the level fails every time and the fencer moves on to the next one, after a timeout.",
    bad: fencedCluster(`  fencing-level 1 aa fence
`),
    good: fencedCluster(`  fencing-level 1 a fence
`),
  },
  check(ctx) {
    const m = ctx.model;
    for (const l of m.fencingLevels) {
      const t = l.target;
      if (t.kind === 'node' && !t.node.target && !remoteNodeNames(m).has(t.node.ident.text)) {
        const host = m.machines.get(t.node.ident.text)?.some((h) => h.kind === 'host');
        if (host) ctx.report({ node: t.node.ident, message: `'${t.node.ident.text}' is a host, not a cluster node: the cluster never fences it`, help: ['name a node declared with `node`'] });
        else ctx.report({ node: t.node.ident, message: `fencing level for '${t.node.ident.text}', which is no node of the cluster`, ...misspelt(t.node.ident.text, m.nodes.map((n) => n.name)) });
        continue;
      }
      // A remote or guest node (named by its resource): the checks below are the members'.
      if (t.kind === 'node' && !t.node.target) continue;
      const nodes = targetNodes(ctx, l);
      if (nodes === undefined) continue;
      if (t.kind === 'pattern' && nodes.length === 0) {
        ctx.report({ node: t.pattern, property: 'value', message: `target-pattern '${t.pattern.value.text}' matches no node (${m.nodes.map((n) => n.name).join(', ')})`, help: ['the pattern is matched against node names, anywhere in the name'] });
        continue;
      }
      for (const ref of l.devices) {
        const d = ref.target;
        if (d?.kind !== 'primitive' || !d.agent.fencing) continue;
        const hosts = deviceTargets(d);
        if (!hosts) continue;
        const left = nodes.filter((n) => !hosts.hosts.has(n.name.toLowerCase()));
        if (left.length === 0) continue;
        ctx.report({
          node: ref.ident,
          message: `'${d.name}' cannot fence ${left.map((n) => `'${n.name}'`).join(', ')}: its ${hosts.names.map((a) => a.key.text).join(' and ')} leave${hosts.names.length === 1 ? 's' : ''} ${left.length === 1 ? 'it' : 'them'} out`,
          help: [`add ${left.map((n) => n.name).join(', ')} to ${d.name}'s host list, or use a device that can fence ${left.length === 1 ? 'it' : 'them'} at this level`],
          related: hosts.names.map((a) => ({ node: a, message: 'the hosts it can fence' })),
        });
      }
    }
  },
};
