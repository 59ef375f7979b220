import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/run-cli.js';

const BAD = 'fixtures/err/ha404-unknown-property.ha';
const ESC = '\u001b[';

describe('colour', () => {
  it('is used on a terminal', async () => {
    expect((await runCli(['check', BAD], { tty: true })).stdout).toContain(ESC);
  });
  it('is never used with NO_COLOR', async () => {
    expect((await runCli(['check', BAD], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
  });
  it('is never used with --no-color', async () => {
    expect((await runCli(['check', '--no-color', BAD], { tty: true })).stdout).not.toContain(ESC);
  });
  it('is never used when the output is not a terminal', async () => {
    expect((await runCli(['check', BAD])).stdout).not.toContain(ESC);
  });
});

const SITE = `cluster lab {
  node a addr=10.0.0.1/24
  property stonith-enabled=false
  primitive app ocf:acme:app {
    params config=/etc/app.conf workerz=8
    op start timeout=30s
    op monitor interval=10s
  }
}
`;

describe('--agents DIR', () => {
  it('without it, a site agent is unknown (HA202) and nothing else is checked', async () => {
    const run = await runCli(['check', '--format', 'json', '-'], { stdin: SITE });
    expect((JSON.parse(run.stdout) as { code: string }[]).map((d) => d.code)).toEqual(['HA202']);
  });

  it("with it, the site agent's parameters and timeouts are checked like a shipped one's", async () => {
    const run = await runCli(['check', '--format', 'json', '--agents', 'fixtures/agents', '-'], { stdin: SITE });
    const found = (JSON.parse(run.stdout) as { code: string; line: number; message: string }[]).map((d) => `${d.line}:${d.code}`);
    expect(found).toEqual(['5:HA203', '6:HA209']);
    expect(run.exit).toBe(1);
  });

  it('an agent that would replace a shipped one is HA212', async () => {
    const text = SITE.replace('ocf:acme:app', 'ocf:heartbeat:IPaddr2').replace(' workerz=8', '').replace('op start timeout=30s', 'op start timeout=90s');
    const run = await runCli(['check', '--format', 'json', '--agents', 'fixtures/agents', '-'], { stdin: text });
    expect((JSON.parse(run.stdout) as { code: string }[]).map((d) => d.code)).toEqual(['HA212']);
  });

  it('a malformed meta-data file is a clear error naming the file, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hacc-agents-'));
    mkdirSync(join(dir, 'acme'));
    writeFileSync(join(dir, 'acme', 'broken.xml'), '<resource-agent name="broken"><parameters>');
    const run = await runCli(['check', '--agents', dir, BAD]);
    expect(run.exit).toBe(2);
    expect(run.stderr).toContain(join(dir, 'acme', 'broken.xml'));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing directory is exit 2', async () => {
    const run = await runCli(['check', '--agents', '/nonexistent/agents', BAD]);
    expect(run.exit).toBe(2);
    expect(run.stderr).toMatch(/^hacc: .*\/nonexistent\/agents/);
  });
});
