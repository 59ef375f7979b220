// hacc plan against Pacemaker's own scheduler (crm_simulate 2.1.5). A settled three-node state is
// made from the shipped web-el9 example (crm_simulate --node-up … -O); each change request is
// planned against it, and the plan's transition must equal what crm_simulate does when the changed
// configuration is put into that state by cibadmin (--replace of resources and constraints, as
// configure replaces them) — an oracle that shares no code with the plan's own CIB.
// Pacemaker's scheduler corpus (../shared/corpus) must plan to "no change" for every CIB that
// imports and checks, with the same transition as the original CIB. A missing tool or corpus is a
// failure here, never a skip.

import { platformCommands } from '../../src/emit/platform-commands.js';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { checkText } from '../../src/check/check.js';
import { readCib } from '../../src/cib/read.js';
import { writeCib } from '../../src/cib/write.js';
import { parseXml } from '../../src/cib/xml-reader.js';
import { importCib } from '../../src/import/import.js';
import { lower } from '../../src/lower/lower.js';
import { makePlan, parseSimulation, simulationCib, type TransitionAction } from '../../src/plan/plan.js';
import { readText } from '../../test-support/expectations.js';
import { runCli } from '../../test-support/run-cli.js';

const catalogue = defaultCatalogue();
const EXAMPLE = readText('fixtures/examples/web-el9.ha');
const NODES = ['web1', 'web2', 'web3'];
const CORPUS = resolve(process.env['HACC_CORPUS'] ?? resolve(import.meta.dirname, '../../../shared/corpus'), 'pacemaker-2.1.5/xml');
let dir: string;
let settled: string;
const env = { PATH: process.env['PATH'] ?? '/usr/sbin:/usr/bin:/sbin:/bin' };

