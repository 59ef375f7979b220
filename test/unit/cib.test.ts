import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue, type Catalogue } from '../../src/catalogue/catalogue.js';
import type { AgentFact } from '../../src/catalogue/types.js';
import { checkText, type CheckedModel } from '../../src/check/check.js';
import { cibPrimitives, type CibPrimitive } from '../../src/cib/model.js';
import { secretComment } from '../../src/cib/write.js';
import { escapeAttribute } from '../../src/cib/xml-writer.js';
import { cibXml } from '../../src/emit/cib.js';
import { emitAll } from '../../src/emit/index.js';
import { IdAllocator, sanitizeId } from '../../src/lower/ids.js';
import { CIB_TARGETS, lower, type Lowered } from '../../src/lower/lower.js';
import { PLATFORMS, type PlatformName } from '../../src/model/platforms.js';
import { generateHa } from '../../test-support/generate.js';
import { at, readText } from '../../test-support/expectations.js';

// The catalogue holds the installed agents' meta-data (resource-agents 4.12, pacemaker 2.1.5,
// fence-agents 4.12): what pcs reads when it completes default ops. One test agent more:
const FACTS: AgentFact[] = [
  {
    // Two advised monitors with the same interval: pcs moves the second one by a second.
    id: 'ocf:test:twice',
    params: [],
    actions: [
      { name: 'start', timeout: '20s' },
      { name: 'monitor', timeout: '20s', interval: '10s' },
      { name: 'monitor', timeout: '30s', interval: '10s', depth: '10' },
    ],
  },
];

const catalogue: Catalogue = defaultCatalogue().withAgents(FACTS);

