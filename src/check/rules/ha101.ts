import type * as A from '../../syntax/ast.js';
import { explicitIds } from '../../model/model.js';
import type { Rule, RuleContext } from '../rule.js';
import { labCluster } from '../examples.js';

function reportRepeats(ctx: RuleContext, what: string, names: readonly A.Ident[]): void {
  if (names.length < 2) return;
  const first = new Map<string, A.Ident>();
  for (const n of names) {
    const earlier = first.get(n.text);
    if (!earlier) {
      first.set(n.text, n);
      continue;
    }
    ctx.report({
      node: n,
      message: `${what} '${n.text}' is already declared on line ${earlier.span.start.line}`,
      help: ['give each one its own name, or remove the repeat'],
      related: [{ node: earlier, message: 'first declared here' }],
    });
  }
}

/** Whether two of the keys of `blocks` are the same: a check without allocation for the common case of none. */
function hasRepeatedKey(blocks: readonly { readonly attrs: readonly A.Attr[] }[]): boolean {
  for (let i = 0; i < blocks.length; i++) {
    const a = blocks[i]!.attrs;
    for (let j = 0; j < a.length; j++) {
      const key = a[j]!.key.text;
      for (let k = j + 1; k < a.length; k++) if (a[k]!.key.text === key) return true;
      for (let l = i + 1; l < blocks.length; l++) for (const b of blocks[l]!.attrs) if (b.key.text === key) return true;
    }
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
    const ids: A.Ident[] = [...m.primitives, ...m.groups, ...m.constraints].map((d) => d.name);
    ids.push(...explicitIds(m));
    ids.sort((a, b) => a.span.start.offset - b.span.start.offset);
    reportRepeats(ctx, 'id', ids);
    reportRepeats(ctx, 'node id', m.nodes.flatMap((n) => n.attrs.filter((a) => a.key.text === 'id').map((a) => a.value)));
    reportRepeats(ctx, 'machine', [...m.nodes, ...m.hosts].map((d) => d.name).sort((a, b) => a.span.start.offset - b.span.start.offset));
    for (const kind of ['property', 'defaults', 'op-defaults'] as const) {
      reportRepeats(ctx, kind === 'property' ? 'property' : `${kind} setting`, m.settings.filter((s) => s.kind === kind).flatMap((s) => s.attrs.map((a) => a.key)));
    }
    for (const p of m.primitives) {
      if (hasRepeatedKey(p.params)) reportRepeats(ctx, `parameter of '${p.name.text}'`, p.params.flatMap((b) => b.attrs.map((a) => a.key)));
      if (hasRepeatedKey(p.meta)) reportRepeats(ctx, `meta attribute of '${p.name.text}'`, p.meta.flatMap((b) => b.attrs.map((a) => a.key)));
      for (const op of p.ops) if (op.attrs.length > 1 && hasRepeatedKey([op])) reportRepeats(ctx, `attribute of op '${op.name.text}'`, op.attrs.map((a) => a.key));
      if (p.commands.length > 1) reportRepeats(ctx, `command of '${p.name.text}'`, p.commands.map((c) => c.action));
    }
  },
};
