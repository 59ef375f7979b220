import type { SetKeyword } from '../language/attribute-set.js';
import type { CloneKeyword } from '../language/clone.js';
import type { BundleLineKeyword } from '../language/bundle.js';
import type { PermissionKind } from '../language/acl.js';
import type { LocationMode } from '../language/location.js';
import type { CommandAction } from '../language/primitive.js';
import type { Span } from './span.js';

export type { Span };

// The syntax tree: one discriminated union, a `kind` on every node. Every node keeps the offsets of
// its source text (`start`, `end`: a node is a Span), and every token-sized child (a name, a key, a
// value) is its own node, so a diagnostic can point at exactly that token. A new kind is a compile error in every `switch` that does not
// handle it (they end in assertNever): walk.ts, the printer, the resolver.

/** Where a node's source text starts and ends (offsets, `end` exclusive): every node is its own span. */
export interface Spanned {
  readonly start: number;
  readonly end: number;
}

/** A name as written: an id, a key, an agent, a node reference. */
export interface Ident extends Spanned {
  readonly kind: 'ident';
  readonly text: string;
  /** A name written in quotes, which the parser reported (HA001); later rules leave it alone. */
  readonly quoted?: true;
}

/** A secret reference: the value is read when the setup script runs, never written anywhere. */
export interface SecretRef {
  readonly scheme: 'env' | 'file';
  readonly ref: string;
}

/** A value as written: `text` is the decoded value (escapes resolved, quotes removed). */
export interface Value extends Spanned {
  readonly kind: 'value';
  readonly text: string;
  readonly quoted: boolean;
  readonly secret?: SecretRef;
}

/** `key=value`. `missingEquals` marks `key "value"`, recovered as if the `=` were there (HA002). */
export interface Attr extends Spanned {
  readonly kind: 'attr';
  readonly key: Ident;
  readonly value: Value;
  readonly missingEquals: boolean;
}

/**
 * A line of name=value pairs: the `property`, `defaults` and `op-defaults` statements, and the
 * `params`, `meta`, `utilization` and `attributes` lines of a body:
 * `KIND [$id=] [$score=] [$id-ref=] [PAIRS] [rule [id=] EXPR] [{ PAIRS }]`. The `$`-keys are taken
 * out of `attrs`: they describe the set (its CIB id, score, a reference to another set) and its
 * nvpairs' ids. A line with braces, a score, a rule or a reference is a set of its own
 * (language/attribute-set.ts); the others of an owner merge into its default set.
 */
export interface AttrSet extends Spanned {
  readonly kind: 'attr-set';
  readonly keyword: Ident & { readonly text: SetKeyword };
  /** Every pair of the set, those before the braces and those inside them, in order. */
  readonly attrs: readonly Attr[];
  /** `$id=ID` (more than one is reported; the last counts). */
  readonly setIds: readonly Attr[];
  /** `$id.NAME=ID`. */
  readonly pairIds: readonly Attr[];
  /** `$score=N` (the last counts). */
  readonly scores: readonly Attr[];
  /** `$id-ref=ID`: this set is the one with that id (the last counts). */
  readonly idRefs: readonly Attr[];
  /** `rule [id=] EXPR`: when the set applies. */
  readonly rule?: RuleClause;
  /** Whether its pairs were written in `{ }`. */
  readonly braced: boolean;
}

export interface PlatformStmt extends Spanned {
  readonly kind: 'platform';
  readonly name: Ident;
}

/** `autostart true|false`: whether the cluster starts at boot. */
export interface AutostartStmt extends Spanned {
  readonly kind: 'autostart';
  readonly value: Ident;
}

export interface AuthStmt extends Spanned {
  readonly kind: 'auth';
  readonly user: Ident;
  readonly attrs: readonly Attr[];
}

/** `node` (a cluster member) or `host` (a machine others refer to, not a member). */
export interface MachineStmt extends Spanned {
  readonly kind: 'node' | 'host';
  readonly name: Ident;
  readonly attrs: readonly Attr[];
  /** `{ attributes … utilization … description … }`; undefined without braces. */
  readonly body?: readonly (AttrSet | DescriptionLine)[];
}

export interface OpLine extends Spanned {
  readonly kind: 'op';
  readonly name: Ident;
  readonly attrs: readonly Attr[];
  /** `{ params … meta … }`: the op's own instance and meta attributes; undefined without braces. */
  readonly body?: readonly AttrSet[];
}

