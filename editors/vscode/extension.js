// The VS Code client: starts `hacc lsp` for .ha files. Everything else is the server's.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('hacc');
  const target = config.get('target');
  const args = ['lsp', ...(target ? ['--target', target] : [])];
  const run = { command: config.get('path') || 'hacc', args, transport: TransportKind.stdio };
  client = new LanguageClient('hacc', 'hacc', { run, debug: run }, { documentSelector: [{ language: 'ha' }] });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
