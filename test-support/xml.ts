// Reads XML back the way a conforming XML processor does, for tests of what hacc writes.
// fast-xml-parser alone is too lenient for that: it accepts characters XML cannot carry and `--`
// inside comments, and it keeps a raw tab or line break in an attribute value where XML's
// attribute-value normalisation (https://www.w3.org/TR/xml/#AVNormalize) turns it into a space.
// readXml() refuses the first two and applies the normalisation before parsing.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { firstXmlInvalidChar } from '../src/syntax/xml-chars.js';

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly comments: readonly string[];
}

/** Raw tab, LF and CR inside attribute values become spaces, as every XML processor reads them. */
function normaliseAttributes(xml: string): string {
  // Start tags and empty-element tags; attribute values hold no raw `<`, `>` or `"` (all escaped).
  return xml.replace(/<[A-Za-z_][^<>]*>/g, (tag) => tag.replace(/="([^"]*)"/g, (_m, v: string) => `="${v.replace(/[\t\n\r]/g, ' ')}"`));
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Entity and character references, decoded in one pass (never twice: `&amp;lt;` is `&lt;`). */
function decode(value: string): string {
  return value.replace(/&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|([a-z]+));/g, (m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    if (dec !== undefined) return String.fromCodePoint(Number(dec));
    const c = ENTITIES[name!];
    if (c === undefined) throw new Error(`undefined entity ${m}`);
    return c;
  });
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: Ordered): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (name === undefined || name === '#comment' || name === '#text' || name.startsWith('?')) return undefined;
  const kids = (node[name] as Ordered[] | undefined) ?? [];
  const comments = kids.flatMap((k) => (k['#comment'] ? (k['#comment'] as { '#text': string }[]).map((c) => c['#text']) : []));
  return {
    name,
    attrs: Object.fromEntries(Object.entries(node[':@'] ?? {}).map(([k, v]) => [k, decode(v)])),
    children: kids.map(toElement).filter((e): e is XmlElement => e !== undefined),
    comments,
  };
}

/** The document element of `xml`; throws when the text is not well-formed XML. */
export function readXml(xml: string): XmlElement {
  const bad = firstXmlInvalidChar(xml);
  if (bad >= 0) throw new Error(`character U+${xml.charCodeAt(bad).toString(16).toUpperCase().padStart(4, '0')} at offset ${bad}: not allowed in XML`);
  for (const m of xml.matchAll(/<!--([\s\S]*?)-->/g)) {
    if (m[1]!.includes('--') || m[1]!.endsWith('-')) throw new Error(`'--' inside the comment <!--${m[1]}-->`);
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${valid.err.msg} at ${valid.err.line}:${valid.err.col}`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    commentPropName: '#comment',
    trimValues: false,
    parseAttributeValue: false,
    parseTagValue: false,
    // fast-xml-parser's own decoding decodes twice (`&amp;lt;` becomes `<`): decode() does it.
    processEntities: false,
    htmlEntities: false,
  });
  const doc = parser.parse(normaliseAttributes(xml)) as Ordered[];
  const roots = doc.map(toElement).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) throw new Error(`${roots.length} document elements`);
  return roots[0]!;
}

/** Every element below (and including) `root`, depth first. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}
