import { MACHINE_NAME } from '../../language/cluster.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

const CIB_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export const ha102: Rule = {
  code: 'HA102',
  name: 'invalid-id',
  severity: 'error',
  docs: {
    summary: 'A resource, group, clone or constraint name is not a valid CIB id ([A-Za-z_][A-Za-z0-9_.-]*), or a node, host or cluster name is not a valid host name.',
    rationale: "Names become XML ids in the CIB. Pacemaker's schema rejects ids that start with a digit or hold other characters, and pcs refuses them.",
    bad: labCluster(`  primitive 1st-app ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
`),
    good: labCluster(`  primitive first-app ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
`),
  },
  check(ctx) {
    const m = ctx.model;
    for (const name of [m.cluster.name, ...[...m.nodes, ...m.remoteNodes].map((n) => n.decl.name), ...m.hosts.map((h) => h.decl.name)]) {
      if (name.text === '' || name.quoted || MACHINE_NAME.test(name.text)) continue;
      ctx.report({
        node: name,
        message: `'${name.text}' is not a valid name for a cluster or machine: use letters, digits, '-', '_' and '.', not at either end`,
      });
    }
    const names = [...m.allResources, ...m.constraints].map((d) => d.decl.name);
    for (const name of [...names, ...m.explicitIds]) {
      if ((name.kind === 'ident' && name.quoted) || CIB_ID.test(name.text)) continue;
      const fixed = name.text.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^([^A-Za-z_])/, '_$1');
      ctx.report({
        node: name,
        message: `'${name.text}' is not a valid id: ids start with a letter or '_' and hold only letters, digits, '_', '.' and '-'`,
        help: [`for example '${fixed}'`],
      });
    }
  },
};
