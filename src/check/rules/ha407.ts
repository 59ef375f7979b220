import type { FencingLevel } from '../../model/model.js';
import type { Rule } from '../rule.js';
import { fencedCluster } from '../examples.js';

/** What a level is for, as text: two levels with the same text are for the same nodes. */
export function levelTargetText(l: FencingLevel): string {
  const t = l.target;
  switch (t.kind) {
    case 'node':
      return `node ${t.node.ident.text}`;
    case 'pattern':
      return `target-pattern=${t.pattern.value.text}`;
    case 'attribute':
      return `target-attribute=${t.name.value.text} target-value=${t.value?.value.text ?? ''}`;
  }
}

export const ha407: Rule = {
  code: 'HA407',
  name: 'duplicate-fencing-level',
  severity: 'error',
  docs: {
    summary: 'Two fencing levels have the same index for the same target.',
    rationale:
      "A target has one level per index: Pacemaker's fencer adds the second level's devices to the first (fenced_register_level, \"Adding to the existing … topology entry\"), so what reads as a fallback becomes one level whose devices must all succeed, and the next index is never reached while any of them fails. Devices that must all succeed are written as one level (fence-a,fence-b); a fallback gets the next index.",
    bad: fencedCluster(`  primitive fence-pdu stonith:fence_apc_snmp {
    params ip=10.0.2.1 pcmk_host_map="a:1;b:2"
  }
  fencing-level 1 a fence
  fencing-level 1 a fence-pdu
`),
    good: fencedCluster(`  primitive fence-pdu stonith:fence_apc_snmp {
    params ip=10.0.2.1 pcmk_host_map="a:1;b:2"
  }
  fencing-level 1 a fence
  fencing-level 2 a fence-pdu
`),
  },
  check(ctx) {
    const first = new Map<string, FencingLevel>();
    for (const l of ctx.model.fencingLevels) {
      if (l.index === undefined) continue;
      const key = `${l.index}\u0000${levelTargetText(l)}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, l);
        continue;
      }
      ctx.report({
        node: l.decl.index,
        message: `a second fencing level ${l.index} for ${levelTargetText(l)} (the first is on line ${ctx.line(earlier.decl)})`,
        help: ['give it the next free index to try its devices after the first level fails', `or list all the devices in one level, comma-separated, when all of them must succeed: ${[...earlier.devices, ...l.devices].map((d) => d.ident.text).join(',')}`],
        related: [{ node: earlier.decl.index, message: 'the first level with this index' }],
      });
    }
  },
};
