import { fastParse } from './fast-parse.js';
import type { ParseResult } from './parse.js';

/**
 * parseHa for the CLI: the fast path first, and chevrotain (parse.ts, loaded only now) for a file
 * that has syntax errors. Loading and self-analysing the chevrotain parser is about a quarter of
 * `hacc check`'s start-up, and a valid file never needs it.
 */
export async function parseHaLazily(text: string, path: string): Promise<ParseResult> {
  return fastParse(text, path) ?? (await import('./parse.js')).parseWithChevrotain(text, path);
}
