// hacc plan without Pacemaker's tools: the object diff against a CIB, what configure keeps and
// removes, leftovers of `pcs resource move`, secrets, the simulation's input CIB, the reading of
// crm_simulate's XML, and the command's output and exit statuses. The scheduler itself is the
// Pacemaker suite's (test/pacemaker/plan.test.ts).

import { platformCommands } from '../../src/emit/platform-commands.js';
import * as fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { checkText } from '../../src/check/check.js';
import type { Cib } from '../../src/cib/model.js';
import { readCib } from '../../src/cib/read.js';
import { elements, parseXml, type XmlElement } from '../../src/cib/xml-reader.js';
import { lower } from '../../src/lower/lower.js';
import { summaryMarkdown } from '../../src/emit/summary.js';
import { standbyCib } from '../../src/plan/failover.js';
import { makePlan, parseSimulation, simulationCib } from '../../src/plan/plan.js';
import { runCli } from '../../test-support/run-cli.js';
import { tempDir } from '../../test-support/temp-files.js';

const catalogue = defaultCatalogue();
const tmp = tempDir('hacc-plan-');
afterAll(() => tmp.remove());
/** No Pacemaker tool on this PATH: the command must say so, not fail. */
const NO_TOOLS = { PATH: tmp.dir };

const FILE = `cluster lab {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  property stonith-enabled=true
  primitive fence-a stonith:fence_ipmilan {
    params ip=10.0.1.1 username=admin password=env:IPMI_PASSWORD pcmk_host_list=a
  }
  primitive vip ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.30 cidr_netmask=24
    op monitor interval=10s timeout=20s
  }
  location vip-on-a vip prefers a=100
}
`;

function lowered(text: string): Cib {
  const r = checkText(text, 'lab.ha', { catalogue });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return lower(r.checked!, catalogue).cib;
}

/** The CIB a running cluster would hold for FILE: pcs's nvpairs (the password literal), controller properties, a status. */
function liveCib(extraConstraints = '', extraSections = '', password = 'hunter2'): string {
  return `<cib validate-with="pacemaker-3.9" admin_epoch="0" epoch="12" num_updates="3" have-quorum="1" dc-uuid="1">
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        <nvpair id="cib-bootstrap-options-have-watchdog" name="have-watchdog" value="false"/>
        <nvpair id="cib-bootstrap-options-dc-version" name="dc-version" value="2.1.5-a3f44794f94"/>
        <nvpair id="cib-bootstrap-options-cluster-infrastructure" name="cluster-infrastructure" value="corosync"/>
        <nvpair id="cib-bootstrap-options-cluster-name" name="cluster-name" value="lab"/>
        <nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="true"/>
      </cluster_property_set>
    </crm_config>
    <nodes>
      <node id="1" uname="a"><instance_attributes id="nodes-1"><nvpair id="nodes-1-rack" name="rack" value="1"/></instance_attributes></node>
      <node id="2" uname="b"/>
    </nodes>
    <resources>
      <primitive id="fence-a" class="stonith" type="fence_ipmilan">
        <instance_attributes id="fence-a-instance_attributes">
          <nvpair id="fence-a-instance_attributes-ip" name="ip" value="10.0.1.1"/>
          <nvpair id="fence-a-instance_attributes-password" name="password" value="${password}"/>
          <nvpair id="fence-a-instance_attributes-pcmk_host_list" name="pcmk_host_list" value="a"/>
          <nvpair id="fence-a-instance_attributes-username" name="username" value="admin"/>
        </instance_attributes>
        <operations>
          <op id="fence-a-monitor-interval-60s" name="monitor" interval="60s"/>
        </operations>
      </primitive>
      <primitive id="vip" class="ocf" provider="heartbeat" type="IPaddr2">
        <instance_attributes id="vip-instance_attributes">
          <nvpair id="vip-instance_attributes-cidr_netmask" name="cidr_netmask" value="24"/>
          <nvpair id="vip-instance_attributes-ip" name="ip" value="10.0.0.30"/>
        </instance_attributes>
        <operations>
          <op id="vip-monitor-interval-10s" name="monitor" interval="10s" timeout="20s"/>
          <op id="vip-start-interval-0s" name="start" interval="0s" timeout="20s"/>
          <op id="vip-stop-interval-0s" name="stop" interval="0s" timeout="20s"/>
        </operations>
      </primitive>
    </resources>
    <constraints>
      <rsc_location id="vip-on-a" rsc="vip" node="a" score="100"/>${extraConstraints}
    </constraints>${extraSections}
  </configuration>
  <status>
    <node_state id="1" uname="a" in_ccm="true" crmd="online" join="member" expected="member"/>
  </status>
</cib>
`;
}

