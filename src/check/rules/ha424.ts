import { booleanValue } from '../../model/values.js';
import type { Clone, Constraint } from '../../model/model.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

const CLONES = `  clone dlm-clone {
    primitive dlm ocf:pacemaker:controld {
      op monitor interval=30s timeout=20s
    }
  }
  clone fs-clone {
    primitive fs ocf:pacemaker:Dummy {
      op monitor interval=20s
    }
`;

export const ha424: Rule = {
  code: 'HA424',
  name: 'clones-not-interleaved',
  severity: 'warning',
  docs: {
    summary: 'An order or colocation between two clones, and the dependent clone (then, or the colocated one) is not interleave=true.',
    rationale:
      'Without interleave an instance of the dependent clone waits for, and restarts with, every instance of the other clone on every node: one node leaving restarts the dependent clone everywhere (the classic dlm/gfs2 outage).',
    bad: labCluster(`${CLONES}  }
  order dlm-then-fs dlm-clone then fs-clone
`),
    good: labCluster(`${CLONES}    meta interleave=true
  }
  order dlm-then-fs dlm-clone then fs-clone
`),
  },
  check(ctx) {
    const reported = new Set<Clone>();
    const dependentOf = (c: Constraint): [Clone, Clone] | undefined => {
      if (c.kind === 'order' && c.first?.target?.kind === 'clone' && c.then?.target?.kind === 'clone') return [c.first.target, c.then.target];
      if (c.kind === 'colocation' && c.withRsc?.target?.kind === 'clone' && c.rsc?.target?.kind === 'clone') return [c.withRsc.target, c.rsc.target];
      return undefined;
    };
    for (const c of ctx.model.constraints) {
      const pair = dependentOf(c);
      if (!pair) continue;
      const [other, dependent] = pair;
      if (other === dependent || reported.has(dependent)) continue;
      const interleave = dependent.meta.values.get('interleave');
      if (interleave && booleanValue(interleave.value.text) === true) continue;
      reported.add(dependent);
      ctx.report({
        node: c.decl.name,
        message: `'${dependent.name}' depends on clone '${other.name}' but is not interleave=true: each of its instances waits for every instance of '${other.name}'`,
        help: [`add meta interleave=true to '${dependent.name}'`],
        ...(interleave ? { related: [{ node: interleave, message: 'interleave is set here' }] } : {}),
      });
    }
  },
};
