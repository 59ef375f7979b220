// Runs the generated anything agent against a small real daemon, for the unit suite (with the
// stub ocf-shellfuncs in test-support/ocf-stub) and the Pacemaker suite (with resource-agents'
// own). Everything lives in one temporary directory; cleanup() kills, by PID, every daemon the
// fixture's start.sh launched.

import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { anythingAgentScript } from '../src/emit/anything-agent.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root, whether this file runs from source or from dist/. */
const root = existsSync(join(here, 'ocf-stub')) ? resolve(here, '..') : resolve(here, '../..');
export const OCF_STUB_DIR = join(root, 'test-support', 'ocf-stub');
const DAEMON_DIR = join(root, 'test-support', 'anything-daemon');

export interface ActionResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface AgentFixture {
  dir: string;
  agent: string;
  /** start_cmd/stop_cmd/monitor_cmd for the test daemon; start waits `delay` seconds before it is up. */
  params(delay?: number): Record<string, string>;
  /** Runs `sh AGENT ACTION` with OCF_RESKEY_<name> for each param and extra environment. */
  run(action: string, params: Record<string, string>, env?: Record<string, string>): ActionResult;
  /** A file in the fixture directory, created with the given mode. */
  file(name: string, contents: string, mode: number): string;
  cleanup(): void;
}

export interface FixtureOptions {
  /** Use the stub ocf-shellfuncs (unit suite) or the installed one under OCF_ROOT=/usr/lib/ocf. */
  shellfuncs: 'stub' | 'real';
}

export function agentFixture(options: FixtureOptions): AgentFixture {
  const dir = mkdtempSync(join(tmpdir(), 'hacc-anything-'));
  // ocf-tester runs meta-data as user nobody, so the directory must be readable by others.
  chmodSync(dir, 0o755);
  const agent = join(dir, 'anything');
  writeFileSync(agent, anythingAgentScript(), { mode: 0o755 });
  for (const name of readdirSync(DAEMON_DIR)) {
    copyFileSync(join(DAEMON_DIR, name), join(dir, name));
    chmodSync(join(dir, name), 0o755);
  }
  const baseEnv: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    OCF_RESOURCE_INSTANCE: 'hacc-test',
    OCF_RESKEY_CRM_meta_timeout: '5000',
    OCF_RESKEY_CRM_meta_interval: '10000',
    TMPDIR: dir,
  };
  if (options.shellfuncs === 'stub') {
    baseEnv.OCF_ROOT = dir;
    baseEnv.OCF_FUNCTIONS_DIR = OCF_STUB_DIR;
  } else {
    baseEnv.OCF_ROOT = '/usr/lib/ocf';
  }

  return {
    dir,
    agent,
    params(delay = 0) {
      return {
        start_cmd: `${dir}/start.sh ${delay}`,
        stop_cmd: `${dir}/stop.sh`,
        monitor_cmd: `${dir}/status.sh`,
      };
    },
    run(action, params, env = {}) {
      const fullEnv: Record<string, string> = { ...baseEnv, ...env };
      for (const [name, value] of Object.entries(params)) fullEnv[`OCF_RESKEY_${name}`] = value;
      const r = spawnSync('sh', [agent, action], { env: fullEnv, encoding: 'utf8', timeout: 30_000 });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    file(name, contents, mode) {
      const path = join(dir, name);
      writeFileSync(path, contents, { mode });
      chmodSync(path, mode);
      return path;
    },
    cleanup() {
      const spawned = join(dir, 'spawned');
      if (existsSync(spawned)) {
        for (const line of readFileSync(spawned, 'utf8').split('\n')) {
          const pid = Number(line.trim());
          if (!Number.isInteger(pid) || pid <= 1) continue;
          // Only a process that still runs this fixture's daemon (PIDs get reused).
          let cmdline = '';
          try {
            cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          } catch {
            continue;
          }
          if (!cmdline.includes(join(dir, 'daemon.sh'))) continue;
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
