import { key, type StatementVocabulary } from './vocabulary.js';

// `node NAME addr=…` (a cluster member) and `host NAME addr=…` (a machine others refer to).

export const node = {
  keyword: 'node',
  context: 'cluster',
  described: 'a node line',
  keys: [key('addr', 'string'), key('id', 'nonnegative_integer')],
} as const satisfies StatementVocabulary;

export const host = {
  keyword: 'host',
  context: 'cluster',
  described: 'a host line',
  keys: [key('addr', 'string')],
} as const satisfies StatementVocabulary;

/** A corosync node id (also the CIB `<node id>`): a positive 32-bit-sized integer. */
export const NODE_ID = /^[1-9][0-9]{0,9}$/;
