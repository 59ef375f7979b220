import { key, type StatementVocabulary } from './vocabulary.js';

// `bundle NAME { container TYPE …; network …; port-map …; storage-map …; meta …; primitive … }`: a
// container image Pacemaker runs on several nodes (replicas), each with its own copy of the inner
// primitive, reached through pacemaker-remote inside the container. Each line's pairs are the
// attributes of its CIB element (Pacemaker Explained, "Bundles"; pcs `resource bundle create`).

export const bundle = { keyword: 'bundle', context: 'cluster', described: 'a bundle' } as const satisfies StatementVocabulary;

/** The container engines the schema names; podman needs Pacemaker 2.0+, rkt is deprecated. */
export const CONTAINER_TYPES = ['docker', 'podman', 'rkt'] as const;
export type ContainerType = (typeof CONTAINER_TYPES)[number];

/** `container TYPE image=… replicas=…`: the `<docker>`/`<podman>`/`<rkt>` element. */
export const container = {
  keyword: 'container',
  context: 'bundle',
  described: 'a container line',
  keys: [
    key('image', 'string'),
    key('replicas', 'nonnegative_integer'),
    key('replicas-per-host', 'nonnegative_integer'),
    key('promoted-max', 'nonnegative_integer'),
    key('masters', 'nonnegative_integer'),
    key('run-command', 'string'),
    key('network', 'string'),
    key('options', 'string'),
  ],
} as const satisfies StatementVocabulary;

/** `network …`: the `<network>` element (the replicas' addresses and pacemaker-remote's port). */
export const network = {
  keyword: 'network',
  context: 'bundle',
  described: 'a network line',
  keys: [key('ip-range-start', 'string'), key('control-port', 'port'), key('host-interface', 'string'), key('host-netmask', 'nonnegative_integer'), key('add-host', 'boolean')],
} as const satisfies StatementVocabulary;

/** `port-map port=80`: a `<port-mapping>` (pcs id BUNDLE-port-map-PORT, or -RANGE). */
export const portMap = {
  keyword: 'port-map',
  context: 'bundle',
  described: 'a port-map line',
  keys: [key('id', 'string'), key('port', 'port'), key('internal-port', 'port'), key('range', 'string')],
} as const satisfies StatementVocabulary;

/** `storage-map source-dir=… target-dir=…`: a `<storage-mapping>` (pcs id BUNDLE-storage-map, -1…). */
export const storageMap = {
  keyword: 'storage-map',
  context: 'bundle',
  described: 'a storage-map line',
  keys: [key('id', 'string'), key('source-dir', 'string'), key('source-dir-root', 'string'), key('target-dir', 'string'), key('options', 'string')],
} as const satisfies StatementVocabulary;

/**
 * What the CIB schema hacc writes for a platform lacks of a bundle (resources-2.10.rng,
 * resources-4.0.rng): Pacemaker 1.1's (el6, el7) has no podman, no promoted-max (it says masters)
 * and no add-host; Pacemaker 3's drops rkt and masters (promoted-max). A CIB with them does not
 * validate, and the cluster refuses it. `keys`: each missing key, with the key that says the same
 * there (if any).
 */
export const BUNDLE_SCHEMA_LACKS: Readonly<Record<string, { readonly engines: readonly ContainerType[]; readonly keys: Readonly<Record<string, string | undefined>> }>> = {
  'pacemaker-2.10': { engines: ['podman'], keys: { 'promoted-max': 'masters', 'add-host': undefined } },
  'pacemaker-4.0': { engines: ['rkt'], keys: { masters: 'promoted-max' } },
};

/** The lines with pairs of a bundle, by keyword. */
export const BUNDLE_LINES = [container, network, portMap, storageMap] as const;
export type BundleLineKeyword = (typeof BUNDLE_LINES)[number]['keyword'];

/** What a line takes before its pairs: `container podman`. */
export const BUNDLE_LINE_WORDS: Readonly<Record<string, string>> = { container: 'a container type (docker, podman or rkt)' };

/** The port pacemaker-remote listens on inside a replica (control-port's default). */
export const REMOTE_PORT = 3121;
