import type * as A from '../syntax/ast.js';
import { booleanValue } from './values.js';
import { DEFAULT_PLATFORM, isPlatformName, type PlatformName } from './platforms.js';

export type Resource = A.PrimitiveDecl | A.GroupDecl;
export type Constraint = A.LocationDecl | A.PairConstraintDecl;
/** Everything whose name is an id in the CIB: they share one namespace, as in the CIB. */
export type IdDecl = Resource | Constraint;

/**
 * The resolved cluster: declarations by kind, symbol tables, and group membership. Built from any
 * AST, however broken; unresolved references stay in the AST with their spans for the rules to report.
 */
export interface ClusterModel {
  readonly file: A.HaFile;
  readonly cluster: A.ClusterDecl;
  readonly platform: PlatformName;
  readonly platformDecl?: A.PlatformDecl;
  readonly auth?: A.AuthDecl;
  readonly nodes: readonly A.MachineDecl[];
  readonly hosts: readonly A.MachineDecl[];
  readonly settings: readonly A.SettingsDecl[];
  /** Every primitive, top level and inside groups, in source order. */
  readonly primitives: readonly A.PrimitiveDecl[];
  readonly groups: readonly A.GroupDecl[];
  readonly constraints: readonly Constraint[];
  /** CIB id -> every declaration of it, in source order. */
  readonly ids: ReadonlyMap<string, readonly IdDecl[]>;
  /** Node or host name -> every declaration of it. */
  readonly machines: ReadonlyMap<string, readonly A.MachineDecl[]>;
  /** Group -> its members, resolved, in order (unresolved references are skipped). */
  readonly members: ReadonlyMap<A.GroupDecl, readonly A.PrimitiveDecl[]>;
  /** Primitive -> the first group that holds it. */
  readonly groupOf: ReadonlyMap<A.PrimitiveDecl, A.GroupDecl>;
}

export function resourceByName(model: ClusterModel, name: string): Resource | undefined {
  for (const d of model.ids.get(name) ?? []) {
    if (d.kind === 'primitive' || d.kind === 'group') return d;
  }
  return undefined;
}

/** The attrs of every `kind` line (property, defaults, op-defaults), in order. */
export function settingAttrs(model: ClusterModel, kind: A.SettingsDecl['kind']): A.Attr[] {
  return model.settings.filter((s) => s.kind === kind).flatMap((s) => s.attrs);
}

/** The last value given to a setting: later lines win, as with repeated `pcs property set`. */
export function settingValue(model: ClusterModel, kind: A.SettingsDecl['kind'], name: string): A.Attr | undefined {
  return settingAttrs(model, kind).filter((a) => a.key.text === name).pop();
}

/** The last of `attrs` with this key (the one that wins), without building a list. */
export function lastAttr(attrs: readonly A.Attr[], key: string): A.Attr | undefined {
  for (let i = attrs.length - 1; i >= 0; i--) if (attrs[i]!.key.text === key) return attrs[i];
  return undefined;
}

export function allAttrs(blocks: readonly A.AttrBlock[]): A.Attr[] {
  return blocks.flatMap((b) => b.attrs);
}

/** An op's `id=`: its CIB id, where it is not the one hacc derives. */
export function opIdAttr(op: A.OpDecl): A.Attr | undefined {
  return op.attrs.filter((a) => a.key.text === 'id').pop();
}

/**
 * Ids written explicitly below the statement level, in source order: `$id=` of attribute sets
 * (`params`, `meta`, `property`, `defaults`, `op-defaults`, a group's `meta`), `$id.NAME=` of their
 * nvpairs and ops' `id=`. They
 * share the CIB's one id namespace with resources, groups and constraints.
 */
export function explicitIds(model: ClusterModel): readonly A.Value[] {
  const cached = explicitIdsOf.get(model);
  if (cached) return cached;
  const out: A.Value[] = [];
  const block = (b: { readonly id?: A.Attr; readonly pairIds?: readonly A.Attr[] }) => {
    if (b.id) out.push(b.id.value);
    if (b.pairIds) for (const a of b.pairIds) out.push(a.value);
  };
  for (const s of model.settings) block(s);
  for (const p of model.primitives) {
    for (const b of p.params) block(b);
    for (const b of p.meta) block(b);
    for (const op of p.ops) for (const a of op.attrs) if (a.key.text === 'id') out.push(a.value);
  }
  for (const g of model.groups) for (const i of g.items) if (i.kind === 'meta') block(i.block);
  out.sort((a, b) => a.span.start.offset - b.span.start.offset);
  explicitIdsOf.set(model, out);
  return out;
}