function run(cmd: string, args: readonly string[], extraEnv: Record<string, string> = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...extraEnv }, maxBuffer: 1 << 28 });
  expect(r.error, `${cmd} is not installed (apt-get install pacemaker-cli-utils)`).toBeUndefined();
  expect(r.status, `${cmd} ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

function cibOf(text: string, full: boolean): string {
  const r = checkText(text, 'plan.ha', { catalogue });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return writeCib(lower(r.checked!, catalogue).cib, { full });
}

function section(xml: string, tag: string): string {
  const m = new RegExp(`<${tag}>[\\s\\S]*</${tag}>|<${tag}/>`).exec(xml);
  return m ? m[0] : `<${tag}/>`;
}

/** What crm_simulate does when `text`'s resources and constraints replace the settled state's (cibadmin, not hacc). */
function oracle(text: string, name: string): TransitionAction[] {
  const fragment = cibOf(text, false);
  const file = join(dir, `${name}-oracle.xml`);
  copyFileSync(settled, file);
  // Constraints go first: the schema wants every resource they name to exist.
  const replace = (scope: string, xml: string) => run('cibadmin', ['--replace', '--scope', scope, '--xml-text', xml], { CIB_file: file });
  replace('constraints', '<constraints/>');
  replace('resources', section(fragment, 'resources'));
  replace('constraints', section(fragment, 'constraints'));
  return parseSimulation(run('crm_simulate', ['-x', file, '-S', '--output-as=xml']));
}

interface PlanJson {
  changes: { op: string; kind: string; id: string; fields: { path: string; from?: string; to?: string }[]; leftover?: string }[];
  transition: TransitionAction[] | null;
}

async function plan(text: string, name: string, cib = settled): Promise<{ json: PlanJson; exit: number; md: string }> {
  const ha = join(dir, `${name}.ha`);
  writeFileSync(ha, text);
  const md = join(dir, `${name}.md`);
  const r = await runCli(['plan', ha, '--cib', cib, '--format', 'json', '--exit-code', '-o', md], { env });
  expect(r.stderr.replace(/hacc: wrote .*\n/, '')).toBe('');
  return { json: JSON.parse(r.stdout) as PlanJson, exit: r.exit, md: readFileSync(md, 'utf8') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hacc-plan-pcmk-'));
  const cib = join(dir, 'cib.xml');
  writeFileSync(cib, cibOf(EXAMPLE, true));
  settled = join(dir, 'settled.xml');
  run('crm_simulate', ['-x', cib, '-S', '--quorum=1', '-O', settled, ...NODES.flatMap((n) => ['--node-up', n])]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('change requests on the web-el9 example, planned against a settled state', () => {
  it('the settled state itself: no change, nothing to do (exit 0 with --exit-code)', async () => {
    const { json, exit } = await plan(EXAMPLE, 'same');
    expect(json.changes).toEqual([]);
    expect(json.transition).toEqual([]);
    expect(exit).toBe(0);
  });

  it('readdress the VIP: one field; the group restarts behind it, and what is ordered after it', async () => {
    const text = EXAMPLE.replace('ip=10.20.0.30', 'ip=10.20.0.31');
    const { json, exit, md } = await plan(text, 'vip');
    expect(exit).toBe(3);
    expect(json.changes).toEqual([{ op: 'update', kind: 'primitive', id: 'web-vip', fields: [{ path: 'params.ip', from: '10.20.0.30', to: '10.20.0.31' }] }]);
    expect(json.transition!.map((a) => `${a.action} ${a.resource} ${a.nodes.join(' ')}`)).toEqual(['Restart web-vip web1', 'Restart web-data web1', 'Restart web-server web1', 'Restart report-job web1']);
    expect(json.transition).toEqual(oracle(text, 'vip'));
    for (const a of json.transition!) expect(md).toContain(`| **Restart** | ${a.resource} | web1 |`);
    expect(md).toContain('~ params.ip: "10.20.0.30" -> "10.20.0.31"');
  });

  it('replace one resource by another: create, delete, and the constraints that name it', async () => {
    const text = EXAMPLE.replace('primitive report-job anything', 'primitive report-task anything').replace(/report-job (avoids|with)/g, 'report-task $1').replace('web then report-job', 'web then report-task');
    const { json } = await plan(text, 'replace');
    expect(json.changes.map((c) => `${c.op} ${c.kind} ${c.id}`)).toEqual([
      'create primitive report-task',
      'update location report-avoids-web3',
      'update colocation report-with-web',
      'update order web-then-report',
      'delete primitive report-job',
    ]);
    expect(json.changes[1]!.fields).toEqual([{ path: 'rsc', from: 'report-job', to: 'report-task' }]);
    const actions = json.transition!.map((a) => `${a.action} ${a.resource}`);
    expect(actions).toContain('Start report-task');
    expect(actions).toContain('Stop report-job');
    expect(json.transition).toEqual(oracle(text, 'replace'));
  });

  it('drop constraints: deletions; the scheduler keeps what runs where it runs', async () => {
    const text = EXAMPLE.replace('  colocation report-with-web report-job with web score=INFINITY\n', '').replace('  order web-then-report web then report-job\n', '');
    const { json } = await plan(text, 'drop');
    expect(json.changes.map((c) => `${c.op} ${c.kind} ${c.id}`)).toEqual(['delete colocation report-with-web', 'delete order web-then-report']);
    expect(json.transition).toEqual(oracle(text, 'drop'));
  });

  it('a new preference that stickiness outweighs: the plan says the group stays (no move), as the scheduler does', async () => {
    const text = EXAMPLE.replace('location web-prefers-web1 web prefers web1=100', 'location web-prefers-web1 web prefers web2=100');
    const { json } = await plan(text, 'sticky');
    expect(json.changes).toEqual([{ op: 'update', kind: 'location', id: 'web-prefers-web1', fields: [{ path: 'node', from: 'web1', to: 'web2' }] }]);
    expect(json.transition).toEqual([]);
    expect(oracle(text, 'sticky')).toEqual([]);
    // Without stickiness the same preference moves the group and what goes with it.
    const loose = text.replace('defaults resource-stickiness=100', 'defaults resource-stickiness=0');
    const moved = await plan(loose, 'loose');
    expect(moved.json.transition!.filter((a) => a.action === 'Move').map((a) => `${a.resource} ${a.nodes.join('->')}`)).toEqual([
      'web-vip web1->web2',
      'web-data web1->web2',
      'web-server web1->web2',
      'report-job web1->web2',
    ]);
  });

  it("a move's leftover: listed with 'pcs resource clear', and the scheduler's answer to its removal", async () => {
    const banned = join(dir, 'banned.xml');
    copyFileSync(settled, banned);
    run('cibadmin', ['--create', '--scope', 'constraints', '--xml-text', '<rsc_location id="cli-ban-web-on-web1" rsc="web" role="Started" node="web1" score="-INFINITY"/>'], { CIB_file: banned });
    const movedAway = join(dir, 'moved.xml');
    run('crm_simulate', ['-x', banned, '-S', '-O', movedAway]);
    const { json, md } = await plan(EXAMPLE, 'leftover', movedAway);
    expect(json.changes.map((c) => `${c.op} ${c.kind} ${c.id} ${c.leftover ?? ''}`)).toEqual(['delete location cli-ban-web-on-web1 pcs resource clear web']);
    // The group went to web2 when banned; with the ban gone, stickiness keeps it there.
    expect(json.transition).toEqual([]);
    expect(md).toContain('`pcs resource clear web`');
  });

  it("the CIB the real pcs makes (setup.sh configure --cib-file): no change, and its secret's value shown nowhere", async () => {
    const out = join(dir, 'replay');
    const ha = join(dir, 'replay.ha');
    writeFileSync(ha, EXAMPLE);
    expect((await runCli(['build', ha, '-o', out], { env })).exit).toBe(0);
    const cib = join(dir, 'replayed.xml');
    writeFileSync(cib, run('cibadmin', ['--empty']));
    run('bash', [join(out, 'setup.sh'), 'configure', '--cib-file', cib], { HACC_NODE: 'web1', IPMI_PASSWORD: 'ipmi-s3cret-value', TMPDIR: dir });
    expect(readFileSync(cib, 'utf8')).toContain('ipmi-s3cret-value');
    const { json, md } = await plan(EXAMPLE, 'replayed', cib);
    expect(json.changes).toEqual([]);
    expect(json.transition!.map((a) => `${a.action} ${a.resource} ${a.nodes.join(' ')}`)).toEqual([
      'Start fence-web1 web1',
      'Start fence-web2 web2',
      'Start fence-web3 web3',
      'Start web-vip web1',
      'Start web-data web1',
      'Start web-server web1',
      'Start report-job web1',
    ]);
    const without = await plan(EXAMPLE.replace('username=admin password=env:IPMI_PASSWORD lanplus=1 pcmk_host_list=web1', 'username=admin lanplus=1 pcmk_host_list=web1'), 'replayed-less', cib);
    expect(without.json.changes[0]!.fields).toContainEqual({ path: 'params.password', from: '(secret)' });
    for (const text of [JSON.stringify(json), md, JSON.stringify(without.json), without.md]) expect(text).not.toContain('ipmi-s3cret-value');
  });

  it('a CIB without a status (hacc build --cib full): every node up, everything starts', async () => {
    const full = join(dir, 'built.xml');
    writeFileSync(full, cibOf(EXAMPLE, true));
    const { json } = await plan(EXAMPLE, 'fresh', full);
    expect(json.changes).toEqual([]);
    expect(json.transition!.map((a) => a.action)).toEqual(Array(7).fill('Start'));
  });
});

describe('hacc build --preview', () => {
  it("each node's failure and standby, as crm_simulate and crm_attribute give them", async () => {
    const out = join(dir, 'preview');
    const ha = join(dir, 'preview.ha');
    writeFileSync(ha, EXAMPLE);
    const r = await runCli(['build', ha, '--preview', '-o', out], { env });
    expect(r.exit, r.stderr).toBe(0);
    const md = readFileSync(join(out, 'SUMMARY.md'), 'utf8');
    expect(md).toContain('- All nodes up: Start `fence-web1` on `web1`; Start `fence-web2` on `web2`; Start `fence-web3` on `web3`; Start `web-vip` on `web1`;');
    expect(md).toContain('- `web1` fails: Fence (reboot) on `web1`; Move `fence-web1` `web1` → `web2`; Move `web-vip` `web1` → `web2`;');
    // The oracle for standby: pcs's own way of setting it (crm_attribute), then the scheduler.
    const standby = join(dir, 'standby-oracle.xml');
    copyFileSync(settled, standby);
    run('crm_attribute', ['--node', 'web1', '--name', 'standby', '--update', 'on'], { CIB_file: standby });
    const moves = parseSimulation(run('crm_simulate', ['-x', standby, '-S', '--output-as=xml'])).map((a) => `Move \`${a.resource}\` \`${a.nodes[0]}\` → \`${a.nodes[1]}\``);
    expect(moves.length).toBeGreaterThan(0);
    expect(md).toContain(`- \`web1\` in standby: ${moves.join('; ')}.`);
  });
});

