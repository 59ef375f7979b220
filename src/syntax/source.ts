// A .ha file's bytes as text. A .ha file is UTF-8: a byte-order mark at the start is dropped (as if
// absent), and every byte sequence that is not UTF-8 is HA003 at its exact byte offset. The text
// holds U+FFFD in its place, so positions after it still match the file line for line; a build
// never sees it, since HA003 is an error.

import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from './diagnostic.js';

/** A decoded source: its text and what decoding found wrong (HA003). */
export interface SourceText {
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

const BOM = [0xef, 0xbb, 0xbf] as const;

export function decodeSource(bytes: Uint8Array): SourceText {
  const body = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? bytes.subarray(3) : bytes;
  // ignoreBOM: the mark is dropped here, once; a second one would be text.
  if (isUtf8(body)) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), diagnostics: [] };
  return decodeWithErrors(body, bytes.length - body.length);
}

/**
 * The slow path: decodes sequence by sequence, replacing each maximal invalid subpart with one
 * U+FFFD (the Unicode recommendation, as TextDecoder does) and reporting it.
 */
function decodeWithErrors(b: Uint8Array, skipped: number): SourceText {
  const parts: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let length = 0;
  let runStart = 0;
  let i = 0;
  const flush = (end: number) => {
    if (end > runStart) {
      const s = decoder.decode(b.subarray(runStart, end));
      parts.push(s);
      length += s.length;
    }
  };
  while (i < b.length) {
    let n = sequenceAt(b, i);
    if (n > 0) {
      i += n;
      continue;
    }
    flush(i);
    // A run of invalid subparts in a row is one finding: each is one U+FFFD in the text.
    const from = i;
    let replaced = 0;
    for (; n < 0; n = i < b.length ? sequenceAt(b, i) : 0) {
      i -= n;
      replaced++;
    }
    const shown = Array.from(b.subarray(from, Math.min(i, from + 8)), (x) => `0x${x.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
    diagnostics.push({
      code: 'HA003',
      severity: 'error',
      message: `invalid UTF-8 at byte offset ${skipped + from} (${shown}${i - from > 8 ? ' …' : ''}): a .ha file is UTF-8`,
      span: { start: length, end: length + replaced },
      help: ['save the file as UTF-8 (iconv -f LATIN1 -t UTF-8, or your editor\'s encoding setting)'],
    });
    parts.push('\ufffd'.repeat(replaced));
    length += replaced;
    runStart = i;
  }
  flush(b.length);
  return { text: parts.join(''), diagnostics };
}

/** The bytes that may follow a lead byte as its first continuation byte: [low, high]. */
function secondRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** How many bytes a lead byte's sequence has, or 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** The number of bytes of the longest valid prefix of the sequence at i (its maximal subpart). */
function validPrefix(b: Uint8Array, i: number): { valid: number; needed: number } {
  const needed = sequenceLength(b[i]!);
  if (needed <= 1) return { valid: needed, needed };
  const [low, high] = secondRange(b[i]!);
  let valid = 1;
  for (let k = 1; k < needed; k++) {
    const x = b[i + k];
    const [lo, hi] = k === 1 ? [low, high] : [0x80, 0xbf];
    if (x === undefined || x < lo || x > hi) break;
    valid++;
  }
  return { valid, needed };
}

/**
 * The sequence at i: its length when it is valid UTF-8, else minus the length of its maximal
 * invalid subpart (the valid prefix of a cut-short sequence, or one byte).
 */
function sequenceAt(b: Uint8Array, i: number): number {
  const { valid, needed } = validPrefix(b, i);
  return needed > 0 && valid === needed ? needed : -Math.max(1, valid);
}
