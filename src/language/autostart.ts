import type { StatementVocabulary } from './vocabulary.js';

// `autostart false`: create the cluster without enabling it at boot (many sites start the cluster
// services by hand after a node was fenced, to look at it first). The default is true.

export const autostart = { keyword: 'autostart', context: 'cluster', described: 'an autostart line' } as const satisfies StatementVocabulary;

export const AUTOSTART_VALUES: readonly string[] = ['true', 'false'];
