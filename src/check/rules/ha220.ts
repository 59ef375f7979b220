import { BOOTSTRAP_SET_ID, SET_SCORE_KEY } from '../../language/attribute-set.js';
import type { AttrBag, AttrBlock, ClusterModel } from '../../model/model.js';
import type * as A from '../../syntax/ast.js';
import type { Rule } from '../rule.js';
import { labCluster } from '../examples.js';

/** Every owner's sets of one kind that has sets of their own, with what the kind is called. */
function bagsWithSets(m: ClusterModel): { readonly bag: AttrBag; readonly property: boolean }[] {
  const bags: AttrBag[] = [
    ...m.primitives.flatMap((p) => [p.params, p.meta, p.utilization]),
    ...m.groups.map((g) => g.meta),
    ...m.clones.map((c) => c.meta),
    ...[...m.nodes, ...m.remoteNodes].flatMap((n) => [n.attributes, n.utilization]),
    m.settings.defaults,
    m.settings['op-defaults'],
  ];
  return [...bags.filter((b) => b.blocks.length > 0).map((bag) => ({ bag, property: false })), ...(m.settings.property.blocks.length > 0 ? [{ bag: m.settings.property, property: true }] : [])];
}

/** A set's score as Pacemaker orders sets (INFINITY above every number). */
function scoreOf(text: string | undefined): number {
  if (text === undefined) return 0;
  const t = text.replace(/^\+/, '');
  if (t === 'INFINITY') return Number.MAX_SAFE_INTEGER;
  if (t === '-INFINITY') return Number.MIN_SAFE_INTEGER;
  const n = Number(t);
  return Number.isFinite(n) ? n : 0;
}

export const ha220: Rule = {
  code: 'HA220',
  name: 'set-never-applies',
  severity: 'warning',
  docs: {
    summary: 'An attribute set that never applies: every name it sets is set by a set that always wins over it (a higher score, or the same score earlier, without a rule), or by cib-bootstrap-options.',
    rationale:
      "Pacemaker reads an owner's sets of a kind in order of score, highest first, then in document order (the default set first), and the first value of a name wins. A set whose every name an unconditional set before it already gives never changes anything; so a scored set of properties whose names cib-bootstrap-options also holds: Pacemaker reads cib-bootstrap-options first whatever the scores (crm_simulate shows the bootstrap value in force). Such a set is usually meant to override: raise its score, give it a rule, or move the names out of the set that wins.",
    bad: labCluster(`  property stop-all-resources=false
  property $id=maintenance $score=100 { stop-all-resources=true }
`),
    good: labCluster(`  property $id=maintenance $score=100 { stop-all-resources=true }
`),
  },
  check(ctx) {
    for (const { bag, property } of bagsWithSets(ctx.model)) {
      // Precedence order: score, then written order with the default set first (its CIB place).
      const defaultSet = bag.lines.length > 0 ? [{ block: undefined, names: [...bag.values.keys()], score: 0, order: 0, conditional: false, anchor: bag.lines[0]!.keyword as A.Spanned }] : [];
      const own = bag.blocks
        .filter((b) => !b.idRef)
        .map((b: AttrBlock, i) => ({ block: b, names: [...b.values.keys()], score: scoreOf(b.score?.value.text), order: i + 1, conditional: b.rule !== undefined, anchor: (b.score ?? b.decl.keyword) as A.Spanned }));
      const sets = [...defaultSet, ...own];
      // Pacemaker reads the default property set before every other, whatever their scores.
      const bootstrap = property && (bag.setId === undefined || bag.setId.value.text === BOOTSTRAP_SET_ID);
      const ranked = [...sets].sort((a, b) => (bootstrap && a.block === undefined ? -1 : bootstrap && b.block === undefined ? 1 : b.score - a.score || a.order - b.order));
      ranked.forEach((set, i) => {
        if (set.names.length === 0) return;
        const winners = ranked.slice(0, i).filter((w) => !w.conditional);
        const shadowed = set.names.every((name) => winners.some((w) => w.names.includes(name)));
        if (!shadowed) return;
        const byBootstrap = bootstrap && set.block !== undefined && set.names.every((name) => defaultSet[0]?.names.includes(name));
        ctx.report({
          node: set.anchor,
          message: byBootstrap
            ? `this property set never applies: cib-bootstrap-options sets ${set.names.join(', ')} and Pacemaker reads it first, whatever the scores`
            : `this set never applies: every name it sets (${set.names.join(', ')}) is set by a set read before it${set.block ? '' : ' (a set of its own with a higher score)'}`,
          help: byBootstrap
            ? ['take those names out of the plain property lines, or give this set a rule so it is meant to apply only sometimes (it still loses to cib-bootstrap-options)']
            : [`give it a higher ${SET_SCORE_KEY}= or a rule, or take the names out of the set that wins`],
        });
      });
    }
  },
};
