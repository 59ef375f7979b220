// Properties of `hacc import` over Pacemaker's scheduler CIBs (read from ../shared/corpus at run
// time) broken in small ways: an attribute dropped, replaced or added, an element renamed, dropped
// or moved, a character deleted. Whatever the input, import ends with exit 0 (a file that `hacc
// check` passes: what it finds is silenced), 1 (parts it cannot express, each named with its
// XPath) or 2 (input that is no CIB, with its line and column or where it stands), never an
// internal error. HACC_PROPERTY_RUNS sets the runs (default 200).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';
import { propertyRuns } from '../../test-support/arbitrary-cluster.js';
import { schedulerCib, schedulerCibNames } from '../../test-support/scheduler-cibs.js';

const runs = propertyRuns();
const NAMES = ['id', 'name', 'value', 'score', 'rsc', 'with-rsc', 'first', 'then', 'class', 'type', 'provider', 'interval', 'role', 'id-ref', 'boolean-op', 'operation', 'attribute', 'uname', 'description', 'replicas', 'promoted-max', 'masters', 'xpath', 'reference'];
const VALUES = ['', ' ', 'x y', '#uname', '-INFINITY', 'INFINITY', '1e99', '&#10;', '&amp;', '&quot;', "'", 'Master', '0', '-1', 'a'.repeat(300), '$(id)', 'é', '\u2028', 'root', 'podman', 'true'];
const TAGS = ['primitive', 'group', 'clone', 'master', 'bundle', 'acl_target', 'acl_group', 'acl_role', 'rule', 'expression', 'nvpair', 'op', 'resource_set', 'resource_ref', 'rsc_location', 'rsc_colocation', 'meta_attributes', 'instance_attributes', 'node', 'tag', 'obj_ref', 'template'];

type Mutation = { kind: 'drop-attr' | 'set-attr' | 'add-attr' | 'rename-element' | 'drop-element' | 'move-element' | 'drop-char'; at: number; name: string; value: string; tag: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('drop-attr', 'set-attr', 'add-attr', 'rename-element', 'drop-element', 'move-element', 'drop-char'),
  at: fc.nat(),
  name: fc.constantFrom(...NAMES),
  value: fc.constantFrom(...VALUES),
  tag: fc.constantFrom(...TAGS),
});

function mutated(xml: string, m: Mutation): string {
  const pick = <T>(list: readonly T[]): T | undefined => (list.length === 0 ? undefined : list[m.at % list.length]);
  const attr = pick([...xml.matchAll(/ ([a-z-]+)="([^"]*)"/g)]);
  const empty = pick([...xml.matchAll(/<[a-z_]+[^<>]*\/>/g)]);
  switch (m.kind) {
    case 'drop-attr':
      return attr ? xml.slice(0, attr.index) + xml.slice(attr.index + attr[0].length) : xml;
    case 'set-attr':
      return attr ? `${xml.slice(0, attr.index)} ${attr[1]}="${m.value}"${xml.slice(attr.index + attr[0].length)}` : xml;
    case 'add-attr':
      return attr ? `${xml.slice(0, attr.index)} ${m.name}="${m.value}"${xml.slice(attr.index)}` : xml;
    case 'rename-element': {
      const open = pick([...xml.matchAll(/<([a-z_]+)[ >/]/g)]);
      return open ? xml.replace(new RegExp(`<${open[1]}([ >/])`), `<${m.tag}$1`).replace(`</${open[1]}>`, `</${m.tag}>`) : xml;
    }
    case 'drop-element':
      return empty ? xml.slice(0, empty.index) + xml.slice(empty.index + empty[0].length) : xml;
    case 'move-element': {
      const close = pick([...xml.matchAll(/<\/[a-z_]+>/g)].reverse());
      return empty && close ? xml.slice(0, close.index) + empty[0] + xml.slice(close.index) : xml;
    }
    case 'drop-char': {
      const i = m.at % xml.length;
      return xml.slice(0, i) + xml.slice(i + 1);
    }
  }
}

async function run(argv: readonly string[], stdin: string): Promise<{ exit: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), readStdin: () => Buffer.from(stdin), stdoutIsTTY: false, env: {}, cwd: process.cwd() };
  const exit = await main(argv, io);
  return { exit, stdout, stderr };
}

describe(`hacc import of broken scheduler CIBs (${runs} runs)`, () => {
  it('ends with a file hacc check passes, a list of what it cannot express, or the place the input is wrong', async () => {
    const cibs = schedulerCibNames();
    const exits = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: cibs.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), async (n, mutations) => {
        const xml = mutations.reduce(mutated, schedulerCib(cibs[n]!));
        const r = await run(['import', '-'], xml);
        exits.set(r.exit, (exits.get(r.exit) ?? 0) + 1);
        expect([0, 1, 2], r.stderr).toContain(r.exit);
        if (r.exit === 0) {
          const check = await run(['check', '-'], r.stdout);
          expect(check.exit, check.stdout + check.stderr).toBe(0);
        } else if (r.exit === 1) {
          const listed = r.stderr.split('\n').filter((l) => l.startsWith('  '));
          expect(listed.length).toBeGreaterThan(0);
          for (const l of listed) expect(l).toMatch(/, at \/(cib|configuration)\b/);
        } else {
          expect(r.stderr).toMatch(/^hacc: <stdin>(:\d+:\d+: not well-formed XML: |: not a CIB: |: the CIB's cluster-name .*, at \/|: the cluster name .* of the comment hacc's build wrote)/);
        }
      }),
      { numRuns: runs },
    );
    // The mutations reach every outcome: some imports still succeed, some are refused or listed.
    expect([...exits.keys()].sort()).toEqual([0, 1, 2]);
  }, 600_000);
});
