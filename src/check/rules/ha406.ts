import { compareVersions, PLATFORM_PACEMAKER_VERSION, versionInRange } from '../../catalogue/platforms.js';
import type { ParamFact } from '../../catalogue/types.js';
import type * as A from '../../syntax/ast.js';
import type { Rule } from '../rule.js';

export const ha406: Rule = {
  code: 'HA406',
  name: 'property-not-on-platform',
  severity: 'error',
  docs: {
    summary: "A cluster property, meta attribute or op attribute that the target platform's Pacemaker does not have yet, or no longer has (an op's requires after 1.1).",
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
    for (const attr of m.settings.property.attrs) {
      const fact = ctx.catalogue.property(attr.key.text);
      if (!fact) continue;
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
    // Meta and op attributes with a version range (catalogue overlay).
    const ranged = (attrs: readonly A.Attr[], facts: readonly ParamFact[], what: string, help: string[] = []) => {
      for (const attr of attrs) {
        const fact = facts.find((f) => f.name === attr.key.text);
        if (!fact || versionInRange(version, fact.since, fact.until)) continue;
        const tooNew = fact.since !== undefined && compareVersions(version, fact.since) < 0;
        ctx.report({
          node: attr,
          property: 'key',
          message: tooNew
            ? `${what} '${fact.name}' needs Pacemaker ${fact.since} or later; ${m.platform} has ${version}`
            : `${what} '${fact.name}' was dropped after Pacemaker ${fact.until}; ${m.platform} has ${version}`,
          help,
        });
      }
    };
    const metas = [...m.allResources.map((r) => r.meta), m.settings.defaults];
    for (const bag of metas) ranged(bag.attrs, ctx.catalogue.resourceMeta, 'meta attribute');
    for (const p of m.primitives) {
      for (const op of p.ops) ranged(op.decl.attrs, ctx.catalogue.opMeta, 'op attribute', op.values.has('requires') ? [`write requires as a meta attribute of '${p.name}': meta requires=${op.values.get('requires')!.value.text}`] : []);
    }
    ranged(m.settings['op-defaults'].attrs, ctx.catalogue.opMeta, 'op-defaults setting');
  },
};