function checked(text: string, options: { target?: PlatformName; catalogue?: Catalogue } = {}): CheckedModel {
  const result = checkText(text, 'test.ha', { catalogue, ...options });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${at(text)(d).line}: ${d.code} ${d.message}`)).toEqual([]);
  return result.checked!;
}

function plan(text: string, options: { target?: PlatformName; catalogue?: Catalogue } = {}): Lowered {
  return lower(checked(text, options), options.catalogue ?? catalogue);
}

function primitive(p: Lowered, id: string): CibPrimitive {
  const found = cibPrimitives(p.cib.configuration).find((x) => x.id === id);
  if (!found) throw new Error(`no primitive ${id}`);
  return found;
}

/** `ID NAME INTERVAL k=v…`, one string an op, in CIB order. */
function ops(p: Lowered, id: string): string[] {
  return primitive(p, id).operations.map((o) =>
    [o.id, o.name, o.interval, ...o.attrs.map(([k, v]) => `${k}=${v}`), ...(o.instanceAttributes?.pairs.map((a) => `[${a.id}=${a.value.kind === 'literal' ? a.value.text : '?'}]`) ?? [])].join(' '),
  );
}

/** The pairs of a primitive's instance attributes. */
const params = (p: CibPrimitive) => p.instanceAttributes?.pairs ?? [];

const cluster = (body: string, platform = 'el9') => `cluster t {
  platform ${platform}
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  property stonith-enabled=false
${body}
}
`;

describe('plan: default operations as pcs 0.11.5 completes them', () => {
  // Each expectation is what `pcs -f scratch.xml resource create …` wrote for the same input.
  it('IPaddr2 with explicit start and monitor gets the advised stop', () => {
    const p = plan(
      cluster(`  primitive vip ocf:heartbeat:IPaddr2 {
    params ip=10.0.0.30 cidr_netmask=24 nic=eth0
    op start timeout=20s on-fail=restart
    op monitor interval=10s timeout=20s on-fail=restart
  }`),
    );
    expect(ops(p, 'vip')).toEqual([
      'vip-monitor-interval-10s monitor 10s timeout=20s on-fail=restart',
      'vip-start-interval-0s start 0s timeout=20s on-fail=restart',
      'vip-stop-interval-0s stop 0s timeout=20s',
    ]);
  });

  it('Dummy with no ops gets every advised action but meta-data, validate-all and status', () => {
    const p = plan(cluster('  primitive d ocf:pacemaker:Dummy'));
    expect(ops(p, 'd')).toEqual([
      'd-migrate_from-interval-0s migrate_from 0s timeout=20s',
      'd-migrate_to-interval-0s migrate_to 0s timeout=20s',
      'd-monitor-interval-10s monitor 10s timeout=20s',
      'd-reload-interval-0s reload 0s timeout=20s',
      'd-reload-agent-interval-0s reload-agent 0s timeout=20s',
      'd-start-interval-0s start 0s timeout=20s',
      'd-stop-interval-0s stop 0s timeout=20s',
    ]);
  });

  it('an op the user wrote replaces every advised op of that name, and gets nothing added', () => {
    const p = plan(
      cluster(`  primitive d2 ocf:pacemaker:Dummy {
    op monitor interval=5s
    op monitor interval=7s timeout=3s
    op start on-fail=block
  }
  primitive fs ocf:heartbeat:Filesystem {
    params device=/dev/disk/by-label/x directory=/s fstype=ext4
    op monitor interval=30s
  }`),
    );
    expect(ops(p, 'd2')).toEqual([
      'd2-migrate_from-interval-0s migrate_from 0s timeout=20s',
      'd2-migrate_to-interval-0s migrate_to 0s timeout=20s',
      'd2-monitor-interval-5s monitor 5s',
      'd2-monitor-interval-7s monitor 7s timeout=3s',
      'd2-reload-interval-0s reload 0s timeout=20s',
      'd2-reload-agent-interval-0s reload-agent 0s timeout=20s',
      'd2-start-interval-0s start 0s on-fail=block',
      'd2-stop-interval-0s stop 0s timeout=20s',
    ]);
    expect(ops(p, 'fs')).toEqual([
      'fs-monitor-interval-30s monitor 30s',
      'fs-start-interval-0s start 0s timeout=60s',
      'fs-stop-interval-0s stop 0s timeout=60s',
    ]);
  });

  it('custom actions (iscsi methods) are copied, status is not', () => {
    const p = plan(
      cluster(`  primitive isc ocf:heartbeat:iscsi {
    params portal=10.0.0.40:3260 target=iqn.x
    op start timeout=120s
    op stop timeout=120s
    op monitor interval=30s timeout=30s
  }`),
    );
    expect(ops(p, 'isc')).toEqual([
      'isc-methods-interval-0s methods 0s timeout=5s',
      'isc-monitor-interval-30s monitor 30s timeout=30s',
      'isc-start-interval-0s start 0s timeout=120s',
      'isc-stop-interval-0s stop 0s timeout=120s',
    ]);
  });

  it('roles follow the platform: Promoted/Unpromoted on Pacemaker 2.1, Master/Slave on 1.1', () => {
    const text = cluster('  primitive st ocf:pacemaker:Stateful');
    expect(ops(plan(text), 'st')).toEqual([
      'st-demote-interval-0s demote 0s timeout=10s',
      'st-monitor-interval-10s monitor 10s timeout=20s role=Promoted',
      'st-monitor-interval-11s monitor 11s timeout=20s role=Unpromoted',
      'st-notify-interval-0s notify 0s timeout=5s',
      'st-promote-interval-0s promote 0s timeout=10s',
      'st-reload-agent-interval-0s reload-agent 0s timeout=10s',
      'st-start-interval-0s start 0s timeout=20s',
      'st-stop-interval-0s stop 0s timeout=20s',
    ]);
    const legacy = ops(plan(text, { target: 'el7' }), 'st');
    expect(legacy.filter((o) => o.includes('role='))).toEqual([
      'st-monitor-interval-10s monitor 10s timeout=20s role=Master',
      'st-monitor-interval-11s monitor 11s timeout=20s role=Slave',
    ]);
    const written = plan(cluster('  promotable st2-clone {\n    primitive st2 ocf:pacemaker:Stateful {\n      op monitor interval=15s role=Master\n    }\n  }'));
    expect(ops(written, 'st2').filter((o) => o.includes('monitor'))).toEqual(['st2-monitor-interval-15s monitor 15s role=Promoted']);
  });

  it('an op the platform Pacemaker lacks is not added: reload-agent only from Pacemaker 2.1', () => {
    const text = cluster('  primitive d ocf:pacemaker:Dummy');
    expect(ops(plan(text), 'd').map((o) => o.split(' ')[1])).toContain('reload-agent');
    for (const target of ['el6', 'el7'] as const) expect(ops(plan(text, { target }), 'd').map((o) => o.split(' ')[1])).not.toContain('reload-agent');
  });

  it('a fencing device gets only the monitor, at 60s without a timeout', () => {
    const p = plan(`cluster t {
  node a addr=10.0.0.1/24
  primitive f2 stonith:fence_ipmilan {
    params ip=10.0.1.1 username=admin password=env:IPMI_PASSWORD pcmk_host_list=a
  }
}
`);
    expect(ops(p, 'f2')).toEqual(['f2-monitor-interval-60s monitor 60s']);
  });

  it('an agent without advice gets the necessary monitor; a monitor without interval gets 60s', () => {
    const p = plan(cluster('  primitive u ocf:heartbeat:Unknown\n  primitive v ocf:heartbeat:Unknown {\n    op monitor timeout=30s\n    op start timeout=90s\n  }'));
    expect(ops(p, 'u')).toEqual(['u-monitor-interval-60s monitor 60s']);
    expect(ops(p, 'v')).toEqual(['v-monitor-interval-60s monitor 60s timeout=30s', 'v-start-interval-0s start 0s timeout=90s']);
  });

  it('advised intervals that repeat are made unique; a depth becomes OCF_CHECK_LEVEL', () => {
    const p = plan(cluster('  primitive w ocf:test:twice'));
    expect(ops(p, 'w')).toEqual([
      'w-monitor-interval-10s monitor 10s timeout=20s',
      'w-monitor-interval-11 monitor 11 timeout=30s [w-monitor-interval-11-instance_attributes-OCF_CHECK_LEVEL=10]',
      'w-start-interval-0s start 0s timeout=20s',
    ]);
  });

  it('the anything agent is ocf:hacc:anything with its own advice', () => {
    const p = plan(
      cluster(`  primitive app anything {
    start "/opt/app/bin/start"
    stop "/opt/app/bin/stop"
    monitor "/opt/app/bin/status"
    op monitor interval=30s timeout=30s
  }`),
      { catalogue: defaultCatalogue() },
    );
    const app = primitive(p, 'app');
    expect([app.class, app.provider, app.type]).toEqual(['ocf', 'hacc', 'anything']);
    expect(params(app).map((a) => [a.id, a.name, a.value])).toEqual([
      ['app-instance_attributes-monitor_cmd', 'monitor_cmd', { kind: 'literal', text: '/opt/app/bin/status' }],
      ['app-instance_attributes-start_cmd', 'start_cmd', { kind: 'literal', text: '/opt/app/bin/start' }],
      ['app-instance_attributes-stop_cmd', 'stop_cmd', { kind: 'literal', text: '/opt/app/bin/stop' }],
    ]);
    expect(ops(p, 'app')).toEqual([
      'app-monitor-interval-30s monitor 30s timeout=30s',
      'app-start-interval-0s start 0s timeout=60s',
      'app-stop-interval-0s stop 0s timeout=60s',
    ]);
  });
});

describe('plan: ids and structure', () => {
  it('seed.ha', () => {
    const p = lower(checked(readText('fixtures/examples/seed.ha'), { catalogue: defaultCatalogue() }), defaultCatalogue());
    const conf = p.cib.configuration;
    expect(p.cluster.name).toBe('cluster');
    expect(p.cluster.platform).toBe('el6');
    expect(p.cluster.target).toEqual({ pacemaker: '1.1.18', schema: 'pacemaker-2.10', roles: 'legacy', tool: 'pcs' });
    expect(p.cluster.auth).toEqual({ user: 'hacluster', password: { kind: 'secret', scheme: 'env', ref: 'HACLUSTER_PASSWORD' } });
    expect(p.cluster.nodes).toEqual([
      { name: 'rhel-act', id: 1, cibId: '1', addrs: [{ text: '192.168.56.31/24', ip: '192.168.56.31', prefix: 24 }] },
      { name: 'rhel-sta', id: 2, cibId: '2', addrs: [{ text: '192.168.56.32/24', ip: '192.168.56.32', prefix: 24 }] },
    ]);
    expect(p.cluster.hosts).toEqual([{ name: 'rhel-iscsi', addrs: [{ text: '192.168.56.40', ip: '192.168.56.40' }] }]);
    expect(conf.crmConfig[0]!.pairs.map((a) => [a.id, a.name])).toEqual([
      ['cib-bootstrap-options-stonith-enabled', 'stonith-enabled'],
      ['cib-bootstrap-options-no-quorum-policy', 'no-quorum-policy'],
    ]);
    expect(conf.rscDefaults).toBeUndefined();
    expect(conf.resources.map((r) => [r.kind, r.id])).toEqual([['group', 'resource-group']]);
    const group = conf.resources[0]!;
    expect(group.kind === 'group' && group.children.map((m) => `${m.id}=${m.class}:${m.provider}:${m.type}`)).toEqual([
      'vip=ocf:heartbeat:IPaddr2',
      'shared_device=ocf:heartbeat:iscsi',
      'shared_mount=ocf:heartbeat:Filesystem',
      'program_logical=ocf:hacc:anything',
    ]);
    expect(params(primitive(p, 'vip')).map((a) => a.id)).toEqual([
      'vip-instance_attributes-cidr_netmask',
      'vip-instance_attributes-ip',
      'vip-instance_attributes-nic',
    ]);
    expect(primitive(p, 'vip').operations.map((o) => o.id)).toEqual(['vip-monitor-interval-10s', 'vip-start-interval-0s', 'vip-stop-interval-0s']);
    expect(conf.constraints).toEqual([]);
  });

  it('web-el9.ha', () => {
    const p = lower(checked(readText('fixtures/examples/web-el9.ha'), { catalogue: defaultCatalogue() }), defaultCatalogue());
    const conf = p.cib.configuration;
    expect(p.cib.validateWith).toBe('pacemaker-3.9');
    expect(p.cluster.nodes.map((n) => `${n.id}:${n.name}`)).toEqual(['1:web1', '2:web2', '3:web3']);
    expect(conf.resources.map((r) => r.id)).toEqual(['fence-web1', 'fence-web2', 'fence-web3', 'web', 'report-job']);
    expect(cibPrimitives(conf).filter((x) => x.class === 'stonith').map((x) => x.id)).toEqual(['fence-web1', 'fence-web2', 'fence-web3']);
    expect(conf.rscDefaults).toEqual([
      {
        id: 'rsc_defaults-meta_attributes',
        pairs: [{ id: 'rsc_defaults-meta_attributes-resource-stickiness', name: 'resource-stickiness', value: { kind: 'literal', text: '100' } }],
      },
    ]);
    expect(conf.opDefaults?.[0]?.pairs.map((a) => a.id)).toEqual(['op_defaults-meta_attributes-timeout']);
    const pw = params(primitive(p, 'fence-web1')).find((a) => a.name === 'password');
    expect(pw).toEqual({ id: 'fence-web1-instance_attributes-password', name: 'password', value: { kind: 'secret', scheme: 'env', ref: 'IPMI_PASSWORD' } });
    expect(conf.constraints).toEqual([
      { kind: 'rsc_location', id: 'web-prefers-web1', rsc: 'web', node: 'web1', score: '100', attrs: [], rules: [], sets: [] },
      { kind: 'rsc_location', id: 'report-avoids-web3', rsc: 'report-job', node: 'web3', score: '-INFINITY', attrs: [], rules: [], sets: [] },
      { kind: 'rsc_colocation', id: 'report-with-web', rsc: 'report-job', withRsc: 'web', score: 'INFINITY', attrs: [], sets: [] },
      { kind: 'rsc_order', id: 'web-then-report', first: 'web', firstAction: 'start', then: 'report-job', thenAction: 'start', attrs: [], sets: [] },
    ]);
  });

  it('constraints: scores, several location targets, order options', () => {
    const p = plan(
      cluster(`  primitive x ocf:pacemaker:Dummy
  primitive y ocf:pacemaker:Dummy
  location lx x prefers a=50 b
  location ly y avoids a=100 b=-20
  colocation cxy x with y score=-100 rsc-role=Started
  order oxy y then x kind=Optional symmetrical=false`),
    );
    const constraints = p.cib.configuration.constraints;
    expect(constraints.filter((c) => c.kind === 'rsc_location')).toEqual([
      { kind: 'rsc_location', id: 'lx-a', rsc: 'x', node: 'a', score: '50', attrs: [], rules: [], sets: [] },
      { kind: 'rsc_location', id: 'lx-b', rsc: 'x', node: 'b', score: 'INFINITY', attrs: [], rules: [], sets: [] },
      { kind: 'rsc_location', id: 'ly-a', rsc: 'y', node: 'a', score: '-100', attrs: [], rules: [], sets: [] },
      { kind: 'rsc_location', id: 'ly-b', rsc: 'y', node: 'b', score: '20', attrs: [], rules: [], sets: [] },
    ]);
    expect(constraints.find((c) => c.id === 'cxy')).toEqual({
      kind: 'rsc_colocation',
      id: 'cxy',
      rsc: 'x',
      withRsc: 'y',
      score: '-100',
      // pcs writes both roles once one is given, the other Started.
      attrs: [
        ['rsc-role', 'Started'],
        ['with-rsc-role', 'Started'],
      ],
      sets: [],
    });
    expect(constraints.find((c) => c.id === 'oxy')).toEqual({
      kind: 'rsc_order',
      id: 'oxy',
      first: 'y',
      then: 'x',
      firstAction: 'start',
      thenAction: 'start',
      attrs: [
        ['kind', 'Optional'],
        ['symmetrical', 'false'],
      ],
      sets: [],
    });
    expect(cibXml(p, { full: false })).toContain(
      '<rsc_order id="oxy" first="y" first-action="start" then="x" then-action="start" kind="Optional" symmetrical="false"/>',
    );
  });

  it('derived ids step around user ids and each other, as pcs does', () => {
    const p = plan(
      cluster(`  primitive vip ocf:pacemaker:Dummy {
    params fake=1
    op monitor interval=10s
  }
  primitive vip-instance_attributes ocf:pacemaker:Dummy
  location vip-monitor-interval-10s vip prefers a`),
    );
    expect(primitive(p, 'vip').instanceAttributes!.id).toBe('vip-instance_attributes-1');
    expect(params(primitive(p, 'vip'))[0]!.id).toBe('vip-instance_attributes-1-fake');
    expect(primitive(p, 'vip').operations.find((o) => o.name === 'monitor')!.id).toBe('vip-monitor-interval-10s-1');
    const all = new Set<string>();
    const xml = cibXml(p, { full: true });
    for (const m of xml.matchAll(/ id="([^"]+)"/g)) {
      expect(all.has(m[1]!), `duplicate id ${m[1]}`).toBe(false);
      all.add(m[1]!);
    }
  });

  it('sanitizeId drops what an id may not hold', () => {
    expect(sanitizeId('vip-monitor-interval-1 min')).toBe('vip-monitor-interval-1min');
    expect(sanitizeId('9abc')).toBe('abc');
  });

  it('IdAllocator: the proposal, else the first free of -1, -2, … (as pcs), stepping around reserved ids and its own', () => {
    const ids = new IdAllocator(['vip', 'vip-1']);
    expect(['vip', 'vip', 'web', 'web', 'vip-1', 'vip-2', '9 db'].map((p) => ids.allocate(p))).toEqual(['vip-2', 'vip-3', 'web', 'web-1', 'vip-1-1', 'vip-2-1', 'db']);
  });

  it('properties: first-appearance order, last value wins', () => {
    const p = plan(`cluster t {
  node a addr=10.0.0.1/24
  property stonith-enabled=false no-quorum-policy=stop
  property maintenance-mode=false
}
`);
    expect(p.cib.configuration.crmConfig[0]!.pairs.map((a) => `${a.name}=${a.value.kind === 'literal' ? a.value.text : ''}`)).toEqual([
      'stonith-enabled=false',
      'no-quorum-policy=stop',
      'maintenance-mode=false',
    ]);
  });
});

const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', commentPropName: '#comment', htmlEntities: true });

describe('cib.xml', () => {
  const web = () => lower(checked(readText('fixtures/examples/web-el9.ha'), { catalogue: defaultCatalogue() }), defaultCatalogue());

  it('fragment: <configuration> with the sections in schema order', () => {
    const xml = cibXml(web(), { full: false });
    expect(xml.endsWith('</configuration>\n')).toBe(true);
    const doc = xmlParser.parse(xml) as { configuration: Record<string, unknown> };
    expect(Object.keys(doc.configuration)).toEqual(['crm_config', 'nodes', 'resources', 'constraints', 'rsc_defaults', 'op_defaults']);
    expect(xml).toContain('<cluster_property_set id="cib-bootstrap-options">');
    expect(xml).toContain('<nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="true"/>');
    expect(xml).toContain('<node id="1" uname="web1"/>');
    expect(xml).toContain('<primitive id="web-vip" class="ocf" provider="heartbeat" type="IPaddr2">');
    expect(xml).toContain('<primitive id="fence-web1" class="stonith" type="fence_ipmilan">');
    expect(xml).toContain('<op id="web-vip-monitor-interval-10s" name="monitor" interval="10s" timeout="20s"/>');
    expect(xml).toContain('<rsc_location id="web-prefers-web1" rsc="web" node="web1" score="100"/>');
    expect(xml).toContain('<rsc_colocation id="report-with-web" rsc="report-job" with-rsc="web" score="INFINITY"/>');
    expect(xml).toContain('<rsc_order id="web-then-report" first="web" first-action="start" then="report-job" then-action="start"/>');
    expect(xml).toContain('<meta_attributes id="rsc_defaults-meta_attributes">');
    expect(xml).not.toContain('<cib');
  });

  it('full: a <cib> whose validate-with follows the platform, with an empty status', () => {
    for (const platform of PLATFORMS) {
      const p = lower(checked(readText('fixtures/examples/web-el9.ha'), { target: platform, catalogue: defaultCatalogue() }), defaultCatalogue());
      const xml = cibXml(p, { full: true });
      expect(xml).toContain(`<cib validate-with="${CIB_TARGETS[platform].schema}" admin_epoch="0" epoch="1" num_updates="0">`);
      expect(xml.endsWith('  <status/>\n</cib>\n')).toBe(true);
    }
    expect(Object.fromEntries(Object.entries(CIB_TARGETS).map(([k, v]) => [k, v.schema]))).toEqual({
      el6: 'pacemaker-2.10',
      el7: 'pacemaker-2.10',
      el8: 'pacemaker-3.9',
      el9: 'pacemaker-3.9',
      el10: 'pacemaker-4.0',
      debian12: 'pacemaker-3.9',
      debian13: 'pacemaker-4.0',
      sles15: 'pacemaker-3.9',
      sles16: 'pacemaker-4.0',
    });
  });

  it('secrets never appear: no nvpair, a comment saying where the setup script reads it', () => {
    const xml = cibXml(web(), { full: true });
    expect(xml).not.toMatch(/name="password"/);
    expect(xml).not.toContain('HACLUSTER_PASSWORD');
    expect(xml).toContain('<!-- password: set by the setup script from env:IPMI_PASSWORD -->');
    const all = emitAll(checked(readText('fixtures/examples/web-el9.ha'), { catalogue: defaultCatalogue() }), defaultCatalogue(), { cib: 'full' });
    for (const a of all) expect(a.contents).not.toMatch(/name="password" value=/);
  });

  it('a secret comment cannot end the comment early', () => {
    expect(secretComment('password', { kind: 'secret', scheme: 'file', ref: '/etc/a--b-' })).toBe(' password: set by the setup script from file:/etc/a- -b- ');
    expect(secretComment('password', { kind: 'secret', scheme: 'file', ref: '/etc/a---b' })).not.toMatch(/--/);
  });

  it('values are escaped', () => {
    const p = plan(
      cluster(`  primitive app anything {
    start "/opt/app/bin/ctl start"
    stop "/opt/app/bin/ctl stop"
    monitor "/opt/app/bin/ctl status --pid \\"/run/app.pid\\" && echo <ok>"
  }`),
      { catalogue: defaultCatalogue() },
    );
    const xml = cibXml(p, { full: false });
    expect(xml).toContain('value="/opt/app/bin/ctl status --pid &quot;/run/app.pid&quot; &amp;&amp; echo &lt;ok&gt;"');
    const doc = xmlParser.parse(xml) as { configuration: { resources: { primitive: { instance_attributes: { nvpair: { name: string; value: string }[] } } } } };
    expect(doc.configuration.resources.primitive.instance_attributes.nvpair[0]!.value).toBe('/opt/app/bin/ctl status --pid "/run/app.pid" && echo <ok>');
  });

  it('the XML writer keeps a tab or a line break as a character reference (XML would turn it into a space)', () => {
    // No .ha value holds one (HA224: Pacemaker does not keep them), but the writer stays exact.
    const escaped = escapeAttribute('one\ttwo\nthree\tfour');
    expect(escaped).toBe('one&#9;two&#10;three&#9;four');
    const doc = xmlParser.parse(`<nvpair value="${escaped}"/>`) as { nvpair: { value: string } };
    expect(doc.nvpair.value).toBe('one\ttwo\nthree\tfour');
  });

  it('an & that looks like a reference is escaped too (xmlbuilder2 leaves &lt; and &nbsp; alone)', () => {
    const p = plan(
      cluster(`  primitive d ocf:pacemaker:Dummy {
    params fake="&lt;&nbsp;&#10;&amp; a & b"
  }`),
      { catalogue: defaultCatalogue() },
    );
    const xml = cibXml(p, { full: false });
    expect(xml).toContain('value="&amp;lt;&amp;nbsp;&amp;#10;&amp;amp; a &amp; b"');
  });

  it('a secret reference or cluster name with dashes never ends a comment early', () => {
    const xml = cibXml(plan('cluster a---b {\n  node n addr=10.0.0.1/24\n  property stonith-enabled=false\n}\n'), { full: false });
    expect(xml.split('\n')[1]).toBe('<!-- Cluster a- - -b (el9): generated by hacc; do not edit, regenerate it. -->');
  });

  it('is deterministic', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const text = generateHa(seed, { resources: 8 });
      const once = cibXml(plan(text), { full: true });
      const twice = cibXml(plan(text), { full: true });
      expect(twice).toBe(once);
    }
    const a = emitAll(checked(readText('fixtures/examples/web-el9.ha')), defaultCatalogue());
    const b = emitAll(checked(readText('fixtures/examples/web-el9.ha')), defaultCatalogue());
    expect(b).toEqual(a);
    expect(a.map((x) => x.path)).toEqual(['SUMMARY.md', 'cib.xml', 'resource.d/hacc/anything', 'setup.sh']);
  });
});
