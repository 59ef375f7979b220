import { allAttrs } from '../../model/model.js';
import { compareVersions, DEPRECATED_VALUES, PCS_REFUSES_OLD_PROPERTY_NAMES, pcsFrom, PLATFORM_PACEMAKER_VERSION } from '../../catalogue/platforms.js';
import { PROMOTED_META } from '../../language/clone.js';
import { currentRole } from '../../language/roles.js';
import { roleSpelling } from '../../model/platforms.js';
import type * as A from '../../syntax/ast.js';
import { newNameOf } from '../renamed-property.js';
import type { Rule, RuleContext } from '../rule.js';
import { labCluster } from '../examples.js';

/** A role value in the old spelling, with its replacement. */
function oldRole(ctx: RuleContext, attr: A.Attr | undefined): void {
  if (!attr) return;
  const replacement = currentRole(attr.value.text);
  if (!replacement) return;
  ctx.report({
    node: attr,
    property: 'value',
    message: `${attr.key.text}=${attr.value.text} is the old name of ${replacement} (Pacemaker 2.1 renamed the roles)`,
    help: [`write ${attr.key.text}=${replacement}: hacc writes the name the platform's Pacemaker reads either way`],
  });
}

export const ha430: Rule = {
  code: 'HA430',
  name: 'deprecated-form',
  severity: 'warning',
  docs: {
    summary:
      'A deprecated form on a platform that has its replacement: the roles Master and Slave, or master-max and master-node-max, where Pacemaker 2.1 has Promoted, Unpromoted, promoted-max and promoted-node-max (never on el6 and el7, where the old forms are the only ones; Pacemaker 3.0 still reads them, deprecated); stonith-action=poweroff from Pacemaker 2.1 (write off; Pacemaker 3 drops it: HA406); the crmd-* properties 2.0 renamed (join-*, transition-delay), where pcs does not refuse them (el8, sles15; HA406 on el9 and debian12).',
    rationale:
      'Pacemaker 2.1 deprecated the old names and Pacemaker 3 drops them: a file that keeps them reads wrong next to what pcs and crm_mon show, and breaks on the next major upgrade.',
    bad: labCluster(`  promotable db-clone {
    primitive db ocf:pacemaker:Stateful {
      op monitor interval=10s role=Master
      op monitor interval=11s role=Unpromoted
    }
  }
`),
    good: labCluster(`  promotable db-clone {
    primitive db ocf:pacemaker:Stateful {
      op monitor interval=10s role=Promoted
      op monitor interval=11s role=Unpromoted
    }
  }
`),
  },
  check(ctx) {
    const m = ctx.model;
    // Deprecated property values, while the platform's Pacemaker still takes them (HA406 after).
    const version = PLATFORM_PACEMAKER_VERSION[m.platform];
    for (const attr of allAttrs(m.settings.property)) {
      const deprecated = DEPRECATED_VALUES[`${attr.key.text}=${attr.value.text}`];
      const gone = ctx.catalogue.property(attr.key.text)?.valuesUntil?.[attr.value.text];
      if (!deprecated || compareVersions(version, deprecated.since) < 0 || (gone !== undefined && compareVersions(version, gone) > 0)) continue;
      ctx.report({
        node: attr,
        property: 'value',
        message: `${attr.key.text}=${attr.value.text} is deprecated since Pacemaker ${deprecated.since} (${m.platform} has ${version}); Pacemaker 3 drops it`,
        help: [`write ${attr.key.text}=${deprecated.instead}`],
        fix: { title: `write ${attr.key.text}=${deprecated.instead}`, replacement: deprecated.instead },
      });
    }
    // Old property names whose new name the platform's Pacemaker has (HA406 where pcs refuses them).
    const pcsRefuses = pcsFrom(m.platform, PCS_REFUSES_OLD_PROPERTY_NAMES);
    for (const attr of allAttrs(m.settings.property)) {
      const renamed = pcsRefuses ? undefined : newNameOf(ctx.catalogue, attr.key.text, version);
      if (!renamed) continue;
      ctx.report({
        node: attr,
        property: 'key',
        message: `${attr.key.text} is the old name of ${renamed.name}${renamed.since !== undefined ? ` (renamed by Pacemaker ${renamed.since})` : ''}; Pacemaker 3 drops it`,
        help: [`write ${renamed.name}`],
        fix: { title: `write ${renamed.name}`, replacement: renamed.name },
      });
    }
    if (roleSpelling(m.platform) === 'legacy') return;
    for (const op of m.opsWith.get('role') ?? []) oldRole(ctx, op.values.get('role'));
    for (const r of m.allResources) oldRole(ctx, r.meta.values.get('target-role'));
    for (const c of m.clones) {
      for (const attr of c.meta.attrs) {
        const names = PROMOTED_META[attr.key.text];
        if (!names || names.current === attr.key.text) continue;
        ctx.report({
          node: attr,
          property: 'key',
          message: `${attr.key.text} is the old name of ${names.current}`,
          help: [`write ${names.current}=${attr.value.text}`],
        });
      }
    }
    for (const c of m.constraints) {
      for (const key of ['role', 'rsc-role', 'with-rsc-role']) oldRole(ctx, c.values.get(key));
    }
  },
};
