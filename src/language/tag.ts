import type { StatementVocabulary } from './vocabulary.js';

// `tag NAME { MEMBER… }`: a name for several resources, which a constraint may use wherever it names
// a resource (Pacemaker 1.1.12+ reads it as each of them). The CIB's `<tags><tag id><obj_ref id/>`.

export const tag = { keyword: 'tag', context: 'cluster', described: 'a tag' } as const satisfies StatementVocabulary;
