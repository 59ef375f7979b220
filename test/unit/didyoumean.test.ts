import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, NameIndex } from '../../src/syntax/didyoumean.js';

// The did-you-mean helper: the closest in-scope name within a distance that grows with the word
// (1 up to 5 characters, 2 up to 8, then 3), case-only differences first, ties by code-unit order.
describe('did-you-mean', () => {
  it('finds typos: a letter wrong, missing, extra, two swapped, another case', () => {
    const names = ['monitor', 'start', 'stop', 'promote', 'demote', 'notify'];
    expect(didYouMean('mointor', names)).toBe('monitor');
    expect(didYouMean('stat', names)).toBe('start');
    expect(didYouMean('stopp', names)).toBe('stop');
    expect(didYouMean('promite', names)).toBe('promote');
    expect(didYouMean('Notify', names)).toBe('notify');
    expect(didYouMean('reload', names)).toBeUndefined();
    expect(didYouMean('monitor', names)).toBeUndefined();
  });

  it('an index gives what comparing with every name gives, for any names and word', () => {
    const word = fc.stringMatching(/^[a-cA-C_-]{1,9}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), word, (names, w) => {
        expect(new NameIndex(names).didYouMean(w)).toBe(didYouMean(w, names));
      }),
      { numRuns: 2000 },
    );
  });

  it('an index of thousands of names still finds every one-edit typo', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `res-${i}`);
    const index = new NameIndex(names);
    for (let i = 0; i < 5000; i += 7) {
      expect(index.didYouMean(`rse-${i}`)).toBe(`res-${i}`);
      expect(index.didYouMean(`res-${i}x`)).toBe(`res-${i}`);
    }
  });

  it('a huge name or word costs nothing and gets no suggestion', () => {
    const huge = 'n'.repeat(1 << 20);
    const index = new NameIndex([huge, 'web']);
    expect(index.didYouMean(`${huge}x`)).toBeUndefined();
    expect(index.didYouMean('wbe')).toBe('web');
    expect(didYouMean(huge, ['web', huge.slice(1)])).toBeUndefined();
  });
});
