import { UNRESTRICTED_USERS } from '../../language/acl.js';
import { settingValue } from '../../model/model.js';
import { booleanValue } from '../../model/values.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha431: Rule = {
  code: 'HA431',
  name: 'acls-without-effect',
  severity: 'warning',
  docs: {
    summary: 'ACLs that restrict nothing: the cluster property enable-acl is not true, a user is root or hacluster, or a role has no permissions.',
    rationale:
      'Pacemaker reads the ACLs only when enable-acl=true (it defaults to false): until then every user in the haclient group has full access, whatever the roles say. root and hacluster are never restricted, so ACLs for them are a false comfort. A role without permissions gives nothing and denies nothing.',
    bad: labCluster(`  acl-role read-only {
    read xpath=/cib
  }
  acl-user alice roles=read-only
`),
    good: labCluster(`  property enable-acl=true
  acl-role read-only {
    read xpath=/cib
  }
  acl-user alice roles=read-only
`),
  },
  check(ctx) {
    const m = ctx.model;
    const first = [...m.aclRoles.map((r) => r.decl), ...m.aclTargets.map((t) => t.decl)].sort((a, b) => a.start - b.start)[0];
    if (!first) return;
    const enabled = settingValue(m, 'property', 'enable-acl');
    if (!enabled || booleanValue(enabled.value.text) !== true) {
      ctx.report({
        node: first.kind === 'acl-role' ? first.name : first.keyword,
        message: `ACLs are written, but enable-acl is ${enabled ? enabled.value.text : 'not set (false)'}: Pacemaker ignores them and every haclient user has full access`,
        help: ['property enable-acl=true'],
        ...(enabled ? { related: [{ node: enabled, message: 'enable-acl here' }] } : {}),
      });
    }
    for (const t of m.aclTargets) {
      if (t.kind === 'acl-user' && (UNRESTRICTED_USERS as readonly string[]).includes(t.user)) {
        ctx.report({ node: t.nameAttr ?? t.decl.name, message: `Pacemaker never restricts '${t.user}': its roles do nothing`, help: ['give the roles to the people who log in, and keep root and hacluster for the cluster itself'] });
      }
    }
    for (const r of m.aclRoles) {
      if (r.permissions.length === 0) ctx.report({ node: r.decl.name, message: `acl-role '${r.name}' has no permissions: it gives and denies nothing`, help: [`acl-role ${r.name} { read xpath=/cib }`] });
    }
  },
};
