// A CIB rule as the words of pcs's expression language: what `pcs constraint location … rule`
// takes (the setup script), and a rule's one-line form where rules are compared (plan's diff).
// Nested rules stand in parentheses; and/or join a rule's children in order.

import { assertNever } from '../assert-never.js';
import { EXPRESSION_KEYWORDS } from '../language/rule.js';
import { attrValue as attr, ruleBooleanOp, type CibRule, type CibRuleChild, type XmlAttr } from './model.js';


function pairs(attrs: readonly XmlAttr[]): string[] {
  return attrs.map(([k, v]) => `${k}=${v}`);
}

/** The words of one child; undefined when pcs's language has no words for it. */
function childWords(c: CibRuleChild): string[] | undefined {
  switch (c.kind) {
    case 'rule': {
      const inner = expressionWords(c);
      return inner && ['(', ...inner, ')'];
    }
    case 'expression': {
      const [operation = '', attribute = '', type, value] = ['operation', 'attribute', 'type', 'value'].map((n) => attr(c.attrs, n));
      if (operation === 'defined' || operation === 'not_defined') return [operation, attribute];
      if (value === undefined || attr(c.attrs, 'value-source') !== undefined) return undefined;
      return [attribute, operation, ...(type ? [type] : []), value];
    }
    case 'date_expression': {
      const [operation, start, end] = ['operation', 'start', 'end'].map((n) => attr(c.attrs, n));
      if (operation === 'date_spec') return c.part?.kind === 'date_spec' ? ['date-spec', ...pairs(c.part.attrs)] : undefined;
      if (operation === 'gt' && start !== undefined) return ['date', 'gt', start];
      if (operation === 'lt' && end !== undefined) return ['date', 'lt', end];
      if (operation !== 'in_range') return undefined;
      const upTo = c.part?.kind === 'duration' ? ['duration', ...pairs(c.part.attrs)] : end !== undefined ? [end] : undefined;
      return upTo && ['date', 'in_range', ...(start !== undefined ? [start] : []), 'to', ...upTo];
    }
    case 'rsc_expression': {
      const [cls = '', provider = '', type = ''] = ['class', 'provider', 'type'].map((n) => attr(c.attrs, n));
      return ['resource', `${cls}:${provider}:${type}`];
    }
    case 'op_expression':
      return ['op', attr(c.attrs, 'name') ?? '', ...pairs(c.attrs.filter(([k]) => k === 'interval'))];
    default:
      return assertNever(c);
  }
}

/** The expression of a rule as words (`defined`, `pingd`, `or`, …); undefined when some part has none. */
export function expressionWords(rule: CibRule): string[] | undefined {
  const op = ruleBooleanOp(rule);
  const out: string[] = [];
  for (const [i, c] of rule.children.entries()) {
    const words = childWords(c);
    if (!words) return undefined;
    if (i > 0) out.push(op);
    out.push(...words);
  }
  return out;
}

/** A value pcs's parser would read as something else: a keyword, a parenthesis, nothing. */
export function misreadInRule(word: string): boolean {
  return word === '' || /[()\s]/.test(word) || EXPRESSION_KEYWORDS.has(word.toLowerCase());
}

/** The rule on one line, for comparing two rules: its attributes (by name: their order in the XML says nothing), then its expression. */
export function ruleText(rule: CibRule): string {
  const words = expressionWords(rule) ?? ['<no pcs form>'];
  const attrs = rule.attrs.filter(([k]) => k !== 'boolean-op').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [...attrs.map(([k, v]) => `${k}=${v}`), ...words].join(' ');
}
