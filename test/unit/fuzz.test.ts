// A short run of the mutation fuzzer (test-support/fuzz.ts) in every `npm test`; the long run is
// `npm run fuzz -- --count 100000 --seed 1` (test-support/FUZZ.md).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnosticProblems, fuzz, fuzzCorpus, fuzzInput, runCase } from '../../test-support/fuzz.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(join(tmpdir(), 'hacc-fuzz-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('mutation fuzzer', () => {
  it('300 cases: no crash, exits 0/1/2, valid spans, all-or-nothing builds', async () => {
    const result = await fuzz({ root: ROOT, seed: 1, from: 0, to: 300, scratch, diskEvery: 30 });
    expect(result.failures.map((f) => ({ index: f.input.index, steps: f.input.steps, problems: f.problems }))).toEqual([]);
    expect(result.passed).toBe(300);
  });

  it('is reproducible: case N of seed S is the same input every time', () => {
    const corpus = fuzzCorpus(ROOT);
    expect(fuzzInput(corpus, 5, 1234)).toEqual(fuzzInput(corpus, 5, 1234));
    expect(fuzzInput(corpus, 5, 1234).text).not.toBe(fuzzInput(corpus, 6, 1234).text);
  });

  it('its oracles notice a span outside the file or backwards', async () => {
    const text = 'ab\ncd\n';
    const d = (start: number, end: number) => ({ code: 'HA001', severity: 'error' as const, message: 'm', span: { start, end } });
    expect(diagnosticProblems(text, [d(3, 5)])).toEqual([]);
    expect(diagnosticProblems(text, [d(-1, 5)])).toHaveLength(1);
    expect(diagnosticProblems(text, [d(5, 3)])).toHaveLength(1);
    expect(diagnosticProblems(text, [d(3, 99)])).toHaveLength(1);
    expect(await runCase('cluster a {\n  node n addr=10.0.0.1/24\n  property stonith-enabled=false\n}\n')).toEqual([]);
  });
});
