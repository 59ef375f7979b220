// chevrotain, the one parser generator hacc uses. Everything in src/ takes it from here. The CLI
// runs as one bundled module (scripts/bundle.ts), which holds chevrotain's one-file build.

export { EmbeddedActionsParser, LLkLookaheadStrategy, Lexer, createToken, createTokenInstance, createSyntaxDiagramsCode, tokenMatcher, EOF } from 'chevrotain';
export type { ILexingError, ILookaheadStrategy, IOrAlt, IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';
