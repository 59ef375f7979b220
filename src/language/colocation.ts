import { ROLES } from './roles.js';
import { key, type StatementVocabulary } from './vocabulary.js';

// `colocation ID RESOURCE with TARGET [score=…] [rsc-role=…] [with-rsc-role=…] [node-attribute=…]
// [influence=…]`: node-attribute makes "together" mean "on nodes with the same value of that node
// attribute" (a rack, a site); influence=false keeps the dependent resource from pulling the other
// one (Pacemaker 2.1+, schema 3.6).

export const colocation = {
  keyword: 'colocation',
  context: 'cluster',
  described: 'a colocation constraint',
  keys: [
    key('score', 'score'),
    key('rsc-role', 'select', ROLES),
    key('with-rsc-role', 'select', ROLES),
    key('node-attribute', 'string'),
    key('influence', 'select', ['true', 'false']),
  ],
} as const satisfies StatementVocabulary;

/** The first Pacemaker with a colocation's influence (pacemaker-3.6 schema, 2.1.0). */
export const INFLUENCE_SINCE = '2.1.0';
