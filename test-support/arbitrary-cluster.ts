// fast-check arbitraries of valid clusters with hostile names and values, written out as .ha text,
// for the emitters' property tests (test/properties/). Every cluster checks without errors: the
// agent is one the catalogue does not know (a warning, HA202), so any parameter name and value is
// accepted, and command resources (`anything`) take any absolute command.

import fc from 'fast-check';
import { XML_INVALID_CHAR } from '../src/syntax/xml-chars.js';

/**
 * How many runs a property gets: HACC_PROPERTY_RUNS (the long suite sets 1000), else 200. A `slow`
 * property, one that runs bash and a dozen processes for every case (about 1 s each), gets a tenth:
 * 20, or 100 in the long suite, where 1000 such cases took 16 minutes of CI's 90.
 */
export function propertyRuns(kind: 'fast' | 'slow' = 'fast'): number {
  const n = Number(process.env['HACC_PROPERTY_RUNS'] ?? 200);
  const runs = Number.isSafeInteger(n) && n > 0 ? n : 200;
  return kind === 'slow' ? Math.max(1, Math.round(runs / 10)) : runs;
}

const KEYWORDS = new Set([
  'cluster', 'platform', 'auth', 'node', 'host', 'property', 'defaults', 'op-defaults', 'primitive', 'params',
  'meta', 'op', 'start', 'stop', 'monitor', 'group', 'location', 'prefers', 'avoids', 'colocation', 'with',
  'order', 'then',
]);

/** Pieces of text that break naive quoting in shells and XML. */
const HOSTILE = [
  '"', "'", '\\', '$', '`', '$(id)', '${HOME}', ';', '&', '&&', '|', '<', '>', '*', '?', '~', '!', '#', '=', '{', '}',
  '%', ' ', '  ', '--', '-->', '<!--', ']]>', '&amp;', '&nbsp;', '&#10;', '&#x9;', '&lt;', '\u00a0',
  '\u2028', '\ufeff', 'é', '日本', '\ud83d\ude00', '\u007f', '\u0085', '\ufffd', 'env:X', 'file:/x', '-n', '-e', '\\n',
];

/**
 * Any text a .ha value can hold: every character XML carries except CR (a .ha string cannot), tab,
 * line feed and DEL (Pacemaker does not keep them, DEL up to 2.1.7: HA224). The non-ASCII characters come last: every
 * platform's Pacemaker (older than 2.1.10) writes < & " unescaped after one, which HA217 refuses.
 */
export const valueArb: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 4 }), fc.string({ maxLength: 6 })), { maxLength: 8 })
  .map((parts) => {
    const s = parts.join('');
    return s.replace(/[^\u0000-\u007f]/g, '') + s.replace(/[\u0000-\u007f]/g, '');
  })
  .filter((s) => !XML_INVALID_CHAR.test(s) && !/[\r\n\t\u007f]/.test(s));

/** A .ha quoted string holding exactly `s`. */
export function quoteHa(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** A valid CIB id, often one shaped like the ids hacc derives, so that collisions are tried. */
export const idArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,20}$/),
    fc.constantFrom('r', 'r-instance_attributes', 'r-meta_attributes', 'r-monitor-interval-60s', 'r-start-interval-0s', 'cib-bootstrap-options', 'rsc_defaults-meta_attributes', 'r-instance_attributes-k', 'r-instance_attributes-start_cmd', 'g', 'g-meta_attributes'),
  )
  .filter((s) => !KEYWORDS.has(s));

/** A valid host name (HA102) that is not a keyword: a node name. */
export const hostNameArb: fc.Arbitrary<string> = fc
  .stringMatching(/^[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,14}[A-Za-z0-9_])?$/)
  .filter((s) => !KEYWORDS.has(s));

