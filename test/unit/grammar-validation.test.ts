import { describe, expect, it } from 'vitest';
import { chevrotainBundled, Lexer } from '../../src/syntax/chevrotain.js';
import { HaParser } from '../../src/syntax/parser.js';
import { allTokens, LEXER_OPTIONS } from '../../src/syntax/tokens.js';

// hacc's own lexer and parser skip chevrotain's definition checks at start-up; they run here.
describe('grammar definition', () => {
  it('the lexer passes chevrotain’s validations', () => {
    const lexer = new Lexer(allTokens, { ...LEXER_OPTIONS, skipValidations: false });
    expect(lexer.lexerDefinitionErrors).toEqual([]);
  });

  it('the parser passes chevrotain’s validations (a broken grammar throws here)', () => {
    expect(() => new HaParser(true)).not.toThrow();
  });

  it('chevrotain loads from its one-file build (the package entry point costs ~300 ms of start-up)', () => {
    expect(chevrotainBundled).toBe(true);
  });
});
