import { ROLES } from './roles.js';
import { key, type StatementVocabulary } from './vocabulary.js';

// `location ID RESOURCE [role=…] [resource-discovery=…] prefers|avoids NODE[=SCORE]…` or
// `… rule …` (language/rule.ts); `rsc-pattern=RE` in place of RESOURCE places every resource whose
// id the extended regular expression matches.

export const location = {
  keyword: 'location',
  context: 'cluster',
  described: 'a location constraint',
  keys: [key('role', 'select', ROLES), key('resource-discovery', 'select', ['always', 'never', 'exclusive']), key('rsc-pattern', 'string')],
} as const satisfies StatementVocabulary;

export type LocationMode = 'prefers' | 'avoids';
export const LOCATION_MODES: readonly LocationMode[] = ['prefers', 'avoids'];
