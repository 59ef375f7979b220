import { parseHa } from '../syntax/parse.js';
import { checkParsed, type CheckOptions, type CheckResult } from './checker.js';

export { checkParsed, statementsAround, type CheckedModel, type CheckOptions, type CheckResult } from './checker.js';

/** Parses and checks one file. */
export function checkText(text: string, path: string, options: CheckOptions = {}): CheckResult {
  return checkParsed(parseHa(text, path), options);
}
