import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test-support/run-cli.js';
import { CLEAN_HA, tempDir } from '../../test-support/temp-files.js';

// `hacc check`'s exit policy and summary: 0 clean or warnings only, 1 errors (or warnings past
// --strict / --max-warnings), 2 usage errors. The inputs name no agent, so their results do not
// depend on the agent catalogue.
const WARN_403 = 'fixtures/err/ha403-two-node-ignore.ha'; // one warning
const ERRORS = 'fixtures/err/ha305-duplicate-addresses.ha'; // two errors
const tmp = tempDir();
afterAll(() => tmp.remove());
const WARN_403_COPY = tmp.write('another-ha403.ha', readFileSync(WARN_403, 'utf8')); // one warning
const CLEAN = tmp.write('clean.ha', CLEAN_HA);

const lastLine = (s: string) => s.trimEnd().split('\n').pop();

describe('the summary line', () => {
  it('counts errors, warnings and files, in the singular where it is one', async () => {
    expect(lastLine((await runCli(['check', WARN_403])).stdout)).toBe('0 errors, 1 warning in 1 file');
    expect(lastLine((await runCli(['check', WARN_403, ERRORS])).stdout)).toBe('2 errors, 1 warning in 2 files');
    expect(lastLine((await runCli(['check', WARN_403, WARN_403_COPY, CLEAN])).stdout)).toBe('0 errors, 2 warnings in 3 files');
  });

  it('is not printed when there is nothing to report', async () => {
    const run = await runCli(['check', CLEAN]);
    expect(run).toEqual({ exit: 0, stdout: '', stderr: '' });
  });

  it('belongs to the text format only', async () => {
    for (const format of ['json', 'sarif', 'github']) {
      const run = await runCli(['check', '-f', format, WARN_403, ERRORS]);
      expect(run.stdout, format).not.toMatch(/\d+ errors?, \d+ warnings? in/);
    }
  });
});

describe('exit status', () => {
  it('is 0 with warnings only, 1 with errors', async () => {
    expect((await runCli(['check', WARN_403])).exit).toBe(0);
    expect((await runCli(['check', WARN_403, ERRORS])).exit).toBe(1);
  });

  it('is 1 on warnings with --strict', async () => {
    expect((await runCli(['check', '--strict', WARN_403])).exit).toBe(1);
    expect((await runCli(['check', '--strict', CLEAN])).exit).toBe(0);
  });
});

describe('--max-warnings N', () => {
  it('fails only when there are more than N warnings', async () => {
    const two = [WARN_403, WARN_403_COPY];
    expect((await runCli(['check', '--max-warnings', '2', ...two])).exit).toBe(0);
    expect((await runCli(['check', '--max-warnings', '1', ...two])).exit).toBe(1);
    expect((await runCli(['check', '--max-warnings', '0', WARN_403])).exit).toBe(1);
    expect((await runCli(['check', '--max-warnings=0', CLEAN])).exit).toBe(0);
  });

  it('still reports every diagnostic and the summary', async () => {
    const run = await runCli(['check', '--max-warnings', '0', WARN_403]);
    expect(run.stdout).toContain('warning[HA403]');
    expect(lastLine(run.stdout)).toBe('0 errors, 1 warning in 1 file');
  });

  it('does not excuse errors', async () => {
    expect((await runCli(['check', '--max-warnings', '100', ERRORS])).exit).toBe(1);
  });

  it('is a usage error (exit 2) unless N is a non-negative integer', async () => {
    for (const n of ['-1', '1.5', 'many', '', ' 1', '1e3', '0x10']) {
      const run = await runCli(['check', `--max-warnings=${n}`, WARN_403]);
      expect(run.exit, n).toBe(2);
      expect(run.stderr, n).toContain('--max-warnings takes a non-negative integer');
      expect(run.stdout, n).toBe('');
    }
  });
});

describe('--quiet', () => {
  it('reports errors only, and the summary counts what is shown', async () => {
    const run = await runCli(['check', '--quiet', WARN_403, ERRORS]);
    expect(run.exit).toBe(1);
    expect(run.stdout).toContain('error[HA305]');
    expect(run.stdout).not.toContain('warning[');
    expect(lastLine(run.stdout)).toBe('2 errors, 0 warnings in 2 files');
  });

  it('prints nothing for warnings only, and exits 0', async () => {
    expect(await runCli(['check', '-q', WARN_403])).toEqual({ exit: 0, stdout: '', stderr: '' });
  });

  it('drops warnings from json too', async () => {
    const run = await runCli(['check', '-q', '-f', 'json', WARN_403, ERRORS]);
    const codes = (JSON.parse(run.stdout) as { code: string }[]).map((d) => d.code);
    expect(codes).toEqual(['HA305', 'HA305']);
  });

  it('hides warnings from --strict and --max-warnings as well (warnings are not reported at all)', async () => {
    expect((await runCli(['check', '-q', '--strict', WARN_403])).exit).toBe(0);
    expect((await runCli(['check', '-q', '--max-warnings', '0', WARN_403])).exit).toBe(0);
  });
});