/** `start "/opt/app/bin/start"` in a command (`anything`) resource. */
export interface CommandLine extends Spanned {
  readonly kind: 'command';
  readonly action: Ident & { readonly text: CommandAction };
  readonly value: Value;
}

/** `default-ops none`: the primitive's ops are exactly the written ones (build adds none). */
export interface DefaultOpsLine extends Spanned {
  readonly kind: 'default-ops';
  readonly value: Ident;
}

/** `description "TEXT"` (language/description.ts): the description of what holds the line. */
export interface DescriptionLine extends Spanned {
  readonly kind: 'description';
  readonly keyword: Ident;
  readonly value: Value;
}

/** `operations $id=ID` / `operations $id-ref=ID`: the primitive's `<operations>` element's id, or another's. */
export interface OperationsLine extends Spanned {
  readonly kind: 'operations';
  readonly keyword: Ident;
  readonly attrs: readonly Attr[];
}

export type PrimitiveItem = AttrSet | OpLine | CommandLine | DefaultOpsLine | OperationsLine | DescriptionLine;

export interface PrimitiveStmt extends Spanned {
  readonly kind: 'primitive';
  readonly name: Ident;
  readonly agent: Ident;
  /** The body lines in source order; undefined when the primitive has no `{ … }`. */
  readonly body?: readonly PrimitiveItem[];
}

/** `template NAME AGENT { … }` (language/template.ts): a body primitives share (`primitive X @NAME`). */
export interface TemplateStmt extends Spanned {
  readonly kind: 'template';
  readonly name: Ident;
  readonly agent: Ident;
  readonly body?: readonly PrimitiveItem[];
}

/** A group member named by reference. */
export interface MemberRef extends Spanned {
  readonly kind: 'member';
  readonly name: Ident;
}

export type GroupItem = PrimitiveStmt | MemberRef | AttrSet | DescriptionLine;

export interface GroupStmt extends Spanned {
  readonly kind: 'group';
  readonly name: Ident;
  readonly items: readonly GroupItem[];
}

export type CloneItem = PrimitiveStmt | GroupStmt | MemberRef | AttrSet | DescriptionLine;

/** `clone NAME { … }` or `promotable NAME { … }`: one child (inline or a reference) and meta lines. */
export interface CloneStmt extends Spanned {
  readonly kind: 'clone';
  readonly keyword: Ident & { readonly text: CloneKeyword };
  readonly name: Ident;
  readonly items: readonly CloneItem[];
}

/** `container podman image=…`, `network …`, `port-map …`, `storage-map …`: a bundle's lines of pairs. */
export interface BundleLine extends Spanned {
  readonly kind: 'bundle-line';
  readonly keyword: Ident & { readonly text: BundleLineKeyword };
  /** `container TYPE`: the engine; empty for the others. */
  readonly words: readonly Value[];
  readonly attrs: readonly Attr[];
}

export type BundleItem = PrimitiveStmt | AttrSet | DescriptionLine | BundleLine;

/** `bundle NAME { container … network … port-map … storage-map … meta … primitive … }`. */
export interface BundleStmt extends Spanned {
  readonly kind: 'bundle';
  readonly name: Ident;
  readonly items: readonly BundleItem[];
}

/** `read|write|deny xpath=…|reference=…|object-type=… [attribute=] [id=] [description=]` in an acl-role. */
export interface AclPermissionLine extends Spanned {
  readonly kind: 'acl-permission';
  readonly keyword: Ident & { readonly text: PermissionKind };
  readonly attrs: readonly Attr[];
}

export type AclRoleItem = AclPermissionLine | DescriptionLine;

/** `acl-role NAME [{ permission… description … }]`. */
export interface AclRoleStmt extends Spanned {
  readonly kind: 'acl-role';
  readonly name: Ident;
  readonly body?: readonly AclRoleItem[];
}

/** `acl-user NAME roles=…` or `acl-group NAME roles=…`. */
export interface AclTargetStmt extends Spanned {
  readonly kind: 'acl-target';
  readonly keyword: Ident & { readonly text: 'acl-user' | 'acl-group' };
  readonly name: Ident;
  readonly attrs: readonly Attr[];
}

export interface LocationTarget extends Spanned {
  readonly kind: 'location-target';
  readonly node: Ident;
  readonly score?: Value;
}

/**
 * `location ID RESOURCE [pairs] prefers|avoids NODE[=SCORE]…` or `location ID RESOURCE [pairs] rule … [rule …]`;
 * with `rsc-pattern=RE` among the pairs there is no RESOURCE.
 */
