import { FENCE_SBD_AGENT, listedDevices, MAX_SBD_DEVICES } from '../../language/sbd.js';
import { sbdDevicePaths } from '../../model/stack.js';
import type { Rule } from '../rule.js';
import { sbdCluster } from '../examples.js';

export const ha413: Rule = {
  code: 'HA413',
  name: 'sbd-devices',
  severity: 'error',
  docs: {
    summary:
      "SBD devices that cannot work: more than three, a fence_sbd device whose devices= differ from the sbd block's, SBD disks without a fence_sbd device, or an SBD disk that a storage resource also uses.",
    rationale:
      "sbd takes one to three devices (sbd(8)). The fence_sbd device writes the poison-pill message to the disks it names while each node's sbd daemon watches the disks of its configuration: when they differ, the message lands where nobody reads it and the victim lives on. Without a fence_sbd device Pacemaker has nothing to fence with. A filesystem or volume on the SBD disk overwrites the nodes' slots.",
    bad: sbdCluster([], '/dev/disk/by-id/wwn-0x5000c500a1b2c3ff'),
    good: sbdCluster([]),
  },
  check(ctx) {
    const m = ctx.model;
    const sbd = m.sbd;
    const written = sbd ? sbdDevicePaths(sbd) : [];
    for (const extra of written.slice(MAX_SBD_DEVICES)) {
      ctx.report({ node: extra, message: `a ${written.indexOf(extra) + 1}th SBD device: sbd takes at most ${MAX_SBD_DEVICES}`, help: ['one device, or three (a majority of them must be readable)'] });
    }
    const devices = new Set(written.map((v) => v.text));
    const fenceSbd = m.primitives.filter((p) => p.agent.id === FENCE_SBD_AGENT);
    for (const p of fenceSbd) {
      const attr = p.params.values.get('devices');
      if (!attr) continue;
      const listed = listedDevices(attr.value.text);
      if (!sbd) {
        ctx.report({ node: attr, message: `fence_sbd device '${p.name}' without an sbd block: no node's sbd daemon watches ${listed.join(', ')}`, help: [`sbd { ${listed.map((d) => `device ${d}`).join('; ')} }`] });
        continue;
      }
      const same = listed.length === devices.size && listed.every((d) => devices.has(d));
      if (!same && devices.size > 0) {
        ctx.report({
          node: attr,
          property: 'value',
          message: `fence_sbd device '${p.name}' writes to ${listed.join(', ')}, the nodes' sbd watches ${[...devices].join(', ')}: a fenced node would never read its message`,
          help: [`devices=${[...devices].join(',')}`],
          related: sbd.devices.map((l) => ({ node: l, message: 'the sbd device' })),
        });
      }
    }
    if (sbd && devices.size > 0 && fenceSbd.length === 0) {
      ctx.report({ node: sbd.decl.keyword, message: 'SBD disks without a fence_sbd device: Pacemaker has nothing to fence with through them', help: [`primitive fence-sbd stonith:fence_sbd { params devices=${[...devices].join(',')} }`] });
    }
    // A storage resource on an SBD disk.
    if (devices.size === 0) return;
    return {
      primitive(p) {
        if (p.agent.fencing) return;
        for (const a of p.params.attrs) {
          const hit = listedDevices(a.value.text).find((d) => devices.has(d));
          if (hit) ctx.report({ node: a, property: 'value', message: `'${hit}' is an SBD disk: resource '${p.name}' would overwrite the nodes' SBD slots`, help: ['give the SBD its own small disk (a few MB), used by nothing else'] });
        }
      },
    };
  },
};
