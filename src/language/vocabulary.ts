// The shape of the language's vocabulary. Each construct keeps its own words in one file of this
// folder (its keyword, the keys it takes, their allowed values); the parser's did-you-mean, the
// rules, the printer and the lowering read them from there.

import type { ParamType } from '../catalogue/types.js';

/** A key hacc itself defines (not an agent parameter or a Pacemaker option from the catalogue). */
export interface KeyFact {
  readonly name: string;
  readonly type: ParamType;
  /** The allowed values, when closed. */
  readonly values?: readonly string[];
}

/** Where a statement or body line can stand. */
export type Context = 'cluster' | 'node' | 'primitive' | 'group' | 'clone' | 'bundle' | 'acl-role' | 'op' | 'alert' | 'recipient' | 'sbd' | 'corosync';

/** A statement or body-line keyword: where it is valid, and for a closed key set, its keys. */
export interface StatementVocabulary {
  readonly keyword: string;
  readonly context: Context;
  /** What an operator reads in a message: `a node line`, `an op line`. */
  readonly described: string;
  /** The keys it takes, when hacc defines them (undefined: the catalogue's, or none). */
  readonly keys?: readonly KeyFact[];
}

export function key(name: string, type: ParamType, values?: readonly string[]): KeyFact {
  return values ? { name, type, values } : { name, type };
}
