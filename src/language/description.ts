import type { StatementVocabulary } from './vocabulary.js';

// `description "TEXT"`: the XML description attribute of what holds the line (a primitive, a
// template, a group, a clone, a node). Pacemaker keeps it for people; nothing reads it.

export const DESCRIPTION_KEYWORD = 'description';

export const primitiveDescription = { keyword: DESCRIPTION_KEYWORD, context: 'primitive', described: 'a description line' } as const satisfies StatementVocabulary;
export const groupDescription = { keyword: DESCRIPTION_KEYWORD, context: 'group', described: 'a description line' } as const satisfies StatementVocabulary;
export const cloneDescription = { keyword: DESCRIPTION_KEYWORD, context: 'clone', described: 'a description line' } as const satisfies StatementVocabulary;
export const bundleDescription = { keyword: DESCRIPTION_KEYWORD, context: 'bundle', described: 'a description line' } as const satisfies StatementVocabulary;
export const aclRoleDescription = { keyword: DESCRIPTION_KEYWORD, context: 'acl-role', described: 'a description line' } as const satisfies StatementVocabulary;
export const nodeDescription = { keyword: DESCRIPTION_KEYWORD, context: 'node', described: 'a description line' } as const satisfies StatementVocabulary;
