import { bundleReplicaNames, GUEST_META, REMOTE_AGENT } from '../../model/model.js';
import type * as A from '../../syntax/ast.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha107: Rule = {
  code: 'HA107',
  name: 'node-name-taken',
  severity: 'error',
  docs: {
    summary: "A remote node (an ocf:pacemaker:remote connection's id) or a guest node (a resource's meta remote-node=) is named like a member, a host or another remote or guest node.",
    rationale:
      "Pacemaker knows every node by its name: a remote or guest node named like a cluster member is taken for it (its attributes, its resources and its fencing mix with the member's), and two guests of one name are one node that two resources claim. Names of nodes are one namespace: members, hosts, remote and guest nodes.",
    bad: labCluster(`  primitive vm1 ocf:pacemaker:Dummy {
    meta remote-node=a
  }
`),
    good: labCluster(`  primitive vm1 ocf:pacemaker:Dummy {
    meta remote-node=guest1
  }
`),
  },
  check(ctx) {
    const m = ctx.model;
    const taken = new Map<string, string>();
    for (const n of m.nodes) if (!taken.has(n.name)) taken.set(n.name, `node '${n.name}'`);
    for (const h of m.hosts) if (!taken.has(h.name)) taken.set(h.name, `host '${h.name}'`);
    // In source order: the later of two is the one to rename.
    const remote: { name: string; at: A.Ident | A.Value; what: string }[] = [];
    return {
      primitive(p) {
        if (p.agent.id === REMOTE_AGENT) remote.push({ name: p.name, at: p.decl.name, what: `remote node '${p.name}' (connection ${p.name})` });
        const guest = p.meta.values.get(GUEST_META);
        if (guest) remote.push({ name: guest.value.text, at: guest.value, what: `guest node '${guest.value.text}' (resource ${p.name})` });
      },
      end() {
        for (const b of m.bundles) for (const name of bundleReplicaNames(b)) remote.push({ name, at: b.decl.name, what: `replica node '${name}' (bundle ${b.name})` });
        remote.sort((a, b) => a.at.start - b.at.start);
        for (const r of remote) {
          const other = taken.get(r.name);
          if (other) ctx.report({ node: r.at, message: `${r.what} is named like ${other}: Pacemaker would take one for the other`, help: ['give it a name no member, host, remote or guest node has'] });
          else taken.set(r.name, r.what);
        }
      },
    };
  },
};
