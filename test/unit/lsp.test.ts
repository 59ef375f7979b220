// hacc lsp through a real protocol client (vscode-jsonrpc over the child's stdio): every capability,
// diagnostics equal to `hacc check --format json`, and no crash on any prefix of the examples.

import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { Analysis, codeActions, completion, definition, documentSymbols, format, hover, references } from '../../src/lsp/services.js';
import { listFiles, readText } from '../../test-support/expectations.js';
import { startClient, type LspClient } from '../../test-support/lsp-client.js';
import { runCli } from '../../test-support/run-cli.js';

const catalogue = defaultCatalogue();
const EXAMPLES = ['fixtures/examples/web-el9.ha', 'fixtures/examples/seed.ha', 'fixtures/examples/seed-as-written.ha'];
const URI = 'file:///work/cluster.ha';
let client: LspClient;

beforeAll(async () => {
  client = await startClient();
});
afterAll(async () => {
  expect(await client.close()).toBe(0);
});

/** A position from a line of the text and a word on it (the cursor `delta` characters into it). */
function pos(text: string, line: string, word: string, delta = 1) {
  const lines = text.split('\n');
  const n = lines.findIndex((l) => l.includes(line));
  expect(n, `no line with ${line}`).toBeGreaterThanOrEqual(0);
  const at = lines[n]!.indexOf(word, lines[n]!.indexOf(line));
  expect(at).toBeGreaterThanOrEqual(0);
  return { line: n, character: at + delta };
}

const doc = (position: { line: number; character: number }, uri = URI) => ({ textDocument: { uri }, position });

describe('diagnostics', () => {
  const files = [...EXAMPLES, ...listFiles('fixtures/err', '.ha').slice(0, 40)];
  it(`on open: exactly hacc check --format json's (${files.length} files: codes, positions, severities, messages)`, async () => {
    for (const [i, f] of files.entries()) {
      const text = readText(f);
      const uri = `file:///work/d${i}.ha`;
      const got = await client.open(uri, text);
      const json = JSON.parse((await runCli(['check', '--format', 'json', f])).stdout) as { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
      const mine = got.map((d: Diagnostic) => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: d.severity === 1 ? 'error' : 'warning',
        code: d.code,
        message: d.message,
      }));
      expect(mine, f).toEqual(json.map(({ line, column, endLine, endColumn, severity, code, message }) => ({ line, column, endLine, endColumn, severity, code, message })));
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  });

  it('help comes as related information; # hacc-ignore is honoured; an edit brings fresh diagnostics', async () => {
    const text = readText('fixtures/examples/web-el9.ha');
    expect(await client.open(URI, text)).toEqual([]);
    const broken = await client.edit(URI, { start: pos(text, 'op monitor interval=60s', 'monitor', 0), end: pos(text, 'op monitor interval=60s', 'monitor', 7) }, 'monitr');
    expect(broken.map((d) => d.code)).toEqual(['HA201']);
    expect(broken[0]!.relatedInformation!.map((r) => r.message)).toContain("help: did you mean 'monitor'?");
    const ignored = await client.change(URI, text.replace('  primitive fence-web1', '  # hacc-ignore HA201\n  primitive fence-web1').replace('op monitor interval=60s', 'op monitr interval=60s'));
    expect(ignored).toEqual([]);
    expect(await client.change(URI, text)).toEqual([]);
  });
});

