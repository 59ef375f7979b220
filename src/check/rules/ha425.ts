import { bundleReplicaNames, remoteNodeNames } from '../../model/model.js';
import { booleanValue } from '../../model/values.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha425: Rule = {
  code: 'HA425',
  name: 'more-instances-than-nodes',
  severity: 'warning',
  docs: {
    summary: 'A clone asks for more instances (clone-max) or more promoted instances (promoted-max) than the cluster has nodes to run them (members, remote and guest nodes).',
    rationale:
      'The extra instances can never run: the cluster status shows them stopped forever, which hides a real failure, and an operator counting promoted instances is misled.',
    bad: labCluster(`  clone web-clone {
    primitive web ocf:pacemaker:Dummy {
      op monitor interval=10s
    }
    meta clone-max=3
  }
`),
    good: labCluster(`  clone web-clone {
    primitive web ocf:pacemaker:Dummy {
      op monitor interval=10s
    }
    meta clone-max=2
  }
`),
  },
  check(ctx) {
    // Members, remote and guest nodes: clone instances run on all of them (a bundle's replicas
    // run the bundle's own primitive only).
    const replicas = new Set(ctx.model.bundles.flatMap(bundleReplicaNames));
    const nodes = ctx.model.nodes.length + [...remoteNodeNames(ctx.model)].filter((n) => !replicas.has(n)).length;
    if (nodes === 0) return;
    for (const c of ctx.model.clones) {
      const meta = c.meta.values;
      const num = (name: string) => {
        const v = meta.get(name)?.value.text;
        return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
      };
      // Unique instances may share a node (clone-node-max of them each).
      const unique = booleanValue(meta.get('globally-unique')?.value.text ?? 'false') === true;
      const room = nodes * (unique ? (num('clone-node-max') ?? 1) : 1);
      for (const name of ['clone-max', 'promoted-max', 'master-max']) {
        const attr = meta.get(name);
        const n = num(name);
        if (!attr || n === undefined || n <= room) continue;
        ctx.report({
          node: attr,
          message: `${name}=${n} on '${c.name}', but the cluster can run ${room} instance${room === 1 ? '' : 's'} (${nodes} node${nodes === 1 ? '' : 's'}${unique ? ', clone-node-max each' : ''})`,
          help: [`lower ${name} to ${room}, or leave it out (the default is one per node)`],
        });
      }
    }
  },
};
