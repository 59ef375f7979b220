import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha003: Rule = {
  code: 'HA003',
  name: 'invalid-token',
  severity: 'error',
  docs: {
    summary: 'An unterminated string, a character that cannot appear in a .ha file (outside quotes, or anywhere XML cannot carry it: control characters, U+FFFE, U+FFFF), or an invalid escape.',
    rationale:
      'Values end up in shell commands and XML. hacc accepts only text it can carry faithfully into both, so a stray control character or a half-quoted value is stopped here.',
    bad: labCluster(`  primitive p ocf:pacemaker:Dummy {
    params state="/run/dummy\\q"
    op monitor interval=10s
  }
`),
    good: labCluster(`  primitive p ocf:pacemaker:Dummy {
    params state="/run/dummy.state"
    op monitor interval=10s
  }
`),
  },
  check(ctx) {
    for (const d of ctx.syntax) if (d.code === 'HA003') ctx.report({ node: d.span, message: d.message, help: d.help ?? [] });
  },
};
