import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { firstXmlInvalidChar } from '../syntax/xml-chars.js';

// A small, order-preserving XML tree for the importer, read with fast-xml-parser. Attribute values
// are normalised the way a conforming XML parser (libxml2, so Pacemaker) reads them: a literal tab,
// line feed or carriage return is a space, and character references (`&#10;`) are the characters.

export interface XmlElement {
  readonly type: 'element';
  readonly tag: string;
  /** Attributes in document order. */
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: readonly XmlNode[];
}

export interface XmlComment {
  readonly type: 'comment';
  readonly text: string;
}

export interface XmlText {
  readonly type: 'text';
  readonly text: string;
}

export type XmlNode = XmlElement | XmlComment | XmlText;

/** Input that is not well-formed XML. `line`/`column` are 1-based, when known. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Line and column (1-based) of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Decodes references in text that is known to be well-formed apart from them. */
function decode(raw: string, source: string): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw refError(source, whole);
    if (PREDEFINED[name] !== undefined) return PREDEFINED[name];
    const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(name);
    if (num) {
      const code = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
      if (code <= 0x10ffff) {
        const ch = String.fromCodePoint(code);
        if (firstXmlInvalidChar(ch) >= 0) throw refError(source, whole, 'refers to a character XML does not allow (a control character, a surrogate, U+FFFE or U+FFFF)');
        return ch;
      }
    }
    throw refError(source, whole);
  });
}

function refError(source: string, ref: string, why?: string): XmlSyntaxError {
  const at = source.indexOf(ref);
  const p = at >= 0 ? position(source, at) : undefined;
  return new XmlSyntaxError(why ? `reference '${ref}' ${why}` : `unknown or malformed reference '${ref}'`, p?.line, p?.column);
}

type Raw = Record<string, unknown>;

function convert(list: readonly Raw[], source: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const item of list) {
    const key = Object.keys(item).find((k) => k !== ':@');
    if (key === undefined) continue;
    const body = item[key] as Raw[];
    if (key === '#text') {
      // Indentation between elements is no text of the CIB's.
      const text = String(item[key]);
      if (text.trim() !== '') out.push({ type: 'text', text: decode(text, source) });
    } else if (key === '#comment') {
      const text = body.map((t) => String(t['#text'] ?? '')).join('');
      out.push({ type: 'comment', text });
    } else if (key.startsWith('?')) {
      continue; // the XML declaration and processing instructions
    } else {
      const attrs = new Map<string, string>();
      for (const [name, value] of Object.entries((item[':@'] as Record<string, unknown> | undefined) ?? {})) {
        attrs.set(name, decode(String(value).replace(/[\t\n\r]/g, ' '), source));
      }
      out.push({ type: 'element', tag: key, attrs, children: convert(body, source) });
    }
  }
  return out;
}

/** The document's top-level nodes: comments and the root element. Throws XmlSyntaxError. */
export function parseXml(text: string): XmlNode[] {
  if (/<!DOCTYPE/i.test(text)) {
    const p = position(text, text.search(/<!DOCTYPE/i));
    throw new XmlSyntaxError('a DOCTYPE is not allowed in a CIB', p.line, p.column);
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) throw new XmlSyntaxError(valid.err.msg, valid.err.line, valid.err.col);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    commentPropName: '#comment',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    // Attribute values byte for byte: a value's leading and trailing spaces are the value's.
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  const raw = parser.parse(text) as Raw[];
  const nodes = convert(raw, text);
  const roots = nodes.filter((n) => n.type === 'element');
  if (roots.length !== 1) throw new XmlSyntaxError(roots.length === 0 ? 'no root element' : 'more than one root element');
  return nodes;
}

export function elements(node: XmlElement): XmlElement[] {
  return node.children.filter((c): c is XmlElement => c.type === 'element');
}
