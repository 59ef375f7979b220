import type { Rule } from './rule.js';

/** What `hacc explain CODE` prints, and the language server's hover on a code: a rule's docs as text. */
export function explainText(rule: Rule): string {
  const indent = (s: string) => s.trimEnd().split('\n').map((l) => `    ${l}`).join('\n');
  return [
    `${rule.code} ${rule.name} (${rule.severity})`,
    '',
    rule.docs.summary,
    '',
    `Why: ${rule.docs.rationale}`,
    '',
    'Bad:',
    indent(rule.docs.bad),
    '',
    'Good:',
    indent(rule.docs.good),
    '',
  ].join('\n');
}
