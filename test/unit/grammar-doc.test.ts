import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grammarFiles } from '../../scripts/gen-grammar.js';
import { parseHa } from '../../src/syntax/parse.js';
import { at } from '../../test-support/expectations.js';

const readme = readFileSync('grammar/README.md', 'utf8');

/** Every ```ha fenced block of the language reference, with the line it starts on. */
function haExamples(markdown: string): { line: number; code: string }[] {
  const out: { line: number; code: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```ha') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== '```') end++;
    out.push({ line: start + 1, code: `${lines.slice(start, end).join('\n')}\n` });
    i = end;
  }
  return out;
}

describe('grammar/README.md', () => {
  const examples = haExamples(readme);

  it('has an example for every construct', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
    const all = examples.map((e) => e.code).join('\n');
    for (const kw of ['platform', 'auth', 'node', 'host', 'property', 'defaults', 'op-defaults', 'params', 'meta', 'op', 'group', 'prefers', 'avoids', 'colocation', 'order', 'hacc-ignore', 'expect:', 'env:', 'file:', 'kind=', 'symmetrical=', 'score=', 'fencing-level', 'alert', 'sbd {', 'corosync {', 'rule ', 'rsc-pattern=', 'attributes ', 'utilization ', 'date-spec']) {
      expect(all, kw).toContain(kw);
    }
    expect(all).toMatch(/^\s*monitor\s+"/m);
    expect(all).toMatch(/\\"|\\\\|\\n|\\t/);
  });

  for (const { line, code } of examples) {
    it(`the example at line ${line} parses without syntax errors`, () => {
      const { file, diagnostics } = parseHa(code, `README.md:${line}`);
      expect(diagnostics.map((d) => `${d.code} ${at(code)(d).line}:${at(code)(d).column} ${d.message}`)).toEqual([]);
      expect(file.cluster).toBeDefined();
    });
  }
});

describe('generated grammar files', () => {
  for (const f of grammarFiles()) {
    it(`${f.path} is up to date (npm run gen)`, () => {
      expect(readFileSync(f.path, 'utf8') === f.content, `${f.path} is stale: run npm run gen`).toBe(true);
    });
  }

  it('the diagrams page carries no timestamp and the whole grammar', () => {
    const [json, html] = grammarFiles();
    expect(html!.content).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(html!.content).toContain(JSON.stringify(JSON.parse(json!.content), null, '  '));
    const rules = (JSON.parse(json!.content) as { name: string }[]).map((r) => r.name);
    expect(rules).toEqual(expect.arrayContaining(['file', 'cluster', 'statement', 'primitive', 'group', 'location', 'ruleClause', 'ruleExpr', 'attribute', 'value']));
  });
});
