import { key, type StatementVocabulary } from './vocabulary.js';

// `auth USER password=SECRET`: the pcsd user and its password.

export const auth = {
  keyword: 'auth',
  context: 'cluster',
  described: 'an auth line',
  keys: [key('password', 'string')],
} as const satisfies StatementVocabulary;