function plan(text: string, live: string) {
  const doc = parseXml(live);
  const read = readCib(doc);
  const desired = lowered(text);
  return { doc, read, desired, plan: makePlan(read, desired, platformCommands('el9')) };
}

describe('the plan of a file against a CIB', () => {
  it('nothing to change: the live CIB has the configuration (controller properties, node attributes and pcs ids aside)', () => {
    const { plan: p } = plan(FILE, liveCib());
    expect(p.changes).toEqual([]);
    expect(p.notes).toEqual([]);
    // Node attributes the file does not give are the cluster's (set by hand, by agents): kept, and no change.
    expect(p.kept).toEqual([]);
    expect(p.planned.nodes[0]!.instanceAttributes?.pairs.map((x) => x.name)).toEqual(['rack']);
  });

  it("the file's node attributes are merged into the live node's, as setup.sh's add_node does", () => {
    const file = FILE.replace(/node a ([^\n]*)/, 'node a $1 {\n    attributes rack=2 site=dc1\n  }');
    const { plan: p } = plan(file, liveCib());
    expect(p.changes).toEqual([
      {
        op: 'update',
        kind: 'node',
        id: '1',
        fields: [
          { path: 'attributes.rack', from: '1', to: '2' },
          { path: 'attributes.site', to: 'dc1' },
          { path: 'attributes.site.id', to: 'nodes-1-site' },
        ],
      },
    ]);
  });

  it('each changed field of each changed object, by id; creations and deletions whole', () => {
    const changed = FILE.replace('ip=10.0.0.30', 'ip=10.0.0.31').replace('a=100', 'a=50').replace('  location vip-on-a', '  primitive web ocf:pacemaker:Dummy\n  location vip-on-a');
    const { plan: p } = plan(changed.replace('property stonith-enabled=true', 'property stonith-enabled=true no-quorum-policy=freeze'), liveCib());
    expect(p.changes.map((c) => `${c.op} ${c.kind} ${c.id}`)).toEqual(['update property cib-bootstrap-options', 'update primitive vip', 'create primitive web', 'update location vip-on-a']);
    expect(p.changes[0]!.fields).toEqual([
      { path: 'no-quorum-policy', to: 'freeze' },
      { path: 'no-quorum-policy.id', to: 'cib-bootstrap-options-no-quorum-policy' },
    ]);
    expect(p.changes[1]!.fields).toEqual([{ path: 'params.ip', from: '10.0.0.30', to: '10.0.0.31' }]);
    expect(p.changes[2]!.fields).toContainEqual({ path: 'type', to: 'Dummy' });
    expect(p.changes[3]!.fields).toEqual([{ path: 'score', from: '100', to: '50' }]);
  });

  it('a role in another case or spelling is the same role to Pacemaker: no change (started, Master); another role is one', () => {
    const withRoles = FILE.replace('    op monitor interval=10s timeout=20s\n', '    meta target-role=Started\n    op monitor interval=10s timeout=20s\n').replace('  location vip-on-a', '  promotable web-clone {\n    primitive web ocf:pacemaker:Stateful\n  }\n  colocation web-with-vip web-clone with vip rsc-role=Promoted\n  location vip-on-a');
    const liveWith = (role: string, rscRole: string) =>
      liveCib(`\n      <rsc_colocation id="web-with-vip" rsc="web-clone" with-rsc="vip" score="INFINITY" rsc-role="${rscRole}"/>`)
        .replace('<operations>\n          <op id="vip-monitor', `<meta_attributes id="vip-meta_attributes"><nvpair id="vip-meta_attributes-target-role" name="target-role" value="${role}"/></meta_attributes>\n        <operations>\n          <op id="vip-monitor`)
        .replace('    </resources>', '      <clone id="web-clone"><primitive id="web" class="ocf" provider="pacemaker" type="Stateful"/></clone>\n    </resources>');
    const changesOf = (role: string, rscRole: string) => plan(withRoles, liveWith(role, rscRole)).plan.changes.flatMap((c) => c.fields.filter((f) => /role/.test(f.path) && f.from !== undefined && f.to !== undefined).map((f) => `${c.id} ${f.path} ${f.from} -> ${f.to}`));
    expect(changesOf('Started', 'Promoted')).toEqual([]);
    expect(changesOf('started', 'Master')).toEqual([]);
    expect(changesOf('Stopped', 'Unpromoted')).toEqual(['vip meta.target-role Stopped -> Started', 'web-with-vip rsc-role Unpromoted -> Promoted']);
  });

  it("a move's leftover is deleted with the command that clears it; what hacc cannot describe is listed, never dropped silently", () => {
    const moved = '\n      <rsc_location id="cli-ban-vip-on-a" rsc="vip" role="Started" node="a" score="-INFINITY"/>';
    const timed = '\n      <rsc_location id="cli-prefer-vip" rsc="vip"><rule id="cli-prefer-rule-vip" score="INFINITY"><expression id="e1" attribute="#uname" operation="eq" value="b"/><date_expression id="d1" operation="lt" end="2030-01-01"/></rule></rsc_location>';
    const aged = '\n      <rsc_location id="cli-ban-vip-on-b" rsc="vip" node="b" score="-INFINITY"><lifetime id="lt"><rule id="lt-rule"><date_expression id="lt-expr" operation="lt" end="2030-01-01"/></rule></lifetime></rsc_location>';
    const acls = '\n    <acls><acl_role id="ro"><acl_permission id="ro-read" kind="read" xpath="/cib"/></acl_role></acls>';
    const { plan: p } = plan(FILE, liveCib(moved + timed + aged, acls));
    expect(p.changes).toEqual([
      { op: 'delete', kind: 'location', id: 'cli-ban-vip-on-a', fields: expect.any(Array), leftover: 'pcs resource clear vip' },
      // A rule has a form (issue 19): the leftover of a timed move is shown as it is.
      {
        op: 'delete',
        kind: 'location',
        id: 'cli-prefer-vip',
        fields: [
          { path: 'rsc', from: 'vip' },
          { path: 'rule.cli-prefer-rule-vip', from: 'score=INFINITY #uname eq b and date lt 2030-01-01' },
        ],
        leftover: 'pcs resource clear vip',
      },
      // ACLs have a form (issue 21): a role the file does not write goes.
      { op: 'delete', kind: 'acl_role', id: 'ro', fields: [{ path: 'permission.ro-read', from: 'read xpath=/cib' }] },
      { op: 'delete', kind: 'rsc_location', id: 'cli-ban-vip-on-b', fields: [], unmodelled: 'a <lifetime> inside a location', leftover: 'pcs resource clear vip' },
    ]);
    expect(p.kept).toEqual([]);
  });

  it('a secret is never shown, and a reference is not compared with the value the cluster holds', async () => {
    const { plan: p } = plan(FILE, liveCib('', '', 'hunter2'));
    expect(p.changes).toEqual([]);
    const without = plan(FILE.replace(' password=env:IPMI_PASSWORD', ''), liveCib());
    expect(without.plan.changes.map((c) => c.fields)).toEqual([
      [
        { path: 'params.password', from: '(secret)' },
        { path: 'params.password.id', from: 'fence-a-instance_attributes-password' },
      ],
    ]);
    const cib = tmp.write('secret.xml', liveCib());
    const ha = tmp.write('lab.ha', FILE.replace(' password=env:IPMI_PASSWORD', ''));
    for (const format of ['text', 'json']) {
      const r = await runCli(['plan', ha, '--cib', cib, '--format', format, '-o', `${tmp.dir}/PLAN.md`], { env: NO_TOOLS });
      expect(r.exit, r.stderr).toBe(0);
      expect(r.stdout).toContain('(secret)');
      expect(r.stdout).not.toContain('hunter2');
      expect(tmp.read('PLAN.md')).not.toContain('hunter2');
    }
  });

  it('members the file has and the CIB lacks, and the reverse, are notes: configure adds and removes no member', () => {
    const { plan: p } = plan(FILE.replace('  node b addr=10.0.0.2/24\n', '  node c addr=10.0.0.3/24\n'), liveCib());
    expect(p.changes).toEqual([]);
    expect(p.notes).toEqual([
      'node c is in the file but not in the CIB: configure does not add cluster members (pcs cluster node add c)',
      'node b is in the CIB but not in the file: configure leaves it (pcs cluster node remove b removes it)',
    ]);
  });
});

