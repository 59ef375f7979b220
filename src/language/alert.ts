import { key, type StatementVocabulary } from './vocabulary.js';

// `alert ID PATH { meta …; params …; select …; recipient VALUE [id=ID] { meta … params … } }`:
// an external script Pacemaker runs on cluster events (resource, node, fencing, attribute
// changes), once per recipient. The CIB element is `<alert>` in `<alerts>`.

export const alert = { keyword: 'alert', context: 'cluster', described: 'an alert' } as const satisfies StatementVocabulary;
export const alertMeta = { keyword: 'meta', context: 'alert', described: 'a meta line' } as const satisfies StatementVocabulary;
export const alertParams = { keyword: 'params', context: 'alert', described: 'a params line' } as const satisfies StatementVocabulary;
export const select = { keyword: 'select', context: 'alert', described: 'a select line' } as const satisfies StatementVocabulary;
export const recipient = { keyword: 'recipient', context: 'alert', described: 'a recipient line', keys: [key('id', 'string')] } as const satisfies StatementVocabulary;
export const recipientMeta = { keyword: 'meta', context: 'recipient', described: 'a meta line' } as const satisfies StatementVocabulary;
export const recipientParams = { keyword: 'params', context: 'recipient', described: 'a params line' } as const satisfies StatementVocabulary;

/**
 * What `select` may name: the kinds of event the alert is sent for (all of them without a select
 * line). `attributes=a,b` limits attribute events to those node attributes.
 */
export const SELECT_KINDS = ['fencing', 'nodes', 'resources', 'attributes'] as const;
export type SelectKind = (typeof SELECT_KINDS)[number];
/** The kinds a `<select>` names with an empty element (attributes has its own list). */
export const SELECT_FLAGS = ['fencing', 'nodes', 'resources'] as const;
/** The CIB element of each kind inside `<select>`. */
export const SELECT_ELEMENTS: Readonly<Record<SelectKind, string>> = {
  fencing: 'select_fencing',
  nodes: 'select_nodes',
  resources: 'select_resources',
  attributes: 'select_attributes',
};

/** The sample agents Pacemaker ships (/usr/share/pacemaker/alerts/*.sh.sample), by file name. */
export const SAMPLE_ALERT_AGENTS = ['alert_file.sh', 'alert_smtp.sh', 'alert_snmp.sh'] as const;