describe('requests', () => {
  const text = readText('fixtures/examples/web-el9.ha');
  beforeAll(async () => {
    await client.change(URI, text);
  });

  it('hover: an agent (parameters, required first, actions and advised timeouts), a parameter, a property, a rule code in a comment', async () => {
    const agent = await client.request<Hover>('textDocument/hover', doc(pos(text, 'primitive web-vip', 'ocf:heartbeat:IPaddr2', 3)));
    const value = (agent.contents as { value: string }).value;
    expect(value).toContain('**ocf:heartbeat:IPaddr2**');
    expect(value.indexOf('`ip` (required)')).toBeLessThan(value.indexOf('`nic`'));
    expect(value).toMatch(/\| start \| 20s \|/);
    const param = await client.request<Hover>('textDocument/hover', doc(pos(text, 'params ip=10.20.0.30', 'cidr_netmask')));
    expect((param.contents as { value: string }).value).toContain('**cidr_netmask** (ocf:heartbeat:IPaddr2)');
    const property = await client.request<Hover>('textDocument/hover', doc(pos(text, 'property no-quorum-policy', 'no-quorum-policy')));
    expect((property.contents as { value: string }).value).toMatch(/\*\*no-quorum-policy\*\* \(cluster property\)[\s\S]*known on: el6, el7, el8, el9, el10, debian12, debian13, sles15, sles16/);
    const name = await client.request<Hover>('textDocument/hover', doc(pos(text, 'colocation report-with-web', ' web ', 2)));
    expect((name.contents as { value: string }).value).toBe(`**group** \`web\`, line ${pos(text, '  group web {', 'web').line + 1}`);
    const prim = await client.request<Hover>('textDocument/hover', doc(pos(text, 'order web-then-report', 'report-job', 2)));
    expect((prim.contents as { value: string }).value).toMatch(/^\*\*primitive\*\* `report-job` \(anything\), line \d+$/);
    const withComment = text.replace('  property stonith-enabled=true', '  # hacc-ignore HA402\n  property stonith-enabled=true');
    await client.change(URI, withComment);
    const code = await client.request<Hover>('textDocument/hover', doc(pos(withComment, '# hacc-ignore HA402', 'HA402', 2)));
    expect((code.contents as { value: string }).value).toContain('HA402 ');
    await client.change(URI, text);
  });

  it('completion: operation names after op, agents after primitive NAME, parameters (required first), values, nodes, keywords', async () => {
    const ops = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(text, 'op monitor interval=10s timeout=20s', 'monitor', 0)));
    expect(ops.map((c) => c.label)).toEqual(expect.arrayContaining(['start', 'stop', 'monitor']));
    const typing = text.replace('  location web-prefers-web1', '  primitive extra \n  location web-prefers-web1');
    await client.change(URI, typing);
    const agents = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(typing, 'primitive extra ', 'extra', 6)));
    expect(agents.map((c) => c.label)).toEqual(expect.arrayContaining(['anything', 'ocf:heartbeat:IPaddr2', 'stonith:fence_ipmilan']));
    const params = text.replace('params ip=10.20.0.30 cidr_netmask=24', 'params ');
    await client.change(URI, params);
    const names = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(params, '      params ', 'params', 7)));
    const sorted = [...names].sort((x, y) => (x.sortText! < y.sortText! ? -1 : 1));
    expect(sorted[0]!.label).toBe('ip=');
    expect(sorted[0]!.detail).toBe('required');
    const values = text.replace('property no-quorum-policy=stop', 'property no-quorum-policy=');
    await client.change(URI, values);
    const allowed = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(values, 'property no-quorum-policy=', '=', 1)));
    expect(allowed.map((c) => c.label)).toEqual(expect.arrayContaining(['stop', 'freeze', 'ignore']));
    const nodes = text.replace('prefers web1=100', 'prefers ');
    await client.change(URI, nodes);
    const where = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(nodes, 'location web-prefers-web1 web prefers ', ' web prefers ', 13)));
    expect(where.map((c) => c.label)).toEqual(['web1', 'web2', 'web3']);
    const line = text.replace('  location report-avoids-web3', '  lo\n  location report-avoids-web3');
    await client.change(URI, line);
    const keywords = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(line, '  lo', 'lo', 2)));
    expect(keywords.map((c) => c.label)).toEqual(expect.arrayContaining(['location', 'colocation', 'order', 'primitive', 'node']));
    // A fencing level: its target (nodes, or a target-* pair), then its devices.
    const level = text.replace('  location report-avoids-web3', '  fencing-level 1 \n  location report-avoids-web3');
    await client.change(URI, level);
    const targets = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(level, '  fencing-level 1 ', 'level 1 ', 8)));
    expect(targets.map((c) => c.label)).toEqual(['web1', 'web2', 'web3', 'target-pattern=', 'target-attribute=']);
    const devices = level.replace('fencing-level 1 ', 'fencing-level 1 web1 ');
    await client.change(URI, devices);
    const fences = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(devices, '  fencing-level 1 web1 ', 'web1 ', 5)));
    expect(fences.map((c) => c.label)).toEqual(expect.arrayContaining(['fence-web1', 'fence-web2']));
    // The stack blocks: line keywords, then the keys of the line (corosync's for the file's transport).
    const stackBlocks = text.replace('  location report-avoids-web3', '  corosync {\n    tot\n    totem \n  }\n  sbd {\n    init \n  }\n  location report-avoids-web3');
    await client.change(URI, stackBlocks);
    const corosyncLines = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(stackBlocks, '    tot', 'tot', 3)));
    expect(corosyncLines.map((c) => c.label)).toEqual(expect.arrayContaining(['transport', 'link', 'totem', 'quorum', 'qdevice']));
    const totemKeys = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(stackBlocks, '    totem ', 'totem ', 6)));
    expect(totemKeys.map((c) => c.label)).toEqual(expect.arrayContaining(['token=', 'consensus=']));
    const initKeys = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(stackBlocks, '    init ', 'init ', 5)));
    expect(initKeys.map((c) => c.label)).toEqual(['watchdog-timeout=', 'msgwait-timeout=', 'allocate-timeout=', 'loop-timeout=']);
    // A node's body: its lines; a location: rule, then the rule's own keys.
    const nodeBody = text.replace('  location report-avoids-web3', '  node web4 addr=10.0.0.4/24 {\n    att\n  }\n  location x web rule \n  location report-avoids-web3');
    await client.change(URI, nodeBody);
    const nodeLines = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(nodeBody, '    att', 'att', 3)));
    expect(nodeLines.map((c) => c.label)).toEqual(['attributes', 'utilization', 'description']);
    const ruleKeys = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(nodeBody, 'location x web rule ', 'rule ', 5)));
    expect(ruleKeys.map((c) => c.label)).toEqual(['id=', 'role=', 'score=', 'score-attribute=']);
    await client.change(URI, line);
    // Nothing inside a comment or a string.
    const inComment = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(line, '# A three-node', 'three', 2)));
    expect(inComment).toEqual([]);
    const inString = await client.request<CompletionItem[]>('textDocument/completion', doc(pos(line, 'start   "/usr/local/bin/report-job start"', 'local', 2)));
    expect(inString).toEqual([]);
    await client.change(URI, text);
  });

  it('definition and references of every kind of name', async () => {
    const def = await client.request<Location[]>('textDocument/definition', doc(pos(text, 'colocation report-with-web', ' web ', 2)));
    expect(def).toEqual([{ uri: URI, range: { start: pos(text, '  group web {', 'web', 0), end: pos(text, '  group web {', 'web', 3) } }]);
    const node = await client.request<Location[]>('textDocument/definition', doc(pos(text, 'report-avoids-web3 report-job avoids', 'avoids web3', 8)));
    expect(node[0]!.range.start).toEqual(pos(text, 'node web3', 'web3', 0));
    const refs = await client.request<Location[]>('textDocument/references', { ...doc(pos(text, 'primitive report-job', 'report-job')), context: { includeDeclaration: true } });
    expect(refs).toHaveLength(4);
    const hosts = await client.request<Location[]>('textDocument/references', { ...doc(pos(text, 'node web1', 'web1')), context: { includeDeclaration: false } });
    // The location's target and the fence device's pcmk_host_list: both name the node.
    expect(hosts.map((l) => l.range.start.line).sort((x, y) => x - y)).toEqual([pos(text, 'pcmk_host_list=web1', 'web1').line, pos(text, 'prefers web1=100', 'web1').line]);
  });

  it('rename: the declaration and every use, nothing that merely contains the name', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...doc(pos(text, 'group web {', 'web')), newName: 'frontend' });
    const edits = edit.changes![URI]!;
    const renamed = TextDocument.applyEdits(TextDocument.create(URI, 'ha', 1, text), edits);
    expect(edits).toHaveLength(4);
    expect(renamed).toContain('group frontend {');
    expect(renamed).toContain('location web-prefers-web1 frontend prefers web1=100');
    expect(renamed).toContain('colocation report-with-web report-job with frontend score=INFINITY');
    expect(renamed).toContain('order web-then-report frontend then report-job');
    expect(renamed).toContain('primitive web-vip');
    const bad = client.request('textDocument/rename', { ...doc(pos(text, 'group web {', 'web')), newName: 'two words' });
    await expect(bad).rejects.toThrow(/is not a name/);
    const taken = client.request('textDocument/rename', { ...doc(pos(text, 'group web {', 'web')), newName: 'report-job' });
    await expect(taken).rejects.toThrow(/'report-job' is already the name of a resource or constraint/);
    expect(await client.request('textDocument/prepareRename', doc(pos(text, 'params ip=10.20.0.30', 'ip=')))).toBeNull();
  });

  it('formatting equals hacc fmt; document symbols are the outline; code actions apply the fixes', async () => {
    const messy = text.replace('  node web1 addr=10.20.0.11/24', '  node   web1    addr=10.20.0.11/24');
    await client.change(URI, messy);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } });
    const fmt = await runCli(['fmt', '-'], { stdin: messy });
    expect(TextDocument.applyEdits(TextDocument.create(URI, 'ha', 1, messy), edits)).toBe(fmt.stdout);
    // Formatted already: no edit.
    await client.change(URI, fmt.stdout);
    expect(await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    await client.change(URI, text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    expect(symbols.map((s) => s.name)).toEqual(['ha-web']);
    const outline = symbols[0]!.children!.map((s) => s.name);
    expect(outline).toEqual(['web1', 'web2', 'web3', 'fence-web1', 'fence-web2', 'fence-web3', 'web', 'report-job', 'web-prefers-web1', 'report-avoids-web3', 'report-with-web', 'web-then-report']);
    expect(symbols[0]!.children!.find((s) => s.name === 'web')!.children!.map((s) => s.name)).toEqual(['web-vip', 'web-data', 'web-server']);
    const typo = text.replace('prefers web1=100', 'prefers wbe1=100');
    await client.change(URI, typo);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: pos(typo, 'prefers wbe1', 'wbe1', 0), end: pos(typo, 'prefers wbe1', 'wbe1', 0) }, context: { diagnostics: [] } });
    expect(actions.map((a) => a.title)).toEqual(["replace with 'web1' (HA103)"]);
    expect(TextDocument.applyEdits(TextDocument.create(URI, 'ha', 1, typo), actions[0]!.edit!.changes![URI]!)).toBe(text);
    await client.change(URI, text);
  });

  it('the server is never taken down: every request on every prefix of a half-typed example answers', async () => {
    const half = text.slice(0, Math.floor(text.length / 3));
    await client.change(URI, half);
    const end = TextDocument.create(URI, 'ha', 1, half).positionAt(half.length);
    for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentSymbol', 'textDocument/formatting']) {
      await client.request(method, { ...doc(end), options: { tabSize: 2, insertSpaces: true }, context: { includeDeclaration: true } });
    }
    expect(client.stderr()).not.toContain('failed');
  });
});

describe('every prefix of the examples, in-process (the services the server calls)', () => {
  it('answers every request at the end of every prefix without throwing', () => {
    let requests = 0;
    for (const f of [...EXAMPLES, '../shared/examples/seed.ha']) {
      const text = readFileSync(f, 'utf8');
      for (let n = 0; n <= text.length; n++) {
        const prefix = text.slice(0, n);
        const a = new Analysis(TextDocument.create(URI, 'ha', n, prefix), { catalogue });
        const offset = prefix.length;
        hover(a, offset);
        completion(a, offset);
        definition(a, offset);
        references(a, offset, true);
        documentSymbols(a);
        format(a);
        codeActions(a, { start: a.doc.positionAt(0), end: a.doc.positionAt(offset) });
        requests += 7;
      }
    }
    expect(requests).toBeGreaterThan(7 * 3000);
  });
});
