import type { Rule } from './rule.js';
import { ha001 } from './rules/ha001.js';
import { ha002 } from './rules/ha002.js';
import { ha003 } from './rules/ha003.js';
import { ha101 } from './rules/ha101.js';
import { ha102 } from './rules/ha102.js';
import { ha103 } from './rules/ha103.js';
import { ha104 } from './rules/ha104.js';
import { ha105 } from './rules/ha105.js';
import { ha106 } from './rules/ha106.js';
import { ha107 } from './rules/ha107.js';
import { ha108 } from './rules/ha108.js';
import { ha109 } from './rules/ha109.js';
import { ha110 } from './rules/ha110.js';
import { ha201 } from './rules/ha201.js';
import { ha202 } from './rules/ha202.js';
import { ha203 } from './rules/ha203.js';
import { ha204 } from './rules/ha204.js';
import { ha205 } from './rules/ha205.js';
import { ha206 } from './rules/ha206.js';
import { ha207 } from './rules/ha207.js';
import { ha208 } from './rules/ha208.js';
import { ha209 } from './rules/ha209.js';
import { ha210 } from './rules/ha210.js';
import { ha211 } from './rules/ha211.js';
import { ha212 } from './rules/ha212.js';
import { ha213 } from './rules/ha213.js';
import { ha214 } from './rules/ha214.js';
import { ha215 } from './rules/ha215.js';
import { ha216 } from './rules/ha216.js';
import { ha217 } from './rules/ha217.js';
import { ha218 } from './rules/ha218.js';
import { ha219 } from './rules/ha219.js';
import { ha220 } from './rules/ha220.js';
import { ha221 } from './rules/ha221.js';
import { ha222 } from './rules/ha222.js';
import { ha223 } from './rules/ha223.js';
import { ha224 } from './rules/ha224.js';
import { ha301 } from './rules/ha301.js';
import { ha302 } from './rules/ha302.js';
import { ha303 } from './rules/ha303.js';
import { ha304 } from './rules/ha304.js';
import { ha305 } from './rules/ha305.js';
import { ha306 } from './rules/ha306.js';
import { ha307 } from './rules/ha307.js';
import { ha308 } from './rules/ha308.js';
import { ha309 } from './rules/ha309.js';
import { ha310 } from './rules/ha310.js';
import { ha401 } from './rules/ha401.js';
import { ha402 } from './rules/ha402.js';
import { ha403 } from './rules/ha403.js';
import { ha404 } from './rules/ha404.js';
import { ha405 } from './rules/ha405.js';
import { ha406 } from './rules/ha406.js';
import { ha407 } from './rules/ha407.js';
import { ha408 } from './rules/ha408.js';
import { ha409 } from './rules/ha409.js';
import { ha410 } from './rules/ha410.js';
import { ha411 } from './rules/ha411.js';
import { ha412 } from './rules/ha412.js';
import { ha413 } from './rules/ha413.js';
import { ha414 } from './rules/ha414.js';
import { ha415 } from './rules/ha415.js';
import { ha416 } from './rules/ha416.js';
import { ha417 } from './rules/ha417.js';
import { ha418 } from './rules/ha418.js';
import { ha419 } from './rules/ha419.js';
import { ha420 } from './rules/ha420.js';
import { ha421 } from './rules/ha421.js';
import { ha422 } from './rules/ha422.js';
import { ha423 } from './rules/ha423.js';
import { ha424 } from './rules/ha424.js';
import { ha425 } from './rules/ha425.js';
import { ha426 } from './rules/ha426.js';
import { ha427 } from './rules/ha427.js';
import { ha429 } from './rules/ha429.js';
import { ha430 } from './rules/ha430.js';
import { ha431 } from './rules/ha431.js';
import { ha432 } from './rules/ha432.js';
import { ha433 } from './rules/ha433.js';
import { ha434 } from './rules/ha434.js';
import { ha435 } from './rules/ha435.js';
import { ha436 } from './rules/ha436.js';
import { ha501 } from './rules/ha501.js';
import { ha502 } from './rules/ha502.js';
import { ha503 } from './rules/ha503.js';

/** Rules that report the parser's findings; the only ones that run on a file without a cluster block. */
export const syntaxRules: readonly Rule[] = [ha001, ha003];

/** Rules over the resolved model, sorted by code. */
export const clusterRules: readonly Rule[] = [
  ha002,
  ha101,
  ha102,
  ha103,
  ha104,
  ha105,
  ha106,
  ha107,
  ha108,
  ha109,
  ha110,
  ha201,
  ha202,
  ha203,
  ha204,
  ha205,
  ha206,
  ha207,
  ha208,
  ha209,
  ha210,
  ha211,
  ha212,
  ha213,
  ha214,
  ha215,
  ha216,
  ha217,
  ha218,
  ha219,
  ha220,
  ha221,
  ha222,
  ha223,
  ha224,
  ha301,
  ha302,
  ha303,
  ha304,
  ha305,
  ha306,
  ha307,
  ha308,
  ha309,
  ha310,
  ha401,
  ha402,
  ha403,
  ha404,
  ha405,
  ha406,
  ha407,
  ha408,
  ha409,
  ha410,
  ha411,
  ha412,
  ha413,
  ha414,
  ha415,
  ha416,
  ha417,
  ha418,
  ha419,
  ha420,
  ha421,
  ha422,
  ha423,
  ha424,
  ha425,
  ha426,
  ha427,
  ha429,
  ha430,
  ha431,
  ha432,
  ha433,
  ha434,
  ha435,
  ha436,
  ha501,
  ha502,
  ha503,
];

/** Every rule, sorted by code. */
export const rules: readonly Rule[] = [...syntaxRules, ...clusterRules].sort((a, b) => (a.code < b.code ? -1 : 1));

export function ruleByCode(code: string): Rule | undefined {
  const wanted = code.toUpperCase();
  return rules.find((r) => r.code === wanted);
}
