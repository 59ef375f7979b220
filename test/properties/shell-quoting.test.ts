// shQuote, the one way a value reaches bash in setup.sh: bash reads any string back unchanged.
// In its own file: spawning bash from the worker that ran the setup.sh properties (a large heap)
// is many times slower. HACC_PROPERTY_RUNS sets the runs (default 200; the long suite 1000).

import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shQuote } from '../../src/emit/shell.js';
import { propertyRuns, valueArb } from '../../test-support/arbitrary-cluster.js';

const runs = propertyRuns();

describe(`shell quoting (${runs} runs)`, () => {
  it('shQuote: bash reads any string back unchanged (batches of up to 40 per bash)', () => {
    const anyString = fc.oneof(valueArb, fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme-ascii', maxLength: 30 }));
    fc.assert(
      fc.property(fc.array(anyString.filter((s) => !s.includes('\u0000') && !/[\ud800-\udfff]/.test(s)), { minLength: 1, maxLength: 40 }), (values) => {
        const r = spawnSync('bash', ['-c', `printf '%s\\0' ${values.map(shQuote).join(' ')}`], { encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe(values.map((v) => `${v}\0`).join(''));
      }),
      { numRuns: runs },
    );
  }, 600_000);
});