/** A bare word that is not a keyword, with XML and shell specials in it: a parameter name. */
export const wordArb: fc.Arbitrary<string> = fc
  .stringMatching(/^[A-Za-z0-9_.:;,<>&'$`!?*~%@^|\/+-]{1,16}$/)
  .filter((s) => !KEYWORDS.has(s) && !/^(env|file):/.test(s));

export interface ArbPrimitive {
  readonly id: string;
  /** Parameter name -> value (unknown agent), or the three commands (`anything`). */
  readonly params: ReadonlyMap<string, string>;
  readonly commands?: { readonly start: string; readonly stop: string; readonly monitor: string };
}

export interface ArbCluster {
  readonly text: string;
  readonly nodes: readonly string[];
  readonly primitives: readonly ArbPrimitive[];
  readonly groups: ReadonlyMap<string, readonly string[]>;
  readonly constraints: readonly { readonly id: string; readonly kind: 'location' | 'colocation' | 'order' }[];
}

const secretish = (k: string) => /(^|[_-])(pass|passwd|password|secret|token|api[_-]?key|private[_-]?key|auth[_-]?key)([_-]|$)/i.test(k);

const paramsArb = fc
  .uniqueArray(fc.tuple(wordArb.filter((k) => !secretish(k)), valueArb), { selector: ([k]) => k, maxLength: 5 })
  .map((pairs) => new Map(pairs));

const commandArb = valueArb.map((s) => `/${s}`);

export const clusterArb: fc.Arbitrary<ArbCluster> = fc
  .record({
    nodes: fc.uniqueArray(hostNameArb, { minLength: 1, maxLength: 4 }),
    ids: fc.uniqueArray(idArb, { minLength: 1, maxLength: 10 }),
    kinds: fc.array(fc.constantFrom('plain', 'anything'), { minLength: 10, maxLength: 10 }),
    params: fc.array(paramsArb, { minLength: 10, maxLength: 10 }),
    commands: fc.array(fc.record({ start: commandArb, stop: commandArb, monitor: commandArb }), { minLength: 10, maxLength: 10 }),
    grouping: fc.array(fc.nat(3), { minLength: 10, maxLength: 10 }),
    constraintKinds: fc.array(fc.constantFrom('location', 'colocation', 'order'), { minLength: 10, maxLength: 10 }),
    picks: fc.array(fc.nat(), { minLength: 20, maxLength: 20 }),
    split: fc.nat(),
  })
  .map((g): ArbCluster => {
    // The ids are shared out: resources first, then groups and constraints.
    const nRes = 1 + (g.split % g.ids.length);
    const resIds = g.ids.slice(0, nRes);
    const rest = g.ids.slice(nRes);
    const primitives: ArbPrimitive[] = resIds.map((id, i) =>
      g.kinds[i] === 'anything' ? { id, params: new Map(), commands: g.commands[i]! } : { id, params: g.params[i]! },
    );
    // Up to two groups (grouping 1, 2) take the primitives that name them; 0 and 3 stay top level.
    const groupIds = rest.slice(0, 2);
    const groups = new Map<string, string[]>();
    primitives.forEach((p, i) => {
      const gi = g.grouping[i]!;
      const gid = gi === 1 || gi === 2 ? groupIds[gi - 1] : undefined;
      if (gid !== undefined) groups.set(gid, [...(groups.get(gid) ?? []), p.id]);
    });
    const grouped = new Set([...groups.values()].flat());
    const tops = [...primitives.filter((p) => !grouped.has(p.id)).map((p) => p.id), ...groups.keys()];
    const lines: string[] = ['cluster prop {'];
    g.nodes.forEach((n, i) => lines.push(`  node ${n} addr=10.0.${Math.floor(i / 200)}.${(i % 200) + 1}/16`));
    lines.push('  property stonith-enabled=false');
    const primitiveText = (p: ArbPrimitive, indent: string) => {
      if (p.commands) {
        lines.push(`${indent}primitive ${p.id} anything {`);
        for (const action of ['start', 'stop', 'monitor'] as const) lines.push(`${indent}  ${action} ${quoteHa(p.commands[action])}`);
      } else {
        lines.push(`${indent}primitive ${p.id} ocf:acme:thing {`);
        if (p.params.size > 0) lines.push(`${indent}  params ${[...p.params].map(([k, v]) => `${k}=${quoteHa(v)}`).join(' ')}`);
      }
      lines.push(`${indent}}`);
    };
    for (const p of primitives) if (!grouped.has(p.id)) primitiveText(p, '  ');
    for (const [gid, members] of groups) {
      lines.push(`  group ${gid} {`);
      for (const m of members) primitiveText(primitives.find((p) => p.id === m)!, '    ');
      lines.push('  }');
    }
    const constraints: { id: string; kind: 'location' | 'colocation' | 'order' }[] = [];
    // One location per resource and node: pcs would replace the first with the second, so such a
    // file is loaded as XML (no pcs commands to compare; setup-bulk covers it).
    const placed = new Set<string>();
    rest.slice(groupIds.length).forEach((id, i) => {
      const kind = tops.length >= 2 ? g.constraintKinds[i]! : 'location';
      const a = g.picks[2 * i]! % tops.length;
      const b = (a + 1 + (g.picks[2 * i + 1]! % Math.max(1, tops.length - 1))) % tops.length;
      if (kind === 'location') {
        const node = g.nodes[g.picks[2 * i + 1]! % g.nodes.length]!;
        if (placed.has(`${tops[a]} ${node}`)) return;
        placed.add(`${tops[a]} ${node}`);
        lines.push(`  location ${id} ${tops[a]} prefers ${node}=100`);
      } else {
        // From the earlier resource to the later one: mandatory orders and colocations never make a
        // cycle (HA426).
        const [first, second] = a < b ? [tops[a], tops[b]] : [tops[b], tops[a]];
        lines.push(kind === 'colocation' ? `  colocation ${id} ${second} with ${first}` : `  order ${id} ${first} then ${second}`);
      }
      constraints.push({ id, kind });
    });
    lines.push('}');
    return { text: `${lines.join('\n')}\n`, nodes: g.nodes, primitives, groups, constraints };
  });
