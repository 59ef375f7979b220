import { key, type StatementVocabulary } from './vocabulary.js';

// `auth USER password=SECRET [authkey=file:PATH]`: the pcsd user and its password, and Pacemaker's
// remote key (/etc/pacemaker/authkey of every node and remote host), a binary file.

export const auth = {
  keyword: 'auth',
  context: 'cluster',
  described: 'an auth line',
  keys: [key('password', 'string'), key('authkey', 'string')],
} as const satisfies StatementVocabulary;

/**
 * A Linux user name as shadow-utils' useradd accepts it by default (NAME_REGEX
 * `^[a-z_][a-z0-9_-]*[$]?$`, at most 32 characters): setup.sh hands `USER:PASSWORD` to chpasswd,
 * where a `:` in the name would make another account's password out of the rest.
 */
export const USER_NAME = /^[a-z_][a-z0-9_-]{0,30}\$?$/;
