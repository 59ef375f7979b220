// Issue 16: valid designs from public guides pass, and what Pacemaker, pcs and the agents reject
// is caught. Each case states what a user writes and what hacc must say.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { checkParsed, checkText } from '../../src/check/check.js';
import { parseHa } from '../../src/syntax/parse.js';

const catalogue = defaultCatalogue();

function findings(body: string, head = '  property stonith-enabled=false\n'): string[] {
  const text = `cluster lab {\n  node a addr=10.0.0.1/24\n  node b addr=10.0.0.2/24\n${head}${body}}\n`;
  return checkText(text, 'test.ha', { catalogue }).diagnostics.map((d) => `${d.code} ${d.message}${d.help ? ` | ${d.help.join(' | ')}` : ''}`);
}

describe('no false alarms on valid designs', () => {
  it("ping's dampen takes a duration, as its default (5s) is one", () => {
    expect(findings('  primitive ping ocf:pacemaker:ping {\n    params host_list=10.0.0.254 dampen=5s\n    op monitor interval=10s timeout=60s\n  }\n')).toEqual([]);
    expect(findings('  primitive ping ocf:pacemaker:ping {\n    params host_list=10.0.0.254 dampen=soon\n    op monitor interval=10s timeout=60s\n  }\n')).toEqual([
      "HA205 dampen: 'soon' is not a duration (e.g. 20s, 5min, 1h, 500ms)",
    ]);
  });

  it('target-role in any case is the role Pacemaker reads (text2role is case-insensitive); an unknown role is HA205', () => {
    const role = (value: string) => findings(`  primitive p ocf:pacemaker:Dummy {\n    meta target-role=${value}\n    op monitor interval=10s timeout=20s\n  }\n`);
    expect(role('started')).toEqual([]);
    expect(role('STOPPED')).toEqual([]);
    expect(role('begun')).toEqual(["HA205 target-role: 'begun' is not one of 'Stopped', 'Started', 'Unpromoted', 'Promoted', 'Slave', 'Master'"]);
  });

  it('a deprecated parameter name satisfies the requirement of its replacement, and the other way round', () => {
    const apc = (params: string) => findings(`  primitive f stonith:fence_apc {\n    params ${params} password=env:PW plug=1 pcmk_host_list="a b" pcmk_delay_max=10s\n    op monitor interval=60s\n  }\n`, '');
    expect(apc('ip=10.0.1.1 username=admin')).toEqual([]);
    expect(apc('ipaddr=10.0.1.1 username=admin').map((f) => f.split(' ')[0])).toEqual(['HA218']);
  });
});

describe('what was missed is reported', () => {
  it('HA402 says what is really missing', () => {
    const storage = '  primitive lv ocf:heartbeat:LVM-activate {\n    params vgname=shared vg_access_mode=system_id\n    op monitor interval=30s timeout=90s\n  }\n';
    const fence = (host: string) => `  primitive fence-${host} stonith:fence_ipmilan {\n    params ip=10.0.1.1 username=admin password=env:PW pcmk_host_list=${host}\n    op monitor interval=60s\n  }\n`;
    const help = (body: string) => findings(body).find((f) => f.startsWith('HA402'))!.split(' | ')[1];
    expect(help(storage)).toBe('define a fencing device for every node and remove stonith-enabled=false');
    expect(help(storage + fence('a'))).toBe("define a fencing device for 'b' (the other nodes have one) and remove stonith-enabled=false");
    expect(help(storage + fence('a') + fence('b'))).toBe('every node already has a fencing device: remove stonith-enabled=false');
  });
});

describe('HA309 (one link, one subnet) counts subnets without comparing every pair', () => {
  // The definition, member against member: two addresses are together when each lies in the
  // other's subnet; the subnet of the member with the most companions (the first on a tie) is the
  // link's; every member not together with it is reported.
  const ip = (a: string) => a.split('.').reduce((n, x) => n * 256 + Number(x), 0);
  const inNet = (x: [string, number], net: [string, number]) => ip(x[0]) >>> (32 - net[1]) === ip(net[0]) >>> (32 - net[1]);
  const expected = (addrs: [string, number][]) => {
    const together = (a: [string, number], b: [string, number]) => inNet(a, b) && inNet(b, a);
    let best = 0;
    let bestCount = 0;
    addrs.forEach((ref, i) => {
      const n = addrs.filter((l) => together(l, ref)).length;
      if (n > bestCount) [best, bestCount] = [i, n];
    });
    return bestCount === addrs.length ? [] : addrs.flatMap((a, i) => (together(a, addrs[best]!) ? [] : [`n${i}`]));
  };
  it('gives what the pairwise definition gives, on 300 random links with mixed prefixes', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let round = 0; round < 300; round++) {
      const addrs: [string, number][] = Array.from({ length: 2 + rnd(7) }, () => [`10.${rnd(2)}.${rnd(2) * 128 + rnd(3)}.${1 + rnd(200)}`, [16, 24, 25][rnd(3)]!]);
      const nodes = addrs.map(([a, p], i) => `  node n${i} addr=${a}/${p}\n`).join('');
      const text = `cluster lab {\n${nodes}  property stonith-enabled=false\n}\n`;
      const r = checkText(text, 'test.ha', { catalogue });
      // Node i stands on line i + 2 (1-based): the report's line names it.
      const reported = r.diagnostics.filter((d) => d.code === 'HA309').map((d) => `n${text.slice(0, d.span.start).split('\n').length - 2}`);
      expect(reported, nodes).toEqual(expected(addrs));
    }
  });
});

describe('errorsOnly (what hacc import silences)', () => {
  it('finds exactly the errors of the whole check, and nothing else', () => {
    const text = readFileSync('fixtures/examples/seed-as-written.ha', 'utf8');
    const all = checkText(text, 'seed-as-written.ha', { catalogue }).diagnostics;
    const errors = all.filter((d) => d.severity === 'error');
    // The file has both, so that the comparison means something.
    expect(errors.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(errors.length);
    const only = checkParsed(parseHa(text, 'seed-as-written.ha'), { catalogue, errorsOnly: true }).diagnostics;
    expect(only).toEqual(errors);
  });
});
