// A location's rules to `<rule>` elements, as pcs 0.11 writes them from `pcs constraint location R
// rule …` (pcs/rule.py, CibBuilder): and/or read left to right; a run of one operator is one
// `<rule boolean-op>`, an operand with the other operator is a nested `<rule id="RULE-rule">`
// (score="0": the schema wants one, Pacemaker ignores it); parentheses only group, unless they carry
// `id=`, which always nests. Ids: `CONSTRAINT-rule`, `RULE-expr` (then -1, -2 as taken),
// `EXPR-datespec`, `EXPR-duration`, each allocated as pcs's find_unique_id does.

import { assertNever } from '../assert-never.js';
import { ruleBooleanOp, type CibRule, type CibRuleChild, type XmlAttr } from '../cib/model.js';
import { LEGACY_INTEGER_TYPE, type BoolOp } from '../language/rule.js';
import { platformRole, type RoleSpelling } from '../language/roles.js';
import type { Rule } from '../model/model.js';
import type * as A from '../syntax/ast.js';
import type { IdAllocator } from './ids.js';

/** The expression as pcs's parser sees it: binary and/or, left to right; groups with an id kept. */
type Tree =
  | { readonly kind: 'bool'; readonly op: BoolOp; readonly left: Tree; readonly right: Tree }
  | { readonly kind: 'nest'; readonly id: string; readonly tree: Tree }
  | { readonly kind: 'leaf'; readonly expr: Exclude<A.RuleExpr, A.RuleBool | A.RuleGroup> };

function treeOf(e: A.RuleExpr): Tree {
  switch (e.kind) {
    case 'rule-bool': {
      let tree = treeOf(e.operands[0]!);
      e.operators.forEach((op, i) => {
        tree = { kind: 'bool', op: op.text.toLowerCase() as BoolOp, left: tree, right: treeOf(e.operands[i + 1]!) };
      });
      return tree;
    }
    case 'rule-group': {
      const id = e.attrs.filter((a) => a.key.text === 'id').pop()?.value.text;
      return id === undefined ? treeOf(e.expr) : { kind: 'nest', id, tree: treeOf(e.expr) };
    }
    case 'rule-defined':
    case 'rule-compare':
    case 'rule-date':
    case 'rule-date-spec':
    case 'rule-resource':
    case 'rule-op':
      return { kind: 'leaf', expr: e };
    default:
      return assertNever(e);
  }
}

/** What a rule is written for: the ids so far, the platform's role names and schema generation. */
export interface RuleTarget {
  readonly ids: IdAllocator;
  readonly roles: RoleSpelling;
  /** Schema 2.x (el6/el7): no `integer` type (pcs writes `number`). */
  readonly legacySchema: boolean;
}

interface MutableRule {
  readonly id: string;
  booleanOp?: BoolOp;
  readonly children: CibRuleChild[];
}

function pairs(attrs: readonly A.Attr[]): XmlAttr[] {
  return attrs.map((a) => [a.key.text, a.value.text]);
}

class RuleWriter {
  constructor(private readonly t: RuleTarget) {}

  rule(id: string, tree: Tree): MutableRule {
    const r: MutableRule = { id, children: [] };
    this.fill(r, tree);
    return r;
  }

  private fill(r: MutableRule, tree: Tree): void {
    switch (tree.kind) {
      case 'bool':
        r.booleanOp = tree.op;
        for (const side of [tree.left, tree.right]) {
          if (side.kind === 'bool' && side.op !== tree.op) r.children.push(nested(this.rule(this.t.ids.allocate(`${r.id}-rule`), side)));
          else this.fill(r, side);
        }
        return;
      case 'nest':
        // (A written id is the user's: reserved, never allocated.)
        r.children.push(nested(this.rule(tree.id, tree.tree)));
        return;
      case 'leaf':
        r.children.push(this.leaf(r.id, tree.expr));
        return;
      default:
        return assertNever(tree);
    }
  }

