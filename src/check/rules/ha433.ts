import { fencingDevices, hostNames, remoteNodeNames } from '../../model/model.js';
import { misspelt } from '../../syntax/didyoumean.js';
import type { Rule } from '../rule.js';
import { fencedCluster } from '../examples.js';

export const ha433: Rule = {
  code: 'HA433',
  name: 'fence-host-not-a-node',
  severity: 'error',
  docs: {
    summary: "A fencing device's pcmk_host_list or pcmk_host_map names a host that is no node of the cluster (members, and remote and guest nodes by their resources).",
    rationale:
      "The fencer compares these names with node names: a misspelt one (or a short name where the cluster uses the full one) means the device is never chosen for the node it was meant for, and the node it names does not exist. The mistake shows only when a node must be fenced, which is the worst time to find it.",
    bad: fencedCluster('').replace('pcmk_host_list="a b"', 'pcmk_host_list="a b bb"'),
    good: fencedCluster(''),
  },
  check(ctx) {
    const m = ctx.model;
    // Remote and guest nodes are nodes of the cluster too (named by their resources).
    const names = [...m.nodes.map((n) => n.name), ...remoteNodeNames(m)];
    const nodes = new Set(names.map((n) => n.toLowerCase()));
    for (const d of fencingDevices(m)) {
      for (const { attr, hosts } of hostNames(d)) {
        for (const host of hosts) {
          if (nodes.has(host.toLowerCase())) continue;
          const isHost = m.machines.get(host)?.some((h) => h.kind === 'host');
          ctx.report({
            node: attr,
            property: 'value',
            message: isHost ? `${attr.key.text} names '${host}', a host, not a cluster node: the cluster never fences it` : `${attr.key.text} names '${host}', which is no node of the cluster`,
            // Help only: a fix would replace the whole list, not the one name.
            help: isHost ? ['list the cluster nodes this device can power off'] : misspelt(host, names).help,
          });
        }
      }
    }
  },
};
