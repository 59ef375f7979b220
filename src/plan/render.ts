// A plan as text (terraform plan's shape: + create, ~ update, - delete), as JSON, and as a
// Markdown page for a change ticket. Secrets reach here only as "(secret)" (src/cib/diff.ts).

import type { FieldChange } from '../cib/diff.js';
import { rollbackCmd, toolCommand, type PlatformCommands } from '../emit/platform-commands.js';
import { displayCmd } from '../emit/shell.js';
import type { Kept, Plan, PlanChange, TransitionAction } from './plan.js';

/** What the simulation gave: its actions, or why there are none. */
export type Simulation = { readonly ran: true; readonly actions: readonly TransitionAction[]; readonly on: string } | { readonly ran: false; readonly why: string };

export interface PlanReport {
  /** The .ha file, as given. */
  readonly file: string;
  readonly cluster: string;
  /** Where the live CIB came from: `cibadmin --query` or the --cib file. */
  readonly cibSource: string;
  readonly plan: Plan;
  readonly simulation: Simulation;
  /** The platform's commands, for the apply and roll-back lines. */
  readonly commands: PlatformCommands;
}

const SIGN = { create: '+', update: '~', delete: '-' } as const;

function quoted(v: string): string {
  return JSON.stringify(v);
}

function fieldLine(f: FieldChange, op: PlanChange['op']): string {
  if (op === 'create') return `${f.path} = ${quoted(f.to ?? '')}`;
  if (op === 'delete') return `${f.path} = ${quoted(f.from ?? '')}`;
  if (f.from === undefined) return `+ ${f.path} = ${quoted(f.to ?? '')}`;
  if (f.to === undefined) return `- ${f.path} = ${quoted(f.from)}`;
  return `~ ${f.path}: ${quoted(f.from)} -> ${quoted(f.to)}`;
}

/** Why a deletion is worth a second look, in words. */
function deletionNote(c: PlanChange): string | undefined {
  if (c.leftover !== undefined) return `left by 'resource move' or 'ban'; configure removes it; to clear it first: ${c.leftover}`;
  if (c.unmodelled !== undefined) return `hacc cannot describe it (${c.unmodelled}); configure removes it`;
  return undefined;
}

