import { patternProblem } from '../../language/fencing-level.js';
import type { Rule } from '../rule.js';
import { fencedCluster } from '../examples.js';

export const ha427: Rule = {
  code: 'HA427',
  name: 'invalid-pattern',
  severity: 'error',
  docs: {
    summary: "A fencing level's target-pattern or a location's rsc-pattern is not a valid POSIX extended regular expression.",
    rationale:
      'Pacemaker compiles both with regcomp (REG_EXTENDED): a pattern it cannot compile matches nothing, so the level never applies (the nodes it was meant for fall back to the other levels, or to none), or the location places no resource. A pattern is matched anywhere in the name: anchor it (^web[0-9]+$) to match whole names.',
    bad: fencedCluster(`  fencing-level 1 target-pattern="web[0-9" fence
`),
    good: fencedCluster(`  fencing-level 1 target-pattern="^[ab]$" fence
`),
  },
  check(ctx) {
    for (const l of ctx.model.fencingLevels) {
      if (l.target.kind !== 'pattern') continue;
      const problem = patternProblem(l.target.pattern.value.text);
      if (problem) ctx.report({ node: l.target.pattern, property: 'value', message: `target-pattern is not a valid extended regular expression: ${problem}`, help: ['e.g. target-pattern="^web[0-9]+$" for web1, web2…'] });
    }
    for (const c of ctx.model.constraints) {
      const pattern = c.kind === 'location' ? c.values.get('rsc-pattern') : undefined;
      const problem = pattern && patternProblem(pattern.value.text);
      if (problem) ctx.report({ node: pattern, property: 'value', message: `rsc-pattern is not a valid extended regular expression: ${problem}`, help: ['e.g. rsc-pattern="^web-" for every resource whose name starts with web-'] });
    }
  },
};
