import { allAttrs } from '../../model/model.js';
import { CLONE_META } from '../../language/clone.js';

const CLONE_KEYS: ReadonlySet<string> = new Set(CLONE_META.map((k) => k.name));
import { misspelt } from '../../syntax/didyoumean.js';
import { usesCommandParamsOnUpstreamAnything } from '../agents.js';
import { paramFindings } from '../params.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

export const ha203: Rule = {
  code: 'HA203',
  name: 'unknown-parameter',
  severity: 'error',
  docs: {
    summary: "A parameter the resource's agent does not have, or a meta attribute Pacemaker does not know.",
    rationale: 'pcs refuses unknown parameters only at run time of the script, and Pacemaker ignores unknown meta attributes: a misspelt one (resource-stickyness) silently changes nothing.',
    bad: labCluster(`  primitive vip ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.30 cidr_netmsk=24
    op monitor interval=10s timeout=20s
  }
`),
    good: labCluster(`  primitive vip ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.30 cidr_netmask=24
    op monitor interval=10s timeout=20s
  }
`),
  },
  check(ctx) {
    const metaNames = ctx.catalogue.resourceMeta.map((m) => m.name);
    const isMeta = new Set(metaNames);
    const cloneMeta = [...metaNames, ...CLONE_META.map((k) => k.name)];
    for (const c of [...ctx.model.clones, ...ctx.model.bundles]) {
      for (const attr of allAttrs(c.meta)) {
        if (metaNames.length === 0 || cloneMeta.includes(attr.key.text)) continue;
        ctx.report({ node: attr, property: 'key', message: `unknown meta attribute '${attr.key.text}' for a ${c.kind}`, ...misspelt(attr.key.text, cloneMeta) });
      }
    }
    for (const kind of ['defaults', 'op-defaults'] as const) {
      const known = (kind === 'defaults' ? ctx.catalogue.resourceMeta : ctx.catalogue.opMeta).map((m) => m.name);
      for (const attr of allAttrs(ctx.model.settings[kind])) {
        if (known.length === 0 || known.includes(attr.key.text)) continue;
        ctx.report({ node: attr, property: 'key', message: `unknown ${kind} setting '${attr.key.text}'`, ...misspelt(attr.key.text, known) });
      }
    }
    return {
      primitive(p) {
        if (!usesCommandParamsOnUpstreamAnything(p)) {
          for (const f of paramFindings(p, ctx.catalogue)) {
            if (f.kind !== 'unknown') continue;
            ctx.report({
              node: f.attr,
              property: 'key',
              message: `unknown parameter '${f.attr.key.text}' for ${p.agent.id}`,
              ...misspelt(f.attr.key.text, f.known),
            });
          }
        }
        // A bundle's primitive is cloned (one instance per replica): clone options are its own.
        const inBundle = p.parent?.kind === 'bundle';
        for (const attr of allAttrs(p.meta)) {
          if (metaNames.length === 0 || isMeta.has(attr.key.text) || (inBundle && CLONE_KEYS.has(attr.key.text))) continue;
          ctx.report({ node: attr, property: 'key', message: `unknown meta attribute '${attr.key.text}'`, ...misspelt(attr.key.text, metaNames) });
        }
      },
    };
  },
};