describe("the simulation's CIB", () => {
  const sections = (xml: string) => {
    const root = parseXml(xml).find((n): n is XmlElement => n.type === 'element')!;
    const conf = elements(root).find((e) => e.tag === 'configuration')!;
    return { root, conf, get: (tag: string) => elements(conf).find((e) => e.tag === tag) };
  };

  it("is the live CIB with configure's sections replaced: nodes, other sections, status and the controller's properties stay", () => {
    const acls = '\n    <acls><acl_role id="ro"><acl_permission id="ro-read" kind="read" xpath="/cib"/></acl_role></acls>';
    const { doc, read, desired, plan: p } = plan(FILE.replace('ip=10.0.0.30', 'ip=10.0.0.31'), liveCib('', acls));
    const input = simulationCib(doc, read.cib, p, desired);
    expect(input.nodesUp).toEqual([]);
    expect(input.args).toEqual([]);
    const { root, get } = sections(input.xml);
    expect(root.attrs.get('epoch')).toBe('12');
    expect(elements(root).map((e) => e.tag)).toEqual(['configuration', 'status']);
    expect(elements(get('nodes')!).map((n) => elements(n).length)).toEqual([1, 0]);
    expect(get('acls')).toBeDefined();
    const props = elements(elements(get('crm_config')!)[0]!).map((n) => n.attrs.get('name'));
    expect(props).toEqual(['have-watchdog', 'dc-version', 'cluster-infrastructure', 'cluster-name', 'stonith-enabled']);
    // The password the cluster holds, so that the scheduler sees no definition change that is none.
    expect(input.xml).toContain('value="hunter2"');
    expect(input.xml).toContain('value="10.0.0.31"');
  });

  it('a CIB without a status starts with every node of the file up', () => {
    const bare = '<configuration><crm_config/><nodes/><resources/><constraints/></configuration>';
    const { doc, read, desired, plan: p } = plan(FILE, bare);
    const input = simulationCib(doc, read.cib, p, desired);
    expect(input.nodesUp).toEqual(['a', 'b']);
    expect(input.args).toEqual(['--quorum=1', '--node-up', 'a', '--node-up', 'b']);
    const { root, get } = sections(input.xml);
    expect(root.attrs.get('validate-with')).toBe('pacemaker-3.9');
    expect(elements(get('nodes')!).map((n) => n.attrs.get('uname'))).toEqual(['a', 'b']);
    // A secret the CIB does not hold gets a stand-in, never a value from anywhere else.
    expect(input.xml).toContain('value="hacc-plan-secret"');
  });
});

