import { PLATFORMS } from '../catalogue/platforms.js';
import type { StatementVocabulary } from './vocabulary.js';

// `platform NAME`: the target platform (decides packages, pcs forms, Pacemaker features).

export const platform = { keyword: 'platform', context: 'cluster', described: 'a platform line' } as const satisfies StatementVocabulary;

export const PLATFORM_NAMES: readonly string[] = PLATFORMS;
