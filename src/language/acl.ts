import { key, type StatementVocabulary } from './vocabulary.js';

// Access control lists: `acl-role NAME { read|write|deny SCOPE… }` grants or denies a part of the CIB
// (an XPath, an element by id, every element of a type and maybe one attribute of it); `acl-user`
// and `acl-group` give roles to a user or a Unix group. Pacemaker applies them only with the
// cluster property enable-acl=true, and never to root or hacluster. CIB: `<acls>` with
// `<acl_role>`, `<acl_permission>` (pcs ids ROLE-KIND, -1…), `<acl_target>`, `<acl_group>`.

export const aclRole = { keyword: 'acl-role', context: 'cluster', described: 'an ACL role' } as const satisfies StatementVocabulary;

/** What a permission line scopes (one of the first three; attribute only with object-type). */
const PERMISSION_KEYS = [key('xpath', 'string'), key('reference', 'string'), key('object-type', 'string'), key('attribute', 'string'), key('id', 'string'), key('description', 'string')];

export const PERMISSION_KINDS = ['read', 'write', 'deny'] as const;
export type PermissionKind = (typeof PERMISSION_KINDS)[number];

export const read = { keyword: 'read', context: 'acl-role', described: 'a read permission', keys: PERMISSION_KEYS } as const satisfies StatementVocabulary;
export const write = { keyword: 'write', context: 'acl-role', described: 'a write permission', keys: PERMISSION_KEYS } as const satisfies StatementVocabulary;
export const deny = { keyword: 'deny', context: 'acl-role', described: 'a deny permission', keys: PERMISSION_KEYS } as const satisfies StatementVocabulary;
export const PERMISSION_LINES = [read, write, deny] as const;

/** The keys that say what a permission covers: exactly one of them. */
export const PERMISSION_SCOPES = ['xpath', 'reference', 'object-type'] as const;

/** `acl-user NAME roles=R,…`: an `<acl_target>` (a user name; no ID in the schema). */
export const aclUser = { keyword: 'acl-user', context: 'cluster', described: 'an ACL user', keys: [key('roles', 'string')] } as const satisfies StatementVocabulary;
/** `acl-group NAME roles=R,…`: an `<acl_group>` (a Unix group). */
export const aclGroup = { keyword: 'acl-group', context: 'cluster', described: 'an ACL group', keys: [key('roles', 'string')] } as const satisfies StatementVocabulary;

/** The users Pacemaker never restricts (HA431). */
export const UNRESTRICTED_USERS = ['root', 'hacluster'] as const;

/** The role names a `roles=` value lists (comma-separated). */
export function roleNames(text: string): string[] {
  return text.split(',').map((r) => r.trim()).filter((r) => r !== '');
}
