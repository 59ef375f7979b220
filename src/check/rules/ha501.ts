import { isSecretParam } from '../../catalogue/roles.js';
import { reservedEnvName } from '../../language/secret.js';
import type * as A from '../../syntax/ast.js';
import type { Rule } from '../rule.js';

export const ha501: Rule = {
  code: 'HA501',
  name: 'literal-secret',
  severity: 'error',
  docs: {
    summary: 'A password or other secret is written into the file instead of referenced with env:NAME or file:/path.',
    rationale:
      'The .ha file goes into version control and change tickets; the post even wrote the hacluster password two different ways. hacc resolves env:/file: references only when the setup script runs, and never writes a secret into an artifact.',
    bad: `cluster demo {
  auth hacluster password="p@ssw0rd"
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  property stonith-enabled=false
}
`,
    good: `cluster demo {
  auth hacluster password=env:HACLUSTER_PASSWORD
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  property stonith-enabled=false
}
`,
  },
  check(ctx) {
    // Secrets are the auth password and secret-named params; reports are sorted afterwards.
    const candidates: A.Attr[] = ctx.model.auth ? ctx.model.auth.attrs.filter((a) => a.key.text === 'password') : [];
    const secretName = new Map<string, boolean>();
    const isSecret = (name: string) => secretName.get(name) ?? (secretName.set(name, isSecretParam(name)), secretName.get(name)!);
    const owners = new Map<A.Attr, string>();
    return {
      primitive(p) {
        for (const a of p.params.attrs) {
          if (!isSecret(a.key.text)) continue;
          candidates.push(a);
          owners.set(a, p.name);
        }
      },
      end() {
        // The variable a fix names: HACLUSTER_PASSWORD for the auth line, else PRIMITIVE_PARAM (fence-a's password: FENCE_A_PASSWORD).
        // A name the setup script cannot take (HA503: PCMK_*, PATH…) or one that starts with a digit gets SECRET_ in front.
        const variable = (a: A.Attr) => {
          const name = (owners.has(a) ? `${owners.get(a)}_${a.key.text}` : `${ctx.model.auth?.user.text ?? 'hacluster'}_${a.key.text}`).toUpperCase().replace(/[^A-Z0-9_]/g, '_');
          return /^[0-9]/.test(name) || reservedEnvName(name) !== undefined ? `SECRET_${name}` : name;
        };
        for (const attr of candidates) {
          if (attr.value.secret) continue;
          ctx.report({
            node: attr,
            property: 'value',
            message: `'${attr.key.text}' is a secret written literally`,
            help: [`write ${attr.key.text}=env:NAME (an environment variable) or ${attr.key.text}=file:/path (a file) read when the setup script runs`],
            fix: { title: `read it from the environment: env:${variable(attr)}`, replacement: `env:${variable(attr)}` },
          });
        }
      },
    };
  },
};
