import { platformCommands } from '../../emit/platform-commands.js';
import { writeFileSync } from 'node:fs';
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

/** The live CIB: the --cib file, or `cibadmin --query` on a cluster node. */
function liveCib(io: Io, flags: PlanFlags, { runTool, firstLines }: typeof import('../simulate.js')): { xml: string; source: string } {
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
      // Like the emitters, the planner and Pacemaker's tools load only for the command that needs them.
      const tools = await import('../simulate.js');
      const { NO_CRM_SIMULATE, simulate, SimulationError, ToolTimeout, withScratch } = tools;
      const { makePlan, simulationCib, changesSomething } = await import('../../plan/plan.js');
      const { planText, planJson, planMarkdown } = await import('../../plan/render.js');
      const { cibReadError, readCib } = await import('../../cib/read.js');
      const { parseXml } = await import('../../cib/xml-reader.js');
      const live = liveCib(io, flags, tools);
      let doc;
      let read;
      try {
        doc = parseXml(live.xml);
        read = readCib(doc);
      } catch (e) {
        const why = cibReadError(e);
        if (why === undefined) throw e;
        io.stderr(`hacc: ${live.source}${why}\n`);
        setExit(1);
        return;
      }
      const { lowered } = planned;
      const commands = platformCommands(lowered.cluster.platform);
      const plan = makePlan(read, lowered.cib, commands);
      const input = simulationCib(doc, read.cib, plan, lowered.cib);
      const on = input.nodesUp.length > 0 ? 'a new cluster: every node up, nothing running' : "the CIB's current state";
      let simulation: import('../../plan/render.js').Simulation;
      let simulationFailed = false;
      try {
        const actions = withScratch((dir) => {
          const path = join(dir, 'planned-cib.xml');
          writeFileSync(path, input.xml, { mode: 0o600 });
          return simulate(io, path, input.args);
        });
        simulation = actions === undefined ? { ran: false, why: `${NO_CRM_SIMULATE}: the changes alone` } : { ran: true, actions, on };
      } catch (e) {
        if (e instanceof ToolTimeout) simulation = { ran: false, why: `${e.message} (HACC_SIMULATE_TIMEOUT): the changes alone` };
        else if (e instanceof SimulationError) {
          simulationFailed = true;
          simulation = { ran: false, why: `crm_simulate could not schedule the planned CIB (${e.message})` };
        } else throw e;
      }
      const report = { file: file === '-' ? '<stdin>' : file, cluster: lowered.cluster.name, cibSource: live.source, plan, simulation, commands };
      io.stdout(flags.format === 'json' ? planJson(report) : planText(report));
      if (flags.output !== undefined) {
        writeFileAtomically(resolve(io.cwd, flags.output), planMarkdown(report, `out/${lowered.cluster.name}`), flags.output);
        io.stderr(`hacc: wrote ${flags.output}\n`);
      }
      if (simulationFailed) setExit(1);
      else setExit(flags.exitCode && changesSomething(plan) ? EXIT_CHANGES : 0);
    });
}
