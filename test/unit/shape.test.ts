import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseHa } from '../../src/syntax/parse.js';
import { sameShape, shapeOf } from '../../src/syntax/shape.js';
import { listFiles, readText } from '../../test-support/expectations.js';

// sameShape answers what isDeepStrictEqual(shapeOf(a), shapeOf(b)) answers, without the copies.
const byShapes = (a: unknown, b: unknown): boolean => isDeepStrictEqual(shapeOf(a), shapeOf(b));

describe('sameShape agrees with comparing shapeOf', () => {
  const pairs: [string, unknown, unknown][] = [
    ['spans and quoting differ', { kind: 'v', text: 'a', start: 1, end: 2, quoted: true }, { kind: 'v', text: 'a', start: 7, end: 9 }],
    ['a key undefined on one side, absent on the other', { kind: 'x', id: undefined }, { kind: 'x' }],
    ['a key null on one side, absent on the other', { kind: 'x', id: null }, { kind: 'x' }],
    ['null and undefined', { kind: 'x', id: null }, { kind: 'x', id: undefined }],
    ['a value differs', { kind: 'v', text: 'a' }, { kind: 'v', text: 'b' }],
    ['a number and its text', { n: 1 }, { n: '1' }],
    ['arrays of different lengths', { items: [1, 2] }, { items: [1, 2, 3] }],
    ['an array and an object', { items: [] }, { items: {} }],
    ['key order', { a: 1, b: [{ c: 'x' }] }, { b: [{ c: 'x' }], a: 1 }],
    ['an extra key', { a: 1 }, { a: 1, b: 2 }],
  ];
  for (const [what, a, b] of pairs) {
    it(what, () => {
      expect(sameShape(a, b)).toBe(byShapes(a, b));
      expect(sameShape(b, a)).toBe(byShapes(b, a));
    });
  }

  const files = listFiles('fixtures', '.ha').slice(0, 60);
  it(`every fixture reads the same reformatted with other spans, and not with one value changed (${files.length} files)`, () => {
    let compared = 0;
    for (const path of files) {
      const text = readText(path);
      const parsed = parseHa(text).file.cluster;
      const shifted = parseHa(`\n\n${text}`).file.cluster;
      expect(sameShape(parsed, shifted)).toBe(true);
      expect(byShapes(parsed, shifted)).toBe(true);
      const word = /^[ \t]*primitive[ \t]+([^\s{]+)/m.exec(text);
      if (!word) continue;
      const renamed = parseHa(text.replace(word[0], `${word[0]}x`)).file.cluster;
      expect(sameShape(parsed, renamed)).toBe(false);
      expect(byShapes(parsed, renamed)).toBe(false);
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });
});
