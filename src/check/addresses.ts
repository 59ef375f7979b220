import { ADDRESS_PARAMS } from '../catalogue/roles.js';
import { addressKey, parseAddress, type Address } from '../model/address.js';
import type { ClusterModel, Machine, Primitive } from '../model/model.js';
import type * as A from '../syntax/ast.js';

export interface AddressParam {
  readonly primitive: Primitive;
  readonly attr: A.Attr;
  readonly role: 'vip' | 'reach';
}

const addressParamsOf = new WeakMap<ClusterModel, readonly AddressParam[]>();

/** Every address param of every primitive, with its role (from the catalogue's roles); listed once per model. */
export function addressParams(model: ClusterModel): readonly AddressParam[] {
  const cached = addressParamsOf.get(model);
  if (cached) return cached;
  const out: AddressParam[] = [];
  for (const p of model.primitives) {
    const roles = ADDRESS_PARAMS[p.agent.id];
    if (!roles) continue;
    for (const attr of p.params.attrs) {
      const role = roles[attr.key.text];
      if (role) out.push({ primitive: p, attr, role });
    }
  }
  addressParamsOf.set(model, out);
  return out;
}

export interface MachineAddress {
  readonly machine: Machine;
  readonly attr: A.Attr;
  /** addressKey of the address: equal for the same address, whatever its prefix. */
  readonly key: string;
}

const machineAddressesOf = new WeakMap<ClusterModel, readonly MachineAddress[]>();

/** Every address of every node and host that parses, in declaration order; listed once per model. */
export function machineAddresses(model: ClusterModel): readonly MachineAddress[] {
  const cached = machineAddressesOf.get(model);
  if (cached) return cached;
  const out: MachineAddress[] = [];
  for (const machine of [...model.nodes, ...model.hosts].sort((a, b) => a.decl.start - b.decl.start)) {
    for (const attr of [...machine.addrs, ...machine.nets]) {
      const r = parseAddress(attr.value.text);
      if (r.ok) out.push({ machine, attr, key: addressKey(r.address) });
    }
  }
  machineAddressesOf.set(model, out);
  return out;
}

/** The subnets the cluster nodes are on (corosync and other interfaces written with a prefix). */
export function nodeSubnets(model: ClusterModel): Address[] {
  return model.nodes.flatMap((n) => [...n.addrs, ...n.nets].flatMap((a) => {
    const r = parseAddress(a.value.text);
    return r.ok && r.address.prefix !== undefined ? [r.address] : [];
  }));
}

/** The IP in `host`, `host:port` or `[v6]:port`; undefined when it is a host name. */
export function ipOfEndpoint(text: string): Address | undefined {
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  const candidates = bracket ? [bracket[1]!] : [text, text.replace(/:\d+$/, '')];
  for (const c of candidates) {
    const r = parseAddress(c, false);
    if (r.ok) return r.address;
  }
  return undefined;
}

/** One member's address on one corosync link (the N-th addr= is link N), parsed. */
export interface LinkAddress {
  readonly node: Machine;
  readonly attr: A.Attr;
  readonly address: Address;
}

/** The members' addresses link by link (only those that parse; HA301 reports the others). */
export function linkAddresses(model: ClusterModel): LinkAddress[][] {
  const links: LinkAddress[][] = [];
  for (const node of model.nodes) {
    node.addrs.forEach((attr, i) => {
      const r = parseAddress(attr.value.text);
      if (r.ok) (links[i] ??= []).push({ node, attr, address: r.address });
    });
  }
  return links;
}

/** The value most members have (the first one seen on a tie): what the odd ones out differ from. */
export function mostCommon<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}
