import { describe, expect, it } from 'vitest';
import { generateBenchHa, generateManyNodesHa, generateMisspeltHa, LARGE } from '../../bench/generate.js';
import { checkText } from '../../src/check/check.js';

// The benchmark's input generator: its shape and determinism only. Timings are measured by
// `npm run bench`, never asserted in unit tests.
describe('bench generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const shape = { groups: 20, perGroup: 4 };
    expect(generateBenchHa(7, shape)).toBe(generateBenchHa(7, shape));
    expect(generateBenchHa(7, shape)).not.toBe(generateBenchHa(8, shape));
  });

  it('has the asked shape (groups of N primitives with params and ops, plus fencing) and checks clean', () => {
    const result = checkText(generateBenchHa(1, { groups: 50, perGroup: 4 }), 'bench.ha');
    expect(result.diagnostics).toEqual([]);
    const model = result.checked!;
    expect(model.groups).toHaveLength(50);
    expect(model.groups.every((g) => g.members.length === 4)).toBe(true);
    const grouped = model.primitives.filter((p) => p.parent !== undefined);
    expect(grouped).toHaveLength(200);
    expect(grouped.every((p) => p.ops.length > 0 && (p.params.attrs.length > 0 || p.commands.length === 3))).toBe(true);
    expect(model.primitives.filter((p) => p.agent.text.startsWith('stonith:'))).toHaveLength(2);
  });

  it('names the issue’s large shape: 2,500 groups of 4', () => {
    expect(LARGE).toEqual({ groups: 2500, perGroup: 4 });
  });

  it('the misspelt shape: every location an unknown resource with the right did-you-mean', () => {
    const result = checkText(generateMisspeltHa(300), 'misspelt.ha');
    expect(result.diagnostics).toHaveLength(300);
    result.diagnostics.forEach((d, i) => {
      expect(d.code).toBe('HA103');
      expect(d.message).toBe(`unknown resource 'rse-${i}'`);
      expect(d.help).toEqual([`did you mean 'res-${i}'?`]);
    });
  });

  it('the many-nodes shape checks clean (no address twice)', () => {
    expect(checkText(generateManyNodesHa(600), 'many.ha').diagnostics).toEqual([]);
  });
});
