// The TextMate grammar of the VS Code extension (editors/vscode/syntaxes/ha.tmLanguage.json),
// generated from the language's own vocabulary: the lexer's keywords, the statements' keywords by
// where they stand, the agent classes the catalogue knows. `npm run gen` writes it; the docs test
// requires it up to date, and test/unit/textmate.test.ts runs it as VS Code does.

import { defaultCatalogue, SERVICE_CLASSES } from '../src/catalogue/catalogue.js';
import { STATEMENTS } from '../src/language/index.js';
import { KEYWORD_TEXTS } from '../src/syntax/tokens.js';

export const TEXTMATE_PATH = 'editors/vscode/syntaxes/ha.tmLanguage.json';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** A whole word of the language: not inside a longer one (a word runs until space, quote, =, braces or #). */
const WORD_END = '(?![^\\s"={}#])';
const WORD_START = '(?<![^\\s{}])';
const WORD_CHARS = '[^\\s"={}#\\\\]';

function words(list: readonly string[]): string {
  return [...new Set(list)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escape).join('|');
}

export function textMateGrammar(): object {
  const statementKeywords = new Set(STATEMENTS.map((s) => s.keyword));
  const cluster = KEYWORD_TEXTS.filter((k) => k === 'cluster');
  const connectors = KEYWORD_TEXTS.filter((k) => !statementKeywords.has(k) && k !== 'cluster');
  const classes = [...new Set([...defaultCatalogue().agentIds().map((id) => id.split(':')[0]!), ...SERVICE_CLASSES])];
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'hacc',
    scopeName: 'source.ha',
    fileTypes: ['ha'],
    patterns: [{ include: '#comment' }, { include: '#string' }, { include: '#block' }, { include: '#pair' }, { include: '#keyword' }, { include: '#agent' }, { include: '#word' }],
    repository: {
      comment: { name: 'comment.line.number-sign.ha', match: '#.*$' },
      string: {
        name: 'string.quoted.double.ha',
        begin: '"',
        end: '"|$',
        patterns: [{ name: 'constant.character.escape.ha', match: '\\\\.' }],
      },
      block: {
        patterns: [
          { name: 'punctuation.section.block.begin.ha', match: '\\{' },
          { name: 'punctuation.section.block.end.ha', match: '\\}' },
        ],
      },
      // key=value: the key, the '=', and a value that is a secret's reference, a number or a word.
      pair: {
        patterns: [
          {
            match: `(${WORD_CHARS}+)(=)`,
            captures: { '1': { name: 'variable.parameter.ha' }, '2': { name: 'keyword.operator.assignment.ha' } },
          },
          { name: 'variable.language.secret.ha', match: `(?<==)(?:env|file):${WORD_CHARS}*` },
          { name: 'constant.numeric.ha', match: `(?<==)[-+]?(?:INFINITY|[0-9]+(?:ms|us|s|m|min|h|d)?)${WORD_END}` },
          { name: 'constant.language.ha', match: `(?<==)(?:true|false)${WORD_END}` },
          { name: 'string.unquoted.value.ha', match: `(?<==)${WORD_CHARS}+` },
        ],
      },
      keyword: {
        patterns: [
          { name: 'storage.type.cluster.ha', match: `${WORD_START}(?:${words(cluster)})${WORD_END}` },
          { name: 'keyword.operator.word.ha', match: `${WORD_START}(?:${words(connectors)})${WORD_END}` },
          { name: 'keyword.other.ha', match: `${WORD_START}(?:${words([...statementKeywords])})${WORD_END}` },
        ],
      },
      agent: { name: 'support.type.agent.ha', match: `${WORD_START}(?:${words(classes)}):${WORD_CHARS}*` },
      word: { name: 'variable.other.ha', match: `${WORD_CHARS}+` },
    },
  };
}

export function textMateJson(): string {
  return `${JSON.stringify(textMateGrammar(), null, 2)}\n`;
}
