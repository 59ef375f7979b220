import { describe, expect, it } from 'vitest';
import { generateBenchHa } from '../../bench/generate.js';
import { rules } from '../../src/check/registry.js';
import { fastParse } from '../../src/syntax/fast-parse.js';
import { parseWithChevrotain } from '../../src/syntax/parse.js';
import { listFiles, readText } from '../../test-support/expectations.js';
import { generateHa, prng } from '../../test-support/generate.js';

// The fast path must build exactly chevrotain's tree whenever it answers, and answer exactly when
// chevrotain finds no syntax error (it may only be slower, never different).
function agrees(text: string, what: string): boolean {
  const fast = fastParse(text, 'f.ha');
  const slow = parseWithChevrotain(text, 'f.ha');
  expect(fast !== undefined, `${what}: fast path answers iff chevrotain finds no syntax error\n${text}`).toBe(slow.diagnostics.length === 0);
  if (fast) expect(fast, `${what}\n${text}`).toEqual(slow);
  return fast !== undefined;
}

const corpus: { name: string; text: string }[] = [
  ...listFiles('fixtures', '.ha').map((p) => ({ name: p, text: readText(p) })),
  ...rules.flatMap((r) => [
    { name: `${r.code} bad`, text: r.docs.bad },
    { name: `${r.code} good`, text: r.docs.good },
  ]),
  ...Array.from({ length: 40 }, (_, seed) => ({ name: `generated ${seed}`, text: generateHa(seed, { resources: 1 + (seed % 12) }) })),
  { name: 'bench', text: generateBenchHa(3, { groups: 10, perGroup: 4 }) },
  {
    name: 'edge cases',
    text: [
      'cluster op-defaults { # keywords as names and values',
      '  node node addr=10.0.0.1/24',
      '  property op=op then="then" x = "a\\"b\\\\c\\n\\t"',
      '  primitive op op { params meta=1 op=2 start=x stop "y" monitor z=1 }',
      '  primitive bare ocf:pacemaker:Dummy',
      '  primitive e ocf:pacemaker:Dummy { }',
      '  group g { bare meta m=1 primitive q Dummy { params } }',
      '  location l g prefers node n2=INFINITY n3',
      '  colocation c g with op score=INFINITY',
      '  order o op then g kind=Optional',
      '  auth u password=env:X_1',
      '  node n2 id=2 addr=10.0.0.2/24',
      '  property $id=props $id.x=px x=1',
      '  primitive d Dummy { default-ops none params $id=dp $id.fake=f fake=1 meta $id.m=mm m=1 op monitor interval=10s id=mon }',
      '  location l2 g role=Started resource-discovery=never prefers node=50',
      '  order o2 op then g first-action=start then-action=start',
      '  primitive emoji😀 Dummy { params x="😀 é" }',
      '  host h addr=file:/x\r',
      '}#end',
    ].join('\n'),
  },
];

/** Token-ish pieces that mutations insert. */
const PIECES = ['=', '{', '}', '"', '"x"', '\\', '#', ' ', '\n', 'op', 'x', 'params', 'meta', 'primitive', 'group', 'env:', 'env:1', 'file:x', '"\\q"', 'start', 'monitor', 'prefers', 'with', 'then', 'cluster', '\u00a0', '\t', 'a=b', 'addr', 'password', '\u2028', '\ufeff', '\u0085', 'é', '😀', '\v', '\r', '\u007f', '\ufffe', '\ud800', '\udc00', 'default-ops none', 'default-ops x', '$id=s1', '$id.a=p1', 'id=1', 'id=x', 'role=Started', 'first-action=start', ' "\u0001"'];

function mutate(text: string, next: () => number): string {
  const at = Math.floor(next() * (text.length + 1));
  const len = 1 + Math.floor(next() * 12);
  switch (Math.floor(next() * 4)) {
    case 0:
      return text.slice(0, at) + text.slice(at + len);
    case 1:
      return text.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)]! + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at, at + len) + text.slice(at);
    default: {
      const from = Math.floor(next() * text.length);
      return text.slice(0, at) + text.slice(from, from + len) + text.slice(at + len);
    }
  }
}

describe('fast parse path', () => {
  it('agrees with chevrotain on every fixture, rule example and generated file', () => {
    let answered = 0;
    for (const { name, text } of corpus) if (agrees(text, name)) answered++;
    expect(answered).toBeGreaterThan(60);
  });

  it('agrees with chevrotain on thousands of mutations (valid ones and broken ones)', () => {
    const next = prng(20250101);
    const bases = corpus.filter((c) => c.text.length < 4000);
    let valid = 0;
    let broken = 0;
    for (let n = 0; n < 3000; n++) {
      let text = bases[n % bases.length]!.text;
      const times = 1 + Math.floor(next() * 3);
      for (let k = 0; k < times; k++) text = mutate(text, next);
      if (agrees(text, `mutation ${n}`)) valid++;
      else broken++;
    }
    // Both sides of the fence are exercised.
    expect(valid).toBeGreaterThan(300);
    expect(broken).toBeGreaterThan(300);
  });
});
