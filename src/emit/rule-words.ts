// A CIB rule in words, for SUMMARY.md: "where pingd is not set or pingd < 1 (integer)".

import { assertNever } from '../assert-never.js';
import { attrValue as attr, ruleBooleanOp, type CibRule, type CibRuleChild, type XmlAttr } from '../cib/model.js';


const COMPARISON: Readonly<Record<string, string>> = { lt: '<', gt: '>', lte: '≤', gte: '≥', eq: '=', ne: '≠' };

function pairsInWords(attrs: readonly XmlAttr[]): string {
  return attrs.map(([k, v]) => `${k} ${v}`).join(', ');
}

function childInWords(c: CibRuleChild): string {
  switch (c.kind) {
    case 'rule':
      return `(${expressionInWords(c)})`;
    case 'expression': {
      const [operation = '', attribute = '', type, value = '', source] = ['operation', 'attribute', 'type', 'value', 'value-source'].map((n) => attr(c.attrs, n));
      if (operation === 'defined') return `${attribute} is set`;
      if (operation === 'not_defined') return `${attribute} is not set`;
      const shown = source ? `the resource's ${source === 'param' ? 'parameter' : 'meta attribute'} ${value}` : value;
      return `${attribute} ${COMPARISON[operation] ?? operation} ${shown}${type ? ` (${type})` : ''}`;
    }
    case 'date_expression': {
      const [operation, start, end] = ['operation', 'start', 'end'].map((n) => attr(c.attrs, n));
      if (operation === 'date_spec') return `the time matches ${pairsInWords(c.part?.attrs ?? [])}`;
      if (operation === 'gt') return `after ${start}`;
      if (operation === 'lt') return `before ${end}`;
      const until = c.part?.kind === 'duration' ? `for ${pairsInWords(c.part.attrs)}` : `until ${end}`;
      return start !== undefined ? `from ${start} ${until}` : until;
    }
    case 'rsc_expression':
      return `the resource's agent is ${['class', 'provider', 'type'].map((n) => attr(c.attrs, n) ?? '*').join(':')}`;
    case 'op_expression':
      return `the operation is ${attr(c.attrs, 'name')}${attr(c.attrs, 'interval') ? ` every ${attr(c.attrs, 'interval')}` : ''}`;
    default:
      return assertNever(c);
  }
}

/** The expression of a rule in words. */
export function expressionInWords(rule: CibRule): string {
  const op = ruleBooleanOp(rule);
  return rule.children.map(childInWords).join(` ${op} `);
}

/** What a location rule does: "never where …", "prefers (score 50) where …". */
export function locationRuleInWords(rule: CibRule): string {
  const score = attr(rule.attrs, 'score');
  const from = attr(rule.attrs, 'score-attribute');
  const role = attr(rule.attrs, 'role');
  const what = from !== undefined ? `scored by node attribute ${from}` : score === '-INFINITY' ? 'never' : score?.startsWith('-') ? `avoids (score ${score})` : `prefers (score ${score})`;
  return `${what}${role ? ` in role ${role}` : ''} where ${expressionInWords(rule)}`;
}
