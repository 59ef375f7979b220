import { key, type StatementVocabulary } from './vocabulary.js';

// `primitive NAME AGENT { params … meta … op … }`, and the command form
// `primitive NAME anything { start "…" stop "…" monitor "…" }`.

export const primitive = { keyword: 'primitive', context: 'cluster', described: 'a primitive' } as const satisfies StatementVocabulary;
/** A primitive declared inside a group's braces. */
export const groupPrimitive = { keyword: 'primitive', context: 'group', described: 'a primitive' } as const satisfies StatementVocabulary;
/** A primitive declared inside a clone's braces. */
export const clonePrimitive = { keyword: 'primitive', context: 'clone', described: 'a primitive' } as const satisfies StatementVocabulary;
/** The primitive a bundle runs in each replica. */
export const bundlePrimitive = { keyword: 'primitive', context: 'bundle', described: 'a primitive' } as const satisfies StatementVocabulary;

/** `op NAME key=value…`; its keys are Pacemaker's op attributes (catalogue) and `id`. */
export const op = { keyword: 'op', context: 'primitive', described: 'an op line' } as const satisfies StatementVocabulary;
/** The key of an op that is its CIB id, not an attribute Pacemaker reads. */
export const OP_ID_KEY = 'id';

/** The command lines of `anything` resources. */
export type CommandAction = 'start' | 'stop' | 'monitor';
export const COMMAND_ACTIONS: readonly CommandAction[] = ['start', 'stop', 'monitor'];
export const commands: readonly StatementVocabulary[] = COMMAND_ACTIONS.map((a) => ({ keyword: a, context: 'primitive', described: `a ${a} command line` }));

/**
 * `operations $id=ID` names the primitive's `<operations>` element, which others may share;
 * `operations $id-ref=ID` makes the primitive's ops that element's (it writes no op of its own, and
 * build adds none).
 */
export const operations = {
  keyword: 'operations',
  context: 'primitive',
  described: 'an operations line',
  keys: [key('$id', 'string'), key('$id-ref', 'string')],
} as const satisfies StatementVocabulary;

/** `default-ops none`: build adds no operations to this primitive. */
export const defaultOps = { keyword: 'default-ops', context: 'primitive', described: 'a default-ops line' } as const satisfies StatementVocabulary;
export const DEFAULT_OPS_VALUES: readonly string[] = ['none'];

/** The agent of command resources; hacc generates it as ocf:hacc:anything. */
export const COMMAND_AGENT = 'anything';
