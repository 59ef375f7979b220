import { GUEST_META, REMOTE_AGENT } from '../../model/model.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';


export const ha222: Rule = {
  code: 'HA222',
  name: 'remote-node-misplaced',
  severity: 'error',
  docs: {
    summary: 'A remote node connection (ocf:pacemaker:remote) inside a group or clone, a guest node resource (meta remote-node=) inside a clone, remote-node= on a fencing device.',
    rationale:
      "The schema lets them stand there, but Pacemaker's scheduler cannot place such a remote node: with the connection in a group or clone, crm_verify 2.1.5 stops at a fatal assertion (remote_connection_assigned: remote_node != NULL) and the remote node never joins; a cloned guest resource starts its instances, and the guest node never comes up. A guest resource in a group works (the group's VM and its storage, say). A fencing device is no VM or container: the cluster fences a guest node by stopping its resource, so a device as a guest leaves nothing to fence it with.",
    bad: labCluster(`  group remotes {
    primitive rnode1 ocf:pacemaker:remote {
      params server=10.0.0.60
    }
  }
`),
    good: labCluster(`  primitive rnode1 ocf:pacemaker:remote {
    params server=10.0.0.60
  }
`),
  },
  check(ctx) {
    return {
      primitive(p) {
        const guest = p.meta.values.get(GUEST_META);
        if (guest && p.agent.fencing) {
          ctx.report({ node: guest, property: 'key', message: `fencing device '${p.name}' cannot be a guest node (${GUEST_META}=${guest.value.text})`, help: [`set ${GUEST_META}= on the VM or container resource that runs the guest`] });
        }
        const holder = p.parent;
        const what = p.agent.id === REMOTE_AGENT ? `remote node connection '${p.name}'` : guest ? `guest node resource '${p.name}' (${GUEST_META}=${guest.value.text})` : undefined;
        // A guest resource may be a group's member; not a clone's (directly or through its group).
        if (!what || !holder || (guest && p.agent.id !== REMOTE_AGENT && holder.kind === 'group' && !holder.parent)) return;
        ctx.report({
          node: p.decl.name,
          message: `${what} is inside ${holder.kind} '${holder.name}'${holder.kind === 'group' && holder.parent ? ` of clone '${holder.parent.name}'` : ''}: Pacemaker never brings that node up`,
          help: [`declare it at the top level, and colocate or order it with the ${holder.kind}'s other resources instead`],
        });
      },
    };
  },
};
