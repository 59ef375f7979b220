import { isIP } from 'node:net';

/** An IP address, optionally with a prefix length (`10.0.0.11/24`). */
export interface Address {
  readonly family: 4 | 6;
  readonly bits: bigint;
  readonly prefix?: number;
  readonly text: string;
}

export type AddressResult = { readonly ok: true; readonly address: Address } | { readonly ok: false; readonly reason: string };

function toBits(ip: string, family: 4 | 6): bigint {
  if (family === 4) return ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
  const [head = '', tail] = ip.split('::') as [string, string | undefined];
  const expand = (s: string) => (s === '' ? [] : s.split(':'));
  let groups = expand(head);
  let rest = expand(tail ?? '');
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const fix = (list: string[]) =>
    list.flatMap((g) => {
      if (!g.includes('.')) return [g];
      const v = toBits(g, 4);
      return [(v >> 16n).toString(16), (v & 0xffffn).toString(16)];
    });
  groups = fix(groups);
  rest = fix(rest);
  const all = tail === undefined ? groups : [...groups, ...Array<string>(8 - groups.length - rest.length).fill('0'), ...rest];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** Parses `ADDR` or `ADDR/PREFIX`; `allowPrefix` false rejects the second form. */
export function parseAddress(text: string, allowPrefix = true): AddressResult {
  const slash = text.indexOf('/');
  const ip = slash < 0 ? text : text.slice(0, slash);
  const family = isIP(ip);
  if (family !== 4 && family !== 6) return { ok: false, reason: `'${ip}' is not an IPv4 or IPv6 address` };
  const bits = toBits(ip, family);
  if (slash < 0) return { ok: true, address: { family, bits, text } };
  if (!allowPrefix) return { ok: false, reason: `'${text}' has a prefix length, which is not allowed here` };
  const p = text.slice(slash + 1);
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(p) || Number(p) > max) {
    return { ok: false, reason: `'/${p}' is not a prefix length for IPv${family} (0-${max})` };
  }
  return { ok: true, address: { family, bits, prefix: Number(p), text } };
}

/** Whether `ip` lies in the subnet `net`/`net.prefix`. */
export function inSubnet(ip: Address, net: Address): boolean {
  if (ip.family !== net.family || net.prefix === undefined) return false;
  const width = BigInt(net.family === 4 ? 32 : 128);
  const shift = width - BigInt(net.prefix);
  return ip.bits >> shift === net.bits >> shift;
}

/** A string two addresses share exactly when they are the same address (family and bits; the prefix aside): for a Map. */
export function addressKey(a: Address): string {
  return `${a.family}:${a.bits.toString(16)}`;
}

/** `10.0.0.0/24` for `10.0.0.11/24`. */
export function subnetText(net: Address): string {
  if (net.prefix === undefined) return net.text;
  const width = BigInt(net.family === 4 ? 32 : 128);
  const shift = width - BigInt(net.prefix);
  const base = (net.bits >> shift) << shift;
  if (net.family === 4) {
    const parts = [24n, 16n, 8n, 0n].map((s) => ((base >> s) & 255n).toString());
    return `${parts.join('.')}/${net.prefix}`;
  }
  const groups: string[] = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push(((base >> s) & 0xffffn).toString(16));
  return `${groups.join(':')}/${net.prefix}`;
}
