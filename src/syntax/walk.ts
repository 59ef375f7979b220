import { assertNever, type Attr, type Ident, type Node } from './ast.js';

// The one walk over the syntax tree. forEachChild names every child of every kind of node, so a
// rule that wants "every attribute" or "every identifier" visits them all, wherever they stand.

/** Calls `f` on each child of a node, in source order (no list is built: this runs for every node). */
export function forEachChild(node: Node, f: (child: Node) => void): void {
  switch (node.kind) {
    case 'file':
      if (node.cluster) f(node.cluster);
      return;
    case 'cluster':
      f(node.name);
      return node.statements.forEach(f);
    case 'platform':
      return f(node.name);
    case 'autostart':
      return f(node.value);
    case 'auth':
      f(node.user);
      return node.attrs.forEach(f);
    case 'node':
    case 'host':
      f(node.name);
      node.attrs.forEach(f);
      return node.body?.forEach(f);
    case 'attr-set':
      f(node.keyword);
      if (node.setIds.length === 0 && node.pairIds.length === 0 && node.scores.length === 0 && node.idRefs.length === 0 && !node.rule) return node.attrs.forEach(f);
      return [...node.setIds, ...node.scores, ...node.idRefs, ...node.attrs, ...node.pairIds, ...(node.rule ? [node.rule] : [])].sort((a, b) => a.start - b.start).forEach(f);
    case 'primitive':
    case 'template':
      f(node.name);
      f(node.agent);
      return node.body?.forEach(f);
    case 'operations':
      f(node.keyword);
      return node.attrs.forEach(f);
    case 'description':
      f(node.keyword);
      return f(node.value);
    case 'op':
      f(node.name);
      node.attrs.forEach(f);
      return node.body?.forEach(f);
    case 'command':
      f(node.action);
      return f(node.value);
    case 'default-ops':
      return f(node.value);
    case 'group':
      f(node.name);
      return node.items.forEach(f);
    case 'clone':
      f(node.keyword);
      f(node.name);
      return node.items.forEach(f);
    case 'bundle':
      f(node.name);
      return node.items.forEach(f);
    case 'acl-role':
      f(node.name);
      return node.body?.forEach(f);
    case 'acl-target':
      f(node.keyword);
      f(node.name);
      return node.attrs.forEach(f);
    case 'acl-permission':
      f(node.keyword);
      return node.attrs.forEach(f);
    case 'member':
      return f(node.name);
    case 'location': {
      f(node.name);
      // Source order: the pairs may stand before or after the resource word.
      const head: (Ident | Attr)[] = node.resource ? [node.resource, ...node.attrs] : [...node.attrs];
      head.sort((a, b) => a.start - b.start).forEach(f);
      node.sets.forEach(f);
      if (node.mode) f(node.mode);
      node.targets.forEach(f);
      return node.rules.forEach(f);
    }
    case 'rule':
      f(node.keyword);
      node.attrs.forEach(f);
      if (node.expr) f(node.expr);
      return;
    case 'rule-bool':
      // A loop, not a closure: one that captured `node` and `f` would make every call of this
      // function allocate a context for them, whatever the kind (half the time of a large tree's walk).
      for (let i = 0; i < node.operands.length; i++) {
        f(node.operands[i]!);
        const op = node.operators[i];
        if (op) f(op);
      }
      return;
    case 'rule-group':
      node.attrs.forEach(f);
      return f(node.expr);
    case 'rule-defined':
      f(node.operator);
      return f(node.attribute);
    case 'rule-compare':
      f(node.attribute);
      f(node.operator);
      if (node.type) f(node.type);
      if (node.source) f(node.source);
      return f(node.value);
    case 'rule-date':
      f(node.keyword);
      f(node.operator);
      if (node.from) f(node.from);
      if (node.to) f(node.to);
      return node.duration?.forEach(f);
    case 'rule-date-spec':
      f(node.keyword);
      return node.attrs.forEach(f);
    case 'rule-resource':
      f(node.keyword);
      return f(node.agent);
    case 'rule-op':
      f(node.keyword);
      f(node.name);
      return node.attrs.forEach(f);
    case 'location-target':
      f(node.node);
      if (node.score) f(node.score);
      return;
    case 'colocation':
    case 'order':
      f(node.name);
      if (node.resource) f(node.resource);
      node.sets.forEach(f);
      if (node.target) f(node.target);
      return node.attrs.forEach(f);
    case 'tag':
      f(node.name);
      return node.members.forEach(f);
    case 'ticket':
      f(node.name);
      if (node.resource) f(node.resource);
      node.sets.forEach(f);
      f(node.ticket);
      return node.attrs.forEach(f);
    case 'resource-set':
      // Source order: members and pairs may stand in any order.
      return [...node.members, ...node.attrs].sort((a, b) => a.start - b.start).forEach(f);
    case 'fencing-level': {
      f(node.index);
      // Source order: the target and devices words and the pairs may stand in any order.
      const children: (Ident | Attr)[] = [...(node.target ? [node.target] : []), ...node.devices, ...node.attrs];
      return children.sort((a, b) => a.start - b.start).forEach(f);
    }
    case 'alert':
      f(node.name);
      f(node.path);
      return node.body?.forEach(f);
    case 'select':
      // Source order: kinds and pairs may stand in any order.
      return [...node.kinds, ...node.attrs].sort((a, b) => a.start - b.start).forEach(f);
    case 'recipient':
      f(node.value);
      node.attrs.forEach(f);
      return node.body?.forEach(f);
    case 'sbd':
    case 'corosync':
      f(node.keyword);
      return node.body.forEach(f);
    case 'stack-line':
    case 'bundle-line':
      f(node.keyword);
      node.words.forEach(f);
      return node.attrs.forEach(f);
    case 'attr':
      f(node.key);
      return f(node.value);
    case 'ident':
    case 'value':
    case 'comment':
      return;
    default:
      return assertNever(node);
  }
}

/** The children of a node, in source order. */
export function children(node: Node): Node[] {
  const out: Node[] = [];
  forEachChild(node, (c) => out.push(c));
  return out;
}

/**
 * Visits `node` and everything under it, parents before children, in source order. `visit` returns
 * false to skip a node's children.
 */
export function walk(node: Node, visit: (node: Node, parent: Node | undefined) => boolean | void): void {
  // One closure for the whole walk (not one per node: a large file has hundreds of thousands).
  let parent: Node | undefined;
  const go = (n: Node): void => {
    if (visit(n, parent) === false) return;
    const outer = parent;
    parent = n;
    forEachChild(n, go);
    parent = outer;
  };
  go(node);
}

/** Calls `visit` on every `key=value` under `node`, with the node that holds it. */
export function forEachAttr(node: Node, visit: (attr: Attr, owner: Node) => void): void {
  walk(node, (n, parent) => {
    if (n.kind === 'attr') {
      visit(n, parent!);
      return false;
    }
    return n.kind !== 'ident' && n.kind !== 'value';
  });
}
