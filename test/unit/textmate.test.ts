// The VS Code extension's TextMate grammar, run as VS Code runs it (vscode-textmate with the
// Oniguruma regular expressions of vscode-oniguruma) on the examples: every token hacc's own lexer
// finds gets a scope of its kind.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { TEXTMATE_PATH } from '../../scripts/gen-textmate.js';
import { haLexer } from '../../src/syntax/tokens.js';
import { listFiles } from '../../test-support/expectations.js';

const require = createRequire(import.meta.url);
let grammar: textmate.IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (scope === 'source.ha' ? textmate.parseRawGrammar(readFileSync(TEXTMATE_PATH, 'utf8'), TEXTMATE_PATH) : null),
  });
  grammar = (await registry.loadGrammar('source.ha'))!;
});

/** Each TextMate token of a text with its absolute offsets and scopes. */
function scopesOf(text: string): { start: number; end: number; scopes: string[] }[] {
  const out: { start: number; end: number; scopes: string[] }[] = [];
  let state = textmate.INITIAL;
  let offset = 0;
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ start: offset + t.startIndex, end: offset + t.endIndex, scopes: t.scopes });
    state = r.ruleStack;
    offset += line.length + 1;
  }
  return out;
}

/** The scope a lexer token kind must get (a prefix of it). */
const EXPECTED: Record<string, RegExp> = {
  Comment: /^comment\.line/,
  StringLiteral: /^string\.quoted/,
  UnterminatedString: /^string\.quoted/,
  LCurly: /^punctuation\.section\.block\.begin/,
  RCurly: /^punctuation\.section\.block\.end/,
  Equals: /^keyword\.operator\.assignment/,
  Cluster: /^storage\.type/,
};

describe('the TextMate grammar', () => {
  const files = [...listFiles('fixtures/examples', '.ha'), ...listFiles('fixtures/ok', '.ha'), ...listFiles('fixtures/constructs', '.ha')];

  it(`gives every token of hacc's lexer a scope of its kind (${files.length} files)`, () => {
    const kinds = new Set<string>();
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const tm = scopesOf(text);
      const lexed = haLexer().tokenize(text);
      for (const t of [...lexed.tokens, ...(lexed.groups['comments'] ?? [])]) {
        const kind = t.tokenType.name;
        kinds.add(kind);
        const at = tm.find((x) => x.start <= t.startOffset && t.startOffset < x.end);
        const scope = at?.scopes.at(-1) ?? 'source.ha';
        expect(scope, `${f}: ${kind} '${t.image}' at ${t.startOffset}`).not.toBe('source.ha');
        // The lexer makes a keyword's token wherever its word stands; after '=' it is a value (no-quorum-policy=stop).
        // Before '=' it is a key (params device=/dev/…, qdevice host=…).
        const value = text[t.startOffset - 1] === '=' || text[t.startOffset + t.image.length] === '=';
        const expected = EXPECTED[kind] ?? (kind === 'Word' || value ? /^(variable|string\.unquoted|constant|support\.type)/ : /^(keyword|storage)\./);
        expect(scope, `${f}: ${kind} '${t.image}'`).toMatch(expected);
      }
    }
    // Every kind the lexer has that the examples use: keywords, words, strings, comments, braces, '='.
    expect([...kinds]).toEqual(expect.arrayContaining(['Cluster', 'NodeKw', 'Primitive', 'Params', 'Op', 'Group', 'Location', 'Prefers', 'Word', 'Equals', 'LCurly', 'RCurly', 'StringLiteral', 'Comment']));
  });

  it('keys, values, secrets, agents and connectors', () => {
    const line = 'primitive f stonith:fence_ipmilan { params ip=10.0.0.1 password=env:IPMI timeout=20s lanplus=true } # x';
    const scopes = new Map(scopesOf(line).map((t) => [line.slice(t.start, t.end), t.scopes.at(-1)]));
    expect(scopes.get('primitive')).toBe('keyword.other.ha');
    expect(scopes.get('stonith:fence_ipmilan')).toBe('support.type.agent.ha');
    expect(scopes.get('ip')).toBe('variable.parameter.ha');
    expect(scopes.get('env:IPMI')).toBe('variable.language.secret.ha');
    expect(scopes.get('20s')).toBe('constant.numeric.ha');
    expect(scopes.get('true')).toBe('constant.language.ha');
    expect(scopes.get('10.0.0.1')).toBe('string.unquoted.value.ha');
    const constraint = 'location l vip prefers a=10';
    const c = new Map(scopesOf(constraint).map((t) => [constraint.slice(t.start, t.end), t.scopes.at(-1)]));
    expect(c.get('prefers')).toBe('keyword.operator.word.ha');
    expect(c.get('vip')).toBe('variable.other.ha');
    // A keyword inside a longer word is no keyword.
    const word = 'node nodes-1';
    expect(scopesOf(word).map((t) => [word.slice(t.start, t.end), t.scopes.at(-1)])).toContainEqual(['nodes-1', 'variable.other.ha']);
  });
});

describe('the VS Code extension (editors/vscode)', () => {
  const dir = 'editors/vscode';
  const manifest = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as {
    name: string;
    publisher: string;
    version: string;
    license: string;
    repository: unknown;
    engines: { vscode: string };
    main: string;
    dependencies: Record<string, string>;
    contributes: { languages: { id: string; extensions: string[]; configuration: string }[]; grammars: { language: string; scopeName: string; path: string }[] };
  };

  it('has the metadata vsce packages with, and points at files that exist', () => {
    for (const field of ['name', 'publisher', 'version', 'license'] as const) expect(manifest[field]).toMatch(/\S/);
    expect(manifest.repository).toBeDefined();
    expect(manifest.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
    expect(manifest.dependencies['vscode-languageclient']).toBeDefined();
    const [language] = manifest.contributes.languages;
    expect(language).toMatchObject({ id: 'ha', extensions: ['.ha'] });
    const config = JSON.parse(readFileSync(`${dir}/${language!.configuration}`, 'utf8')) as { comments: { lineComment: string }; brackets: string[][] };
    expect(config.comments.lineComment).toBe('#');
    expect(config.brackets).toEqual([['{', '}']]);
    const [g] = manifest.contributes.grammars;
    expect(`${dir}/${g!.path.replace(/^\.\//, '')}`).toBe(TEXTMATE_PATH);
    expect(g!.scopeName).toBe('source.ha');
    expect(grammar).toBeDefined();
    const js = readFileSync(`${dir}/${manifest.main.replace(/^\.\//, '')}`, 'utf8');
    // The client starts `hacc lsp` and nothing else.
    expect(js).toContain("['lsp'");
    expect(() => new Function('require', 'module', js)).not.toThrow();
  });
});
