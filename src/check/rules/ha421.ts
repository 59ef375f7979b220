import { assertNever } from '../../assert-never.js';
import { booleanValue } from '../../model/values.js';
import { constraintRefs, remoteNodeNames, settingValue, type Location, type Resource } from '../../model/model.js';
import { holdsOn, knownAttributes, nodeAttribute } from '../node-attributes.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

/** A top-level resource and everything it holds: a location on any of them places it. */
function family(r: Resource): Resource[] {
  switch (r.kind) {
    case 'primitive':
      return [r];
    case 'group':
      return [r, ...r.members];
    case 'clone':
      return [r, ...(r.child ? family(r.child) : [])];
    case 'bundle':
      return [r, ...(r.child ? [r.child] : [])];
    default:
      return assertNever(r);
  }
}

export const ha421: Rule = {
  code: 'HA421',
  name: 'runs-nowhere',
  severity: 'warning',
  docs: {
    summary:
      'A resource (a fencing device too) that can run nowhere: in an opt-in cluster (symmetric-cluster=false) no location constraint allows it on a node, or -INFINITY constraints ban it from every node (rules included, where the nodes\' attributes in the file tell that they hold).',
    rationale: 'Pacemaker leaves it stopped without a word in the configuration: the service, or the fencing the cluster relies on, is simply absent.',
    bad: labCluster(`  property symmetric-cluster=false
  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
`),
    good: labCluster(`  property symmetric-cluster=false
  primitive web ocf:pacemaker:Dummy {
    op monitor interval=10s
  }
  location web-on-a web prefers a=100
`),
  },
  check(ctx) {
    const m = ctx.model;
    // Remote and guest nodes host resources too.
    const machines = [...m.nodes, ...m.remoteNodes];
    const nodes = new Set([...machines.map((n) => n.name), ...remoteNodeNames(m)]);
    if (nodes.size === 0) return;
    const symmetric = settingValue(m, 'property', 'symmetric-cluster');
    const optIn = symmetric !== undefined && booleanValue(symmetric.value.text) === false;
    const locations = new Map<Resource, Location[]>();
    // A location places its resource, or each member of its resource sets.
    for (const c of m.constraints) {
      if (c.kind !== 'location') continue;
      for (const ref of constraintRefs(c)) if (ref.target) locations.set(ref.target, [...(locations.get(ref.target) ?? []), c]);
    }
    const scoreOf = (l: Location, i: number): string => {
      const written = l.decl.targets[i]!.score?.text ?? 'INFINITY';
      return l.decl.mode?.text === 'avoids' ? (written.startsWith('-') ? written.slice(1) : `-${written}`) : written;
    };
    // Top-level resources only: what they hold goes where they go.
    const known = knownAttributes(m);
    for (const r of m.resources) {
      const own = family(r).flatMap((x) => locations.get(x) ?? []).filter((l) => l.values.get('role') === undefined);
      const banned = new Set<string>();
      const banning = new Set<Location>();
      let allowed = false;
      for (const l of own) {
        // A rule's expression on each node, where the file can tell (a date, or an attribute only the
        // running cluster sets, cannot be told: such a rule may hold anywhere, or nowhere).
        for (const rule of l.rules) {
          if (!rule.decl.expr || rule.values.get('role')) continue;
          const score = rule.values.get('score-attribute') ? undefined : (rule.values.get('score')?.value.text ?? 'INFINITY');
          const holds = machines.map((n) => [n.name, holdsOn(rule.decl.expr!, (name) => nodeAttribute(n, name, known))] as const);
          if (score === '-INFINITY') {
            for (const [name, h] of holds) if (h === true) banned.add(name);
            if (holds.some(([, h]) => h === true)) banning.add(l);
          } else if (score === undefined || (!score.startsWith('-') && score !== '0')) {
            if (holds.some(([, h]) => h !== false)) allowed = true;
          }
        }
        l.targets.forEach((t, i) => {
          const score = scoreOf(l, i);
          if (score === '-INFINITY') {
            banned.add(t.node.ident.text);
            if (nodes.has(t.node.ident.text)) banning.add(l);
          } else if (!score.startsWith('-') && score !== '0') allowed = true;
        });
      }
      if ([...nodes].every((n) => banned.has(n))) {
        const last = [...banning].sort((a, b) => a.decl.start - b.decl.start).pop()!;
        ctx.report({ node: last.decl.name, message: `'${r.name}' is banned from every node: it can run nowhere`, help: ['let it run on at least one node'] });
      } else if (optIn && !allowed) {
        ctx.report({
          node: r.decl.name,
          message: `the cluster is opt-in (symmetric-cluster=false) and no location constraint lets '${r.name}' run on any node`,
          help: [`add e.g. location ${r.name}-on-${[...nodes][0]} ${r.name} prefers ${[...nodes][0]}=100`],
          related: [{ node: symmetric!, message: 'opt-in here' }],
        });
      }
    }
  },
};
