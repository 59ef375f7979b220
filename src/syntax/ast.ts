import type { Spanned } from './span.js';

// The abstract syntax tree. Every node keeps the span of its source text, and every token-sized
// child (a name, a key, a value) is its own node, so a diagnostic can point at exactly that token.

/** A name as written: an id, a key, an agent, a node reference. */
export interface Ident extends Spanned {
  readonly text: string;
}

/** A secret reference: the value is read when the setup script runs, never written anywhere. */
export interface SecretRef {
  readonly scheme: 'env' | 'file';
  readonly ref: string;
}

/** A value as written: `text` is the decoded value (escapes resolved, quotes removed). */
export interface Value extends Spanned {
  readonly text: string;
  readonly quoted: boolean;
  readonly secret?: SecretRef;
}

/** The key that names an attribute set's CIB id on a `params`, `meta`, `property`… line. */
export const SET_ID_KEY = '$id';
/** `$id.NAME=ID` names the CIB id of the set's nvpair NAME. */
export const PAIR_ID_PREFIX = '$id.';

/** `key=value`. `missingEquals` marks `key "value"`, recovered as if the `=` were there (HA002). */
export interface Attr extends Spanned {
  readonly key: Ident;
  readonly value: Value;
  readonly missingEquals: boolean;
}

export interface PlatformDecl extends Spanned {
  readonly kind: 'platform';
  readonly name: Ident;
}

export interface AuthDecl extends Spanned {
  readonly kind: 'auth';
  readonly user: Ident;
  readonly attrs: readonly Attr[];
}

/** `node` (a cluster member) or `host` (a machine others refer to, not a member). */
export interface MachineDecl extends Spanned {
  readonly kind: 'node' | 'host';
  readonly name: Ident;
  readonly attrs: readonly Attr[];
}

/** `property`, `defaults` (rsc_defaults) and `op-defaults` (op_defaults): name=value settings. */
export interface SettingsDecl extends Spanned {
  readonly kind: 'property' | 'defaults' | 'op-defaults';
  readonly attrs: readonly Attr[];
  /** `$id=ID`: the CIB id of the attribute set, where it is not the one hacc derives. */
  readonly id?: Attr;
  /** `$id.NAME=ID`: the CIB id of the nvpair NAME, where it is not the one hacc derives. */
  readonly pairIds?: readonly Attr[];
}

export interface OpDecl extends Spanned {
  readonly name: Ident;
  readonly attrs: readonly Attr[];
}

export type CommandAction = 'start' | 'stop' | 'monitor';

/** `start "/opt/app/bin/start"` in a command (`anything`) resource. */
export interface CommandDecl extends Spanned {
  readonly action: Ident & { readonly text: CommandAction };
  readonly value: Value;
}

/** One `params` or `meta` line: kept per line so the formatter can keep the author's grouping. */
export interface AttrBlock extends Spanned {
  readonly attrs: readonly Attr[];
  /** `$id=ID`: the CIB id of the attribute set, where it is not the one hacc derives. */
  readonly id?: Attr;
  /** `$id.NAME=ID`: the CIB id of the nvpair NAME, where it is not the one hacc derives. */
  readonly pairIds?: readonly Attr[];
}

/** `default-ops none`: the primitive's ops are exactly the written ones (build adds none). */
export interface DefaultOpsDecl extends Spanned {
  readonly value: Ident;
}

export interface PrimitiveDecl extends Spanned {
  readonly kind: 'primitive';
  readonly name: Ident;
  readonly agent: Ident;
  /** Whether the primitive was written with a `{ … }` body. */
  readonly hasBody: boolean;
  readonly params: readonly AttrBlock[];
  readonly meta: readonly AttrBlock[];
  readonly ops: readonly OpDecl[];
  readonly commands: readonly CommandDecl[];
  /** `default-ops none`, when written. */
  readonly defaultOps?: DefaultOpsDecl;
  /** Body items in source order, for the formatter. */
  readonly items: readonly PrimitiveItem[];
}

export type PrimitiveItem =
  | { readonly kind: 'params'; readonly block: AttrBlock }
  | { readonly kind: 'meta'; readonly block: AttrBlock }
  | { readonly kind: 'op'; readonly op: OpDecl }
  | { readonly kind: 'command'; readonly command: CommandDecl }
  | { readonly kind: 'default-ops'; readonly decl: DefaultOpsDecl };

/** The node of a primitive body line (its span is the line's). */
export function primitiveItemNode(item: PrimitiveItem): Spanned {
  switch (item.kind) {
    case 'op':
      return item.op;
    case 'command':
      return item.command;
    case 'default-ops':
      return item.decl;
    default:
      return item.block;
  }
}

export type GroupItem =
  | { readonly kind: 'primitive'; readonly primitive: PrimitiveDecl }
  | { readonly kind: 'member'; readonly ref: Ident }
  | { readonly kind: 'meta'; readonly block: AttrBlock };

export interface GroupDecl extends Spanned {
  readonly kind: 'group';
  readonly name: Ident;
  readonly items: readonly GroupItem[];
}

export interface LocationTarget extends Spanned {
  readonly node: Ident;
  readonly score?: Value;
}

export interface LocationDecl extends Spanned {
  readonly kind: 'location';
  readonly name: Ident;
  readonly resource: Ident;
  /** `role=` and `resource-discovery=`, written between the resource and `prefers`/`avoids`. */
  readonly attrs: readonly Attr[];
  readonly mode: Ident & { readonly text: 'prefers' | 'avoids' };
  readonly targets: readonly LocationTarget[];
}

/** `colocation ID A with B …` and `order ID A then B …`. */
export interface PairConstraintDecl extends Spanned {
  readonly kind: 'colocation' | 'order';
  readonly name: Ident;
  readonly resource: Ident;
  readonly target: Ident;
  readonly attrs: readonly Attr[];
}

export type Statement =
  | PlatformDecl
  | AuthDecl
  | MachineDecl
  | SettingsDecl
  | PrimitiveDecl
  | GroupDecl
  | LocationDecl
  | PairConstraintDecl;

export interface Comment extends Spanned {
  readonly text: string;
}

export interface ClusterDecl extends Spanned {
  readonly kind: 'cluster';
  readonly name: Ident;
  readonly statements: readonly Statement[];
}

/** A parsed file. `cluster` is absent only when the file has no recognisable cluster block. */
export interface HaFile {
  readonly path: string;
  readonly text: string;
  readonly cluster?: ClusterDecl;
  readonly comments: readonly Comment[];
}