describe("crm_simulate's transition", () => {
  it('is read from its XML actions, in order, with crm_simulate names and node order', () => {
    const out = `<pacemaker-result api-version="2.25" request="crm_simulate">
  <actions>
    <node_action task="Fence (reboot)" node="hadev3" reason="peer is no longer part of the cluster"/>
    <rsc_action action="move" resource="DcIPaddr" source="hadev2" dest="hadev1"/>
    <rsc_action action="stop" resource="child:0" node="hadev2" reason="node availability"/>
    <rsc_action action="promote" resource="rsc1:1" role="Unpromoted" next-role="Promoted" source="node2"/>
    <rsc_action action="restart" resource="vip" source="web1" reason="resource definition change"/>
  </actions>
  <status code="0" message="OK"/>
</pacemaker-result>`;
    expect(parseSimulation(out)).toEqual([
      { action: 'Fence (reboot)', nodes: ['hadev3'], reason: 'peer is no longer part of the cluster' },
      { action: 'Move', resource: 'DcIPaddr', nodes: ['hadev2', 'hadev1'] },
      { action: 'Stop', resource: 'child:0', nodes: ['hadev2'], reason: 'node availability' },
      { action: 'Promote', resource: 'rsc1:1', nodes: ['node2'], roles: ['Unpromoted', 'Promoted'] },
      { action: 'Restart', resource: 'vip', nodes: ['web1'], reason: 'resource definition change' },
    ]);
    expect(parseSimulation('<pacemaker-result><status code="0"/></pacemaker-result>')).toEqual([]);
    expect(() => parseSimulation('Transition Summary:')).toThrow(/not XML/);
  });
});

