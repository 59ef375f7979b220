import { Command } from 'commander';
import { ruleByCode, rules } from '../../check/registry.js';
import type { Rule } from '../../check/rule.js';
import { UsageError, type Io } from '../io.js';

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

export function explainCommand(io: Io): Command {
  return new Command('explain')
    .description('explain a rule: what it finds, why it matters, a bad and a good example')
    .argument('<code>', 'rule code, e.g. HA201')
    .action((code: string) => {
      const rule = ruleByCode(code);
      if (!rule) throw new UsageError(`unknown rule '${code}': the codes are ${rules.map((r) => r.code).join(', ')}`);
      io.stdout(explainText(rule));
    });
}
