import { fencingDevices } from '../../model/model.js';
import type { Rule } from '../rule.js';
import { fencedCluster } from '../examples.js';

/** Device parameters whose values defeat a confirmed, recoverable fencing: [name, value, why, what to write]. */
const DEFEATING: readonly (readonly [string, string, string, string])[] = [
  ['method', 'cycle', 'the agent sends one power-cycle command and cannot confirm that the node was ever off', 'method=onoff (the default): off, confirmed, then on'],
  ['pcmk_reboot_action', 'off', 'every reboot the cluster asks for powers the node off instead: it never comes back by itself', 'leave pcmk_reboot_action out (or use stonith-action=off cluster-wide if nodes must stay down)'],
  ['action', 'off', "the device-wide action overrides the cluster's reboot: nodes are powered off and stay off (and `action` is deprecated on devices)", 'leave action out; pcmk_off_action/pcmk_reboot_action name the agent actions if they must'],
];

export const ha435: Rule = {
  code: 'HA435',
  name: 'fence-option-defeats-recovery',
  severity: 'warning',
  docs: {
    summary: 'A fencing device option that defeats confirmation or recovery: method=cycle, pcmk_reboot_action=off, action=off.',
    rationale:
      "Fencing must confirm the node is off before its resources start elsewhere, and should let the node come back. method=cycle (IPMI and the like) power-cycles in one command without confirming the off state; pcmk_reboot_action=off and a device's action=off turn every reboot into a power-off, so a node fenced for a transient fault stays down until someone powers it on. When that is intended, say so with # hacc-ignore HA435.",
    bad: fencedCluster('').replace('pcmk_delay_max=10s', 'pcmk_delay_max=10s method=cycle'),
    good: fencedCluster(''),
  },
  check(ctx) {
    for (const d of fencingDevices(ctx.model)) {
      for (const [name, value, why, fix] of DEFEATING) {
        const a = d.params.values.get(name);
        if (a?.value.text.toLowerCase() !== value) continue;
        ctx.report({ node: a, message: `${name}=${value} on '${d.name}': ${why}`, help: [fix] });
      }
    }
  },
};
