// Pacemaker's tools as the CLI runs them: cibadmin for the live CIB, crm_simulate for what the
// scheduler would do. Only the CLI starts processes; src/plan/ makes their input and reads their output.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cib } from '../cib/model.js';
import { parseXml } from '../cib/xml-reader.js';
import { standbyCib, startInput, type FailoverPreview, type FailoverScenario } from '../plan/failover.js';
import { parseSimulation, SimulationOutputError, type TransitionAction } from '../plan/plan.js';
import { UsageError, type Io } from './io.js';

export interface ToolRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A tool that ran longer than it was given. */
export class ToolTimeout extends Error {
  override readonly name = 'ToolTimeout';
}

/** Runs a tool found on io's PATH; undefined when it is not installed. `timeoutMs`: ToolTimeout after that. */
export function runTool(io: Io, command: string, args: readonly string[], timeoutMs?: number): ToolRun | undefined {
  const r = spawnSync(command, args, { env: { ...io.env }, cwd: io.cwd, encoding: 'utf8', maxBuffer: 1 << 30, ...(timeoutMs !== undefined ? { timeout: timeoutMs } : {}) });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ETIMEDOUT') throw new ToolTimeout(`${command} did not finish within ${Math.round((timeoutMs ?? 0) / 1000)} s`);
    throw new UsageError(`cannot run ${command}: ${r.error.message}`);
  }
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * How long hacc waits for one crm_simulate run: HACC_SIMULATE_TIMEOUT seconds, default 300. The
 * scheduler's time grows fast with the configuration (grammar/plan.md): past this, hacc says so.
 */
export function simulateTimeoutMs(io: Io): number {
  const s = io.env['HACC_SIMULATE_TIMEOUT'];
  if (s === undefined) return 300_000;
  if (!/^\d+$/.test(s) || Number(s) === 0) throw new UsageError(`HACC_SIMULATE_TIMEOUT takes a number of seconds, not '${s}'`);
  return Number(s) * 1000;
}

/** The first lines of a tool's message, for one of hacc's. */
export function firstLines(text: string): string {
  return text.trim().split('\n').slice(0, 5).join('\n  ');
}

export const NO_CRM_SIMULATE = 'crm_simulate not found (Debian: pacemaker-cli-utils; RHEL: pacemaker-cli)';

/** crm_simulate could not schedule a CIB: its message. */
export class SimulationError extends Error {
  override readonly name = 'SimulationError';
}

/** A private scratch directory for the simulations' CIBs (they may hold secrets), removed after `work`. */
export function withScratch<T>(work: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'hacc-simulate-'));
  try {
    return work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `crm_simulate -x FILE -S --output-as=xml ARGS`: its transition. Undefined when crm_simulate is
 * not installed; SimulationError when it cannot schedule the CIB; ToolTimeout when it takes too long.
 */
export function simulate(io: Io, file: string, args: readonly string[]): TransitionAction[] | undefined {
  const r = runTool(io, 'crm_simulate', ['-x', file, '-S', '--output-as=xml', ...args], simulateTimeoutMs(io));
  if (r === undefined) return undefined;
  try {
    const actions = parseSimulation(r.stdout);
    if (r.status !== 0) throw new SimulationOutputError(`exit ${r.status}`);
    return actions;
  } catch (e) {
    if (!(e instanceof SimulationOutputError)) throw e;
    throw new SimulationError(`${e.message}: ${firstLines(r.stderr) || firstLines(r.stdout) || 'no message'}`);
  }
}

/**
 * The failover preview of a built CIB: the cluster started with every member up (crm_simulate
 * --node-up … -O), then each member failed (--node-fail) and put in standby, from that state.
 */
export function failoverPreview(io: Io, cib: Cib): FailoverPreview {
  return withScratch((dir) => {
    const input = startInput(cib);
    const built = join(dir, 'cib.xml');
    const settled = join(dir, 'settled.xml');
    writeFileSync(built, input.xml, { mode: 0o600 });
    const start = simulate(io, built, ['--quorum=1', '-O', settled, ...input.nodesUp.flatMap((n) => ['--node-up', n])]);
    if (start === undefined) throw new UsageError(`--preview: ${NO_CRM_SIMULATE}`);
    const settledDoc = parseXml(readFileSync(settled, 'utf8'));
    const scenarios: FailoverScenario[] = [];
    for (const node of input.nodesUp) {
      scenarios.push({ node, event: 'fails', actions: simulate(io, settled, ['--node-fail', node]) ?? [] });
      const standby = join(dir, 'standby.xml');
      writeFileSync(standby, standbyCib(settledDoc, node), { mode: 0o600 });
      scenarios.push({ node, event: 'standby', actions: simulate(io, standby, []) ?? [] });
    }
    return { start, scenarios };
  });
}
