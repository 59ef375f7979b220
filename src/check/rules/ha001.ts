import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha001: Rule = {
  code: 'HA001',
  name: 'syntax-error',
  severity: 'error',
  docs: {
    summary: 'The file does not follow the .ha grammar; the message says what was expected.',
    rationale:
      'hacc recovers after a syntax error and keeps checking, so one run shows every mistake. Nothing is built from a file with syntax errors.',
    bad: labCluster(`  primitive p ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location p-prefers-a p prefers
`),
    good: labCluster(`  primitive p ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
`),
  },
  check(ctx) {
    for (const d of ctx.syntax) if (d.code === 'HA001') ctx.report({ node: d, message: d.message, help: d.help ?? [] });
  },
};