function changeLines(c: PlanChange): string[] {
  const note = c.op === 'delete' ? deletionNote(c) : undefined;
  const lines = [`  ${SIGN[c.op]} ${c.kind} ${c.id}${note !== undefined ? `   # ${note}` : ''}`];
  for (const f of c.fields) lines.push(`      ${fieldLine(f, c.op)}`);
  return lines;
}

function count(plan: Plan): string {
  const n = (op: PlanChange['op']) => plan.changes.filter((c) => c.op === op).length;
  return `${n('create')} to create, ${n('update')} to update, ${n('delete')} to delete`;
}

/** Where an action happens, with its role change: `Unpromoted -> Promoted node2`, `node1 -> node2`. */
function placeOf(a: TransitionAction, arrow: string): string {
  const where = a.nodes.length === 2 ? `${a.nodes[0]} ${arrow} ${a.nodes[1]}` : a.nodes.join(' ');
  return a.roles ? `${a.roles[0]} ${arrow} ${a.roles[1]} ${where}` : where;
}

function actionLine(a: TransitionAction): string {
  const what = a.resource !== undefined ? `${a.action.padEnd(8)} ${a.resource} (${placeOf(a, '->')})` : `${a.action} ${placeOf(a, '->')}`;
  return `${what}${a.reason !== undefined ? `  due to ${a.reason}` : ''}`;
}

function keptLine(k: Kept): string {
  return `${k.what}${k.id !== undefined ? ` ${k.id}` : ''} (${k.reason}) at ${k.xpath}`;
}

/** Whether an action touches something that runs: a stop, restart, move, demotion, recovery or fence. */
function disruptive(a: TransitionAction): boolean {
  return /^(Stop|Restart|Move|Migrate|Demote|Recover|Fence)/.test(a.action);
}

export function planText(r: PlanReport): string {
  const { plan } = r;
  const out: string[] = [`hacc plan: ${r.file} (cluster ${r.cluster}) against ${r.cibSource}`, ''];
  if (plan.changes.length === 0) out.push('No changes: the CIB already has this configuration.');
  else {
    for (const c of plan.changes) out.push(...changeLines(c));
    out.push('', `Plan: ${count(plan)}.`);
  }
  out.push('');
  if (!r.simulation.ran) out.push(`What Pacemaker will do: not simulated (${r.simulation.why}).`);
  else if (r.simulation.actions.length === 0) out.push(`What Pacemaker will do (crm_simulate on ${r.simulation.on}): nothing; every resource stays where it is.`);
  else {
    out.push(`What Pacemaker will do (crm_simulate on ${r.simulation.on}):`);
    for (const a of r.simulation.actions) out.push(`  ${disruptive(a) ? '!' : '*'} ${actionLine(a)}`);
  }
  if (plan.kept.length > 0) {
    out.push('', 'Kept as the CIB has it (hacc does not manage it):');
    for (const k of plan.kept) out.push(`  ${keptLine(k)}`);
  }
  if (plan.notes.length > 0) {
    out.push('', 'Notes:');
    for (const n of plan.notes) out.push(`  ${n}`);
  }
  return `${out.join('\n')}\n`;
}

export function planJson(r: PlanReport): string {
  const json = {
    file: r.file,
    cluster: r.cluster,
    cib: r.cibSource,
    changes: r.plan.changes,
    transition: r.simulation.ran ? r.simulation.actions : null,
    ...(r.simulation.ran ? {} : { notSimulated: r.simulation.why }),
    kept: r.plan.kept,
    notes: r.plan.notes,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

/** A Markdown fence long enough for any text inside it. */
function fence(lines: readonly string[]): [string, string] {
  let n = 3;
  for (const l of lines) for (const m of l.matchAll(/`+/g)) n = Math.max(n, m[0].length + 1);
  return ['`'.repeat(n) + 'text', '`'.repeat(n)];
}

/** PLAN.md: for a change ticket. `setup` is the build's directory, for the commands. */
export function planMarkdown(r: PlanReport, setup: string): string {
  const { plan } = r;
  const out: string[] = [`# Change plan: cluster ${r.cluster}`, '', `From \`${r.file}\`, against ${r.cibSource}. ${plan.changes.length === 0 ? 'No changes.' : `${count(plan)}.`}`, ''];
  out.push('## What changes in the CIB', '');
  if (plan.changes.length === 0) out.push('Nothing: the CIB already has this configuration.');
  else {
    const lines = plan.changes.flatMap(changeLines);
    const [open, close] = fence(lines);
    out.push(open, ...lines, close);
  }
  out.push('', '## What Pacemaker will do', '');
  if (!r.simulation.ran) out.push(`Not simulated: ${r.simulation.why}.`);
  else if (r.simulation.actions.length === 0) out.push(`Nothing (crm_simulate on ${r.simulation.on}): every resource stays where it is.`);
  else {
    out.push(`From Pacemaker's scheduler (crm_simulate on ${r.simulation.on}):`, '', '| action | resource | where | due to |', '|---|---|---|---|');
    for (const a of r.simulation.actions) {
      out.push(`| ${cell(disruptive(a) ? `**${a.action}**` : a.action)} | ${cell(a.resource ?? '')} | ${cell(placeOf(a, '→'))} | ${cell(a.reason ?? '')} |`);
    }
  }
  const leftovers = plan.changes.filter((c) => c.leftover !== undefined);
  if (leftovers.length > 0) {
    out.push('', `## Left by \`${toolCommand(r.commands)} resource move\`/\`ban\``, '', 'configure removes these; to clear them before the change instead:', '');
    for (const c of leftovers) out.push(`- \`${c.id}\`: \`${c.leftover}\``);
  }
  if (plan.kept.length > 0) {
    out.push('', '## Kept as the CIB has it', '', 'hacc does not manage these; configure leaves them:', '');
    for (const k of plan.kept) out.push(`- ${cell(keptLine(k))}`);
  }
  if (plan.notes.length > 0) {
    out.push('', '## Notes', '');
    for (const n of plan.notes) out.push(`- ${n}`);
  }
  out.push(
    '',
    '## Apply',
    '',
    'On one cluster node, with the environment the file names for its secrets:',
    '',
    '```sh',
    `hacc build ${r.file} -o ${setup}`,
    'cibadmin --query > cib-before.xml      # for the roll-back',
    `${setup}/setup.sh configure --update`,
    '```',
    '',
    '## Roll back',
    '',
    '```sh',
    displayCmd(rollbackCmd(r.commands, 'cib-before.xml')),
    '```',
    '',
    'configure keeps a copy of the CIB it replaces as well, and prints the command that restores it.',
  );
  return `${out.join('\n')}\n`;
}
