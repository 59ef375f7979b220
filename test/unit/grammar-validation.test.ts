import { describe, expect, it } from 'vitest';
import { Lexer, tokenMatcher } from '../../src/syntax/chevrotain.js';
import { HaParser } from '../../src/syntax/parser.js';
import { allTokens, AnyWord, haLexer, KEYWORD_TEXTS, LEXER_OPTIONS, WHOLE_WORD } from '../../src/syntax/tokens.js';
import { listFiles, readText } from '../../test-support/expectations.js';
import { prng } from '../../test-support/generate.js';

// hacc's own lexer and parser skip chevrotain's definition checks at start-up; they run here.
describe('grammar definition', () => {
  it('the lexer passes chevrotain’s validations', () => {
    const lexer = new Lexer(allTokens, { ...LEXER_OPTIONS, skipValidations: false });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
  });

  it('the lexer runs with chevrotain’s first-character optimisation, and lexes exactly as without it', () => {
    expect(() => new Lexer(allTokens, { ...LEXER_OPTIONS, ensureOptimizations: true })).not.toThrow();
    const safe = new Lexer(allTokens, { ...LEXER_OPTIONS, safeMode: true });
    const next = prng(7);
    const pieces = ['a', 'Z', '9', ' ', '\n', '\t', '"', '=', '{', '}', '#', '\\', 'é', 'ß', '\u00a0', '\u2028', '\u3000', '😀', '\ud800', '\udc00', '\ufffe', '\uffff', '\u0085', 'primitive', 'op', 'op-defaults', '-', ':', '/', '\u0001', '\u007f', '中', '\ufeff'];
    const texts = listFiles('fixtures', '.ha').map(readText);
    for (let i = 0; i < 2000; i++) texts.push(Array.from({ length: Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
    const lexed = (r: ReturnType<typeof safe.tokenize>) => [r.tokens.map((t) => [t.image, t.startOffset, t.tokenType.name]), r.errors.map((e) => [e.offset, e.length])];
    for (const text of texts) expect(lexed(haLexer().tokenize(text)), JSON.stringify(text)).toEqual(lexed(safe.tokenize(text)));
  });

  it('WHOLE_WORD matches exactly the texts that lex as one word or keyword (not a string) and nothing else', () => {
    const next = prng(11);
    const pieces = ['a', 'Z', '9', ' ', '\n', '"', '=', '{', '}', '#', '\\', 'é', '\u00a0', '😀', '\ud800', '\uffff', 'primitive', 'op', '-', ':', '/', '\u0001', '中', 'x"y"'];
    const texts = [...KEYWORD_TEXTS, '"quoted"', ''];
    for (let i = 0; i < 3000; i++) texts.push(Array.from({ length: 1 + Math.floor(next() * 6) }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
    let words = 0;
    for (const text of texts) {
      const r = haLexer().tokenize(text);
      const one = r.errors.length === 0 && r.tokens.length === 1 && r.tokens[0]!.image === text && tokenMatcher(r.tokens[0]!, AnyWord);
      expect(WHOLE_WORD.test(text), JSON.stringify(text)).toBe(one);
      if (one) words++;
    }
    expect(words).toBeGreaterThan(300);
  });

  it('the parser passes chevrotain’s validations (a broken grammar throws here)', () => {
    expect(() => new HaParser(true)).not.toThrow();
  });
});
