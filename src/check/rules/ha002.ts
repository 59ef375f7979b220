import { statementKeys } from '../../language/index.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha002: Rule = {
  code: 'HA002',
  name: 'missing-equals',
  severity: 'error',
  docs: {
    summary: "A key and its value are written without '=' (`cidr_netmask \"24\"`).",
    rationale:
      "pcs reads `cidr_netmask \"24\"` as two separate words, not a parameter; the post's IPaddr2 resource silently lost its netmask this way. hacc reports it and checks the rest as if the '=' were there.",
    bad: labCluster(`  primitive vip ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.30 cidr_netmask "24"
    op monitor interval=10s timeout=20s
  }
`),
    good: labCluster(`  primitive vip ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.30 cidr_netmask=24
    op monitor interval=10s timeout=20s
  }
`),
  },
  check(ctx) {
    const text = ctx.model.file.text;
    for (const { attr, owner } of ctx.model.attrs) {
      if (!attr.missingEquals) continue;
      // A key the statement does not take is HA001's (one report is enough).
      const closed = statementKeys(owner.kind);
      if (closed && !closed.includes(attr.key.text)) continue;
      const written = text.slice(attr.value.start, attr.value.end);
      ctx.report({
        node: attr,
        property: 'key',
        message: `missing '=' between '${attr.key.text}' and its value`,
        help: [`write ${attr.key.text}=${written}`],
        fix: { title: `write ${attr.key.text}=${written}`, replacement: '=', at: { start: attr.key.end, end: attr.value.start } },
      });
    }
  },
};
