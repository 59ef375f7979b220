import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { rules } from '../../src/check/registry.js';
import { at, codesByLine, listFiles, readExpectations, readText } from '../../test-support/expectations.js';
import { runCli } from '../../test-support/run-cli.js';

/**
 * Codes the examples expect that belong to rules not yet registered. Listed, not dropped: the test
 * below fails as soon as one of them is registered, so the list cannot go stale.
 */
const PENDING: string[] = [];

const registered = new Set(rules.map((r) => r.code));
const files = listFiles('fixtures', '.ha');

describe('fixtures give exactly what their # expect comments say', () => {
  it('has the SPEC examples', () => {
    expect(files).toEqual(expect.arrayContaining(['fixtures/examples/seed.ha', 'fixtures/examples/seed-as-written.ha', 'fixtures/examples/web-el9.ha']));
  });

  it('pending codes are really not registered yet', () => {
    for (const code of PENDING) expect(registered.has(code), `${code} is registered: remove it from PENDING`).toBe(false);
  });

  for (const path of files) {
    it(path, async () => {
      const text = readText(path);
      const expected = readExpectations(text);
      const result = checkText(text, path);
      const where = at(text);
      const found = codesByLine(result.diagnostics.map((d) => ({ line: where(d).line, code: d.code })));
      const want = new Map<number, string[]>();
      for (const [line, codes] of expected.byLine) {
        const kept = codes.filter((c) => !PENDING.includes(c));
        if (kept.length > 0) want.set(line, kept);
      }
      expect(Object.fromEntries(found)).toEqual(Object.fromEntries(want));
      if (expected.exit !== undefined && PENDING.length === 0) {
        const run = await runCli(['check', path]);
        expect(run.exit).toBe(expected.exit);
      }
    });
  }
});

describe('every registered code has an error fixture named by it', () => {
  const errFiles = listFiles('fixtures/err', '.ha').map((p) => p.split('/').pop()!);
  for (const rule of rules) {
    it(rule.code, () => {
      const mine = errFiles.filter((f) => f.startsWith(`${rule.code.toLowerCase()}-`));
      expect(mine.length, `fixtures/err/${rule.code.toLowerCase()}-*.ha`).toBeGreaterThan(0);
      for (const f of mine) {
        const codes = [...readExpectations(readText(`fixtures/err/${f}`)).byLine.values()].flat();
        expect(codes, `${f} must expect ${rule.code}`).toContain(rule.code);
      }
    });
  }
});
