import { allAttrs } from '../../model/model.js';
import { AGENT_UNTIL, CLASS_UNTIL, compareVersions, PCS_NO_FENCING_IN_GROUP, PCS_REFUSES_OLD_PROPERTY_NAMES, pcsFrom, PLATFORM_FACTS, DEPRECATED_VALUES, PLATFORM_CLUSTER_LINKS, PLATFORM_PACEMAKER_VERSION, versionInRange } from '../../catalogue/platforms.js';
import type { ParamFact } from '../../catalogue/types.js';
import { ACL_NAME_MISSING_FROM } from '../../language/acl.js';
import { BUNDLE_SCHEMA_LACKS, CONTAINER_TYPES } from '../../language/bundle.js';
import { INFLUENCE_SINCE } from '../../language/colocation.js';
import { LEGACY_DATE_KEYS } from '../../language/rule.js';
import { walk } from '../../syntax/walk.js';
import type * as A from '../../syntax/ast.js';
import { newNameOf } from '../renamed-property.js';
import type { Rule } from '../rule.js';

export const ha406: Rule = {
  code: 'HA406',
  name: 'property-not-on-platform',
  severity: 'error',
  docs: {
    summary:
      "A cluster property, meta attribute or op attribute, or one of their values, that the target platform's Pacemaker does not have yet or no longer has (an op's requires after 1.1; on Pacemaker 3 — el10, debian13, sles16 — remove-after-stop, the crmd-* properties, stonith-action=poweroff, restart-type), an agent or agent class it no longer ships (ocf:pacemaker:o2cb, the nagios and upstart classes on Pacemaker 3), a fencing device in a group where pcs 0.12 cannot create one (el10, debian13), a property's old name that pcs 0.11+ refuses (crmd-transition-delay on el9, debian12), or more addresses on a node than the platform's corosync has links (2 on el6/el7/sles15, 8 on the others), an sbd block's init and options lines and per-node watchdogs on SUSE (crm cluster init sets those itself), or a colocation's influence before Pacemaker 2.1 (el6, el7), or a rule's date-spec or duration key the pacemaker-2.10 schema lacks (minutes, seconds, days; yeardays is yearsdays there: el6, el7), or more than one rule in a location on Pacemaker 3, or a bundle's container engine or key the platform's CIB schema lacks (podman, promoted-max and add-host on el6/el7, where masters says promoted-max; rkt and masters on Pacemaker 3), or an acl-user's or acl-group's name= on el6/el7.",
    rationale: 'An older Pacemaker ignores a property it does not know, so a feature the file relies on (fencing-enabled, shutdown-lock, …) is silently absent on that platform.',
    bad: `cluster demo {
  platform debian12
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  property fencing-enabled=false
}
`,
    good: `cluster demo {
  platform debian12
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  property stonith-enabled=false
}
`,
  },
  check(ctx) {
    const m = ctx.model;
    const version = PLATFORM_PACEMAKER_VERSION[m.platform];
    const platform = PLATFORM_FACTS[m.platform];
    const pcsRefusesOldNames = pcsFrom(m.platform, PCS_REFUSES_OLD_PROPERTY_NAMES);
    for (const attr of allAttrs(m.settings.property)) {
      const fact = ctx.catalogue.property(attr.key.text);
      if (!fact) continue;
      // An old name Pacemaker still reads but the platform's pcs refuses (HA430 names it elsewhere).
      const renamed = pcsRefusesOldNames ? newNameOf(ctx.catalogue, fact.name, version) : undefined;
      if (renamed) {
        ctx.report({
          node: attr,
          property: 'key',
          message: `pcs ${platform.toolVersion} (${m.platform}) refuses '${fact.name}', the old name of ${renamed.name} (Pacemaker ${version} still reads it): setup.sh would stop there`,
          help: [`write ${renamed.name}`],
          fix: { title: `write ${renamed.name}`, replacement: renamed.name },
        });
        continue;
      }
      const tooNew = fact.since !== undefined && compareVersions(version, fact.since) < 0;
      const gone = fact.until !== undefined && compareVersions(version, fact.until) > 0;
      if (!tooNew && !gone) continue;
      const older = ctx.catalogue.propertyNames().find((n) => ctx.catalogue.property(n)?.renamedTo === fact.name);
      ctx.report({
        node: attr,
        property: 'key',
        message: tooNew
          ? `'${fact.name}' needs Pacemaker ${fact.since} or later; ${m.platform} has ${version}`
          : `'${fact.name}' was removed after Pacemaker ${fact.until}; ${m.platform} has ${version}`,
        help: tooNew && older ? [`on ${m.platform} write ${older}`] : gone && fact.renamedTo ? [`write ${fact.renamedTo}`] : [],
      });
    }
    // Meta and op attributes with a version range (catalogue overlay): only the few facts this
    // platform lacks are looked for, through the model's indexes.
    const missing = (facts: readonly ParamFact[]) => facts.filter((f) => !versionInRange(version, f.since, f.until));
    const report = (attr: A.Attr, fact: ParamFact, what: string, help: string[] = []) => {
      const tooNew = fact.since !== undefined && compareVersions(version, fact.since) < 0;
      ctx.report({
        node: attr,
        property: 'key',
        message: tooNew
          ? `${what} '${fact.name}' needs Pacemaker ${fact.since} or later; ${m.platform} has ${version}`
          : `${what} '${fact.name}' was dropped after Pacemaker ${fact.until}; ${m.platform} has ${version}`,
        help,
      });
    };
    for (const fact of missing(ctx.catalogue.resourceMeta)) {
      for (const bag of [...m.allResources.map((r) => r.meta), m.settings.defaults]) {
        for (const attr of bag.attrs) if (attr.key.text === fact.name) report(attr, fact, 'meta attribute');
      }
    }
    // More addresses than the platform's corosync has links for: the setup would drop them.
    const links = PLATFORM_CLUSTER_LINKS[m.platform];
    for (const n of m.nodes) {
      for (const addr of n.addrs.slice(links)) {
        ctx.report({
          node: addr,
          message: `${m.platform}'s corosync takes ${links} addresses a node (${links === 2 ? 'rings 0 and 1' : `knet links 0 to ${links - 1}`}): '${addr.value.text}' would not be used`,
          help: [`keep at most ${links} addr= on each node`],
        });
      }
    }
    // Values a release added or dropped (valuesSince/valuesUntil). Role values are not among them:
    // the file may spell a role either way and the build writes the platform's (HA430 names the old
    // spelling where a new one exists).
    const value = (attr: A.Attr, fact: { readonly name: string; readonly valuesSince?: Readonly<Record<string, string>>; readonly valuesUntil?: Readonly<Record<string, string>> }, what: string) => {
      if (fact.name === 'role' || fact.name === 'target-role') return;
      const v = attr.value.text;
      const since = fact.valuesSince?.[v];
      const until = fact.valuesUntil?.[v];
      if (versionInRange(version, since, until)) return;
      const tooNew = since !== undefined && compareVersions(version, since) < 0;
      const replacement = DEPRECATED_VALUES[`${fact.name}=${v}`]?.instead;
      ctx.report({
        node: attr,
        property: 'value',
        message: tooNew
          ? `${what} ${fact.name}=${v} needs Pacemaker ${since} or later; ${m.platform} has ${version}`
          : `${what} ${fact.name}=${v} was dropped after Pacemaker ${until}; ${m.platform} has ${version}`,
        help: replacement ? [`write ${fact.name}=${replacement}`] : [],
        ...(replacement ? { fix: { title: `write ${fact.name}=${replacement}`, replacement } } : {}),
      });
    };
    for (const attr of allAttrs(m.settings.property)) {
      const fact = ctx.catalogue.property(attr.key.text);
      if (fact) value(attr, fact, 'cluster property');
    }
    for (const fact of ctx.catalogue.resourceMeta) {
      if (!fact.valuesSince && !fact.valuesUntil) continue;
      for (const bag of [...m.allResources.map((r) => r.meta), m.settings.defaults]) {
        for (const attr of bag.attrs) if (attr.key.text === fact.name) value(attr, fact, 'meta attribute');
      }
    }
    for (const fact of ctx.catalogue.opMeta) {
      if (!fact.valuesSince && !fact.valuesUntil) continue;
      for (const op of m.opsWith.get(fact.name) ?? []) value(op.values.get(fact.name)!, fact, 'op attribute');
    }
    // A fencing device in a group: the platform's pcs cannot create one (setup.sh would stop there).
    if (pcsFrom(m.platform, PCS_NO_FENCING_IN_GROUP)) {
      for (const p of m.primitives) {
        if (!p.agent.id.startsWith('stonith:') || p.parent?.kind !== 'group') continue;
        ctx.report({
          node: p.decl.name,
          message: `fencing device '${p.name}' in group '${p.parent.name}': pcs ${platform.toolVersion} (${m.platform}) no longer creates a fencing device in a group`,
          help: ['declare it outside the group: a fencing device needs no group to run'],
        });
      }
    }
    // A colocation's influence (schema 3.6): older Pacemakers reject the constraint.
    if (compareVersions(version, INFLUENCE_SINCE) < 0) {
      for (const c of m.constraints) {
        const influence = c.kind === 'colocation' ? c.values.get('influence') : undefined;
        if (influence) ctx.report({ node: influence, property: 'key', message: `a colocation's influence needs Pacemaker ${INFLUENCE_SINCE} or later; ${m.platform} has ${version}`, help: ['remove influence= (its CIB schema has no such attribute)'] });
      }
    }
    // Rules on the pacemaker-2.10 schema (el6, el7): date-spec and duration have one attribute list,
    // without minutes, seconds or days, and yeardays spelt yearsdays (rule-2.9.rng, date-common).
    if (platform.schema === 'pacemaker-2.10') {
      for (const { rule } of m.rules) {
        if (!rule.decl.expr) continue;
        walk(rule.decl.expr, (n) => {
          // resource and op expressions came with schema 3.4 (Pacemaker 2.0.5).
          if (n.kind === 'rule-resource' || n.kind === 'rule-op') {
            ctx.report({
              node: n.keyword,
              message: `'${n.keyword.text}' expressions are not in the CIB schema of ${m.platform} (Pacemaker ${version}): they came with Pacemaker 2.0.5`,
              help: ['set the value on the resources or operations themselves (meta, op … timeout=)'],
            });
            return;
          }
          const pairs = n.kind === 'rule-date-spec' ? n.attrs : n.kind === 'rule-date' ? (n.duration ?? []) : [];
          for (const a of pairs) {
            if (LEGACY_DATE_KEYS.includes(a.key.text)) continue;
            const legacy = a.key.text === 'yeardays' ? 'yearsdays' : undefined;
            ctx.report({
              node: a,
              property: 'key',
              message: `${n.kind === 'rule-date-spec' ? 'date-spec' : 'duration'} '${a.key.text}' is not in the CIB schema of ${m.platform} (Pacemaker ${version}): it takes ${LEGACY_DATE_KEYS.join(', ')}`,
              help: legacy ? [`write ${legacy}, its name there`] : ['express it with the keys it has (hours rather than minutes, weeks rather than days)'],
              ...(legacy ? { fix: { title: `write ${legacy}`, replacement: legacy } } : {}),
            });
          }
        });
      }
    }
    // Pacemaker 3 (pacemaker-4.0 schema, "Disallow multiple top-level location rules"): one rule per
    // location; its own upgrade splits such a constraint in one per rule.
    if (platform.schema === 'pacemaker-4.0') {
      for (const c of m.constraints) {
        if (c.kind !== 'location') continue;
        for (const r of c.rules.slice(1)) {
          ctx.report({
            node: r.decl.keyword,
            message: `Pacemaker ${version} (${m.platform}) takes one rule per location constraint: '${c.name}' has ${c.rules.length}`,
            help: [`write a location for each rule (${c.name}-2 …), or join the rules with or in one rule when they have one score`],
          });
        }
      }
    }
    // A bundle's engine or container and network keys the platform's CIB schema lacks.
    const lacks = BUNDLE_SCHEMA_LACKS[platform.schema];
    if (lacks) {
      for (const b of m.bundles) {
        const engine = b.container?.words[0];
        if (engine && (lacks.engines as readonly string[]).includes(engine.text)) {
          ctx.report({
            node: engine,
            message: `Pacemaker ${version} (${m.platform}) runs no ${engine.text} containers: its CIB schema (${platform.schema}) has no <${engine.text}>`,
            help: [`${CONTAINER_TYPES.filter((t) => !lacks.engines.includes(t)).map((t) => `container ${t}`).join(' or ')} runs there`],
          });
        }
        for (const line of [b.container, b.network]) {
          if (!line) continue;
          for (const attr of line.attrs) {
            const name = attr.key.text;
            if (!Object.hasOwn(lacks.keys, name)) continue;
            const instead = lacks.keys[name];
            ctx.report({
              node: attr,
              property: 'key',
              message: `Pacemaker ${version} (${m.platform}) has no ${name}= on a bundle's ${line.keyword.text}: its CIB schema (${platform.schema}) lacks it`,
              help: [instead ? `write ${instead}=${attr.value.text}` : `remove ${name}=`],
              ...(instead ? { fix: { title: `write ${instead}`, replacement: instead } } : {}),
            });
          }
        }
      }
    }
    // An ACL entry's name= (acls-3.8): Pacemaker 1.1's schema has none.
    if (platform.schema === ACL_NAME_MISSING_FROM) {
      for (const t of m.aclTargets) {
        if (!t.nameAttr) continue;
        ctx.report({
          node: t.nameAttr,
          property: 'key',
          message: `Pacemaker ${version} (${m.platform}) has no name= on an ${t.kind}: its CIB schema (${platform.schema}) lacks it`,
          help: [`write ${t.kind} ${t.user} without name= (its id is then the ${t.kind === 'acl-user' ? 'user' : 'group'})`],
        });
      }
    }
    // What crm cluster init does not take of the sbd block: it writes the disk headers and the sbd
    // file with its own timeouts, and one watchdog for every node.
    if (platform.tool === 'crmsh' && m.sbd) {
      for (const line of [...m.sbd.init.lines, ...m.sbd.options.lines, ...m.sbd.watchdogs.filter((w) => w.node).map((w) => w.line)]) {
        ctx.report({
          node: line.keyword,
          message: `crm cluster init (${m.platform}) sets SBD's ${line.keyword.text === 'watchdog' ? 'watchdog the same on every node' : line.keyword.text === 'init' ? 'disk header timeouts' : 'options'} itself: this line would not be applied`,
          help: [line.keyword.text === 'watchdog' ? 'write one watchdog line without node=' : 'remove the line; after init, crm sbd configure changes them (crmsh 4.6+)'],
        });
      }
    }
    for (const fact of missing(ctx.catalogue.opMeta)) {
      for (const op of m.opsWith.get(fact.name) ?? []) {
        const attr = op.values.get(fact.name)!;
        report(attr, fact, 'op attribute', fact.name === 'requires' ? [`write requires as a meta attribute of '${op.primitive.name}': meta requires=${attr.value.text}`] : []);
      }
      for (const attr of allAttrs(m.settings['op-defaults'])) if (attr.key.text === fact.name) report(attr, fact, 'op-defaults setting');
    }
    return {
      // Agents the platform's Pacemaker no longer ships, and classes it no longer runs.
      primitive(p) {
        const cls = p.agent.id.split(':')[0] ?? '';
        const classUntil = CLASS_UNTIL[cls];
        if (classUntil !== undefined && compareVersions(version, classUntil) > 0) {
          ctx.report({
            node: p.decl.agent,
            message: `the ${cls} resource class was dropped after Pacemaker ${classUntil}; ${m.platform} has ${version}`,
            help: [cls === 'upstart' ? 'use the systemd unit of the service: systemd:NAME' : 'run the check from an OCF agent, or monitor the service with its own agent'],
          });
          return;
        }
        const until = AGENT_UNTIL[p.agent.id];
        if (until === undefined || compareVersions(version, until) <= 0) return;
        ctx.report({
          node: p.decl.agent,
          message: `${p.agent.id} was dropped after Pacemaker ${until}; ${m.platform} has ${version}`,
          help: ['Pacemaker no longer installs it there: remove the resource, or use an agent the platform ships'],
        });
      },
    };
  },
};
