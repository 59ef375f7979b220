import { Command } from 'commander';
import { ruleByCode, rules } from '../../check/registry.js';
import { explainText } from '../../check/explain.js';
import { UsageError, type Io } from '../io.js';

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
