import type { ClusterModel } from '../model/model.js';
import type * as A from '../syntax/ast.js';

/** Where an attribute was written: a statement, or a line of a primitive's body. */
export type AttrOwner =
  | { readonly kind: 'node' | 'host'; readonly decl: A.MachineDecl }
  | { readonly kind: 'auth'; readonly decl: A.AuthDecl }
  | { readonly kind: 'property' | 'defaults' | 'op-defaults'; readonly decl: A.SettingsDecl }
  | { readonly kind: 'params' | 'meta'; readonly decl: A.PrimitiveDecl }
  | { readonly kind: 'op'; readonly decl: A.PrimitiveDecl; readonly op: A.OpDecl }
  | { readonly kind: 'group-meta'; readonly decl: A.GroupDecl }
  | { readonly kind: 'colocation' | 'order'; readonly decl: A.PairConstraintDecl }
  | { readonly kind: 'location'; readonly decl: A.LocationDecl };

const attributesOf = new WeakMap<ClusterModel, readonly { readonly attr: A.Attr; readonly owner: AttrOwner }[]>();

/** Every `key=value` in the file with its owner, in source order (listed once per model). */
export function attributes(model: ClusterModel): readonly { readonly attr: A.Attr; readonly owner: AttrOwner }[] {
  const cached = attributesOf.get(model);
  if (cached) return cached;
  const out: { attr: A.Attr; owner: AttrOwner }[] = [];
  if (model.auth) for (const attr of model.auth.attrs) out.push({ attr, owner: { kind: 'auth', decl: model.auth } });
  for (const m of [...model.nodes, ...model.hosts]) for (const attr of m.attrs) out.push({ attr, owner: { kind: m.kind, decl: m } });
  for (const s of model.settings) for (const attr of s.attrs) out.push({ attr, owner: { kind: s.kind, decl: s } });
  for (const p of model.primitives) {
    for (const b of p.params) for (const attr of b.attrs) out.push({ attr, owner: { kind: 'params', decl: p } });
    for (const b of p.meta) for (const attr of b.attrs) out.push({ attr, owner: { kind: 'meta', decl: p } });
    for (const op of p.ops) for (const attr of op.attrs) out.push({ attr, owner: { kind: 'op', decl: p, op } });
  }
  for (const g of model.groups) {
    for (const item of g.items) if (item.kind === 'meta') for (const attr of item.block.attrs) out.push({ attr, owner: { kind: 'group-meta', decl: g } });
  }
  for (const c of model.constraints) {
    if (c.kind === 'location') for (const attr of c.attrs) out.push({ attr, owner: { kind: 'location', decl: c } });
    else for (const attr of c.attrs) out.push({ attr, owner: { kind: c.kind, decl: c } });
  }
  out.sort((a, b) => a.attr.span.start.offset - b.attr.span.start.offset);
  attributesOf.set(model, out);
  return out;
}

/** Calls `visit` on every `key=value` in the file, in no particular order (no list is built). */
export function forEachAttribute(model: ClusterModel, visit: (attr: A.Attr) => void): void {
  const all = (attrs: readonly A.Attr[]) => {
    for (const a of attrs) visit(a);
  };
  if (model.auth) all(model.auth.attrs);
  for (const m of model.nodes) all(m.attrs);
  for (const m of model.hosts) all(m.attrs);
  for (const s of model.settings) all(s.attrs);
  for (const p of model.primitives) {
    for (const b of p.params) all(b.attrs);
    for (const b of p.meta) all(b.attrs);
    for (const op of p.ops) all(op.attrs);
  }
  for (const g of model.groups) for (const item of g.items) if (item.kind === 'meta') all(item.block.attrs);
  for (const c of model.constraints) if (c.kind !== 'location') all(c.attrs);
}

/** The `addr=` values of a node or host. */
export function addrAttrs(m: A.MachineDecl): A.Attr[] {
  return m.attrs.filter((a) => a.key.text === 'addr');
}