export interface LocationStmt extends Spanned {
  readonly kind: 'location';
  readonly name: Ident;
  /** Absent when the pairs name the resources (`rsc-pattern=`), or resource sets do. */
  readonly resource?: Ident;
  /** `location ID { a b } …`: resource sets in place of the resource. */
  readonly sets: readonly ResourceSet[];
  /** `role=`, `resource-discovery=`, `rsc-pattern=`, written before `prefers`/`avoids`/`rule`. */
  readonly attrs: readonly Attr[];
  /** `prefers`/`avoids`; absent when the constraint has rules. */
  readonly mode?: Ident & { readonly text: LocationMode };
  readonly targets: readonly LocationTarget[];
  readonly rules: readonly RuleClause[];
}

/**
 * `rule [id=] [role=] [score=|score-attribute=] EXPR` (language/rule.ts). `expr` is absent when the
 * expression could not be read (the parser reported it).
 */
export interface RuleClause extends Spanned {
  readonly kind: 'rule';
  readonly keyword: Ident;
  readonly attrs: readonly Attr[];
  readonly expr?: RuleExpr;
}

/**
 * `A and B or C`: operands joined by and/or, which bind alike, left to right (pcs): `operators[i]`
 * joins `operands[i]` and `operands[i + 1]`.
 */
export interface RuleBool extends Spanned {
  readonly kind: 'rule-bool';
  readonly operands: readonly RuleExpr[];
  readonly operators: readonly Ident[];
}

/** `( [id=ID] EXPR )`. */
export interface RuleGroup extends Spanned {
  readonly kind: 'rule-group';
  readonly attrs: readonly Attr[];
  readonly expr: RuleExpr;
}

/** `defined ATTR` / `not_defined ATTR`. */
export interface RuleDefined extends Spanned {
  readonly kind: 'rule-defined';
  readonly operator: Ident;
  readonly attribute: Value;
}

/** `ATTR OP [TYPE] [param|meta] VALUE`. */
export interface RuleCompare extends Spanned {
  readonly kind: 'rule-compare';
  readonly attribute: Value;
  readonly operator: Ident;
  readonly type?: Ident;
  readonly source?: Ident;
  readonly value: Value;
}

/** `date gt DATE` (from), `date lt DATE` (to), `date in_range [DATE] to DATE|duration PAIR…`. */
export interface RuleDate extends Spanned {
  readonly kind: 'rule-date';
  readonly keyword: Ident;
  readonly operator: Ident;
  readonly from?: Value;
  readonly to?: Value;
  /** The pairs after `duration`; absent without one. */
  readonly duration?: readonly Attr[];
}

/** `date-spec PAIR…`. */
export interface RuleDateSpec extends Spanned {
  readonly kind: 'rule-date-spec';
  readonly keyword: Ident;
  readonly attrs: readonly Attr[];
}

/** `resource [CLASS]:[PROVIDER]:[TYPE]`. */
export interface RuleResource extends Spanned {
  readonly kind: 'rule-resource';
  readonly keyword: Ident;
  readonly agent: Value;
}

/** `op NAME [interval=DURATION]`. */
export interface RuleOp extends Spanned {
  readonly kind: 'rule-op';
  readonly keyword: Ident;
  readonly name: Value;
  readonly attrs: readonly Attr[];
}

export type RuleExpr = RuleBool | RuleGroup | RuleDefined | RuleCompare | RuleDate | RuleDateSpec | RuleResource | RuleOp;

/**
 * `{ MEMBER… [id=] [sequential=] [require-all=] [role=] [action=] }`: a resource set of a
 * colocation or order. A plain name beside a set is a set of one, `braced` false.
 */
export interface ResourceSet extends Spanned {
  readonly kind: 'resource-set';
  readonly members: readonly Ident[];
  readonly attrs: readonly Attr[];
  readonly braced: boolean;
}

/**
 * `colocation ID A with B [pairs]`, or with resource sets: `colocation ID SET with SET [with SET…]`
 * (`resource`/`target` absent, `sets` in written order).
 */
export interface ColocationStmt extends Spanned {
  readonly kind: 'colocation';
  readonly name: Ident;
  readonly resource?: Ident;
  readonly target?: Ident;
  readonly sets: readonly ResourceSet[];
  readonly attrs: readonly Attr[];
}

/** `order ID A then B [pairs]`, or `order ID SET then SET [then SET…]`. */
export interface OrderStmt extends Spanned {
  readonly kind: 'order';
  readonly name: Ident;
  readonly resource?: Ident;
  readonly target?: Ident;
  readonly sets: readonly ResourceSet[];
  readonly attrs: readonly Attr[];
}

