import { key, type StatementVocabulary } from './vocabulary.js';

// `node NAME addr=… [net=…] [id=…] [score=…]` (a cluster member) and `host NAME addr=…` (a machine
// others refer to). addr= is one per corosync link; net= an interface that is no corosync link (a
// service LAN: the address checks count it, corosync does not); id= the CIB's node id (a corosync
// node id when it is a positive integer: HA106 otherwise); score= the node's legacy weight;
// type=remote a remote or guest node's entry in the CIB (attributes, utilization of a node that
// runs pacemaker-remote, no corosync member: it has no address).

/** A node's `type=`: a corosync member (the default), or a remote or guest node's entry. */
export const NODE_TYPES = ['member', 'remote'] as const;

export const node = {
  keyword: 'node',
  context: 'cluster',
  described: 'a node line',
  keys: [key('addr', 'string'), key('net', 'string'), key('id', 'string'), key('score', 'score'), key('type', 'select', NODE_TYPES)],
} as const satisfies StatementVocabulary;

export const host = {
  keyword: 'host',
  context: 'cluster',
  described: 'a host line',
  keys: [key('addr', 'string')],
} as const satisfies StatementVocabulary;

/** A corosync node id (also the CIB `<node id>`): a positive 32-bit-sized integer. */
export const NODE_ID = /^[1-9][0-9]{0,9}$/;