describe('hacc plan, the command', () => {
  it('without crm_simulate: the changes alone, saying so; --exit-code 3 when something changes, else 0', async () => {
    const cib = tmp.write('live.xml', liveCib());
    const same = tmp.write('same.ha', FILE);
    const other = tmp.write('other.ha', FILE.replace('a=100', 'a=50'));
    let r = await runCli(['plan', same, '--cib', cib, '--exit-code'], { env: NO_TOOLS });
    expect(r.exit, r.stderr).toBe(0);
    expect(r.stdout).toContain('No changes: the CIB already has this configuration.');
    expect(r.stdout).toContain('not simulated (crm_simulate not found');
    r = await runCli(['plan', other, '--cib', cib, '--exit-code'], { env: NO_TOOLS });
    expect(r.exit).toBe(3);
    expect(r.stdout).toContain('  ~ location vip-on-a\n      ~ score: "100" -> "50"');
    expect(r.stdout).toContain('Plan: 0 to create, 1 to update, 0 to delete.');
    r = await runCli(['plan', other, '--cib', cib], { env: NO_TOOLS });
    expect(r.exit).toBe(0);
    r = await runCli(['plan', other, '--cib', cib, '--format', 'json'], { env: NO_TOOLS });
    const json = JSON.parse(r.stdout) as { changes: unknown[]; transition: unknown; notSimulated: string };
    expect(json.changes).toEqual([{ op: 'update', kind: 'location', id: 'vip-on-a', fields: [{ path: 'score', from: '100', to: '50' }] }]);
    expect(json.transition).toBeNull();
    expect(json.notSimulated).toMatch(/crm_simulate not found/);
  });

  it('-o PLAN.md names every change and how to apply and roll back', async () => {
    const cib = tmp.write('live2.xml', liveCib('\n      <rsc_location id="cli-ban-vip-on-a" rsc="vip" node="a" score="-INFINITY"/>'));
    const other = tmp.write('other2.ha', FILE.replace('ip=10.0.0.30', 'ip=10.0.0.31'));
    const r = await runCli(['plan', other, '--cib', cib, '-o', `${tmp.dir}/PLAN2.md`], { env: NO_TOOLS });
    expect(r.exit, r.stderr).toBe(0);
    const md = tmp.read('PLAN2.md');
    expect(md).toContain('  ~ primitive vip\n      ~ params.ip: "10.0.0.30" -> "10.0.0.31"');
    expect(md).toContain('  - location cli-ban-vip-on-a');
    expect(md).toContain('- `cli-ban-vip-on-a`: `pcs resource clear vip`');
    expect(md).toContain('setup.sh configure --update');
    expect(md).toContain('pcs cluster cib-push cib-before.xml --config');

    // On SUSE the same plan says crm's commands.
    const suse = tmp.write('suse2.ha', FILE.replace('ip=10.0.0.30', 'ip=10.0.0.31').replace('cluster lab {', 'cluster lab {\n  platform sles15'));
    const s = await runCli(['plan', suse, '--cib', cib, '-o', `${tmp.dir}/PLAN3.md`], { env: NO_TOOLS });
    expect(s.exit, s.stderr).toBe(0);
    const smd = tmp.read('PLAN3.md');
    expect(smd).toContain('## Left by `crm resource move`/`ban`');
    expect(smd).toContain('- `cli-ban-vip-on-a`: `crm resource clear vip`');
    expect(smd).toContain('crm configure load xml replace cib-before.xml');
    expect(smd).not.toMatch(/\bpcs\b/);
  });

  it('a crm_simulate that fails (exit 1, its message) or takes too long (HACC_SIMULATE_TIMEOUT: the changes alone, exit 0)', async () => {
    const bin = `${tmp.dir}/stub-bin`;
    fs.mkdirSync(bin, { recursive: true });
    const stub = (body: string) => {
      tmp.write('stub-bin/crm_simulate', `#!/bin/sh\n${body}\n`);
      fs.chmodSync(`${bin}/crm_simulate`, 0o755);
    };
    const cib = tmp.write('live4.xml', liveCib());
    const other = tmp.write('other4.ha', FILE.replace('a=100', 'a=50'));
    stub("echo 'crm_simulate: the CIB is broken' >&2; exit 1");
    let r = await runCli(['plan', other, '--cib', cib], { env: { PATH: bin } });
    expect(r.exit).toBe(1);
    expect(r.stdout).toContain('~ location vip-on-a');
    expect(r.stdout).toContain('crm_simulate could not schedule the planned CIB');
    expect(r.stdout).toContain('the CIB is broken');
    stub('exec /bin/sleep 30');
    r = await runCli(['plan', other, '--cib', cib, '--exit-code'], { env: { PATH: bin, HACC_SIMULATE_TIMEOUT: '1' } });
    expect(r.exit).toBe(3);
    expect(r.stdout).toContain('not simulated (crm_simulate did not finish within 1 s (HACC_SIMULATE_TIMEOUT): the changes alone)');
    r = await runCli(['build', other, '--preview', '-o', `${tmp.dir}/slow-out`], { env: { PATH: bin, HACC_SIMULATE_TIMEOUT: '1' } });
    expect(r.exit).toBe(2);
    expect(r.stderr).toContain('--preview: crm_simulate did not finish within 1 s');
    r = await runCli(['plan', other, '--cib', cib], { env: { PATH: bin, HACC_SIMULATE_TIMEOUT: 'soon' } });
    expect(r.exit).toBe(2);
    expect(r.stderr).toContain("HACC_SIMULATE_TIMEOUT takes a number of seconds, not 'soon'");
  });

  it('errors: the file (1), the CIB (1), no CIB and no cibadmin (2); never a stack trace', async () => {
    const cib = tmp.write('live3.xml', liveCib());
    const bad = tmp.write('bad.ha', FILE.replace('prefers a=100', 'prefers zz=100'));
    let r = await runCli(['plan', bad, '--cib', cib], { env: NO_TOOLS });
    expect(r.exit).toBe(1);
    expect(r.stderr).toContain('hacc: not planning');
    const ha = tmp.write('ok.ha', FILE);
    r = await runCli(['plan', ha, '--cib', tmp.write('broken.xml', '<cib><configuration>')], { env: NO_TOOLS });
    expect(r.exit).toBe(1);
    expect(r.stderr).toMatch(/broken\.xml:1:\d+: not well-formed XML/);
    r = await runCli(['plan', ha, '--cib', tmp.write('html.xml', '<html/>')], { env: NO_TOOLS });
    expect(r.exit).toBe(1);
    expect(r.stderr).toContain('html.xml: not a CIB: the root element is <html>');
    r = await runCli(['plan', ha], { env: NO_TOOLS });
    expect(r.exit).toBe(2);
    expect(r.stderr).toContain('cibadmin not found: run hacc plan on a cluster node, or give a saved CIB with --cib FILE');
    r = await runCli(['plan', ha, '--cib', `${tmp.dir}/missing.xml`], { env: NO_TOOLS });
    expect(r.exit).toBe(2);
    for (const out of [r.stderr]) expect(out).not.toMatch(/\n\s+at /);
  });
});