/** `tag NAME { MEMBER… }`: a name for several resources. */
export interface TagStmt extends Spanned {
  readonly kind: 'tag';
  readonly name: Ident;
  readonly members: readonly MemberRef[];
}

/** `ticket ID RESOURCE needs TICKET [pairs]`, or with resource sets: `ticket ID SET… needs TICKET`. */
export interface TicketStmt extends Spanned {
  readonly kind: 'ticket';
  readonly name: Ident;
  readonly resource?: Ident;
  readonly sets: readonly ResourceSet[];
  readonly ticket: Ident;
  readonly attrs: readonly Attr[];
}

/**
 * `fencing-level INDEX TARGET DEVICES [id=ID]`, TARGET a node or `target-pattern=` or
 * `target-attribute=` with `target-value=` (those are in `attrs`, with `id=`).
 */
export interface FencingLevelStmt extends Spanned {
  readonly kind: 'fencing-level';
  readonly index: Ident;
  /** The node the level is for; absent when `attrs` name the target. */
  readonly target?: Ident;
  /** Each device of the comma-separated word, with its own span. */
  readonly devices: readonly Ident[];
  readonly attrs: readonly Attr[];
}

/** `select fencing nodes resources attributes[=NAME,…]`: the kinds of event an alert is sent for. */
export interface SelectLine extends Spanned {
  readonly kind: 'select';
  /** The kinds written as words (`fencing`, `nodes`…). */
  readonly kinds: readonly Ident[];
  /** `attributes=NAME,…` (and any other pair, which HA001 reports). */
  readonly attrs: readonly Attr[];
}

/** `recipient VALUE [id=ID] [{ params … meta … }]`: where an alert goes (a file, an address). */
export interface RecipientLine extends Spanned {
  readonly kind: 'recipient';
  readonly value: Value;
  readonly attrs: readonly Attr[];
  readonly body?: readonly AttrSet[];
}

export type AlertItem = AttrSet | SelectLine | RecipientLine;

/** `alert ID PATH [{ … }]`: a script Pacemaker runs on cluster events. */
export interface AlertStmt extends Spanned {
  readonly kind: 'alert';
  readonly name: Ident;
  readonly path: Value;
  /** The body lines in source order; undefined without `{ … }`. */
  readonly body?: readonly AlertItem[];
}

/**
 * A line of an `sbd { }` or `corosync { }` block: a keyword, the words it takes (`device PATH`,
 * `link NUMBER`), then pairs (`link 1 link_priority=10`). What each line takes is the block's
 * vocabulary (language/sbd.ts, language/corosync.ts).
 */
export interface StackLine extends Spanned {
  readonly kind: 'stack-line';
  readonly keyword: Ident;
  readonly words: readonly Value[];
  readonly attrs: readonly Attr[];
}

/** `sbd { … }` and `corosync { … }`: the cluster stack's settings outside the CIB. */
export interface StackBlock extends Spanned {
  readonly kind: 'sbd' | 'corosync';
  readonly keyword: Ident;
  readonly body: readonly StackLine[];
}

export type Statement = PlatformStmt | AutostartStmt | AuthStmt | MachineStmt | AttrSet | PrimitiveStmt | TemplateStmt | GroupStmt | CloneStmt | BundleStmt | AclRoleStmt | AclTargetStmt | LocationStmt | ColocationStmt | OrderStmt | TicketStmt | TagStmt | FencingLevelStmt | AlertStmt | StackBlock;

/** Every statement kind of the cluster block (an AttrSet stands there as property/defaults/op-defaults). */
export type StatementKind = Statement['kind'];

export interface Comment extends Spanned {
  readonly kind: 'comment';
  readonly text: string;
}

export interface ClusterDecl extends Spanned {
  readonly kind: 'cluster';
  readonly name: Ident;
  readonly statements: readonly Statement[];
}

/** A parsed file. `cluster` is absent only when the file has no recognisable cluster block. */
export interface HaFile {
  readonly kind: 'file';
  readonly path: string;
  readonly text: string;
  readonly cluster?: ClusterDecl;
  readonly comments: readonly Comment[];
}

export type Node =
  | HaFile
  | ClusterDecl
  | Statement
  | PrimitiveItem
  | GroupItem
  | CloneItem
  | BundleItem
  | AclRoleItem
  | AlertItem
  | StackLine
  | LocationTarget
  | ResourceSet
  | RuleClause
  | RuleExpr
  | Attr
  | Ident
  | Value
  | Comment;

export { assertNever } from '../assert-never.js';
