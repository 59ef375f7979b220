// The characters XML 1.0 cannot carry, in any form: not raw, not as a character reference
// (https://www.w3.org/TR/xml/#charsets). A value holding one could not reach the CIB unaltered,
// so `check` rejects it (HA003) and the CIB emitter refuses it as a last line of defence.
// Tab, line feed and carriage return are XML characters: they survive as `&#9;`, `&#10;`, `&#13;`.

/** U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF, and lone surrogates. */
export const XML_INVALID_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Every unit XML_INVALID_CHAR can match, without its surrogate-pair lookarounds: a quick first test. */
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** The offset (UTF-16 units) of the first character XML cannot carry, or -1. */
export function firstXmlInvalidChar(text: string): number {
  if (!SUSPECT.test(text)) return -1;
  const m = XML_INVALID_CHAR.exec(text);
  return m ? m.index : -1;
}

/** The offsets of every character XML cannot carry (one per lone surrogate). */
export function xmlInvalidOffsets(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(new RegExp(XML_INVALID_CHAR.source, 'g'))) out.add(m.index);
  return out;
}

/** `U+0001`: how diagnostics name a character that cannot be shown. */
export function codePointName(text: string, at: number): string {
  const cp = text.charCodeAt(at);
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