describe('the failover preview of SUMMARY.md (build --preview)', () => {
  const r = checkText(FILE, 'lab.ha', { catalogue });
  const low = lower(r.checked!, catalogue);

  it('without --preview: says how to get one', () => {
    expect(summaryMarkdown(low)).toContain('## Failover preview\n\nNot made: `hacc build --preview` adds');
  });

  it("with one: where things start, and each node's failure and standby, in crm_simulate's words", () => {
    const md = summaryMarkdown(low, {
      start: [
        { action: 'Start', resource: 'fence-a', nodes: ['b'] },
        { action: 'Start', resource: 'vip', nodes: ['a'] },
      ],
      scenarios: [
        { node: 'a', event: 'fails', actions: [{ action: 'Fence (reboot)', nodes: ['a'], reason: 'peer is no longer part of the cluster' }, { action: 'Move', resource: 'vip', nodes: ['a', 'b'] }] },
        { node: 'a', event: 'standby', actions: [{ action: 'Move', resource: 'vip', nodes: ['a', 'b'] }] },
        { node: 'b', event: 'fails', actions: [] },
      ],
    });
    expect(md).toContain('- All nodes up: Start `fence-a` on `b`; Start `vip` on `a`.');
    expect(md).toContain('- `a` fails: Fence (reboot) on `a`; Move `vip` `a` → `b`.');
    expect(md).toContain('- `a` in standby: Move `vip` `a` → `b`.');
    expect(md).toContain('- `b` fails: nothing moves.');
  });

  it('standby is the node attribute pcs sets, on that node of the configuration only', () => {
    const doc = parseXml(liveCib());
    const xml = standbyCib(doc, 'b');
    const root = parseXml(xml).find((n): n is XmlElement => n.type === 'element')!;
    const nodes = elements(elements(elements(root).find((e) => e.tag === 'configuration')!).find((e) => e.tag === 'nodes')!);
    expect(nodes.map((n) => elements(n).map((set) => elements(set).map((p) => `${p.attrs.get('name')}=${p.attrs.get('value')}`)))).toEqual([[['rack=1']], [['standby=on']]]);
    expect(xml).toContain('<node_state id="1" uname="a"');
  });

  it('needs crm_simulate: without it, exit 2 and nothing written', async () => {
    const ha = tmp.write('preview.ha', FILE);
    const r = await runCli(['build', ha, '--preview', '-o', `${tmp.dir}/preview-out`], { env: NO_TOOLS });
    expect(r.exit).toBe(2);
    expect(r.stderr).toContain('--preview: crm_simulate not found');
    expect(() => tmp.read('preview-out/SUMMARY.md')).toThrow();
  });
});
