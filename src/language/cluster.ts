// `cluster NAME { … }`: the one block of a file.

export const cluster = { keyword: 'cluster' } as const;

/** A cluster, node or host name: it ends up in corosync.conf and on pcs command lines (HA102). */
export const MACHINE_NAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/;
