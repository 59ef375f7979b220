import type { StatementVocabulary } from './vocabulary.js';

// `group NAME { MEMBER… primitive … meta … }`.

export const group = { keyword: 'group', context: 'cluster', described: 'a group' } as const satisfies StatementVocabulary;
