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

/** What the CIB emitter needs of an XML document or element. */
export interface XmlParent {
  ele(name: string, attributes?: Record<string, string>): XmlParent;
  com(text: string): unknown;
}

export interface XmlDocument extends XmlParent {
  /** The serialisation (without a final newline), as xmlbuilder2's `end()` with those options. */
  end(): string;
  /** end() and a final newline, when the document has any line; without copying the text again. */
  text?(): string;
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * An attribute value as cib.ts has always written it: & < > " as entities (every &, even one that
 * looks like a reference already), and tab, line feed and carriage return as character references,
 * which XML parsers would otherwise turn into spaces.
 */
function escapeAttribute(value: string): string {
  return /[&<>"\t\n\r]/.test(value) ? value.replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!) : value;
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
  /** Open elements, outermost first; whether each has written a child yet. */
  private readonly open: { name: string; hasChildren: boolean }[] = [];
  private readonly indents: string[] = [''];

  constructor(declaration: { version: string; encoding: string } | undefined) {
    if (declaration) this.put(`<?xml version="${declaration.version}" encoding="${declaration.encoding}"?>\n`);
  }

  private put(line: string): void {
    this.lines.push(line);
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

  /** Closes the elements deeper than `depth`; the element at `depth` (if any) gets a child next. */
  private beginChild(depth: number): void {
    while (this.open.length > depth) this.close();
    const parent = this.open[depth - 1];
    if (parent && !parent.hasChildren) {
      parent.hasChildren = true;
      this.put('>\n');
    }
  }

  private close(): void {
    const el = this.open.pop()!;
    this.put(el.hasChildren ? `${this.indent(this.open.length)}</${el.name}>\n` : '/>\n');
  }

  element(depth: number, name: string, attributes: Record<string, string> | undefined): void {
    this.beginChild(depth);
    let s = `${this.indent(depth)}<${name}`;
    if (attributes) {
      for (const key in attributes) {
        // xmlbuilder2 gives `@`, `:` and xmlns names a namespace meaning; the CIB has no such names.
        if (!PLAIN_NAME.test(key) || key === 'xmlns') throw new Error(`internal error: XML attribute name '${key}' is not a plain name`);
        s += ` ${key}="${escapeAttribute(attributes[key]!)}"`;
      }
    }
    this.put(s);
    this.open.push({ name, hasChildren: false });
  }

  comment(depth: number, text: string): void {
    this.beginChild(depth);
    this.put(`${this.indent(depth)}<!--${text}-->\n`);
  }

  /** The whole text, ending in a newline (every line does). */
  text(): string {
    while (this.open.length > 0) this.close();
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

  ele(name: string, attributes?: Record<string, string>): XmlParent {
    this.writer.element(this.depth, name, attributes);
    return new Node(this.writer, this.depth + 1);
  }

  com(text: string): this {
    this.writer.comment(this.depth, text);
    return this;
  }
}

/** A new document, as xmlbuilder2's `create({ version, encoding })`; without a declaration, as its `headless` output. */
export function createXml(declaration?: { version: string; encoding: string }): XmlDocument {
  const writer = new Writer(declaration);
  const root = new Node(writer, 0);
  return {
    ele: (name, attributes) => root.ele(name, attributes),
    com: (text) => root.com(text),
    end: () => writer.end(),
    text: () => writer.text(),
  };
}
