// A language-server client for the tests: `hacc lsp` as a child process, spoken to through
// vscode-jsonrpc (the library VS Code's own client is built on), as an editor would.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** bin/hacc.js of this checkout, from test-support/ (the tests) or dist/test-support/ (the benchmark). */
function haccBin(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'bin', 'hacc.js')) && existsSync(join(dir, 'package.json'))) return join(dir, 'bin', 'hacc.js');
    if (dirname(dir) === dir) throw new Error(`no bin/hacc.js above ${import.meta.dirname}`);
  }
}

const HACC = haccBin();

export interface LspClient {
  readonly connection: MessageConnection;
  readonly stderr: () => string;
  open(uri: string, text: string): Promise<Diagnostic[]>;
  /** Replaces the whole text (version + 1) and waits for that version's diagnostics. */
  change(uri: string, text: string): Promise<Diagnostic[]>;
  /** An incremental edit: `text` in place of the range, and waits for that version's diagnostics. */
  edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<Diagnostic[]>;
  request<R>(method: string, params: unknown): Promise<R>;
  close(): Promise<number | null>;
}

export async function startClient(args: readonly string[] = []): Promise<LspClient> {
  const child: ChildProcess = spawn(process.execPath, [HACC, 'lsp', '--stdio', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const versions = new Map<string, number>();
  const waiting = new Map<string, { version: number; done: (d: Diagnostic[]) => void }>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const w = waiting.get(p.uri);
    if (w && p.version === w.version) {
      waiting.delete(p.uri);
      w.done(p.diagnostics);
    }
  });
  connection.listen();
  // A server that dies on the way up is an error here, not a request waiting for ever.
  const died = new Promise<never>((_, fail) => child.on('exit', (code) => fail(new Error(`hacc lsp exited (${code}) before it answered: ${err}`))));
  await Promise.race([connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }), died]);
  died.catch(() => undefined);
  await connection.sendNotification('initialized', {});
  const diagnosticsOf = (uri: string, version: number) =>
    new Promise<Diagnostic[]>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no diagnostics for ${uri} version ${version}: ${err}`)), 30_000);
      waiting.set(uri, { version, done: (d) => (clearTimeout(timer), done(d)) });
    });
  return {
    connection,
    stderr: () => err,
    async open(uri, text) {
      versions.set(uri, 1);
      const d = diagnosticsOf(uri, 1);
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ha', version: 1, text } });
      return d;
    },
    async change(uri, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      const d = diagnosticsOf(uri, version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return d;
    },
    async edit(uri, range, text) {
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      const d = diagnosticsOf(uri, version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
      return d;
    },
    request: (method, params) => connection.sendRequest(method, params),
    async close() {
      await connection.sendRequest('shutdown');
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}
