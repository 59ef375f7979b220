import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSyntaxDiagramsCode } from '../src/syntax/chevrotain.js';
import { haParser } from '../src/syntax/parser.js';

/** A generated file: where it goes (relative to the repository root) and what it holds. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/**
 * The grammar artifacts, generated from the parser itself: the serialized productions and the
 * railroad diagrams. Deterministic: the diagrams page names chevrotain's diagram scripts by the
 * installed chevrotain version (a CDN URL), nothing else varies.
 */
export function grammarFiles(): GeneratedFile[] {
  const productions = haParser().getSerializedGastProductions();
  return [
    { path: 'grammar/grammar.json', content: `${JSON.stringify(productions, null, 2)}\n` },
    { path: 'grammar/diagrams.html', content: `${createSyntaxDiagramsCode(productions).replace(/[ \t]+$/gm, '').trim()}\n` },
  ];
}

/** `npm run gen`: writes the files relative to the current directory (the repository root). */
function main(): void {
  for (const f of grammarFiles()) {
    writeFileSync(join(process.cwd(), f.path), f.content);
    process.stdout.write(`wrote ${f.path}\n`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
