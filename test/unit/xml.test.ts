import { create } from 'xmlbuilder2';
import { describe, expect, it } from 'vitest';
import { generateBenchHa } from '../../bench/generate.js';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { checkText } from '../../src/check/check.js';
import { writeCibIn, XML_DECLARATION } from '../../src/cib/write.js';
import { parseXml, XmlSyntaxError, type XmlElement } from '../../src/cib/xml-reader.js';
import { createXml, type XmlDocument, type XmlParent } from '../../src/cib/xml-writer.js';
import { cibComment, cibXml } from '../../src/emit/cib.js';
import { lower, type Lowered } from '../../src/lower/lower.js';
import { listFiles, readText } from '../../test-support/expectations.js';
import { generateHa } from '../../test-support/generate.js';

// The CIB is written by xml.ts's string writer; the reference it must equal is how cib.ts wrote it
// before, with xmlbuilder2: attribute values had tab, LF, CR and & turned into a marker xmlbuilder2
// leaves alone (U+FFFF, the code, ';'), and the serialised markers into &#9; &#10; &#13; &amp;.
const MARK = '\uffff';
const mark = (v: string) => v.replace(/[\t\n\r&]/g, (c) => `${MARK}${c.charCodeAt(0)};`);
const unmark = (xml: string) => xml.replace(/\uffff(\d+);/g, (_m, code: string) => (code === '38' ? '&amp;' : `&#${code};`));

function xmlbuilder2Document(): XmlDocument {
  const doc = create(XML_DECLARATION);
  type Builder = ReturnType<typeof doc.ele>;
  const wrap = (b: Builder): XmlParent => ({
    ele: (name, attributes) => {
      const object: Record<string, string> = {};
      for (let i = 0; i < (attributes ?? []).length; i += 2) object[attributes![i]!] = mark(attributes![i + 1]!);
      return wrap(b.ele(name, attributes && object));
    },
    com: (text) => b.com(text),
  });
  const root = wrap(doc as unknown as Builder);
  return { ele: root.ele, com: root.com, end: () => unmark(doc.end({ prettyPrint: true, indent: '  ', allowEmptyTags: false })) };
}

function plans(): { name: string; plan: Lowered }[] {
  const texts = [
    ...listFiles('fixtures', '.ha').map((p) => ({ name: p, text: readText(p) })),
    ...Array.from({ length: 30 }, (_, seed) => ({ name: `generated ${seed}`, text: generateHa(seed, { resources: 1 + (seed % 15) }) })),
    { name: 'bench', text: generateBenchHa(5, { groups: 12, perGroup: 4 }) },
  ];
  return texts.flatMap(({ name, text }) => {
    const checked = checkText(text, name).checked;
    return checked ? [{ name, plan: lower(checked, defaultCatalogue()) }] : [];
  });
}

describe('XML writer', () => {
  it('writes every CIB exactly as xmlbuilder2 does (full and fragment)', () => {
    const all = plans();
    expect(all.length).toBeGreaterThan(30);
    for (const { name, plan } of all) {
      for (const full of [true, false]) {
        expect(cibXml(plan, { full }), name).toBe(writeCibIn(xmlbuilder2Document(), plan.cib, { full, comment: cibComment(plan) }).text);
      }
    }
  });

  it('escapes attribute values (every &, tab, LF, CR as references) and nests like the reference', () => {
    const values = ['plain', 'a&b', 'a&amp;b', '&#38;', '&x', '&nbsp;', '<tag>', 'say "hi"', "it's", 'tab\there', 'new\nline', 'cr\r\n', 'ünïcødé 😀', '', ' ', '--', '&;', '&#x26;', '>'];
    const write = (doc: XmlDocument) => {
      doc.com(' top ');
      const root = doc.ele('root', ['id', 'r']);
      const a: XmlParent = root.ele('a');
      a.com(' inside a ');
      for (const [i, v] of values.entries()) a.ele('v', ['id', `v${i}`, 'value', v, 'data-x', v]);
      root.ele('empty');
      const deep = root.ele('b').ele('c').ele('d', ['x', '1']);
      deep.com('');
      root.ele('after');
      return doc.end();
    };
    expect(write(createXml(XML_DECLARATION))).toBe(write(xmlbuilder2Document()));
  });

  it('refuses attribute names xmlbuilder2 would read as namespaces', () => {
    expect(() => createXml(XML_DECLARATION).ele('x', ['a:b', '1'])).toThrow(/not a plain name/);
    expect(() => createXml(XML_DECLARATION).ele('x', ['xmlns', 'u'])).toThrow(/not a plain name/);

  });
});

describe("the CIB reader's XML (saxes)", () => {
  const root = (xml: string): XmlElement => parseXml(xml).find((n): n is XmlElement => n.type === 'element')!;

  it('reads attribute values as libxml2 does: a literal tab, line break or CR LF is one space; references are characters', () => {
    const el = root('<a v="one\ttwo\nthree\r\nfour&#10;five &amp; &lt;six&gt; &#x263A;" w=" kept  "/>');
    expect(el.attrs.get('v')).toBe('one two three four\nfive & <six> \u263a');
    expect(el.attrs.get('w')).toBe(' kept  ');
    expect([...el.attrs.keys()]).toEqual(['v', 'w']);
  });

  it('keeps comments and text, drops indentation, the declaration and processing instructions', () => {
    const nodes = parseXml('<?xml version="1.0"?>\n<!-- top -->\n<a>\n  <!-- inner -->\n  <b>x &amp; <![CDATA[<y>]]></b>\n  <?pi data?>\n</a>\n');
    expect(nodes.map((n) => n.type)).toEqual(['comment', 'element']);
    const a = nodes[1] as XmlElement;
    expect(a.children.map((c) => (c.type === 'element' ? `<${c.tag}>` : `${c.type}:${c.text}`))).toEqual(['comment: inner ', '<b>']);
    expect((a.children[1] as XmlElement).children).toEqual([{ type: 'text', text: 'x & <y>' }]);
  });

  it('refuses what is not well-formed, with the position', () => {
    const error = (xml: string) => {
      try {
        parseXml(xml);
      } catch (e) {
        return e instanceof XmlSyntaxError ? `${e.line}:${e.column} ${e.message}` : `not an XmlSyntaxError: ${String(e)}`;
      }
      return 'read';
    };
    expect(error('<a x="1" x="2"/>')).toMatch(/^1:\d+ duplicate attribute: x$/);
    expect(error('<a>\n<b></a>')).toBe("2:7 unexpected close tag: 'b' (line 2) is not closed before it");
    expect(error('<a v="&bogus;"/>')).toBe("1:7 reference '&bogus;' names no character");
    expect(error('<a/><b/>')).toMatch(/^1:\d+ documents may contain only one root$/);
    expect(error('<a>\u0001</a>')).toMatch(/^1:\d+ disallowed character$/);
  });
});
