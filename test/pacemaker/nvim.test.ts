// hacc lsp driven by a real editor: Debian's Neovim (0.7), headless, with its built-in LSP client
// (vim.lsp.start_client), as VERIFY.md describes. A Lua probe opens a file, waits for diagnostics,
// sends requests, edits, and writes what it got as JSON. A missing nvim is a failure, never a skip.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readText } from '../../test-support/expectations.js';
import { runCli } from '../../test-support/run-cli.js';

const HACC = resolve('bin/hacc.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hacc-nvim-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Probe {
  diagnostics: { lnum: number; col: number; end_lnum: number; end_col: number; code: string; message: string; severity: number }[];
  hover: string;
  completion: string[];
  definition: { line: number; character: number }[];
  rename: string;
  formatted: string;
  after_edit: string[];
}

/** Runs the probe on `text`; `at` are 0-based [line, character] places for the requests. */
function probe(text: string, at: { hover: [number, number]; completion: [number, number]; definition: [number, number]; rename: [number, number]; newName: string; edit: [number, number, number, string] }): Probe {
  const file = join(dir, 'cluster.ha');
  writeFileSync(file, text);
  const lua = `
local out = {}
local id = vim.lsp.start_client({ cmd = { '${process.execPath}', '${HACC}', 'lsp' }, root_dir = '${dir}' })
vim.cmd('edit ${file}')
local buf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(buf, id)
local client = vim.lsp.get_client_by_id(id)
vim.wait(10000, function() return client.initialized and #vim.diagnostic.get(buf) > 0 end, 20)
out.diagnostics = vim.diagnostic.get(buf)
local uri = vim.uri_from_bufnr(buf)
local function ask(method, params)
  params.textDocument = { uri = uri }
  local r = client.request_sync(method, params, 5000, buf)
  return r and r.result
end
local h = ask('textDocument/hover', { position = { line = ${at.hover[0]}, character = ${at.hover[1]} } })
out.hover = h and h.contents.value or ''
out.completion = {}
for _, c in ipairs(ask('textDocument/completion', { position = { line = ${at.completion[0]}, character = ${at.completion[1]} } }) or {}) do table.insert(out.completion, c.label) end
out.definition = {}
for _, l in ipairs(ask('textDocument/definition', { position = { line = ${at.definition[0]}, character = ${at.definition[1]} } }) or {}) do table.insert(out.definition, l.range.start) end
local edit = ask('textDocument/rename', { position = { line = ${at.rename[0]}, character = ${at.rename[1]} }, newName = '${at.newName}' })
local scratch = vim.api.nvim_create_buf(false, true)
vim.api.nvim_buf_set_lines(scratch, 0, -1, false, vim.api.nvim_buf_get_lines(buf, 0, -1, false))
vim.lsp.util.apply_text_edits(edit.changes[uri], scratch, 'utf-16')
out.rename = table.concat(vim.api.nvim_buf_get_lines(scratch, 0, -1, false), '\\n')
local fmt = ask('textDocument/formatting', { options = { tabSize = 2, insertSpaces = true } }) or {}
vim.api.nvim_buf_set_lines(scratch, 0, -1, false, vim.api.nvim_buf_get_lines(buf, 0, -1, false))
vim.lsp.util.apply_text_edits(fmt, scratch, 'utf-16')
out.formatted = table.concat(vim.api.nvim_buf_get_lines(scratch, 0, -1, false), '\\n')
local before = #vim.diagnostic.get(buf)
vim.api.nvim_buf_set_text(buf, ${at.edit[0]}, ${at.edit[1]}, ${at.edit[0]}, ${at.edit[2]}, { '${at.edit[3]}' })
vim.wait(10000, function() return #vim.diagnostic.get(buf) ~= before end, 20)
out.after_edit = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(out.after_edit, d.code) end
vim.fn.writefile({ vim.fn.json_encode(out) }, '${dir}/out.json')
vim.cmd('qa!')
`;
  writeFileSync(join(dir, 'probe.lua'), lua);
  const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${join(dir, 'probe.lua')}`], { encoding: 'utf8', timeout: 60_000, cwd: dir });
  expect(r.error, 'nvim is not installed (apt-get install neovim)').toBeUndefined();
  return JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as Probe;
}

describe("Neovim's LSP client", () => {
  it('diagnostics equal hacc check --format json; hover, completion, definition, rename, formatting; an edit refreshes them', async () => {
    const clean = readText('fixtures/examples/web-el9.ha');
    const text = clean.replace('op monitor interval=60s', 'op monitr interval=60s').replace('prefers web1=100', 'prefers wbe1=100').replace('  node web1 addr', '  node   web1 addr');
    const lines = text.split('\n');
    const line = (s: string) => lines.findIndex((l) => l.includes(s));
    const col = (s: string, w: string) => lines[line(s)]!.indexOf(w, lines[line(s)]!.indexOf(s));
    const out = probe(text, {
      hover: [line('primitive web-vip'), col('primitive web-vip', 'ocf:') + 2],
      completion: [line('op monitor interval=10s timeout=20s'), col('op monitor interval=10s timeout=20s', 'monitor')],
      definition: [line('colocation report-with-web'), col('colocation report-with-web', ' web ') + 1],
      rename: [line('group web {'), col('group web {', 'web')],
      newName: 'frontend',
      edit: [line('prefers wbe1'), col('prefers wbe1', 'wbe1'), col('prefers wbe1', 'wbe1') + 4, 'web1'],
    });
    const file = join(dir, 'cluster.ha');
    const json = JSON.parse((await runCli(['check', '--format', 'json', file])).stdout) as { line: number; column: number; endLine: number; endColumn: number; code: string; message: string }[];
    expect(out.diagnostics.map((d) => ({ line: d.lnum + 1, column: d.col + 1, endLine: d.end_lnum + 1, endColumn: d.end_col + 1, code: d.code, message: d.message }))).toEqual(
      json.map(({ line: l, column, endLine, endColumn, code, message }) => ({ line: l, column, endLine, endColumn, code, message })),
    );
    expect(out.hover).toContain('**ocf:heartbeat:IPaddr2**');
    expect(out.completion).toEqual(expect.arrayContaining(['start', 'stop', 'monitor']));
    expect(out.definition).toEqual([{ line: line('group web {'), character: col('group web {', 'web') }]);
    expect(out.rename.split('\n').filter((l, i) => l !== text.split('\n')[i]).map((l) => l.trim())).toEqual([
      'group frontend {',
      'location web-prefers-web1 frontend prefers wbe1=100',
      'colocation report-with-web report-job with frontend score=INFINITY',
      'order web-then-report frontend then report-job',
    ]);
    const fmt = await runCli(['fmt', '-'], { stdin: text });
    expect(`${out.formatted}\n`).toBe(fmt.stdout);
    // The typo fixed by the edit: its diagnostic goes, the others stay.
    expect(out.after_edit).toEqual(json.map((d) => d.code).filter((c) => c !== 'HA103'));
  });
});
