// The generated anything agent against the real tools: shellcheck, xmllint with the OCF DTD,
// ocf-tester, and the action matrix with resource-agents' own ocf-shellfuncs. A missing tool is a
// failure here, never a skip: .ci/run installs them (see VERIFY.md).

import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentFixture, OCF_STUB_DIR, type AgentFixture } from '../../test-support/anything-agent-harness.js';
import { describeActionMatrix } from '../../test-support/anything-agent-matrix.js';

const DTD_DIR = '/usr/share/resource-agents';
const SHELLFUNCS = '/usr/lib/ocf/lib/heartbeat/ocf-shellfuncs';

function tool(name: string): string {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  expect(r.status, `${name} is not installed (apt-get install shellcheck libxml2-utils resource-agents)`).toBe(0);
  return r.stdout.trim();
}

describe('anything agent with the Pacemaker tools', () => {
  let fx: AgentFixture;
  beforeEach(() => {
    fx = agentFixture({ shellfuncs: 'real' });
  });
  afterEach(() => {
    fx.cleanup();
  });

  it('has resource-agents installed', () => {
    expect(existsSync(SHELLFUNCS), SHELLFUNCS).toBe(true);
    expect(existsSync(join(DTD_DIR, 'ra-api-1.dtd'))).toBe(true);
  });

  it('passes shellcheck -s sh with no findings', () => {
    const shellcheck = tool('shellcheck');
    const daemon = ['daemon.sh', 'start.sh', 'stop.sh', 'status.sh'].map((f) => join(fx.dir, f));
    for (const file of [fx.agent, join(OCF_STUB_DIR, 'ocf-shellfuncs'), ...daemon]) {
      const r = spawnSync(shellcheck, ['-s', 'sh', file], { encoding: 'utf8' });
      expect(r.stdout + r.stderr, file).toBe('');
      expect(r.status, file).toBe(0);
    }
  });

  it('prints meta-data valid against ra-api-1.dtd', () => {
    const xmllint = tool('xmllint');
    const meta = fx.run('meta-data', {});
    expect(meta.status).toBe(0);
    const file = join(fx.dir, 'meta.xml');
    writeFileSync(file, meta.stdout);
    const r = spawnSync(xmllint, ['--noout', '--path', DTD_DIR, '--valid', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('passes ocf-tester with the test daemon', () => {
    const ocfTester = tool('ocf-tester');
    const p = fx.params(1);
    const args = ['-n', 'hacc-test'];
    for (const [name, value] of Object.entries(p)) args.push('-o', `${name}=${value}`);
    const r = spawnSync(ocfTester, [...args, fx.agent], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', OCF_ROOT: '/usr/lib/ocf' },
    });
    expect(r.stdout + r.stderr).toContain('passed all tests');
    expect(r.status).toBe(0);
  });
});

describeActionMatrix({ shellfuncs: 'real' });
