import type { Rule } from './rule.js';
import { ha001 } from './rules/ha001.js';
import { ha002 } from './rules/ha002.js';
import { ha003 } from './rules/ha003.js';
import { ha101 } from './rules/ha101.js';
import { ha102 } from './rules/ha102.js';
import { ha103 } from './rules/ha103.js';
import { ha104 } from './rules/ha104.js';
import { ha301 } from './rules/ha301.js';
import { ha305 } from './rules/ha305.js';
import { ha401 } from './rules/ha401.js';
import { ha402 } from './rules/ha402.js';
import { ha403 } from './rules/ha403.js';
import { ha404 } from './rules/ha404.js';
import { ha405 } from './rules/ha405.js';
import { ha406 } from './rules/ha406.js';
import { ha501 } from './rules/ha501.js';

/** Rules that report the parser's findings; the only ones that run on a file without a cluster block. */
export const syntaxRules: readonly Rule[] = [ha001, ha003];

/** Rules over the resolved model, sorted by code. */
export const clusterRules: readonly Rule[] = [
  ha002,
  ha101,
  ha102,
  ha103,
  ha104,
  ha301,
  ha305,
  ha401,
  ha402,
  ha403,
  ha404,
  ha405,
  ha406,
  ha501,
];

/** Every rule, sorted by code. */
export const rules: readonly Rule[] = [...syntaxRules, ...clusterRules].sort((a, b) => (a.code < b.code ? -1 : 1));

export function ruleByCode(code: string): Rule | undefined {
  const wanted = code.toUpperCase();
  return rules.find((r) => r.code === wanted);
}
