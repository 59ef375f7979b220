import type { AgentFact } from '../../catalogue/types.js';
import { misspelt } from '../../syntax/didyoumean.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

/** Operations Pacemaker itself drives for every resource, whatever the agent lists. */
const ALWAYS = ['start', 'stop', 'monitor'];

/** An agent's operation names, listed once per agent. */
const namesOf = new WeakMap<AgentFact, readonly string[]>();
function operationNames(agent: AgentFact): readonly string[] {
  let names = namesOf.get(agent);
  if (!names) namesOf.set(agent, (names = [...new Set([...ALWAYS, ...agent.actions.map((a) => a.name)])]));
  return names;
}

export const ha201: Rule = {
  code: 'HA201',
  name: 'unknown-operation',
  severity: 'error',
  docs: {
    summary: "An op whose name is not an action of the resource's agent (`op mointor`).",
    rationale:
      "Pacemaker accepts any op name: the schema, crm_verify and crm_simulate all pass `mointor`. On a live cluster the agent answers 'unimplemented feature' (rc 3) and the resource ends up stopped — and the real monitor never runs.",
    bad: labCluster(`  primitive p ocf:pacemaker:Dummy {
    op mointor interval=10s
  }
`),
    good: labCluster(`  primitive p ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
`),
  },
  check(ctx) {
    return {
      primitive(p) {
        const agent = p.agent.fact;
        if (!agent) return;
        const names = operationNames(agent);
        for (const op of p.ops) {
          if (names.includes(op.name)) continue;
          ctx.report({
            node: op.decl.name,
            message: `unknown operation '${op.name}' for ${agent.id}`,
            ...misspelt(op.name, names, `${agent.id} has: ${names.join(', ')}`),
          });
        }
      },
    };
  },
};
