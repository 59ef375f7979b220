import { SaxesParser } from 'saxes';

// A small, order-preserving XML tree for the importer, read with saxes. Attribute values are
// normalised the way a conforming XML parser (libxml2, so Pacemaker) reads them: a literal tab,
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

/** Line and column (1-based) of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Called as each element closes, with the elements still open around it (the root first). An
 * element it returns takes the closed one's place in its parent's children: a reader that has read
 * a large subtree already drops it at once, instead of keeping it to the end of the document.
 */
export type OnClose = (element: XmlElement, open: readonly XmlElement[]) => XmlElement | undefined;

/** The document's top-level nodes: comments and the root element. Throws XmlSyntaxError. */
export function parseXml(text: string, onClose?: OnClose): XmlNode[] {
  if (/<!DOCTYPE/i.test(text)) {
    const p = position(text, text.search(/<!DOCTYPE/i));
    throw new XmlSyntaxError('a DOCTYPE is not allowed in a CIB', p.line, p.column);
  }
  // saxes checks well-formedness as it reads (about four times faster than fast-xml-parser's
  // validate and parse on a large CIB), and reads attribute values as libxml2 does: a literal tab,
  // line feed or carriage return is a space, references are their characters.
  const parser = new SaxesParser({ position: true });
  const top: XmlNode[] = [];
  // Each element goes into its parent's children when it opens (document order all the same): one
  // object per element, and the open ones on a stack, with the line each opened on beside it.
  const open: (XmlElement & { children: XmlNode[] })[] = [];
  const openLines: number[] = [];
  let children: XmlNode[] = top;
  let pendingText = '';
  // saxes closes the element a mismatched close tag does not match before it reports the mismatch.
  let lastClosed: XmlElement | undefined;
  let lastClosedLine = 0;
  const flushText = (): void => {
    // Indentation between elements is no text of the CIB's.
    if (/\S/.test(pendingText)) children.push({ type: 'text', text: pendingText });
    pendingText = '';
  };
  parser.on('text', (t) => (pendingText += t));
  parser.on('cdata', (t) => (pendingText += t));
  parser.on('comment', (t) => {
    flushText();
    children.push({ type: 'comment', text: t });
  });
  // Attributes into the element's map as saxes reads each (in document order), not copied from the
  // object it builds for the open tag: a large CIB has a hundred thousand elements. A repeated
  // attribute is an error saxes reports before the tag opens.
  let attrs = new Map<string, string>();
  parser.on('attribute', (a) => attrs.set(a.name, a.value));
  parser.on('opentag', (tag) => {
    if (pendingText !== '') flushText();
    const element = { type: 'element' as const, tag: tag.name, attrs, children: [] as XmlNode[] };
    attrs = new Map();
    children.push(element);
    open.push(element);
    openLines.push(parser.line);
    children = element.children;
  });
  parser.on('closetag', () => {
    if (pendingText !== '') flushText();
    const element = open.pop()!;
    lastClosed = element;
    lastClosedLine = openLines.pop()!;
    children = open[open.length - 1]?.children ?? top;
    // The element is its parent's last child: its later siblings have not opened yet.
    const replacement = onClose?.(element, open);
    if (replacement) children[children.length - 1] = replacement;
  });
  parser.on('error', (err) => {
    // saxes prefixes its message with the position, which the error carries on its own.
    const message = err.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    if (/entity/.test(message)) {
      // saxes stops after the reference: name it, and where it starts.
      const start = text.lastIndexOf('&', parser.position - 1);
      const ref = text.slice(start, parser.position);
      const p = position(text, start);
      const why = message === 'undefined entity' ? 'names no character' : 'refers to a character XML does not allow (a control character, a surrogate, U+FFFE or U+FFFF) or is malformed';
      throw new XmlSyntaxError(`reference '${ref}' ${why}`, p.line, p.column);
    }
    const unclosed = message === 'unexpected close tag' && lastClosed ? `: '${lastClosed.tag}' (line ${lastClosedLine}) is not closed before it` : '';
    throw new XmlSyntaxError(`${message}${unclosed}`, parser.line, Math.max(parser.column, 1));
  });
  parser.write(text).close();
  return top;
}

export function elements(node: XmlElement): XmlElement[] {
  return node.children.filter((c): c is XmlElement => c.type === 'element');
}
