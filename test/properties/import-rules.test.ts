// Location rules of any shape through `hacc import` and back through build: nested rules with and
// without ids of their own (derived or not) at any position, both operators, attribute names and
// values spelt like the expression's keywords or holding parentheses, spaces or a `#`. The printed
// rule must read back as what import meant (importCib throws otherwise), and build must give the
// same <rule> tree: rule ids, operators, expressions. Expression ids are Pacemaker's to ignore and
// nested rules' scores are ignored by Pacemaker (grammar/README.md, Rules), so they are left out of
// the comparison. HACC_PROPERTY_RUNS sets the runs (default 200).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { checkText } from '../../src/check/check.js';
import { parseXml, type XmlElement } from '../../src/cib/xml-reader.js';
import { emitAll } from '../../src/emit/index.js';
import { importCib } from '../../src/import/import.js';
import { propertyRuns } from '../../test-support/arbitrary-cluster.js';

const runs = propertyRuns();
const catalogue = defaultCatalogue();

type Leaf = { readonly tag: 'expression'; readonly attribute: string; readonly operation: string; readonly type?: string; readonly value?: string } | { readonly tag: 'date'; readonly operation: 'lt' | 'gt'; readonly date: string };
interface Rule {
  readonly tag: 'rule';
  readonly id: 'derived' | string;
  readonly op: 'and' | 'or';
  readonly children: readonly (Leaf | Rule)[];
}

const NAMES = ['#uname', 'pingd', 'rack', 'and', 'or', 'date', '(p', 'p)', 'x y', 'defined', 'é'];
const VALUES = ['a', '1', 'or', 'and', '(v', 'v)', '(v)', 'a b', 'string', 'to', '#x', ' ', 'lt'];
const leaf: fc.Arbitrary<Leaf> = fc.oneof(
  fc.record({ tag: fc.constant('expression' as const), attribute: fc.constantFrom(...NAMES), operation: fc.constantFrom('defined', 'not_defined') }),
  fc.record(
    { tag: fc.constant('expression' as const), attribute: fc.constantFrom(...NAMES), operation: fc.constantFrom('eq', 'ne', 'lt', 'gte'), type: fc.constantFrom('string', 'version'), value: fc.constantFrom(...VALUES) },
    { requiredKeys: ['tag', 'attribute', 'operation', 'value'] },
  ),
  fc.record({ tag: fc.constant('date' as const), operation: fc.constantFrom('lt' as const, 'gt' as const), date: fc.constantFrom('2031-01-01', '2030-06-01 12:00:00 +00:00') }),
);
const { rule } = fc.letrec<{ rule: Rule; node: Leaf | Rule }>((tie) => ({
  rule: fc.record({
    tag: fc.constant('rule' as const),
    id: fc.constantFrom('derived', 'own', 'rule-1-2'),
    op: fc.constantFrom('and' as const, 'or' as const),
    children: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
  }),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('rule')),
}));

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The CIB of a rule tree: ids as pcs derives them where `derived`, else ids of its own, all unique. */
function ruleXml(r: Rule, id: string, top: boolean, taken: Set<string>): string {
  const unique = (base: string) => {
    let name = base;
    for (let n = 1; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    return name;
  };
  const own = unique(r.id === 'derived' ? id : r.id === 'own' ? `r${taken.size}` : r.id);
  const children = r.children.map((c, i) => {
    if (c.tag === 'rule') return ruleXml(c, `${own}-rule`, false, taken);
    const eid = unique(`${own}-expr${i === 0 ? '' : `-${i}`}`);
    if (c.tag === 'date') return `<date_expression id="${eid}" operation="${c.operation}" ${c.operation === 'lt' ? 'end' : 'start'}="${xmlAttr(c.date)}"/>`;
    const typed = c.type ? ` type="${c.type}"` : '';
    const value = c.value !== undefined ? ` value="${xmlAttr(c.value)}"` : '';
    return `<expression id="${eid}" attribute="${xmlAttr(c.attribute)}" operation="${c.operation}"${typed}${value}/>`;
  });
  const op = r.children.length > 1 ? ` boolean-op="${r.op}"` : '';
  return `<rule id="${own}"${op} score="${top ? 'INFINITY' : '0'}">${children.join('')}</rule>`;
}

function cib(rules: readonly Rule[]): string {
  const taken = new Set(['d', 'o-se', 'loc', 'cib-bootstrap-options']);
  const xml = rules.map((r, i) => ruleXml(r, i === 0 ? 'loc-rule' : `loc-rule-${i}`, true, taken)).join('');
  return `<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config><cluster_property_set id="cib-bootstrap-options"><nvpair id="o-se" name="stonith-enabled" value="false"/></cluster_property_set></crm_config><nodes><node id="1" uname="a"/></nodes><resources><primitive id="d" class="ocf" provider="pacemaker" type="Dummy"/></resources><constraints><rsc_location id="loc" rsc="d">${xml}</rsc_location></constraints></configuration><status/></cib>\n`;
}

/** A <rule> tree as text without what the comparison leaves out (expression ids, nested scores). */
function shape(el: XmlElement, top = true): string {
  const attrs = [...el.attrs].filter(([k]) => (el.tag === 'rule' ? k !== 'score' || top : k !== 'id')).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  const kids = el.children.filter((c): c is XmlElement => c.type === 'element').map((c) => shape(c, false));
  return `${el.tag}(${attrs.sort().join(' ')})[${kids.join(', ')}]`;
}

function rulesOf(xml: string): string[] {
  const found: string[] = [];
  const visit = (el: XmlElement): void => {
    if (el.tag === 'rsc_location') {
      for (const c of el.children) if (c.type === 'element' && c.tag === 'rule') found.push(shape(c));
      return;
    }
    for (const c of el.children) if (c.type === 'element') visit(c);
  };
  for (const n of parseXml(xml)) if (n.type === 'element') visit(n);
  return found;
}

describe(`location rules of any shape through import and build (${runs} runs)`, () => {
  it('read back as what import meant, and build gives the same <rule> trees', () => {
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 2 }), (rules) => {
        const xml = cib(rules);
        const imported = importCib(xml, { catalogue });
        expect(imported.unsupported).toEqual([]);
        const checked = checkText(imported.text.replace('node a', 'node a addr=10.0.0.1/24'), 'imported.ha', { catalogue });
        expect(checked.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
        const built = emitAll(checked.checked!, catalogue, { cib: 'full' }).find((a) => a.path === 'cib.xml')!.contents;
        expect(rulesOf(built)).toEqual(rulesOf(xml));
      }),
      { numRuns: runs },
    );
  });
});