/** explicitIds, listed once per model (the checks and the plan all ask). */
const explicitIdsOf = new WeakMap<ClusterModel, readonly A.Value[]>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildModel(file: A.HaFile, cluster: A.ClusterDecl, target?: PlatformName): ClusterModel {
  const nodes: A.MachineDecl[] = [];
  const hosts: A.MachineDecl[] = [];
  const settings: A.SettingsDecl[] = [];
  const primitives: A.PrimitiveDecl[] = [];
  const groups: A.GroupDecl[] = [];
  const constraints: Constraint[] = [];
  const ids = new Map<string, IdDecl[]>();
  const machines = new Map<string, A.MachineDecl[]>();
  let platformDecl: A.PlatformDecl | undefined;
  let auth: A.AuthDecl | undefined;

  const addPrimitive = (p: A.PrimitiveDecl): void => {
    primitives.push(p);
    push(ids, p.name.text, p);
  };

  for (const s of cluster.statements) {
    switch (s.kind) {
      case 'platform':
        platformDecl = s;
        break;
      case 'auth':
        auth = s;
        break;
      case 'node':
      case 'host':
        (s.kind === 'node' ? nodes : hosts).push(s);
        push(machines, s.name.text, s);
        break;
      case 'property':
      case 'defaults':
      case 'op-defaults':
        settings.push(s);
        break;
      case 'primitive':
        addPrimitive(s);
        break;
      case 'group':
        groups.push(s);
        push(ids, s.name.text, s);
        for (const item of s.items) if (item.kind === 'primitive') addPrimitive(item.primitive);
        break;
      case 'location':
      case 'colocation':
      case 'order':
        constraints.push(s);
        push(ids, s.name.text, s);
        break;
    }
  }
  primitives.sort((a, b) => a.span.start.offset - b.span.start.offset);

  const primitiveByName = new Map<string, A.PrimitiveDecl>();
  for (const p of primitives) if (!primitiveByName.has(p.name.text)) primitiveByName.set(p.name.text, p);
  const members = new Map<A.GroupDecl, A.PrimitiveDecl[]>();
  const groupOf = new Map<A.PrimitiveDecl, A.GroupDecl>();
  for (const g of groups) {
    const list: A.PrimitiveDecl[] = [];
    for (const item of g.items) {
      const p = item.kind === 'primitive' ? item.primitive : item.kind === 'member' ? primitiveByName.get(item.ref.text) : undefined;
      if (!p) continue;
      list.push(p);
      if (!groupOf.has(p)) groupOf.set(p, g);
    }
    members.set(g, list);
  }

  const declared = platformDecl && isPlatformName(platformDecl.name.text) ? platformDecl.name.text : undefined;
  return {
    file,
    cluster,
    platform: target ?? declared ?? DEFAULT_PLATFORM,
    ...(platformDecl ? { platformDecl } : {}),
    ...(auth ? { auth } : {}),
    nodes,
    hosts,
    settings,
    primitives,
    groups,
    constraints,
    ids,
    machines,
    members,
    groupOf,
  };
}

/** Fencing devices: primitives of class `stonith`. */
export function fencingDevices(model: ClusterModel): A.PrimitiveDecl[] {
  return model.primitives.filter((p) => p.agent.text.startsWith('stonith:'));
}

/** The property line that turns fencing off (`stonith-enabled`, or its 3.0.2+ name), if any. */
export function fencingDisabledBy(model: ClusterModel): A.Attr | undefined {
  const setting = settingAttrs(model, 'property')
    .filter((a) => a.key.text === 'stonith-enabled' || a.key.text === 'fencing-enabled')
    .pop();
  return setting && booleanValue(setting.value.text) === false ? setting : undefined;
}
