// chevrotain, loaded the fast way. The package's entry point (lib/src/api.js) is an ES module graph
// of about 700 files (lodash-es among them) that takes 300 ms and more to load: most of a `hacc check`.
// The same package ships the whole library as one ES module (lib/chevrotain.mjs, listed in its
// "files"), which loads in about 15 ms. It is not in the package's "exports", so it is imported by
// its file URL, found next to the entry point; if a chevrotain release stops shipping it, the entry
// point is used and hacc is only slower. Everything in src/ takes chevrotain from here, so one copy
// of its classes is ever loaded.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Chevrotain from 'chevrotain';

export type {
  CstElement,
  CstNode,
  ILexingError,
  IParserErrorMessageProvider,
  IRecognitionException,
  IToken,
  TokenType,
} from 'chevrotain';

/** Where chevrotain's one-file build would be: `lib/chevrotain.mjs`, beside `lib/src/api.js`. */
function bundlePath(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve('chevrotain');
    const bundle = join(dirname(entry), '..', 'chevrotain.mjs');
    return existsSync(bundle) ? bundle : undefined;
  } catch {
    return undefined;
  }
}

const bundle = bundlePath();
const chevrotain: typeof Chevrotain = bundle ? await import(pathToFileURL(bundle).href) : await import('chevrotain');

/** Whether the one-file build was found (tests check it is, so start-up stays fast). */
export const chevrotainBundled: boolean = bundle !== undefined;

export const { EmbeddedActionsParser, Lexer, createToken, createSyntaxDiagramsCode, tokenMatcher, EOF } = chevrotain;
