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

/**
 * `acl-user NAME [name=USER] roles=R,…`: an `<acl_target id=NAME>`, the user NAME; with name=, the
 * user is USER and NAME only the element's id (acls-3.8, Pacemaker 2.1: Pacemaker reads name before
 * id, lib/common/acl.c). The schema gives an acl_target's id no ID type.
 */
export const aclUser = { keyword: 'acl-user', context: 'cluster', described: 'an ACL user', keys: [key('roles', 'string'), key('name', 'string')] } as const satisfies StatementVocabulary;
/** `acl-group NAME [name=GROUP] roles=R,…`: an `<acl_group>` (a Unix group, named as an acl-user is). */
export const aclGroup = { keyword: 'acl-group', context: 'cluster', described: 'an ACL group', keys: [key('roles', 'string'), key('name', 'string')] } as const satisfies StatementVocabulary;

/** The CIB schema that has no name= on acl_target and acl_group (acls-2.0: Pacemaker 1.1, el6 and el7). */
export const ACL_NAME_MISSING_FROM = 'pacemaker-2.10';

/** The users Pacemaker never restricts (HA431). */
export const UNRESTRICTED_USERS = ['root', 'hacluster'] as const;

/** The role names a `roles=` value lists (comma-separated). */
export function roleNames(text: string): string[] {
  return text.split(',').map((r) => r.trim()).filter((r) => r !== '');
}
