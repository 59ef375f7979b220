import { ROLES } from './roles.js';
import { key, type StatementVocabulary } from './vocabulary.js';

// `colocation ID RESOURCE with TARGET [score=…] [rsc-role=…] [with-rsc-role=…]`.

export const colocation = {
  keyword: 'colocation',
  context: 'cluster',
  described: 'a colocation constraint',
  keys: [key('score', 'score'), key('rsc-role', 'select', ROLES), key('with-rsc-role', 'select', ROLES)],
} as const satisfies StatementVocabulary;
