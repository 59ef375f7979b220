// A streaming XML writer for the CIB: elements with attributes and comments, laid out as
// xmlbuilder2's `end({ prettyPrint: true, indent: '  ', allowEmptyTags: false })` lays them out, with
// the attribute escaping cib.xml has always had (escapeAttribute). Building a large CIB as an
// xmlbuilder2 DOM took most of `hacc build`'s time and memory on a large file. cib.ts writes through
// the XmlParent interface, which an xmlbuilder2 document also satisfies: test/unit/xml.test.ts
// builds every fixture's CIB both ways (xmlbuilder2 with cib.ts's former escaping around it) and
// requires the same text.
//
// Elements must be written depth first (a parent gets no child after a later sibling of that
// child was opened), as the CIB emitter does; that is what lets this writer stream.

import type { XmlNode } from './xml-reader.js';

/** An element's attributes in order: name, value, name, value, … (no object per element). */
export type XmlAttributes = readonly string[];

/** What the CIB emitter needs of an XML document or element. */
export interface XmlParent {
  ele(name: string, attributes?: XmlAttributes): XmlParent;
  com(text: string): unknown;
  /**
   * Where this element's next child will start in the text (what is open inside it is closed
   * first). Only this module's writer knows offsets; the xmlbuilder2 reference of the tests does not.
   */
  offset?(): number;
}

export interface XmlDocument extends XmlParent {
  /** The serialisation (without a final newline), as xmlbuilder2's `end()` with those options. */
  end(): string;
  /** end() and a final newline, when the document has any line; without copying the text again. */
  text?(): string;
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Whether a value needs no escaping: no control character, & < > or ". A loop: most values are short. */
function plain(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x3f && (c < 0x20 || c === 0x22 || c === 0x26 || c === 0x3c || c === 0x3e)) return false;
  }
  return true;
}

/**
 * An attribute value as cib.ts has always written it: & < > " as entities (every &, even one that
 * looks like a reference already), and tab, line feed and carriage return as character references,
 * which XML parsers would otherwise turn into spaces.
 */
export function escapeAttribute(value: string): string {
  return plain(value) ? value : value.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

const INDENT = '  ';
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Lines are joined into one flat string every this many (see Writer). */
const LINES_PER_CHUNK = 4096;

class Writer {
  // The text is kept as flat chunks of lines, not grown with `+=`: V8 keeps a string built that
  // way as a tree of every small piece until it is read, which for a large CIB is ten times the
  // text in memory and most of the garbage collector's work. Each line is one concatenation, not
  // pieces joined: V8's join writes two bytes a character when a piece is a "thin" string (one
  // that was used as a property key), as names and values from the source often are.
  private readonly chunks: string[] = [];
  private lines: string[] = [];
  /** The length of the text so far. */
  private length = 0;
  /** Open elements, outermost first, and whether each has written a child yet. */
  private readonly openNames: string[] = [];
  private readonly openHasChildren: boolean[] = [];
  private readonly indents: string[] = [''];
  /** Attribute names found plain (checked once each). */
  private readonly names = new Set<string>();

  constructor(declaration: { version: string; encoding: string } | undefined) {
    if (declaration) this.put(`<?xml version="${declaration.version}" encoding="${declaration.encoding}"?>\n`);
  }

  private put(line: string): void {
    this.lines.push(line);
    this.length += line.length;
    if (this.lines.length >= LINES_PER_CHUNK) this.flush();
  }

  private flush(): void {
    this.chunks.push(this.lines.join(''));
    this.lines = [];
  }

  private indent(level: number): string {
    let s = this.indents[level];
    if (s === undefined) this.indents[level] = s = INDENT.repeat(level);
    return s;
  }

  /** Closes the elements deeper than `depth`. */
  private closeTo(depth: number): void {
    while (this.openNames.length > depth) this.close();
  }

  /** Closes the elements deeper than `depth`; the element at `depth` (if any) gets a child next. */
  private beginChild(depth: number): void {
    this.closeTo(depth);
    if (depth > 0 && !this.openHasChildren[depth - 1]) {
      this.openHasChildren[depth - 1] = true;
      this.put('>\n');
    }
  }

  private close(): void {
    const name = this.openNames.pop()!;
    this.put(this.openHasChildren.pop() ? `${this.indent(this.openNames.length)}</${name}>\n` : '/>\n');
  }

  /** Where a child at `depth` would start: after the closing of deeper elements and the parent's `>`. */
  offset(depth: number): number {
    this.closeTo(depth);
    return this.length + (depth > 0 && !this.openHasChildren[depth - 1] ? 2 : 0);
  }

  element(depth: number, name: string, attributes: XmlAttributes | undefined): void {
    this.beginChild(depth);
    let s = `${this.indent(depth)}<${name}`;
    if (attributes) {
      for (let i = 0; i < attributes.length; i += 2) {
        const key = attributes[i]!;
        if (!this.names.has(key)) {
          // xmlbuilder2 gives `@`, `:` and xmlns names a namespace meaning; the CIB has no such names.
          if (!PLAIN_NAME.test(key) || key === 'xmlns') throw new Error(`internal error: XML attribute name '${key}' is not a plain name`);
          this.names.add(key);
        }
        s += ` ${key}="${escapeAttribute(attributes[i + 1]!)}"`;
      }
    }
    this.put(s);
    this.openNames.push(name);
    this.openHasChildren.push(false);
  }

  comment(depth: number, text: string): void {
    this.beginChild(depth);
    this.put(`${this.indent(depth)}<!--${text}-->\n`);
  }

  /** The whole text, ending in a newline (every line does). */
  text(): string {
    this.closeTo(0);
    this.flush();
    const text = this.chunks.join('');
    this.chunks.length = 0;
    this.chunks.push(text);
    return text;
  }

  end(): string {
    const text = this.text();
    return text.endsWith('\n') ? text.slice(0, -1) : text;
  }
}

class Node implements XmlParent {
  constructor(
    private readonly writer: Writer,
    private readonly depth: number,
  ) {}

  ele(name: string, attributes?: XmlAttributes): XmlParent {
    this.writer.element(this.depth, name, attributes);
    return new Node(this.writer, this.depth + 1);
  }

  com(text: string): this {
    this.writer.comment(this.depth, text);
    return this;
  }

  offset(): number {
    return this.writer.offset(this.depth);
  }
}

/** A new document, as xmlbuilder2's `create({ version, encoding })`; without a declaration, as its `headless` output. */
export function createXml(declaration?: { version: string; encoding: string }): XmlDocument {
  const writer = new Writer(declaration);
  const root = new Node(writer, 0);
  return {
    ele: (name, attributes) => root.ele(name, attributes),
    com: (text) => root.com(text),
    offset: () => root.offset(),
    end: () => writer.end(),
    text: () => writer.text(),
  };
}

/**
 * A parsed element (xml-reader.ts), its attributes in order, comments and elements below it, into
 * `parent`. Text is left out: a CIB holds none that Pacemaker reads.
 */
export function copyXml(parent: XmlParent, node: XmlNode): void {
  if (node.type === 'comment') parent.com(node.text);
  else if (node.type === 'element') {
    const attrs: string[] = [];
    for (const [k, v] of node.attrs) attrs.push(k, v);
    const el = parent.ele(node.tag, attrs);
    for (const c of node.children) copyXml(el, c);
  }
}
