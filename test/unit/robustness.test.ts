// Regressions found by the mutation fuzzer (test-support/fuzz.ts): each input once crashed or hung
// hacc, and is fixed where it went wrong.

import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { render } from '../../src/render/index.js';
import { parseHa } from '../../src/syntax/parse.js';
import { runCli } from '../../test-support/run-cli.js';

const inPrimitive = (garbage: string) =>
  `cluster c {\n  node a addr=10.0.0.1/24\n  group g {\n    primitive v ocf:heartbeat:IPaddr2 {\n  ${garbage}\n}\n}\n}\n`;

describe('fuzzer regressions', () => {
  it('thousands of errors inside one block: no stack overflow in error recovery (parser.ts)', async () => {
    // chevrotain re-entered the repetition once per re-sync: 3,000 re-syncs overflowed the stack.
    // Now the first `cluster` is a line a primitive cannot hold, skipped with its nested blocks
    // (counted, not recursed into): one report, and the rest of the file still parses.
    for (const n of [3_000, 20_000]) {
      const text = inPrimitive('cluster c { '.repeat(n));
      const started = performance.now();
      const parsed = parseHa(text);
      expect(parsed.diagnostics[0]!.message).toBe("expected a line of a primitive, found 'cluster'");
      expect(parsed.diagnostics.length).toBeLessThanOrEqual(2);
      expect(performance.now() - started).toBeLessThan(15_000);
    }
    // Thousands of separate mistakes: 100 shown, then the summary.
    const many = parseHa(`cluster c {\n${'  primtive p ocf:pacemaker:Dummy\n'.repeat(3_000)}}\n`);
    expect(many.diagnostics.length).toBe(101);
    expect(many.diagnostics[100]!.message).toMatch(/^\d+ more syntax errors not shown$/);
    const run = await runCli(['check', '-'], { stdin: inPrimitive('primitive p anything { '.repeat(5_000)) });
    expect(run.exit).toBe(1);
    expect(run.stderr).toBe('');
  });

  it('thousands of diagnostics on one long line render in linear time (render/text.ts)', () => {
    // Each code frame copied and cleaned the whole 200 KB line: 20,000 diagnostics took seconds.
    const text = `cluster c {\n  node a addr=10.0.0.1/24\n  ${'primitive p anything { } '.repeat(8_000)}\n}\n`;
    const result = checkText(text, 'long.ha');
    expect(result.diagnostics.length).toBeGreaterThan(10_000);
    const started = performance.now();
    const out = render('text', [{ path: 'long.ha', text, diagnostics: result.diagnostics }], { color: false });
    expect(performance.now() - started).toBeLessThan(3_000);
    const frames = out.split('\n').filter((l) => l.startsWith('3 | '));
    expect(Math.max(...frames.map((l) => l.length))).toBeLessThanOrEqual(4 + 160);
  });
});
