import type { Catalogue } from '../catalogue/catalogue.js';
import type { ClusterModel, Primitive } from '../model/model.js';
import type { Spanned, Value } from '../syntax/ast.js';
import type { Diagnostic, Severity } from '../syntax/diagnostic.js';

export interface RuleDocs {
  /** One line: what the rule finds. */
  readonly summary: string;
  /** Why it matters on a real cluster. */
  readonly rationale: string;
  /** A complete `.ha` file that gives exactly one diagnostic of this rule's code. */
  readonly bad: string;
  /** The same file, fixed: no diagnostic at all. */
  readonly good: string;
}

/** Names of a node's children that carry their own span (`key`, `value`, `name`, …). */
export type SpannedProperty<N> = {
  [K in keyof N]-?: NonNullable<N[K]> extends Spanned ? K : never;
}[keyof N] &
  string;

/** What a rule reports: a node of the tree (and optionally which child), never a computed position. */
export interface Report<N extends Spanned = Spanned> {
  readonly node: N;
  readonly property?: SpannedProperty<N>;
  readonly message: string;
  readonly help?: readonly string[];
  readonly related?: readonly { readonly node: Spanned; readonly message: string }[];
  /** A machine-applicable fix: `replacement` in place of the reported node (or of `at`). */
  readonly fix?: { readonly title: string; readonly replacement: string; readonly at?: Spanned };
  /** A case of the rule that Pacemaker accepts, reported below the rule's severity (HA429's demote). */
  readonly severity?: 'warning';
}

export interface RuleContext {
  readonly model: ClusterModel;
  readonly catalogue: Catalogue;
  /** The parser's findings (HA001, HA003): the syntax rules report these. */
  readonly syntax: readonly Diagnostic[];
  /** The 1-based line a node starts on, for messages that name another line ("first declared on line 4"). */
  line(node: Spanned): number;
  report<N extends Spanned>(r: Report<N>): void;
}

/**
 * What a rule looks at one by one. The checker walks the primitives (and the file's values) once and
 * hands each to every rule's visitor in turn: on a large cluster each primitive's params, ops and
 * meta are then read while they are in the CPU's caches, where a walk per rule read them from memory
 * each time (with 10,000 primitives each walk cost about 5 ms before any rule's own work).
 */
export interface RuleVisitor {
  primitive?(p: Primitive): void;
  /** Each value of the file (ClusterModel's values), after the primitives. */
  value?(v: Value): void;
  /** After the walk: for a rule that reports on what it gathered. */
  end?(): void;
}

export interface Rule {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly docs: RuleDocs;
  /** Checks what the rule looks at as a whole; what it returns (if anything) is called in the checker's one walk (RuleVisitor). */
  check(ctx: RuleContext): RuleVisitor | void;
}