  private leaf(ruleId: string, e: Exclude<A.RuleExpr, A.RuleBool | A.RuleGroup>): CibRuleChild {
    switch (e.kind) {
      case 'rule-defined':
        return { kind: 'expression', id: this.t.ids.allocate(`${ruleId}-expr`), attrs: [['operation', e.operator.text.toLowerCase()], ['attribute', e.attribute.text]] };
      case 'rule-compare': {
        const type = e.type?.text.toLowerCase();
        const attrs: XmlAttr[] = [
          ['operation', e.operator.text.toLowerCase()],
          ['attribute', e.attribute.text],
          ...(type ? [['type', type === 'integer' && this.t.legacySchema ? LEGACY_INTEGER_TYPE : type] as const] : []),
          ['value', e.value.text],
          ...(e.source ? [['value-source', e.source.text.toLowerCase()] as const] : []),
        ];
        return { kind: 'expression', id: this.t.ids.allocate(`${ruleId}-expr`), attrs };
      }
      case 'rule-date': {
        const id = this.t.ids.allocate(`${ruleId}-expr`);
        const attrs: XmlAttr[] = [['operation', e.operator.text.toLowerCase()], ...(e.from ? [['start', e.from.text] as const] : []), ...(e.to ? [['end', e.to.text] as const] : [])];
        return { kind: 'date_expression', id, attrs, ...(e.duration ? { part: { kind: 'duration', id: this.t.ids.allocate(`${id}-duration`), attrs: pairs(e.duration) } } : {}) };
      }
      case 'rule-date-spec': {
        const id = this.t.ids.allocate(`${ruleId}-expr`);
        return { kind: 'date_expression', id, attrs: [['operation', 'date_spec']], part: { kind: 'date_spec', id: this.t.ids.allocate(`${id}-datespec`), attrs: pairs(e.attrs) } };
      }
      case 'rule-resource': {
        const [cls = '', provider = '', type = ''] = e.agent.text.split(':');
        const attrs: XmlAttr[] = [
          ...(cls ? [['class', cls] as const] : []),
          ...(provider ? [['provider', provider] as const] : []),
          ...(type ? [['type', type] as const] : []),
        ];
        return { kind: 'rsc_expression', id: this.t.ids.allocate(`${ruleId}-rsc-${[cls, provider, type].filter(Boolean).join('-')}`), attrs };
      }
      case 'rule-op':
        return { kind: 'op_expression', id: this.t.ids.allocate(`${ruleId}-op-${e.name.text}`), attrs: [['name', e.name.text], ...pairs(e.attrs)] };
      default:
        return assertNever(e);
    }
  }
}

/** A nested rule: its boolean-op, and score 0 (pcs writes one; 2.10 needs one). */
function nested(r: MutableRule): CibRule {
  return { kind: 'rule', id: r.id, attrs: [...(r.booleanOp ? [['boolean-op', r.booleanOp] as const] : []), ['score', '0']], children: r.children };
}

/**
 * Whether parentheses without an id give this nested rule, as they give it to pcs too (fill): an
 * operator run other than its parent's, beside another operand of the parent. Any other nested
 * rule needs its id written (import), and pcs cannot write it (setup.sh loads it as XML).
 */
export function nestsWithoutId(parent: CibRule, nested: CibRule): boolean {
  return parent.children.length > 1 && nested.children.length > 1 && ruleBooleanOp(nested) !== ruleBooleanOp(parent);
}

/**
 * A location's rule: `id=` or CONSTRAINT-rule, its boolean-op, role (the platform's spelling) and
 * score (INFINITY unless score= or score-attribute= is written), in pcs's attribute order.
 */
export function locationRule(constraintId: string, rule: Rule, t: RuleTarget): CibRule | undefined {
  const expr = rule.decl.expr;
  if (!expr) return undefined;
  const r = new RuleWriter(t).rule(rule.values.get('id')?.value.text ?? t.ids.allocate(`${constraintId}-rule`), treeOf(expr));
  const role = rule.values.get('role')?.value.text;
  const score = rule.values.get('score');
  const scoreAttribute = rule.values.get('score-attribute');
  const attrs: XmlAttr[] = [
    ...(r.booleanOp ? [['boolean-op', r.booleanOp] as const] : []),
    ...(role ? [['role', platformRole(role, t.roles)] as const] : []),
    ...(score ? [['score', score.value.text] as const] : []),
    ...(scoreAttribute ? [['score-attribute', scoreAttribute.value.text] as const] : []),
    ...(!score && !scoreAttribute ? [['score', 'INFINITY'] as const] : []),
  ];
  return { kind: 'rule', id: r.id, attrs, children: r.children };
}

/**
 * An attribute set's rule, as pcs writes one for `resource [op] defaults set create … rule …`
 * (lib/cib/nvpair_multi.py): `id=` or SET-rule, a boolean-op always, and score INFINITY only where
 * the schema wants one (2.x) unless the rule writes its own; a set's precedence is its own `score`.
 */
export function setRule(setId: string, rule: Rule, t: RuleTarget): CibRule | undefined {
  const expr = rule.decl.expr;
  if (!expr) return undefined;
  const r = new RuleWriter(t).rule(rule.values.get('id')?.value.text ?? t.ids.allocate(`${setId}-rule`), treeOf(expr));
  // A written score= stays (an imported CIB's: the schema before pacemaker-3.9 wants one; Pacemaker ignores it).
  const score = rule.values.get('score')?.value.text ?? (t.legacySchema ? 'INFINITY' : undefined);
  const attrs: XmlAttr[] = [['boolean-op', r.booleanOp ?? 'and'], ...(score !== undefined ? [['score', score] as const] : [])];
  return { kind: 'rule', id: r.id, attrs, children: r.children };
}
