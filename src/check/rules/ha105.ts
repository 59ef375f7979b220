import { SET_ELEMENT } from '../../language/attribute-set.js';
import type { Rule } from '../rule.js';
import { fencedCluster } from '../examples.js';

export const ha105: Rule = {
  code: 'HA105',
  name: 'wrong-kind-of-reference',
  severity: 'error',
  docs: {
    summary: 'A reference names an object of the wrong kind: a fencing level lists a resource that is not a fencing device; a group, clone or tag lists a tag; `$id-ref=` names a set of another kind.',
    rationale:
      "A fencing level's devices must be stonith resources: the fencer looks each one up among its devices, and pcs refuses a level naming anything else (\"… is not a stonith id\"). A level of ordinary resources leaves the target with a level that can never succeed.",
    bad: fencedCluster(`  primitive vip ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.100 cidr_netmask=24
  }
  fencing-level 1 a vip
`),
    good: fencedCluster(`  primitive vip ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.100 cidr_netmask=24
  }
  fencing-level 1 a fence
`),
  },
  check(ctx) {
    // A tag names resources: it is no member of a group, a clone or another tag.
    const tags = new Set(ctx.model.tags.map((t) => t.name));
    const holders = [...ctx.model.groups.map((g) => ({ what: `group '${g.name}'`, items: g.items })), ...ctx.model.clones.map((c) => ({ what: `${c.decl.keyword.text} '${c.name}'`, items: c.items })), ...ctx.model.tags.map((t) => ({ what: `tag '${t.name}'`, items: t.members }))];
    for (const h of holders) {
      for (const ref of h.items) {
        if (!ref.target && tags.has(ref.ident.text)) ctx.report({ node: ref.ident, message: `'${ref.ident.text}' is a tag: ${h.what} lists resources`, help: ['list the tag\'s resources here, or use the tag in constraints'] });
      }
    }
    // `$id-ref=` stands for a set of the same element: meta for meta, params (or a node's
    // attributes) for instance attributes…
    for (const b of ctx.model.ownSets) {
      const target = b.idRef?.target;
      if (!target) continue;
      const theirs = ('decl' in target ? target.decl : target.lines[0]!).keyword.text;
      const ours = b.decl.keyword.text;
      if (SET_ELEMENT[theirs] === SET_ELEMENT[ours] && (theirs === 'property') === (ours === 'property')) continue;
      ctx.report({
        node: b.idRef!.ident,
        message: `$id=${b.idRef!.ident.text} is a ${theirs} set (<${SET_ELEMENT[theirs]}>): a ${ours} line refers to a ${SET_ELEMENT[ours]} set`,
        help: [`refer to it from a ${theirs} line, or name a ${ours} set`],
      });
    }
    for (const l of ctx.model.fencingLevels) {
      for (const ref of l.devices) {
        const r = ref.target;
        if (!r || (r.kind === 'primitive' && r.agent.fencing)) continue;
        const what = r.kind === 'primitive' ? `a resource of agent ${r.agent.text}` : `a ${r.kind}`;
        const devices = ctx.model.primitives.filter((p) => p.agent.fencing).map((p) => p.name);
        ctx.report({
          node: ref.ident,
          message: `'${ref.ident.text}' is ${what}, not a fencing device: a fencing level lists stonith resources`,
          help: [devices.length > 0 ? `the fencing devices are: ${devices.join(', ')}` : 'declare a fencing device: primitive NAME stonith:AGENT { params … }'],
        });
      }
    }
    return {
      // `primitive X @T`: T is a template.
      primitive(p) {
        const ref = p.template;
        const other = ref && !ref.target ? ctx.model.ids.get(ref.ident.text)?.[0] : undefined;
        if (!other) return;
        const templates = ctx.model.templates.map((t) => t.name);
        ctx.report({
          node: ref!.ident,
          message: `'${ref!.ident.text}' is a ${other.kind}, not a template: @ names a template`,
          help: [templates.length > 0 ? `the templates are: ${templates.join(', ')}` : `declare one: template ${ref!.ident.text}-tmpl AGENT { … }`],
        });
      },
    };
  },
};
