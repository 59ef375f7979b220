import { durationMs } from '../../model/values.js';
import type { Op } from '../../model/model.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

function attr(op: Op, key: string): string | undefined {
  return op.values.get(key)?.value.text;
}

/** Whether two ops share a name (most primitives have distinct op names: nothing else to compare). */
function sameNameTwice(ops: readonly Op[]): boolean {
  for (let i = 0; i < ops.length; i++) for (let j = i + 1; j < ops.length; j++) if (ops[i]!.name === ops[j]!.name) return true;
  return false;
}

export const ha207: Rule = {
  code: 'HA207',
  name: 'duplicate-operation',
  severity: 'error',
  docs: {
    summary: 'Two ops with the same name and interval on one resource, whatever their roles.',
    rationale:
      'Pacemaker identifies an operation by name and interval, not by role: crm_verify rejects the duplicate (a 10s Promoted and a 10s Unpromoted monitor too: give them different intervals, as the agents advise, 10s and 11s).',
    bad: labCluster(`  primitive p ocf:pacemaker:Dummy {
    op monitor interval=10s timeout=20s
    op monitor interval=10000ms timeout=30s
  }
`),
    good: labCluster(`  primitive p ocf:pacemaker:Dummy {
    op monitor interval=10s timeout=20s
    op monitor interval=60s timeout=30s
  }
`),
  },
  check(ctx) {
    return {
      primitive(p) {
        if (p.ops.length < 2 || !sameNameTwice(p.ops)) return;
        const seen = new Map<string, Op>();
        for (const op of p.ops) {
          const interval = attr(op, 'interval');
          const key = `${op.name}/${interval === undefined ? 0 : durationMs(interval) ?? interval}`;
          const first = seen.get(key);
          if (first) {
            ctx.report({
              node: op.decl.name,
              message: `'${p.name}' already has a ${op.name} op with this interval (line ${ctx.line(first.decl)})`,
              help: [attr(op, 'role') !== undefined ? 'role does not tell two ops apart: give each role its own interval (e.g. 10s and 11s)' : 'give each op of the same name a different interval, or merge them'],
              related: [{ node: first.decl.name, message: 'first defined here' }],
            });
          } else seen.set(key, op);
        }
      },
    };
  },
};