describe("Pacemaker's scheduler corpus", () => {
  it('every CIB that imports and checks plans to no change, with the transition of the CIB itself', () => {
    expect(existsSync(CORPUS), `the corpus is read from ${CORPUS} (set HACC_CORPUS to its directory)`).toBe(true);
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.xml')).sort();
    expect(files.length).toBe(620);
    let imported = 0;
    const planned: string[] = [];
    const failures: string[] = [];
    for (const f of files) {
      const xml = readFileSync(join(CORPUS, f), 'utf8');
      let text: string;
      try {
        const r = importCib(xml, { catalogue });
        if (r.unsupported.length > 0) continue;
        // A CIB with mistakes of its own is planned too: import silences them (# hacc-ignore).
        text = r.text;
      } catch {
        continue;
      }
      imported++;
      const checked = checkText(text, f, { catalogue });
      if (!checked.checked) {
        failures.push(`${f}: the imported file does not check: ${checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code).join(' ')}`);
        continue;
      }
      const desired = lower(checked.checked, catalogue).cib;
      const doc = parseXml(xml);
      const read = readCib(doc);
      const p = makePlan(read, desired, platformCommands(checked.checked.platform));
      if (p.changes.length > 0) {
        failures.push(`${f}: ${JSON.stringify(p.changes).slice(0, 300)}`);
        continue;
      }
      const input = simulationCib(doc, read.cib, p, desired);
      const mine = join(dir, `corpus-${f}`);
      writeFileSync(mine, input.xml);
      const ours = parseSimulation(run('crm_simulate', ['-x', mine, '-S', '--output-as=xml', ...input.args]));
      // The same assumptions on both sides: a CIB without a status has its nodes brought up (--node-up).
      const theirs = parseSimulation(run('crm_simulate', ['-x', join(CORPUS, f), '-S', '--output-as=xml', ...input.args]));
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) failures.push(`${f}: transition ${JSON.stringify(ours)} != ${JSON.stringify(theirs)}`);
      planned.push(f);
    }
    expect(failures).toEqual([]);
    // Floors, not results: every CIB that imports (619 of the 620; the other is refused, see
    // grammar/import.md) plans to no change, its own mistakes silenced; fewer is a regression.
    expect(imported).toBeGreaterThanOrEqual(619);
    expect(planned.length).toBe(imported);
  }, 600_000);
});
