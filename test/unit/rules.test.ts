import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { rules } from '../../src/check/registry.js';
import { runCli } from '../../test-support/run-cli.js';
import { at } from '../../test-support/expectations.js';

describe('the registry', () => {
  it('is sorted by code, with unique codes and names', () => {
    const codes = rules.map((r) => r.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
    for (const r of rules) expect(r.code).toMatch(/^HA\d{3}$/);
  });
});

describe.each(rules.map((r) => [r.code, r] as const))('%s', (code, rule) => {
  it('bad example gives exactly one diagnostic, of this code', () => {
    const found = checkText(rule.docs.bad, 'bad.ha').diagnostics.map((d) => `${d.code}@${at(rule.docs.bad)(d).line}: ${d.message}`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${code}@`));
  });

  it('good example gives none', () => {
    const found = checkText(rule.docs.good, 'good.ha').diagnostics.map((d) => `${d.code}@${at(rule.docs.good)(d).line}: ${d.message}`);
    expect(found).toEqual([]);
  });

  it('hacc explain prints its docs', async () => {
    const run = await runCli(['explain', code.toLowerCase()]);
    expect(run.exit).toBe(0);
    expect(run.stdout).toContain(rule.docs.summary);
    expect(run.stdout).toContain(rule.docs.bad.split('\n')[1]!.trim());
  });
});
