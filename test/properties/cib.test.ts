// Properties of cib.xml over generated valid clusters with hostile names and values: well-formed
// XML, unique and valid ids, every value back unaltered exactly once; a tab or line break is HA224.
// HACC_PROPERTY_RUNS sets the runs per property (default 200; the long suite runs 1000).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { checkText, type CheckResult } from '../../src/check/check.js';
import { emitAll } from '../../src/emit/index.js';
import { clusterArb, propertyRuns, quoteHa, valueArb, type ArbCluster } from '../../test-support/arbitrary-cluster.js';
import { allElements, readXml, type XmlElement } from '../../test-support/xml.js';

const runs = propertyRuns();
const CIB_ID = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function checked(c: ArbCluster): NonNullable<CheckResult['checked']> {
  const result = checkText(c.text, 'prop.ha');
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.checked) throw new Error(`generated cluster has errors: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}\n${c.text}`);
  return result.checked;
}

function cibOf(c: ArbCluster, full: boolean): XmlElement {
  const cib = emitAll(checked(c), defaultCatalogue(), { cib: full ? 'full' : 'fragment' }).find((a) => a.path === 'cib.xml')!;
  return readXml(cib.contents);
}

function nvpairs(set: XmlElement | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const nv of set?.children.filter((e) => e.name === 'nvpair') ?? []) out.set(nv.attrs['name']!, [...(out.get(nv.attrs['name']!) ?? []), nv.attrs['value']!]);
  return out;
}

describe(`cib.xml properties (${runs} runs each)`, () => {
  it('is well-formed XML whose ids are unique and valid CIB ids, whatever the names and values', () => {
    fc.assert(
      fc.property(clusterArb, fc.boolean(), (c, full) => {
        const root = cibOf(c, full);
        expect(root.name).toBe(full ? 'cib' : 'configuration');
        const ids = allElements(root)
          .filter((e) => e.name !== 'node' && e.attrs['id'] !== undefined)
          .map((e) => e.attrs['id']!);
        expect(ids.filter((id) => !CIB_ID.test(id))).toEqual([]);
        expect(ids.length).toBe(new Set(ids).size);
        // Node ids are corosync node ids: 1..n.
        const nodes = allElements(root).filter((e) => e.name === 'node');
        expect(nodes.map((n) => n.attrs['id'])).toEqual(c.nodes.map((_, i) => String(i + 1)));
      }),
      { numRuns: runs },
    );
  }, 600_000);

  it('carries every name and value exactly once and unaltered (quotes, entities, unicode)', () => {
    fc.assert(
      fc.property(clusterArb, (c) => {
        const root = cibOf(c, false);
        const elements = allElements(root);
        expect(elements.filter((e) => e.name === 'node').map((n) => n.attrs['uname'])).toEqual(c.nodes);
        const primitives = elements.filter((e) => e.name === 'primitive');
        expect(primitives.map((p) => p.attrs['id']).sort()).toEqual(c.primitives.map((p) => p.id).sort());
        for (const p of c.primitives) {
          const el = primitives.find((e) => e.attrs['id'] === p.id)!;
          const params = nvpairs(el.children.find((e) => e.name === 'instance_attributes'));
          const want = new Map<string, string[]>(
            p.commands
              ? [['start_cmd', [p.commands.start]], ['stop_cmd', [p.commands.stop]], ['monitor_cmd', [p.commands.monitor]]]
              : [...p.params].map(([k, v]) => [k, [v]]),
          );
          expect(params).toEqual(want);
        }
        for (const [gid, members] of c.groups) {
          const g = elements.find((e) => e.name === 'group' && e.attrs['id'] === gid)!;
          expect(g.children.filter((e) => e.name === 'primitive').map((e) => e.attrs['id'])).toEqual(members);
        }
        const constraintIds = elements.filter((e) => e.name.startsWith('rsc_')).map((e) => e.attrs['id']);
        expect(constraintIds.sort()).toEqual(c.constraints.map((x) => x.id).sort());
      }),
      { numRuns: runs },
    );
  }, 600_000);

  it('a value with a tab or a line break is HA224 at the value, and no model to build', () => {
    fc.assert(
      fc.property(valueArb, fc.constantFrom('\t', '\n', '\t\n', ' \n\t '), valueArb, (before, ws, after) => {
        const value = quoteHa(`${before}${ws}${after}`);
        const prefix = '  primitive r ocf:acme:thing {\n    params k=';
        const text = `cluster p {\n  node a addr=10.0.0.1/24\n  property stonith-enabled=false\n${prefix}${value}\n  }\n}\n`;
        const result = checkText(text, 'p.ha');
        expect(result.checked).toBeUndefined();
        const found = result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, text.slice(d.span.start, d.span.end)]);
        expect(found).toContainEqual(['HA224', value]);
      }),
      { numRuns: runs },
    );
  }, 600_000);
});

describe(`check rejects what XML cannot carry (${runs} runs)`, () => {
  const invalidChar = fc.oneof(
    fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d).map((c) => String.fromCharCode(c)),
    fc.constantFrom('\ufffe', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff'),
  );

  it('in a quoted value: HA003 at the character, and no model to build', () => {
    fc.assert(
      fc.property(valueArb, invalidChar, valueArb, (before, bad, after) => {
        const value = quoteHa(`${before}${bad}${after}`);
        const prefix = '  primitive r ocf:acme:thing {\n    params k=';
        const text = `cluster p {\n  node a addr=10.0.0.1/24\n  property stonith-enabled=false\n${prefix}${value}\n  }\n}\n`;
        const result = checkText(text, 'p.ha');
        expect(result.checked).toBeUndefined();
        const ha003 = result.diagnostics.filter((d) => d.code === 'HA003');
        expect(ha003).toHaveLength(1);
        expect(text.slice(ha003[0]!.span.start, ha003[0]!.span.end)).toBe(bad);
      }),
      { numRuns: runs },
    );
  }, 600_000);

  it('in a bare word: HA003, and no model to build', () => {
    fc.assert(
      fc.property(fc.constantFrom('\ufffe', '\uffff', '\ud800', '\udc00'), fc.constantFrom('node a', 'k=v', 'k=', 'cluster'), (bad, where) => {
        const text = `cluster p {\n  node a addr=10.0.0.1/24\n  property stonith-enabled=false\n  primitive r ocf:acme:thing {\n    params ${where.replace(/(\w)$/, `$1${bad}`)}${where.endsWith('=') ? `x${bad}y` : ''}\n  }\n}\n`;
        const result = checkText(text, 'p.ha');
        expect(result.checked).toBeUndefined();
        expect(result.diagnostics.map((d) => d.code)).toContain('HA003');
      }),
      { numRuns: Math.min(runs, 100) },
    );
  }, 600_000);
});
