// hacc import against CIBs made by the real pcs (Debian 12: pcs 0.11.5, pacemaker 2.1.5), offline:
// `cibadmin --empty`, nodes added with cibadmin, then `pcs -f FILE resource create …`,
// `pcs -f FILE constraint …`. Each CIB must import with nothing left out and build back to the same
// configuration (element order where Pacemaker ignores it, and the secrets, aside), and the CIB
// hacc builds must pass crm_verify. A missing tool is a failure here, never a skip.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { checkText } from '../../src/check/check.js';
import { emitAll } from '../../src/emit/index.js';
import { importCib } from '../../src/import/import.js';
import { normaliseCib } from '../../test-support/cib-normalise.js';
import { at } from '../../test-support/expectations.js';

const catalogue = defaultCatalogue();
let dir: string;

function tool(name: string): void {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  expect(r.status, `${name} is not installed (apt-get install pacemaker pacemaker-cli-utils pcs)`).toBe(0);
}

beforeAll(() => {
  for (const t of ['pcs', 'cibadmin', 'crm_verify']) tool(t);
  dir = mkdtempSync(join(tmpdir(), 'hacc-import-pcs-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(cmd: string, args: readonly string[], env: Record<string, string> = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.status, `${cmd} ${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/** A CIB made the way an operator makes one: cibadmin --empty, nodes, then pcs -f commands. */
function pcsCib(name: string, nodes: readonly string[], commands: readonly (readonly string[])[]): string {
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, run('cibadmin', ['--empty']));
  nodes.forEach((n, i) => run('cibadmin', ['--create', '-o', 'nodes', '-X', `<node id="${i + 1}" uname="${n}"/>`], { CIB_file: file }));
  for (const c of commands) run('pcs', ['-f', file, ...c]);
  return readFileSync(file, 'utf8');
}

/** Imports, checks (no errors) and builds the full CIB. */
function roundTrip(xml: string): { text: string; built: string } {
  const imported = importCib(xml, { catalogue });
  expect(imported.unsupported).toEqual([]);
  const r = checkText(imported.text, 'imported.ha', { catalogue });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${at(imported.text)(d).line}: ${d.code} ${d.message}`)).toEqual([]);
  const built = emitAll(r.checked!, catalogue, { cib: 'full' }).find((a) => a.path === 'cib.xml')!.contents;
  return { text: imported.text, built };
}

const withoutSecrets = (normalised: string) =>
  normalised
    .split('\n')
    .filter((l) => !/ name="password"/.test(l))
    .join('\n');

function sameConfiguration(pcsXml: string, built: string): void {
  expect(normaliseCib(built, { unordered: true })).toBe(withoutSecrets(normaliseCib(pcsXml, { unordered: true })));
}

/** crm_verify finds no error (warnings about nodes that are not up, in an offline CIB, are no errors). */
function crmVerify(name: string, xml: string): void {
  const file = join(dir, `${name}-built.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('crm_verify', ['--xml-file', file, '-V'], { encoding: 'utf8' });
  expect(r.stderr.split('\n').filter((l) => /error/i.test(l))).toEqual([]);
  expect([0, 78], r.stderr).toContain(r.status);
}

/** pcs takes a second or so per command. */
const SLOW = 120_000;

describe('CIBs made by pcs import and build back to the same configuration', () => {
  it('a fenced web cluster: group, OCF_CHECK_LEVEL, defaults, scores, roles, actions, resource-discovery', () => {
    const xml = pcsCib('web', ['node1', 'node2', 'node3'], [
      ['property', 'set', 'stonith-enabled=true', 'no-quorum-policy=stop'],
      ['stonith', 'create', 'fence-node1', 'fence_ipmilan', 'ip=10.0.1.1', 'username=admin', 'password=ipmi-secret', 'lanplus=1', 'pcmk_host_list=node1', 'op', 'monitor', 'interval=120s'],
      ['resource', 'create', 'vip', 'ocf:heartbeat:IPaddr2', 'ip=10.0.0.30', 'cidr_netmask=24', 'op', 'monitor', 'interval=10s', 'timeout=20s', 'OCF_CHECK_LEVEL=10', '--group', 'web'],
      ['resource', 'create', 'data', 'ocf:heartbeat:Filesystem', 'device=/dev/disk/by-label/data', 'directory=/srv/data', 'fstype=xfs', 'op', 'monitor', 'interval=20s', 'timeout=40s', 'on-fail=restart', '--group', 'web'],
      ['resource', 'create', 'server', 'ocf:heartbeat:apache', 'configfile=/etc/apache2/apache2.conf', 'statusurl=http://127.0.0.1/server-status', '--group', 'web'],
      ['resource', 'meta', 'web', 'target-role=Started'],
      ['resource', 'update', 'vip', 'nic=eth0'],
      ['resource', 'defaults', 'update', 'resource-stickiness=100'],
      ['resource', 'op', 'defaults', 'update', 'timeout=60s'],
      ['resource', 'create', 'report', 'ocf:pacemaker:Dummy'],
      ['constraint', 'location', 'web', 'prefers', 'node1=100', 'node2'],
      ['constraint', 'location', 'report', 'avoids', 'node3'],
      ['constraint', 'location', 'add', 'report-discovery', 'report', 'node2', '50', 'resource-discovery=never'],
      ['constraint', 'colocation', 'add', 'report', 'with', 'web', '--', '-100', 'rsc-role=Started', 'with-rsc-role=Started'],
      ['constraint', 'order', 'stop', 'web', 'then', 'stop', 'report', 'kind=Optional', 'symmetrical=false'],
      ['constraint', 'order', 'web', 'then', 'report'],
    ]);
    const { text, built } = roundTrip(xml);
    expect(text).not.toContain('ipmi-secret');
    expect(text).toContain('password=env:HACC_FENCE_NODE1_PASSWORD');
    expect(text).toContain('op monitor interval=10s timeout=20s OCF_CHECK_LEVEL=10');
    sameConfiguration(xml, built);
    crmVerify('web', built);
  }, SLOW);

  it('ops that pcs did not complete, an agent nobody has, a monitor for the Stopped role, meta after ops', () => {
    const xml = pcsCib('odd', ['alpha', 'beta'], [
      ['property', 'set', 'stonith-enabled=false'],
      ['resource', 'create', 'lone', 'ocf:pacemaker:Dummy', '--no-default-ops'],
      ['resource', 'op', 'add', 'lone', 'monitor', 'interval=30s', 'role=Stopped', 'enabled=false'],
      ['resource', 'op', 'add', 'lone', 'start', 'interval=0', 'timeout=1h'],
      ['resource', 'meta', 'lone', 'resource-stickiness=50', 'migration-threshold=3'],
      ['resource', 'create', 'thing', 'ocf:acme:Thing', '10=ten', '2nd=second', '--force'],
      ['resource', 'create', 'chrony', 'systemd:chronyd', '--force'],
      ['resource', 'create', 'spare', 'ocf:pacemaker:Dummy', 'op', 'monitor', 'interval=P30S'],
      ['constraint', 'location', 'thing', 'prefers', 'alpha=0'],
      ['constraint', 'colocation', 'add', 'chrony', 'with', 'lone'],
    ]);
    const { text, built } = roundTrip(xml);
    expect(text).toContain('primitive thing ocf:acme:Thing');
    expect(text).toContain('params 10=ten 2nd=second');
    expect(text).toContain('default-ops none');
    sameConfiguration(xml, built);
    crmVerify('odd', built);
  }, SLOW);

  it('ids pcs had to move aside come back the same', () => {
    const xml = pcsCib('ids', ['n1', 'n2'], [
      ['property', 'set', 'stonith-enabled=false'],
      // A resource whose name is another's derived set id: pcs moves the derived one to -1.
      ['resource', 'create', 'p-instance_attributes', 'ocf:pacemaker:Dummy', '--no-default-ops'],
      ['resource', 'create', 'p', 'ocf:pacemaker:Dummy', 'fake=1', 'op', 'monitor', 'interval=10s'],
      ['resource', 'op', 'add', 'p', 'monitor', 'interval=20s', 'role=Stopped'],
    ]);
    const { built } = roundTrip(xml);
    expect(xml).toContain('id="p-instance_attributes-1"');
    sameConfiguration(xml, built);
  }, SLOW);
});

describe('what pcs makes', () => {
  it('a clone and a rule-based location constraint pcs made import (rules have a form since issue 19), the rule as pcs took it', () => {
    const xml = pcsCib('clone', ['n1', 'n2'], [
      ['property', 'set', 'stonith-enabled=false'],
      ['resource', 'create', 'vip', 'ocf:heartbeat:IPaddr2', 'ip=10.0.0.30'],
      ['resource', 'create', 'ping', 'ocf:pacemaker:ping', 'host_list=10.0.0.1', 'clone'],
      ['constraint', 'location', 'vip', 'rule', 'score=-INFINITY', 'not_defined', 'pingd', 'or', 'pingd', 'lte', '0'],
    ]);
    const r = importCib(xml, { catalogue });
    expect(r.unsupported).toEqual([]);
    expect(r.text).toMatch(/\n {2}location \S+ vip rule score=-INFINITY not_defined pingd or pingd lte 0\n/);
    expect(r.text).toContain('clone ping-clone {\n    primitive ping ocf:pacemaker:ping');
  }, SLOW);
});
