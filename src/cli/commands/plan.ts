import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { readText, UsageError, writeFileAtomically, type Io } from '../io.js';
import { checkAndLower } from '../lowering.js';
import { agentsOption, targetOption } from '../options.js';

interface PlanFlags {
  cib?: string;
  format: 'text' | 'json';
  output?: string;
  exitCode?: boolean;
  target?: string;
  agents?: string;
  color: boolean;
}

/** `--exit-code`: the plan was made and it changes something (as `terraform plan -detailed-exitcode`). */
export const EXIT_CHANGES = 3;

interface ToolRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a Pacemaker tool found on io's PATH; undefined when it is not installed. */
function runTool(io: Io, command: string, args: readonly string[]): ToolRun | undefined {
  const r = spawnSync(command, args, { env: { ...io.env }, cwd: io.cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) {
    if ((r.error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot run ${command}: ${r.error.message}`);
  }
  return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

function firstLines(text: string): string {
  return text.trim().split('\n').slice(0, 5).join('\n  ');
}

/** The live CIB: the --cib file, or `cibadmin --query` on a cluster node. */
function liveCib(io: Io, flags: PlanFlags): { xml: string; source: string } {
  if (flags.cib !== undefined) return { xml: readText(flags.cib, io), source: flags.cib === '-' ? 'the CIB on standard input' : flags.cib };
  const r = runTool(io, 'cibadmin', ['--query']);
  if (r === undefined) throw new UsageError('cibadmin not found: run hacc plan on a cluster node, or give a saved CIB with --cib FILE (pcs cluster cib FILE)');
  if (r.status !== 0) throw new UsageError(`cibadmin --query failed (exit ${r.status}): ${firstLines(r.stderr) || 'no message'}; is the cluster running here? Else give a saved CIB with --cib FILE`);
  return { xml: r.stdout, source: 'the live CIB (cibadmin --query)' };
}

export function planCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('plan')
    .description("what building FILE and running its configure would change in a cluster's CIB, and what Pacemaker would then do (crm_simulate)")
    .argument('<file>', '.ha file to plan (- reads standard input)')
    .option('--cib <file>', 'a saved CIB (pcs cluster cib, cibadmin --query, hacc build --cib full) instead of the live one')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'also write the plan as Markdown for a change ticket (PLAN.md)')
    .option('--exit-code', `exit ${EXIT_CHANGES} when the plan changes something (0 when it changes nothing)`)
    .addOption(targetOption())
    .addOption(agentsOption())
    .option('--no-color', 'never colour the diagnostics')
    .action(async (file: string, flags: PlanFlags) => {
      if (file === '-' && flags.cib === '-') throw new UsageError('the .ha file and the CIB cannot both be standard input');
      const planned = await checkAndLower(io, file, flags, 'planning');
      if (!planned) {
        setExit(1);
        return;
      }
      const { makePlan, simulationCib, parseSimulation, SimulationOutputError, changesSomething } = await import('../../plan/plan.js');
      const { planText, planJson, planMarkdown } = await import('../../plan/render.js');
      const { readCib, NotACibError } = await import('../../cib/read.js');
      const { parseXml, XmlSyntaxError } = await import('../../cib/xml-reader.js');
      const live = liveCib(io, flags);
      let doc;
      let read;
      try {
        doc = parseXml(live.xml);
        read = readCib(doc);
      } catch (e) {
        if (e instanceof XmlSyntaxError || e instanceof NotACibError) {
          const what = e instanceof XmlSyntaxError ? `${e.line !== undefined ? `${e.line}:${e.column ?? 1}:` : ''} not well-formed XML` : ' not a CIB';
          io.stderr(`hacc: ${live.source}:${what}: ${e.message}\n`);
          setExit(1);
          return;
        }
        throw e;
      }
      const { lowered } = planned;
      const plan = makePlan(read, lowered.cib);
      let simulation: import('../../plan/render.js').Simulation;
      let simulationFailed = false;
      const input = simulationCib(doc, read.cib, plan, lowered.cib);
      const dir = mkdtempSync(join(tmpdir(), 'hacc-plan-'));
      try {
        const path = join(dir, 'planned-cib.xml');
        writeFileSync(path, input.xml, { mode: 0o600 });
        const args = ['-x', path, '-S', '--output-as=xml', ...input.nodesUp.flatMap((n) => ['--node-up', n])];
        const r = runTool(io, 'crm_simulate', args);
        const on = input.nodesUp.length > 0 ? 'a new cluster: every node up, nothing running' : "the CIB's current state";
        if (r === undefined) simulation = { ran: false, why: 'crm_simulate not found (Debian: pacemaker-cli-utils; RHEL: pacemaker-cli): the changes alone' };
        else {
          try {
            simulation = { ran: true, actions: parseSimulation(r.stdout), on };
            if (r.status !== 0) throw new SimulationOutputError(`exit ${r.status}`);
          } catch (e) {
            if (!(e instanceof SimulationOutputError)) throw e;
            simulationFailed = true;
            simulation = { ran: false, why: `crm_simulate could not schedule the planned CIB (${e.message}): ${firstLines(r.stderr) || firstLines(r.stdout) || 'no message'}` };
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const report = { file: file === '-' ? '<stdin>' : file, cluster: lowered.cluster.name, cibSource: live.source, plan, simulation };
      io.stdout(flags.format === 'json' ? planJson(report) : planText(report));
      if (flags.output !== undefined) {
        writeFileAtomically(resolve(io.cwd, flags.output), planMarkdown(report, `out/${lowered.cluster.name}`), flags.output);
        io.stderr(`hacc: wrote ${flags.output}\n`);
      }
      if (simulationFailed) setExit(1);
      else setExit(flags.exitCode && changesSomething(plan) ? EXIT_CHANGES : 0);
    });
}
