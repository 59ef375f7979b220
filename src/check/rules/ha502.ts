import type * as A from '../../syntax/ast.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha502: Rule = {
  code: 'HA502',
  name: 'secret-not-kept',
  severity: 'error',
  docs: {
    summary: "An env:NAME or file:/path reference where hacc cannot keep it secret: anywhere but a resource's or an alert's params and the auth password.",
    rationale:
      "setup.sh reads a secret when it runs and sets it from a private file or standard input, never on a command line, for the auth password and a resource's params (fencing passwords, keys). A property, a meta attribute, an op attribute or an op's own params have no such path: the value would go onto a pcs command line or into the CIB's plain configuration, where it is no secret, and pcs gives such places no secret handling either.",
    bad: labCluster(`  primitive db ocf:pacemaker:Dummy {
    params fake=x
    op monitor interval=10s { params OCF_CHECK_LEVEL=env:CHECK_LEVEL }
  }
`),
    good: labCluster(`  primitive db ocf:pacemaker:Dummy {
    params fake=env:DB_KEY
    op monitor interval=10s { params OCF_CHECK_LEVEL=10 }
  }
`),
  },
  check(ctx) {
    const secrets: { node: A.Value; secret: A.SecretRef }[] = [];
    const kept = new Set<A.Value>();
    // auth takes only password= (HA001 reports any other key).
    for (const a of ctx.model.auth?.attrs ?? []) kept.add(a.value);
    // An alert's and its recipients' params reach the agent as instance attributes, set as a resource's are.
    for (const bag of ctx.model.alerts.flatMap((x) => [x.params, ...x.recipients.map((r) => r.params)])) for (const a of bag.attrs) if (a.value.secret) kept.add(a.value);
    return {
      primitive(p) {
        for (const a of p.params.attrs) if (a.value.secret) kept.add(a.value);
      },
      value(node) {
        if (node.secret) secrets.push({ node, secret: node.secret });
      },
      end() {
        for (const { node, secret } of secrets) {
          if (kept.has(node)) continue;
          ctx.report({
            node,
            message: `${secret.scheme}:${secret.ref} here would not stay secret: hacc keeps secrets only in a resource's or an alert's params and the auth password`,
            help: ['write the value itself; if it must stay out of the file, it belongs in the agent\'s params (or a file the agent reads)'],
          });
        }
      },
    };
  },
};
