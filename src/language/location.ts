import { ROLES } from './roles.js';
import { key, type StatementVocabulary } from './vocabulary.js';

// `location ID RESOURCE [role=…] [resource-discovery=…] prefers|avoids NODE[=SCORE]…`.

export const location = {
  keyword: 'location',
  context: 'cluster',
  described: 'a location constraint',
  keys: [key('role', 'select', ROLES), key('resource-discovery', 'select', ['always', 'never', 'exclusive'])],
} as const satisfies StatementVocabulary;

export type LocationMode = 'prefers' | 'avoids';
export const LOCATION_MODES: readonly LocationMode[] = ['prefers', 'avoids'];
