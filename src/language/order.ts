import { key, type StatementVocabulary } from './vocabulary.js';

// `order ID FIRST then THEN [kind=…] [symmetrical=…] [first-action=…] [then-action=…]
// [require-all=…]`: require-all=false lets THEN start once any instance of a FIRST clone runs.

export const ORDER_ACTIONS: readonly string[] = ['start', 'stop', 'promote', 'demote'];

export const order = {
  keyword: 'order',
  context: 'cluster',
  described: 'an order constraint',
  keys: [
    key('kind', 'select', ['Mandatory', 'Optional', 'Serialize']),
    key('symmetrical', 'select', ['true', 'false']),
    key('first-action', 'select', ORDER_ACTIONS),
    key('then-action', 'select', ORDER_ACTIONS),
    key('require-all', 'select', ['true', 'false']),
  ],
} as const satisfies StatementVocabulary;
