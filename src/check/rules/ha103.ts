import { constraintRefs, remoteNodeNames } from '../../model/model.js';
import { assertNever } from '../../syntax/ast.js';
import type * as A from '../../syntax/ast.js';
import { misspelt, NameIndex } from '../../syntax/didyoumean.js';
import type { Rule, RuleContext } from '../rule.js';
import { labCluster } from '../examples.js';

function unknown(ctx: RuleContext, ref: A.Ident, kind: string, candidates: NameIndex): void {
  ctx.report({ node: ref, message: `unknown ${kind} '${ref.text}'`, ...misspelt(ref.text, candidates) });
}

export const ha103: Rule = {
  code: 'HA103',
  name: 'unknown-reference',
  severity: 'error',
  docs: {
    summary: 'A group member, clone child, constraint, location or fencing level names a resource or node that is not declared; a `$id-ref=` names no attribute set.',
    rationale:
      'pcs refuses a constraint on a resource that does not exist, and a location on a misspelt node silently never applies: the resource runs wherever Pacemaker likes.',
    bad: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location web-prefers-a web prefers aa=100
`),
    good: labCluster(`  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location web-prefers-a web prefers a=100
`),
  },
  check(ctx) {
    const m = ctx.model;
    // Indexed once, for every misspelt reference.
    const resources = new NameIndex(m.allResources.map((r) => r.name));
    const primitives = new NameIndex(m.primitives.map((p) => p.name));
    const cloneable = new NameIndex([...m.primitives, ...m.groups].map((r) => r.name));
    // A location may name a remote or guest node (its connection resource's id, a `remote-node=`).
    const guests = remoteNodeNames(m);
    const nodes = new NameIndex([...m.nodes.map((n) => n.name), ...guests]);
    // A constraint may name a tag wherever it names a resource; a tag's members are resources.
    const tags = new Set(m.tags.map((t) => t.name));
    const constrained = new NameIndex([...m.allResources.map((r) => r.name), ...tags]);
    const templates = new NameIndex(m.templates.map((t) => t.name));
    const operations = new NameIndex([...m.primitives, ...m.templates].flatMap((p) => (p.operations?.id ? [p.operations.id.value.text] : [])));
    for (const p of [...m.primitives, ...m.templates]) {
      const ref = p.operations?.ref;
      if (ref && !ref.target) ctx.report({ node: ref.ident, message: `no operations line has $id=${ref.ident.text}`, ...misspelt(ref.ident.text, operations, 'a reference names the operations of a primitive by the $id= of its operations line') });
    }
    const sets = new NameIndex([...m.namedSets.keys()]);
    for (const b of m.ownSets) {
      // (A settings statement takes no reference at all: HA001's.)
      const settings = b.decl.keyword.text === 'property' || b.decl.keyword.text === 'defaults' || b.decl.keyword.text === 'op-defaults';
      if (b.idRef && !b.idRef.target && !settings) {
        ctx.report({ node: b.idRef.ident, message: `no attribute set has $id=${b.idRef.ident.text}`, ...misspelt(b.idRef.ident.text, sets, 'a reference names a set by the $id= written on it') });
      }
    }
    for (const t of m.tags) for (const ref of t.members) if (!ref.target && !tags.has(ref.ident.text)) unknown(ctx, ref.ident, 'resource', resources);
    // (A tag listed as a member is HA105's.)
    for (const g of m.groups) for (const item of g.items) if (!item.target && !tags.has(item.ident.text)) unknown(ctx, item.ident, 'resource', primitives);
    for (const c of m.clones) for (const item of c.items) if (!item.target && !tags.has(item.ident.text)) unknown(ctx, item.ident, 'resource', cloneable);
    for (const c of m.constraints) {
      switch (c.kind) {
        case 'location':
          if (c.rsc && !c.rsc.target && !tags.has(c.rsc.ident.text)) unknown(ctx, c.rsc.ident, 'resource', constrained);
          for (const t of c.targets) {
            if (t.node.target) continue;
            if (m.machines.get(t.node.ident.text)?.some((h) => h.kind === 'host')) {
              ctx.report({
                node: t.node.ident,
                message: `'${t.node.ident.text}' is a host, not a cluster node: resources cannot run there`,
                help: ['name a node declared with `node`'],
              });
            } else if (!guests.has(t.node.ident.text)) unknown(ctx, t.node.ident, 'node', nodes);
          }
          break;
        case 'colocation':
        case 'order':
        case 'ticket':
          for (const ref of constraintRefs(c)) if (!ref.target && !tags.has(ref.ident.text)) unknown(ctx, ref.ident, 'resource', constrained);
          break;
        default:
          assertNever(c);
      }
    }
    const roles = new NameIndex(m.aclRoles.map((r) => r.name));
    for (const t of m.aclTargets) for (const ref of t.roles) if (!ref.target) unknown(ctx, ref.ident, 'acl-role', roles);
    const devices = new NameIndex(m.primitives.filter((p) => p.agent.fencing).map((p) => p.name));
    for (const l of m.fencingLevels) for (const ref of l.devices) if (!ref.target) unknown(ctx, ref.ident, 'fencing device', devices);
    for (const w of m.sbd?.watchdogs ?? []) {
      if (w.node && !m.nodes.some((n) => n.name === w.node!.value.text)) ctx.report({ node: w.node, property: 'value', message: `unknown node '${w.node.value.text}'`, ...misspelt(w.node.value.text, nodes) });
    }
    return {
      primitive(p) {
        // (A name that is something else than a template is HA105's.)
        if (p.template && !p.template.target && !m.ids.has(p.template.ident.text)) unknown(ctx, p.template.ident, 'template', templates);
      },
    };
  },
};
