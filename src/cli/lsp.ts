// `hacc lsp`: the language server over stdio. The protocol is vscode-languageserver's; every answer
// comes from src/lsp/services.ts. A request never takes the server down: a failure is logged to the
// client and answered with nothing.

import { createConnection, ErrorCodes, ResponseError, TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, codeActions, completion, definition, diagnostics, documentSymbols, format, hover, prepareRename, references, rename, renameProblem, type ServiceOptions } from '../lsp/services.js';

/**
 * Edits that arrive together (read in one go, before any timer runs) are checked once, after the
 * last: a check of a large file takes a few hundred milliseconds, and waiting longer would only add
 * to the time to fresh diagnostics.
 */
const SETTLE_MS = 0;

export function startLanguageServer(options: ServiceOptions, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Connection {
  const connection = createConnection(input, output);
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, Analysis>();
  const pending = new Map<string, NodeJS.Timeout>();

  /** The analysis of a document's current version, made once per version. */
  const analysisOf = (uri: string): Analysis | undefined => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const known = analyses.get(uri);
    if (known && known.doc.version === doc.version) return known;
    const made = new Analysis(doc, options);
    analyses.set(uri, made);
    return made;
  };

  /** `answer()`, or the fallback when it throws (logged to the client). */
  const safely = <R>(what: string, answer: () => R, fallback: R): R => {
    try {
      return answer();
    } catch (e) {
      connection.console.error(`hacc lsp: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };

  const publish = (uri: string): void => {
    pending.delete(uri);
    const published = safely(
      'diagnostics',
      () => {
        const a = analysisOf(uri);
        return a && { uri, version: a.doc.version, diagnostics: diagnostics(a) };
      },
      undefined,
    );
    if (published) void connection.sendDiagnostics(published);
  };

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' ', '='] },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentFormattingProvider: true,
      documentSymbolProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    },
    serverInfo: { name: 'hacc' },
  }));

  documents.onDidOpen((e) => publish(e.document.uri));
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => publish(uri), SETTLE_MS));
  });
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    analyses.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /** A request about a place in a document: its analysis and the offset, or the fallback. */
  const atPosition =
    <R>(what: string, answer: (a: Analysis, offset: number) => R, fallback: R) =>
    (p: { textDocument: { uri: string }; position: { line: number; character: number } }): R =>
      safely(what, () => {
        const a = analysisOf(p.textDocument.uri);
        return a ? answer(a, a.doc.offsetAt(p.position)) : fallback;
      }, fallback);
  /** A request about a whole document. */
  const onDocument =
    <R>(what: string, answer: (a: Analysis) => R, fallback: R) =>
    (p: { textDocument: { uri: string } }): R =>
      safely(what, () => {
        const a = analysisOf(p.textDocument.uri);
        return a ? answer(a) : fallback;
      }, fallback);

  connection.onHover(atPosition('hover', (a, offset) => hover(a, offset) ?? null, null));
  connection.onCompletion(atPosition('completion', completion, []));
  connection.onDefinition(atPosition('definition', definition, []));
  connection.onReferences((p) => atPosition('references', (a, offset) => references(a, offset, p.context.includeDeclaration), [])(p));
  connection.onPrepareRename(atPosition('rename', (a, offset) => prepareRename(a, offset) ?? null, null));
  connection.onRenameRequest((p) => {
    // A name that cannot be given is the client's error to show (thrown past `safely`), not a failure of the server.
    const problem = atPosition('rename', (a, offset) => renameProblem(a, offset, p.newName), undefined)(p);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
    return atPosition('rename', (a, offset) => rename(a, offset, p.newName) ?? null, null)(p);
  });
  connection.onDocumentFormatting(onDocument('formatting', format, []));
  connection.onDocumentSymbol(onDocument('symbols', documentSymbols, []));
  connection.onCodeAction((p) => onDocument('code actions', (a) => codeActions(a, p.range), [])(p));

  documents.listen(connection);
  connection.listen();
  return connection;
}
