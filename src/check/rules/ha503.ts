import { reservedEnvName } from '../../language/secret.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha503: Rule = {
  code: 'HA503',
  name: 'secret-env-name-reserved',
  severity: 'error',
  docs: {
    summary: 'An env:NAME secret whose NAME bash sets itself, or that bash, Pacemaker, pcs or the agents read (RANDOM, PWD, CIB_file, LD_PRELOAD, OCF_ROOT…).',
    rationale:
      "setup.sh takes its environment secrets before it sets a variable of its own, so none of its names can shadow one. But bash sets some names before the script's first line (RANDOM, SECONDS, LINENO, PWD…): the script would read bash's value, a predictable one, as the password. Others are read by the programs the script runs, with the secret exported to them: a password exported as CIB_file would redirect cibadmin, LD_PRELOAD every program.",
    bad: labCluster(`  primitive db ocf:pacemaker:Dummy {
    params fake=env:RANDOM
    op monitor interval=10s
  }
`),
    good: labCluster(`  primitive db ocf:pacemaker:Dummy {
    params fake=env:DB_KEY
    op monitor interval=10s
  }
`),
  },
  check(ctx) {
    return {
      value(node) {
        const s = node.secret;
        const why = s?.scheme === 'env' ? reservedEnvName(s.ref) : undefined;
        if (why === undefined) return;
        ctx.report({
          node,
          message: `env:${s!.ref} cannot hold a secret: ${why}`,
          help: ['export the secret under a name of your own, such as DB_PASSWORD, and write env:DB_PASSWORD'],
        });
      },
    };
  },
};
