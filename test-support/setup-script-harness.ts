// Runs a generated setup.sh under bash for the unit and Pacemaker suites: builds the artifacts of a
// .ha text, writes them to a scratch directory, and runs the script with a PATH whose first entry
// holds recording stubs (each appends its argv, NUL-separated, to a log) for the commands a test
// must not really run.

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCatalogue } from '../src/catalogue/catalogue.js';
import { checkText } from '../src/check/check.js';
import { cibText } from '../src/emit/cib.js';
import { lower, type Lowered } from '../src/lower/lower.js';
import { setupScript, type SetupScriptOptions } from '../src/emit/setup-script.js';
import { summaryMarkdown } from '../src/emit/summary.js';
import type { PlatformName } from '../src/model/platforms.js';
import { lineIndexOf } from '../src/syntax/span.js';

export interface Built {
  readonly lowered: Lowered;
  readonly script: string;
  readonly summary: string;
  /** cib.xml as a full <cib>. */
  readonly cib: string;
}

/** The artifacts of a .ha text; throws with the diagnostics when it has errors. */
export function build(text: string, target?: PlatformName, path = 'test.ha', options: SetupScriptOptions = {}): Built {
  const catalogue = defaultCatalogue();
  const r = checkText(text, path, { catalogue, ...(target ? { target } : {}) });
  if (!r.checked) {
    const lines = lineIndexOf(r.file);
    throw new Error(`${path} has errors:\n${r.diagnostics.map((d) => `${lines.line(d.span.start)}: ${d.code} ${d.message}`).join('\n')}`);
  }
  const lowered = lower(r.checked, catalogue);
  // As `hacc build --cib full` makes them: the script's bulk XML is this cib.xml's.
  const cib = cibText(lowered, { full: true });
  return { lowered, script: setupScript(lowered, { cib, ...options }), summary: summaryMarkdown(lowered), cib: cib.text };
}

/** One recorded command: its name and arguments, byte for byte. */
export interface Call {
  readonly name: string;
  readonly args: string[];
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The calls every stub recorded, in order. */
  readonly calls: Call[];
}

export interface Sandbox {
  readonly dir: string;
  readonly script: string;
  /** Write a file into the sandbox; returns its path. */
  file(name: string, contents: string, mode?: number): string;
  /** Run `bash setup.sh ARGS…` with the stubs first on PATH; under a watcher such as `strace -f` when UNDER is given. */
  run(args: readonly string[], env?: Record<string, string>, under?: readonly string[]): RunResult;
  cleanup(): void;
}

// Each call: the argument count, the command name, then the arguments, each ended by NUL.
// HACC_STUB_FAIL_ON=WORD makes a call that has the argument WORD exit 1 (e.g. --query: "not found").
const STUB = `#!/bin/bash
printf '%s\\0' "$#" "\${0##*/}" "$@" >>"$HACC_STUB_LOG"
for a in "$@"; do if [ -n "\${HACC_STUB_FAIL_ON:-}" ] && [ "$a" = "$HACC_STUB_FAIL_ON" ]; then exit 1; fi; done
exit 0
`;

function parseLog(log: string): Call[] {
  const parts = log.split('\0');
  const calls: Call[] = [];
  let i = 0;
  while (i < parts.length - 1) {
    const n = Number(parts[i]);
    const name = parts[i + 1]!;
    calls.push({ name, args: parts.slice(i + 2, i + 2 + n) });
    i += 2 + n;
  }
  return calls;
}

/**
 * A scratch directory with setup.sh and a stubs/ directory. `stubs` are recorded and exit 0, except
 * those in `failing` (name -> exit status), which are recorded and exit with it.
 */
export function sandbox(script: string, stubs: readonly string[], failing: Record<string, number> = {}): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'hacc-setup-test-'));
  const stubDir = join(dir, 'stubs');
  spawnSync('mkdir', ['-p', stubDir]);
  for (const name of [...stubs, ...Object.keys(failing)]) {
    const body = name in failing ? STUB.replace('exit 0\n', `exit ${failing[name]}\n`) : STUB;
    writeFileSync(join(stubDir, name), body, { mode: 0o755 });
  }
  const path = join(dir, 'setup.sh');
  writeFileSync(path, script, { mode: 0o755 });
  const log = join(dir, 'calls.log');
  return {
    dir,
    script: path,
    file(name, contents, mode = 0o644) {
      const p = join(dir, name);
      writeFileSync(p, contents);
      chmodSync(p, mode);
      return p;
    },
    run(args, env = {}, under = []) {
      writeFileSync(log, '');
      const argv = [...under, 'bash', path, ...args];
      const r = spawnSync(argv[0]!, argv.slice(1), {
        cwd: dir,
        encoding: 'utf8',
        env: {
          PATH: `${stubDir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
          HOME: dir,
          TMPDIR: dir,
          LANG: 'C.UTF-8',
          HACC_STUB_LOG: log,
          ...env,
        },
        timeout: 120_000,
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr, calls: existsSync(log) ? parseLog(readFileSync(log, 'utf8')) : [] };
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The pcs calls of a run, without `pcs -f FILE` (the scratch file's name varies). */
export function pcsCalls(calls: readonly Call[]): string[][] {
  return calls
    .filter((c) => c.name === 'pcs')
    .map((c) => (c.args[0] === '-f' ? c.args.slice(2) : c.args));
}
