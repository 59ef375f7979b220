import type * as A from '../../syntax/ast.js';
import type { Rule, RuleContext } from '../rule.js';
import { labCluster } from '../examples.js';

function reportRepeats(ctx: RuleContext, what: string, names: readonly (A.Ident | A.Value)[]): void {
  if (names.length < 2) return;
  const first = new Map<string, A.Ident | A.Value>();
  for (const n of names) {
    const earlier = first.get(n.text);
    if (!earlier) {
      first.set(n.text, n);
      continue;
    }
    ctx.report({
      node: n,
      message: `${what} '${n.text}' is already declared on line ${ctx.line(earlier)}`,
      help: ['give each one its own name, or remove the repeat'],
      related: [{ node: earlier, message: 'first declared here' }],
    });
  }
}

/** Whether two of the keys are the same: a check without allocation for the common case of none. */
function hasRepeatedKey(attrs: readonly A.Attr[]): boolean {
  for (let j = 0; j < attrs.length; j++) {
    const key = attrs[j]!.key.text;
    for (let k = j + 1; k < attrs.length; k++) if (attrs[k]!.key.text === key) return true;
  }
  return false;
}

export const ha101: Rule = {
  code: 'HA101',
  name: 'duplicate-id',
  severity: 'error',
  docs: {
    summary: 'Two declarations share a name: resources, groups and constraints share one id namespace, as in the CIB.',
    rationale:
      'The CIB requires unique ids; pcs rejects the second `resource create`, and a hand-merged CIB with a duplicate fails to load. A property or parameter set twice is the same mistake one level down.',
    bad: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location web web prefers a=100
`),
    good: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location web-prefers-a web prefers a=100
`),
  },
  check(ctx) {
    const m = ctx.model;
    // Ids: resource, group and constraint names (model.ids, each name's declarations in source
    // order) and explicit CIB ids. Only a text that occurs twice needs a look.
    const repeated = new Map<string, (A.Ident | A.Value)[]>();
    for (const [text, decls] of m.ids) if (decls.length > 1) repeated.set(text, decls.map((d) => d.decl.name));
    for (const v of m.explicitIds) {
      let list = repeated.get(v.text);
      if (!list) repeated.set(v.text, (list = (m.ids.get(v.text) ?? []).map((d) => d.decl.name)));
      list.push(v);
    }
    for (const list of repeated.values()) {
      if (list.length > 1) reportRepeats(ctx, 'id', list.sort((a, b) => a.start - b.start));
    }
    reportRepeats(ctx, 'node id', [...m.nodes, ...m.remoteNodes].flatMap((n) => n.decl.attrs.filter((a) => a.key.text === 'id').map((a) => a.value)));
    reportRepeats(ctx, 'machine', [...[...m.nodes, ...m.remoteNodes], ...m.hosts].map((d) => d.decl.name).sort((a, b) => a.start - b.start));
    reportRepeats(ctx, 'property', m.settings.property.attrs.map((a) => a.key));
    reportRepeats(ctx, 'defaults setting', m.settings.defaults.attrs.map((a) => a.key));
    reportRepeats(ctx, 'op-defaults setting', m.settings['op-defaults'].attrs.map((a) => a.key));
    return {
      primitive(p) {
        if (p.params.values.size < p.params.attrs.length) reportRepeats(ctx, `parameter of '${p.name}'`, p.params.attrs.map((a) => a.key));
        // A parameter under its deprecated name and its new one (ipaddr and ip): one parameter set twice.
        for (const attr of p.params.values.values()) {
          const renamed = ctx.catalogue.param(p.agent.id, attr.key.text)?.obsoletedBy;
          const now = renamed !== undefined ? p.params.values.get(renamed) : undefined;
          if (now) {
            ctx.report({
              node: attr,
              property: 'key',
              message: `'${attr.key.text}' and '${renamed}' are one parameter of ${p.agent.id} ('${attr.key.text}' is its deprecated name), set twice`,
              help: [`keep ${renamed}=… only`],
              related: [{ node: now.key, message: `'${renamed}' is set here` }],
            });
          }
        }
        if (p.meta.values.size < p.meta.attrs.length) reportRepeats(ctx, `meta attribute of '${p.name}'`, p.meta.attrs.map((a) => a.key));
        for (const op of p.ops) if (op.decl.attrs.length > 1 && hasRepeatedKey(op.decl.attrs)) reportRepeats(ctx, `attribute of op '${op.name}'`, op.decl.attrs.map((a) => a.key));
        if (p.commands.length > 1) reportRepeats(ctx, `command of '${p.name}'`, p.commands.map((c) => c.action));
      },
    };
  },
};
