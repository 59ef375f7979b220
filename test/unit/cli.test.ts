import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hacc-cli-'));
function file(name: string, contents: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, contents);
  return p;
}

/** A seeded byte stream, so a failure can be replayed. */
function bytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('hacc check on hostile input', () => {
  const cases: [string, () => string][] = [
    ['random bytes', () => file('random.ha', bytes(4096, 7))],
    ['an empty file', () => file('empty.ha', '')],
    ['a 1 MB file of one long line', () => file('long.ha', 'x'.repeat(1024 * 1024))],
    ['a 1 MB line inside a cluster', () => file('long2.ha', `cluster c { node ${'n'.repeat(1024 * 1024)} }`)],
    ['a file with only `cluster {`', () => file('open.ha', 'cluster {')],
    ['a directory', () => dir],
    ['a missing file', () => join(dir, 'missing.ha')],
  ];
  for (const [name, make] of cases) {
    it(`${name}: a clear message and exit 1 or 2`, async () => {
      const run = await runCli(['check', make()]);
      expect([1, 2]).toContain(run.exit);
      noStackTrace(run.stdout + run.stderr);
      expect((run.stdout + run.stderr).trim().length).toBeGreaterThan(0);
      if (run.exit === 1) expect(run.stdout).toMatch(/:\d+:\d+: error\[HA\d{3}\]/);
      else expect(run.stderr).toMatch(/^hacc: cannot read .+: (no such file|is a directory)/);
    });
  }

  it('a long line is shown as a window around the caret, not in full', async () => {
    const run = await runCli(['check', file('long3.ha', `cluster c { node a addr=${'1'.repeat(200000)} }`)]);
    expect(run.exit).toBe(1);
    expect(Math.max(...run.stdout.split('\n').map((l) => l.length))).toBeLessThan(400);
  });
});

describe('hacc check usage', () => {
  it('reads standard input for -', async () => {
    const run = await runCli(['check', '-'], { stdin: 'cluster c {\n  node a addr=10.0.0.1/24\n}\n' });
    expect(run.exit).toBe(1);
    expect(run.stdout).toContain('<stdin>:1:9: error[HA401]');
  });

  it('an unknown flag is a usage error, exit 2', async () => {
    const run = await runCli(['check', '--frobnicate', 'x.ha']);
    expect(run.exit).toBe(2);
    expect(run.stderr).toContain("unknown option '--frobnicate'");
  });

  it('an unknown rule code for explain is exit 2', async () => {
    const run = await runCli(['explain', 'HA999']);
    expect(run.exit).toBe(2);
    expect(run.stderr).toContain("unknown rule 'HA999'");
  });

  it('json output has 1-based positions and the fields tools need', async () => {
    const run = await runCli(['check', '--format', 'json', 'fixtures/err/ha404-unknown-property.ha']);
    expect(run.exit).toBe(1);
    const [d] = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(d).toMatchObject({ file: 'fixtures/err/ha404-unknown-property.ha', line: 5, column: 12, endLine: 5, endColumn: 26, severity: 'error', code: 'HA404' });
    expect(d!['message']).toBe("unknown cluster property 'stonith-enable'");
  });

  it('warnings exit 0, or 1 with --strict', async () => {
    expect((await runCli(['check', 'fixtures/examples/seed.ha'])).exit).toBe(0);
    expect((await runCli(['check', '--strict', 'fixtures/examples/seed.ha'])).exit).toBe(1);
  });

  it('text output: position, code frame with caret under the token, help, no colour when not a TTY', async () => {
    const run = await runCli(['check', 'fixtures/err/ha404-unknown-property.ha']);
    expect(run.stdout).toContain(
      [
        "fixtures/err/ha404-unknown-property.ha:5:12: error[HA404]: unknown cluster property 'stonith-enable'",
        '5 |   property stonith-enable=false                             # expect: HA404',
        '  |            ^^^^^^^^^^^^^^',
        "  help: did you mean 'stonith-enabled'?",
      ].join('\n'),
    );
    expect(run.stdout).not.toContain('\u001b[');
  });
});
