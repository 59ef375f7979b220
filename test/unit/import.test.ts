import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { checkText } from '../../src/check/check.js';
import { readCib } from '../../src/cib/read.js';
import { parseXml } from '../../src/cib/xml-reader.js';
import { emitAll, type Artifact } from '../../src/emit/index.js';
import { formatHa } from '../../src/print/print.js';
import { ImportNameError, importCib } from '../../src/import/import.js';
import { normaliseCib } from '../../test-support/cib-normalise.js';
import { at, listFiles, readText } from '../../test-support/expectations.js';
import { generateHa } from '../../test-support/generate.js';
import { runCli } from '../../test-support/run-cli.js';
import { tempDir } from '../../test-support/temp-files.js';

const catalogue = defaultCatalogue();
const tmp = tempDir('hacc-import-');
afterAll(() => tmp.remove());

/** Every artifact of a clean file, or undefined when it has errors. */
function build(text: string, cib: 'fragment' | 'full' = 'fragment'): Artifact[] | undefined {
  const r = checkText(text, 'input.ha', { catalogue });
  return r.checked ? emitAll(r.checked, catalogue, { cib }) : undefined;
}

function mustBuild(text: string, cib: 'fragment' | 'full' = 'fragment'): Artifact[] {
  const r = checkText(text, 'imported.ha', { catalogue });
  expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${at(text)(d).line}: ${d.code} ${d.message}`)).toEqual([]);
  return emitAll(r.checked!, catalogue, { cib });
}

const cibOf = (artifacts: readonly Artifact[]) => artifacts.find((a) => a.path === 'cib.xml')!.contents;

function importClean(xml: string) {
  const r = importCib(xml, { catalogue });
  expect(r.unsupported).toEqual([]);
  return r;
}

/**
 * The imported file with what no CIB holds put back from the original: node addresses (addr=, net=), hosts, the
 * auth line, autostart and the corosync and sbd blocks (they live in corosync.conf, pcsd, the init
 * system and each node's sbd file; the sbd block import infers from fence_sbd devices gives way to
 * the original's). The setup script and the summary need them.
 */
function withMachineFacts(original: string, imported: string): string {
  const cluster = checkText(original, 'original.ha', { catalogue }).file.cluster!;
  const slice = (s: { start: number; end: number }) => original.slice(s.start, s.end);
  const addrs = new Map<string, string[]>();
  const extra: string[] = [];
  for (const s of cluster.statements) {
    if (s.kind === 'node') addrs.set(s.name.text, s.attrs.filter((a) => a.key.text === 'addr' || a.key.text === 'net').map(slice));
    if (s.kind === 'host' || s.kind === 'auth' || s.kind === 'autostart' || s.kind === 'corosync' || s.kind === 'sbd') extra.push(`  ${slice(s)}`);
  }
  const hasSbd = cluster.statements.some((s) => s.kind === 'sbd');
  return (hasSbd ? imported.replace(/^ {2}sbd \{(?: \}|\n(?: {4}.*\n)* {2}\})\n/m, '') : imported)
    .split('\n')
    .flatMap((line) => {
      // (Before the `{` of a node with a body.)
      const node = /^  node (\S+)(.*?)( \{)?$/.exec(line);
      if (node) return [[line.slice(0, line.length - (node[3]?.length ?? 0)), ...(addrs.get(node[1]!) ?? [])].join(' ') + (node[3] ?? '')];
      return /^cluster \S+ \{$/.test(line) ? [line, ...extra] : [line];
    })
    .join('\n');
}

describe('round trip: import(build(x)) builds to the same artifacts', () => {
  const inputs: { name: string; text: string }[] = listFiles('fixtures', '.ha').map((p) => ({ name: p, text: readText(p) }));
  for (let seed = 1; seed <= 50; seed++) inputs.push({ name: `generated seed ${seed}`, text: generateHa(seed, { resources: 2 + (seed % 11) }) });
  // A file that sets a property Pacemaker's controller writes (HA436) comes back without it:
  // import leaves those to the controller, as the test below asserts.
  const setsMaintained = (text: string) => checkText(text, 'x.ha', { catalogue }).diagnostics.some((d) => d.code === 'HA436');
  const clean = inputs.filter((i) => build(i.text) !== undefined && !setsMaintained(i.text));

  it('leaves out the properties the controller writes, and names them in the header', () => {
    const text = readText('fixtures/err/ha436-maintained-property.ha');
    expect(setsMaintained(text)).toBe(true);
    const imported = importClean(cibOf(build(text)!));
    expect(imported.text).toContain('# Left out, maintained by Pacemaker itself: property dc-version, property have-watchdog.');
    expect(imported.text).not.toMatch(/^\s*property (dc-version|have-watchdog)/m);
    expect(imported.text).toMatch(/^\s*property cluster-name=lab$/m);
  });

  it('covers every clean fixture and 50 generated clusters', () => {
    expect(clean.filter((i) => i.name.startsWith('fixtures/')).length).toBeGreaterThanOrEqual(5);
    expect(clean.filter((i) => i.name.startsWith('generated')).length).toBe(50);
  });

  for (const { name, text } of clean) {
    it(name, () => {
      const original = build(text)!;
      const imported = importClean(cibOf(original));
      // Byte-identical artifacts, all of them (the CIB's header names the cluster and platform),
      // once what a CIB cannot hold (addresses, the pcsd password) is added back; the CIB alone
      // without it.
      expect(mustBuild(withMachineFacts(text, imported.text))).toEqual(original);
      expect(cibOf(mustBuild(imported.text))).toBe(cibOf(original));
      // The full CIB imports to the same file as the fragment.
      expect(importClean(cibOf(build(text, 'full')!)).text).toBe(imported.text);
      // The output is what hacc fmt writes, and importing again changes nothing.
      const fmt = formatHa(imported.text);
      expect(fmt.ok && fmt.changed).toBe(false);
      expect(importClean(cibOf(mustBuild(imported.text))).text).toBe(imported.text);
    });
  }
});

describe('ids hacc would not derive survive: generated CIBs with every id renamed', () => {
  // What another tool might have named: crmsh-like set ids, op ids without "interval", node ids
  // from corosync's ring address, property nvpairs named on their own.
  const rename = (xml: string) =>
    xml
      .replace(/-instance_attributes\b/g, '-params')
      .replace(/-meta_attributes\b/g, '-meta')
      .replace(/-interval-/g, '-')
      .replace(/\bcib-bootstrap-options\b/g, 'cluster-options')
      .replace(/id="cluster-options-([a-z-]+)"/g, 'id="prop-$1"')
      .replace(/<node id="(\d+)"/g, (_, n: string) => `<node id="${1084783200 + Number(n)}"`);
  for (let seed = 101; seed <= 120; seed++) {
    it(`generated seed ${seed}`, () => {
      const original = rename(cibOf(build(generateHa(seed, { resources: 6 }), 'full')!));
      const imported = importClean(original);
      expect(imported.text).toContain('$id=cluster-options');
      expect(normaliseCib(cibOf(mustBuild(imported.text, 'full')))).toBe(normaliseCib(original));
    });
  }
});

describe('a second property set after one that holds only what Pacemaker maintains', () => {
  it("keeps its nvpairs' ids: the lowered section's first set is that set", () => {
    const xml = `<cib validate-with="pacemaker-3.9"><configuration>
  <crm_config>
    <cluster_property_set id="cib-bootstrap-options"><nvpair id="o-dc" name="dc-version" value="2.1.5"/></cluster_property_set>
    <cluster_property_set id="set01"><nvpair id="nv.1" name="cluster-delay" value="180s"/><nvpair id="nv.2" name="stonith-enabled" value="false"/></cluster_property_set>
  </crm_config>
  <nodes/><resources/><constraints/>
</configuration></cib>`;
    const imported = importClean(xml);
    expect(imported.text).toContain('$id.cluster-delay=nv.1 $id.stonith-enabled=nv.2');
    const built = readCib(parseXml(cibOf(mustBuild(imported.text)))).cib.configuration.crmConfig;
    expect(built.map((set) => [set.id, set.pairs.map((pair) => `${pair.id}:${pair.name}`)])).toEqual([['set01', ['nv.1:cluster-delay', 'nv.2:stonith-enabled']]]);
  });
});

describe('a colocation without a score', () => {
  it('is score 0 to Pacemaker (char2score of nothing), so it is written score=0 and said', () => {
    const xml = `<cib validate-with="pacemaker-3.9"><configuration><crm_config/><nodes/>
  <resources>
    <primitive id="a" class="ocf" provider="pacemaker" type="Dummy"/>
    <primitive id="b" class="ocf" provider="pacemaker" type="Dummy"/>
  </resources>
  <constraints><rsc_colocation id="a-with-b" rsc="a" with-rsc="b"/></constraints>
</configuration></cib>`;
    const r = importCib(xml, { catalogue });
    expect(r.unsupported).toEqual([]);
    expect(r.ignored.map((u) => `${u.what} ${u.id}`)).toEqual(['rsc_colocation a-with-b']);
    expect(r.text).toContain('colocation a-with-b a with b score=0\n');
    const built = readCib(parseXml(cibOf(build(r.text)!))).cib.configuration.constraints;
    expect(built.map((c) => (c.kind === 'rsc_colocation' ? c.score : c.kind))).toEqual(['0']);
  });
});

describe('hand-written CIBs: build(import(cib)) is the same configuration', () => {
  for (const name of ['odd-but-legal', 'crmsh-style']) {
    const path = `fixtures/cib/${name}.xml`;
    it(`${path} (attribute order and white space aside)`, async () => {
      const xml = readFileSync(path, 'utf8');
      const imported = importClean(xml);
      await expect(imported.text).toMatchFileSnapshot(`./import-expected/${name}.ha`);
      expect(normaliseCib(cibOf(mustBuild(imported.text, 'full')))).toBe(normaliseCib(xml));
      expect(normaliseCib(cibOf(mustBuild(imported.text, 'fragment')))).toBe(normaliseCib(xml));
    });
  }

  it('odd-but-legal keeps every odd detail, spelling out only the ids hacc would derive differently', () => {
    const { text } = importClean(readFileSync('fixtures/cib/odd-but-legal.xml', 'utf8'));
    for (const line of [
      'node alpha id=101',
      'node beta id=102',
      'node gamma id=3',
      'defaults $id=rsc-options resource-stickiness=INFINITY',
      'params $id=frob-params 10=ten 2nd=second mode="fast and loose"',
      'op monitor interval=1h',
      'op monitor interval=P30S role=Stopped timeout=15s id=frob-monitor-stopped',
      'op reload enabled=false',
      'op start interval=0',
      'op monitor interval=10s timeout=20s OCF_CHECK_LEVEL=10',
      'meta $id=svc-options target-role=Started',
      'location svc-not-gamma svc resource-discovery=never avoids gamma',
      'location frob-zero frob role=Started prefers beta=0',
      'order svc-then-frob svc then frob first-action=stop then-action=stop kind=Optional symmetrical=false',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toMatch(/\$id=cib-bootstrap-options|\$id=frob-meta_attributes|id=frob-monitor-interval-1h|id=svc-ip-/);
  });
});

describe('unsupported parts', () => {
  it('a location with a lifetime: exit 1, named with id and XPath, nothing written (the clone beside it imports)', async () => {
    const out = tmp.write('placeholder', '');
    const target = `${out}.ha`;
    const r = await runCli(['import', 'fixtures/cib/clone-and-rule.xml', '-o', target]);
    expect(r.exit).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('1 part of the CIB cannot be expressed');
    expect(r.stderr).not.toContain('ping-clone');
    expect(r.stderr).toContain("rsc_location 'vip-needs-ping': a <lifetime> inside a location, at /cib/configuration/constraints/rsc_location[@id='vip-needs-ping']");
    expect(r.stderr).toContain('--allow-partial');
    expect(r.stderr).not.toMatch(/\n\s+at .*\.(?:ts|js):\d+/);
    expect(existsSync(target)).toBe(false);
  });

  it('--allow-partial writes the rest, with the list in a comment at the top', async () => {
    const r = await runCli(['import', '--allow-partial', 'fixtures/cib/clone-and-rule.xml']);
    expect(r.exit).toBe(0);
    const top = r.stdout.slice(0, r.stdout.indexOf('\ncluster '));
    expect(top).toContain('# NOT IMPORTED');
    expect(top).not.toContain('ping-clone');
    expect(top).toContain("#   rsc_location 'vip-needs-ping': a <lifetime> inside a location, at /cib/configuration/constraints/rsc_location[@id='vip-needs-ping']");
    expect(r.stdout).toContain('location vip-prefers-node1 vip prefers node1=50');
    expect(r.stdout.slice(top.length)).toContain('clone ping-clone {\n    primitive ping ocf:pacemaker:ping {');
    expect(r.stdout.slice(top.length)).not.toContain('vip-needs-ping');
    expect(r.stderr).toContain('left out 1 part');
    mustBuild(r.stdout);

    const path = `${tmp.dir}/partial.ha`;
    const w = await runCli(['import', '--allow-partial', 'fixtures/cib/clone-and-rule.xml', '-o', path]);
    expect(w.exit).toBe(0);
    expect(w.stdout).toBe('');
    expect(readFileSync(path, 'utf8')).toBe(r.stdout);
  });

  it('every construct the language once lacked has a form now: nothing is listed', () => {
    const r = importCib(readFileSync('fixtures/cib/unsupported-everything.xml', 'utf8'), { catalogue });
    const listed = r.unsupported.map((u) => `${u.what} ${u.id ?? '-'} ${u.xpath}`);
    expect(listed).toEqual([]);
    // A group's instance attributes, which its primitives inherit, are its params (issue 21).
    expect(r.text).toMatch(/group grp \{\n[^]*\n {4}params fake=x\n {2}\}/);
    // An op's own params and meta have a place now: op monitor … { params depth=1 meta $id=d1-monitor-meta x=y }.
    expect(r.unsupported.filter((u) => u.xpath.includes('/op['))).toEqual([]);
    // (x=y is no op meta attribute Pacemaker knows: HA208, silenced where it stands.)
    expect(r.text).toMatch(/op monitor interval=10s[^\n]*\{\n\s+params depth=1\n\s+# hacc-ignore HA208\n\s+meta \$id=d1-monitor-meta x=y\n\s+\}/);
    // What can be expressed is still there.
    expect(r.text).toContain('params pcmk_host_list="node1 node2"');
    expect(r.text).toContain('primitive d1 ocf:pacemaker:Dummy');
    expect(r.text).toContain('promotable stateful-master {');
    // Bundles and ACLs have a form now (issue 21).
    expect(listed.filter((l) => l.includes('acl'))).toEqual([]);
    expect(r.text).toContain('acl-role read-only {\n    read xpath=/cib\n  }');
    expect(listed.filter((l) => l.includes('bundle'))).toEqual([]);
    expect(r.text).toContain("bundle httpd-bundle {\n    container podman image=pcmk:httpd replicas=1\n  }");
    // Templates, descriptions, sets with rules, second sets and a primitive's utilization have a form now (issue 19).
    expect(listed.filter((l) => l.includes('@description'))).toEqual([]);
    expect(listed.filter((l) => l.includes('template'))).toEqual([]);
    expect(r.text).toContain('template dummy-template ocf:pacemaker:Dummy');
    expect(r.text).toContain('primitive from-template @dummy-template');
    expect(listed.filter((l) => /night-options|fence1-more|fence1-utilization|d1-meta_attributes/.test(l))).toEqual([]);
    expect(r.text).toContain('property $id=night-options rule id=night-rule score=0 date-spec hours=0-6 { batch-limit=50 }');
    expect(r.text).toContain('    utilization cpu=1\n    params $id=fence1-more { delay=5 }');
    expect(r.text).toContain('meta $id=d1-meta_attributes rule id=d1-meta-rule score=0 "#uname" eq node1 { resource-stickiness=0 }');
    // Node attributes and utilization have a form now (issue 19).
    expect(listed.filter((l) => l.includes('/nodes/'))).toEqual([]);
    expect(r.text).toContain('node node1 {\n    attributes standby=on\n  }');
    expect(r.text).toContain('node node2 {\n    utilization cpu=8\n  }');
    // Resource sets have a form now (issue 19): one set alone, with an id build would not derive.
    expect(listed.filter((l) => l.includes('set-colocation'))).toEqual([]);
    expect(r.text).toContain('colocation set-colocation { d1 fence1 id=set-colocation-set }');
    // Tags have a form now (issue 19).
    expect(listed.filter((l) => l.includes('/tags'))).toEqual([]);
    expect(r.text).toContain('tag all-dummies { d1 }');
    // A ticket has a form now (issue 19).
    expect(listed.filter((l) => l.includes('ticket-a'))).toEqual([]);
    expect(r.text).toContain('ticket ticket-a d1 needs ticketA');
    // A location over a resource pattern has a form now (issue 19).
    expect(listed.filter((l) => l.includes('pattern-location'))).toEqual([]);
    expect(r.text).toContain('location pattern-location rsc-pattern=^d prefers node1=10');
    // A colocation's node-attribute has a form now (issue 19): the constraint comes back.
    expect(listed.filter((l) => l.includes('by-rack'))).toEqual([]);
    expect(r.text).toContain('colocation by-rack d1 with fence1 score=100 node-attribute=rack');
    // The fencing topology has a form now (issue 20): the level comes back, with the id build derives.
    expect(r.unsupported.filter((u) => u.xpath.includes('fencing'))).toEqual([]);
    expect(r.text).toContain('fencing-level 1 node1 fence1\n');
    // And alerts (issue 20): this one comes back whole.
    expect(r.unsupported.filter((u) => u.xpath.includes('alert'))).toEqual([]);
  });

  it("a constraint on a resource named like a keyword (group, as in Pacemaker's own tests) reads back", () => {
    const xml = `<configuration><crm_config/><nodes><node id="1" uname="a"/></nodes><resources>
      <primitive id="group" class="ocf" provider="pacemaker" type="Dummy"/><primitive id="b" class="ocf" provider="pacemaker" type="Dummy"/></resources>
      <constraints><rsc_order id="o" first="b" then="group"/><rsc_colocation id="c" rsc="group" with-rsc="b" score="INFINITY"/></constraints></configuration>`;
    const r = importCib(xml, { catalogue });
    expect(r.unsupported).toEqual([]);
    expect(r.text).toContain('order o b then group');
    expect(r.text).toContain('colocation c group with b');
  });

  it('names that cannot be .ha words, and values with control characters, are listed too', () => {
    const xml = `<configuration><crm_config/><nodes><node id="1" uname="start"/></nodes><resources>
      <primitive id="p" class="ocf" provider="pacemaker" type="Dummy">
        <instance_attributes id="p-ia"><nvpair id="p-ia-a" name="a b" value="1"/><nvpair id="p-ia-c" name="c" value="x&#13;y"/></instance_attributes>
      </primitive></resources>
      <constraints><rsc_location id="l" rsc="p" node="start" score="1"/></constraints></configuration>`;
    const r = importCib(xml, { catalogue });
    expect(r.unsupported.map((u) => `${u.what} ${u.id}: ${u.reason}`)).toEqual([
      "nvpair p-ia-a: the name 'a b' cannot be written as a .ha key",
      'nvpair p-ia-c: a value with control characters',
      "rsc_location l: the node name 'start' is a .ha keyword or not a word",
    ]);
    expect(r.text).toContain('node start');
  });
});

describe('secrets', () => {
  const xml = readFileSync('fixtures/cib/secrets.xml', 'utf8');

  it('become env: references with derived names, listed at the top, never copied', async () => {
    const r = await runCli(['import', 'fixtures/cib/secrets.xml']);
    expect(r.exit).toBe(0);
    for (const value of ['s3cr3t-ipmi-one', 's3cr3t', 'repl-pa55']) {
      expect(r.stdout).not.toContain(value);
      expect(r.stderr).not.toContain(value);
    }
    expect(r.stdout).toContain('params ip=10.0.1.1 password=env:HACC_FENCE_NODE1_PASSWORD pcmk_host_list=node1 username=admin');
    expect(r.stdout).toContain('params replication_passwd=env:HACC_DB_REPLICATION_PASSWD replication_user=repl');
    expect(r.stdout).toContain('#   HACC_FENCE_NODE1_PASSWORD   password of fence-node1');
    expect(r.stdout).toContain('#   HACC_FENCE_NODE2_PASSWORD   password of fence-node2');
    expect(r.stdout).toContain('#   HACC_DB_REPLICATION_PASSWD  replication_passwd of db');
    expect(r.stderr).toContain('3 secrets of the CIB replaced by environment variables');
    // No HA501, and the CIB hacc builds from it holds the comment, not the value.
    const built = cibOf(mustBuild(r.stdout));
    expect(built).toContain('<!-- password: set by the setup script from env:HACC_FENCE_NODE1_PASSWORD -->');
    expect(built).not.toContain('s3cr3t');
  });

  it('the rest of the configuration is the same', () => {
    const { text, secrets } = importClean(xml);
    expect(secrets.map((s) => `${s.variable}=${s.resource}.${s.param}`)).toEqual([
      'HACC_FENCE_NODE1_PASSWORD=fence-node1.password',
      'HACC_FENCE_NODE2_PASSWORD=fence-node2.password',
      'HACC_DB_REPLICATION_PASSWD=db.replication_passwd',
    ]);
    const withoutSecrets = (s: string) => s.split('\n').filter((l) => !/name="(password|replication_passwd)"/.test(l)).join('\n');
    expect(normaliseCib(cibOf(mustBuild(text)))).toBe(withoutSecrets(normaliseCib(xml)));
  });

  it('two resources whose names give the same variable get distinct ones', () => {
    const fence = (id: string) => `<primitive id="${id}" class="stonith" type="fence_ipmilan"><instance_attributes id="${id}-ia">
      <nvpair id="${id}-ia-password" name="password" value="x"/></instance_attributes></primitive>`;
    const r = importClean(`<configuration><crm_config/><nodes/><resources>${fence('f-a')}${fence('f_a')}</resources><constraints/></configuration>`);
    expect(r.secrets.map((s) => s.variable)).toEqual(['HACC_F_A_PASSWORD', 'HACC_F_A_PASSWORD_2']);
  });
});

describe('remote and guest nodes', () => {
  const xml = `<cib validate-with="pacemaker-3.9"><configuration><crm_config/>
<nodes><node id="1" uname="a"/><node id="2" uname="b"/>
<node id="rnode1" uname="rnode1" type="remote"><instance_attributes id="nodes-rnode1"><nvpair id="nodes-rnode1-rack" name="rack" value="2"/></instance_attributes></node>
<node id="guest1" uname="guest1" type="remote"/></nodes>
<resources>
<primitive id="rnode1" class="ocf" provider="pacemaker" type="remote"><instance_attributes id="rnode1-instance_attributes"><nvpair id="rnode1-instance_attributes-server" name="server" value="10.0.0.60"/></instance_attributes></primitive>
<primitive id="vm1" class="ocf" provider="heartbeat" type="VirtualDomain"><instance_attributes id="vm1-instance_attributes"><nvpair id="vm1-instance_attributes-config" name="config" value="/etc/libvirt/qemu/vm1.xml"/></instance_attributes><meta_attributes id="vm1-meta_attributes"><nvpair id="vm1-meta_attributes-remote-node" name="remote-node" value="guest1"/></meta_attributes></primitive>
<primitive id="web" class="ocf" provider="heartbeat" type="apache"/>
</resources>
<constraints><rsc_location id="web-on-guest" rsc="web" node="guest1" score="100"/><rsc_location id="web-on-rack2" rsc="web"><rule id="web-on-rack2-rule" score="50"><expression id="web-on-rack2-rule-expr" attribute="rack" operation="eq" value="2"/></rule></rsc_location></constraints>
</configuration><status/></cib>`;

  it('their <node type="remote"> entries become node NAME type=remote, and build gives them back', () => {
    const { text } = importCib(xml, { catalogue, target: 'el9' });
    expect(text).toContain('node rnode1 type=remote {\n    attributes rack=2\n  }');
    expect(text).toContain('node guest1 type=remote\n');
    const cib = cibOf(mustBuild(text, 'full'));
    expect(cib).toContain('<node id="rnode1" uname="rnode1" type="remote">');
    expect(cib).toContain('<node id="guest1" uname="guest1" type="remote"/>');
  });

  it('a location may name a remote or guest node with or without an entry; an unknown name stays HA103', () => {
    const base = (where: string) => `cluster c {
  node a
  property stonith-enabled=false
  primitive rnode1 ocf:pacemaker:remote { params server=10.0.0.60 }
  primitive vm1 ocf:heartbeat:VirtualDomain {
    params config=/etc/libvirt/qemu/vm1.xml
    meta remote-node=guest1
  }
  primitive web ocf:heartbeat:apache
  location l web prefers ${where}
}
`;
    const errors = (t: string) => checkText(t, 'x.ha', { catalogue }).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);
    expect(errors(base('guest1'))).toEqual([]);
    expect(errors(base('rnode1'))).toEqual([]);
    expect(errors(base('guest2'))).toEqual(["HA103 unknown node 'guest2'"]);
  });

  it('a remote entry is no corosync member: no node id, no vote', () => {
    const r = checkText(`cluster c {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  node r1 type=remote
  property stonith-enabled=false
  primitive r1 ocf:pacemaker:remote { params server=10.0.0.60 }
}
`, 'x.ha', { catalogue });
    expect(r.checked?.nodes.map((n) => n.name)).toEqual(['a', 'b']);
    expect(r.checked?.remoteNodes.map((n) => n.name)).toEqual(['r1']);
    const script = emitAll(r.checked!, catalogue, {}).find((a) => a.path === 'setup.sh')!.contents;
    expect(script).toContain('readonly NODES=(a b)\n');
    expect(script).toContain('pcs cluster setup --start -- c a addr=10.0.0.1 b addr=10.0.0.2\n');
    expect(script).toContain(`add_node r1 '<node id="r1" uname="r1" type="remote"/>'`);
  });
});

describe('parts Pacemaker ignores, and a set rule\'s score', () => {
  const xml = `<cib validate-with="pacemaker-3.0"><configuration><crm_config/><nodes><node id="1" uname="a"/></nodes>
<resources><primitive id="web" class="ocf" provider="heartbeat" type="apache">
<instance_attributes id="web-instance_attributes"><nvpair id="web-cf" name="configfile"/><nvpair id="web-su" name="statusurl" value="http://localhost/one"/><nvpair id="web-su2" name="statusurl" value="http://localhost/two"/></instance_attributes>
<instance_attributes id="web-on-a" score="2"><rule id="web-on-a-rule" score="0"><expression id="web-on-a-expr" attribute="#uname" operation="eq" value="a"/></rule><nvpair id="web-on-a-port" name="port" value="8080"/></instance_attributes>
</primitive></resources><constraints/></configuration><status/></cib>`;

  it('an nvpair without a value and a second one of a name are left out and listed, not refused', async () => {
    const path = tmp.write('ignored.xml', xml);
    const r = await runCli(['import', path]);
    expect(r.exit).toBe(0);
    expect(r.stderr).toContain("hacc: left out 2 parts of the CIB Pacemaker ignores (listed at the top of the file):\n  nvpair 'web-cf': an nvpair without a value, which Pacemaker skips, at /cib/configuration/resources/primitive[@id='web']/instance_attributes[@id='web-instance_attributes']/nvpair[@id='web-cf']");
    expect(r.stdout).toContain('# Left out, ignored by Pacemaker (this file is equivalent to the CIB, not identical):');
    expect(r.stdout).toContain("second 'statusurl' in one attribute set, which Pacemaker skips (it takes the first)");
    // Pacemaker takes the first of two values.
    expect(r.stdout).toContain('    params statusurl=http://localhost/one $id.statusurl=web-su\n');
    expect(r.stdout).not.toContain('configfile');
  });

  it("a set rule's score (the schema's before pacemaker-3.9) is kept and built back", () => {
    const { text } = importCib(xml, { catalogue });
    expect(text).toContain('params $id=web-on-a $score=2 rule score=0 "#uname" eq a { port=8080 }');
    expect(cibOf(mustBuild(text, 'full'))).toContain('<rule id="web-on-a-rule" boolean-op="and" score="0">');
  });
});

describe('faithful even when hacc check would object', () => {
  it('writes the file, silencing each error where it stands and listing it in the header', async () => {
    const path = `${tmp.dir}/problems.ha`;
    const r = await runCli(['import', 'fixtures/cib/checker-problems.xml', '-o', path]);
    expect(r.exit).toBe(0);
    expect(r.stderr).toContain('hacc: 4 errors hacc check finds in this cluster (HA103, HA201, HA204, HA401) silenced with # hacc-ignore where they stand');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('op mointor interval=10s timeout=20s');
    expect(text).toContain('params device=/dev/sdb1 directory=/srv/data fstype=xfs');
    expect(text).toMatch(/# hacc-ignore HA401\ncluster /);
    expect(text).toMatch(/ {4}# hacc-ignore HA201\n {4}op mointor /);
    expect(text).toContain("#   HA103 unknown node 'node3'");
    // The file builds as the cluster runs: warnings only (HA306: a CIB has no node addresses).
    const check = await runCli(['check', path]);
    expect(check.exit).toBe(0);
    expect(checkText(text, path, { catalogue }).diagnostics.map((d) => d.code)).toEqual(['HA306', 'HA306', 'HA210']);
    // Without the comments, hacc check finds them again.
    const bare = text.replace(/^ *# hacc-ignore .*\n/gm, '');
    expect(checkText(bare, path, { catalogue }).diagnostics.map((d) => d.code)).toEqual(['HA401', 'HA306', 'HA306', 'HA204', 'HA201', 'HA210', 'HA103']);
  });
  it('silences each error where it stands when the header grows after the file was checked (a part it cannot rebuild)', () => {
    // An op without an interval is found only by comparing the lowered file with the CIB: its line
    // joins the header after the check, and every line below moves.
    const xml = readFileSync('fixtures/cib/checker-problems.xml', 'utf8').replace(/(<op id="vip-mointor-interval-10s"[^>]*\/>)/, '$1<op id="vip-start" name="start" timeout="20s"/>');
    const r = importCib(xml, { catalogue });
    expect(r.unsupported.map((u) => `${u.what} ${u.id}: ${u.reason}`)).toEqual(['op vip-start: an op without an interval (hacc would give it one)']);
    expect(r.text).toContain("#   op 'vip-start': an op without an interval");
    expect(r.silenced.map((d) => d.code).sort()).toEqual(['HA103', 'HA201', 'HA204', 'HA401']);
    // With the comments, no error is left; without them, exactly the silenced ones come back.
    const errors = (text: string) => checkText(text, 'imported.ha', { catalogue }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code).sort();
    expect(errors(r.text)).toEqual([]);
    expect(errors(r.text.replace(/^ *# hacc-ignore .*\n/gm, ''))).toEqual(['HA103', 'HA201', 'HA204', 'HA401']);
    expect(r.text).toMatch(/ {4}# hacc-ignore HA201\n {4}op mointor /);
  });
});

describe('malformed input', () => {
  it('XML that is not well-formed: exit 2, the position, no stack trace', async () => {
    const path = tmp.write('broken.xml', '<cib>\n  <configuration>\n    <nodes>\n  </configuration>\n</cib>\n');
    const r = await runCli(['import', path]);
    expect(r.exit).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`hacc: ${path}:4:18: not well-formed XML: unexpected close tag: 'nodes' (line 3) is not closed before it\n`);
  });

  for (const [what, input, message] of [
    ['empty input', '', /<stdin>:1:1: not well-formed XML/],
    ['text', 'not xml at all', /<stdin>:1:\d+: not well-formed XML: text data outside of root node/],
    ['an unknown entity', '<configuration a="&nope;"/>', /<stdin>:1:19: not well-formed XML: reference '&nope;' names no character/],
    ['a DOCTYPE', '<!DOCTYPE cib [<!ENTITY x "y">]><cib/>', /<stdin>:1:1: not well-formed XML: a DOCTYPE is not allowed/],
    ['another XML document', '<html><body/></html>', /<stdin>: not a CIB: the root element is <html>/],
    ['a CIB without configuration', '<cib><status/></cib>', /<stdin>: not a CIB: the <cib> has no <configuration>/],
  ] as const) {
    it(`${what}: exit 2 with one clear line`, async () => {
      const r = await runCli(['import', '-'], { stdin: input });
      expect(r.exit).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('a missing file: exit 2', async () => {
    const r = await runCli(['import', `${tmp.dir}/nope.xml`]);
    expect(r.exit).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*nope\.xml: no such file/);
  });
});

describe('name, platform and XML details', () => {
  const bare = (crm: string, attrs = '') =>
    `<cib validate-with="pacemaker-3.9"${attrs}><configuration><crm_config><cluster_property_set id="cib-bootstrap-options">${crm}</cluster_property_set></crm_config><nodes/><resources/><constraints/></configuration></cib>`;

  it('the platform: --target, else the dc-version, else an old schema; else none, and a note says so', () => {
    const dc = bare('<nvpair id="o-dc" name="dc-version" value="1.1.23-1.el7_9.1-9acf116022"/><nvpair id="cib-bootstrap-options-stonith-enabled" name="stonith-enabled" value="false"/>').replace(
      'pacemaker-3.9',
      'pacemaker-2.10',
    );
    const el7 = importClean(dc);
    expect(el7.text).toContain('platform el7');
    expect(el7.text).toContain('# Left out, maintained by Pacemaker itself: property dc-version.');
    expect(el7.text).not.toMatch(/^\s*property dc-version/m);
    expect(importCib(dc, { catalogue, target: 'el8' }).text).toContain('platform el8');
    expect(importClean(bare('').replace('pacemaker-3.9', 'pacemaker-2.10')).text).toContain('platform el7');
    const none = importClean(bare(''));
    expect(none.text).not.toMatch(/^\s*platform /m);
    expect(none.text).toContain('hacc assumes el9');
    // A Pacemaker 1.1 dc-version beside a 3.x schema: a CIB upgraded since (Pacemaker's own scheduler
    // tests), which no el7 cluster could load; the dc-version says nothing then.
    const upgraded = importClean(dc.replace('pacemaker-2.10', 'pacemaker-3.7'));
    expect(upgraded.text).not.toMatch(/^\s*platform /m);
    const el8 = bare('<nvpair id="o-dc" name="dc-version" value="2.1.7-5.el8_10-0f7f88312"/>');
    expect(importClean(el8).text).toContain('platform el8');
    // Pacemaker 3: RHEL 10's dc-version; a pacemaker-4.0 CIB without one is el10's (only Pacemaker 3 loads it),
    // and an el9 dc-version cannot stand beside it.
    const el10 = bare('<nvpair id="o-dc" name="dc-version" value="3.0.1-3.el10-8f7e1a4"/>').replace('pacemaker-3.9', 'pacemaker-4.0');
    expect(importClean(el10).text).toContain('platform el10');
    expect(importClean(bare('').replace('pacemaker-3.9', 'pacemaker-4.0')).text).toContain('platform el10');
    expect(importClean(el8.replace('pacemaker-3.9', 'pacemaker-4.0')).text).toContain('platform el10');
  });

  it('an nvpair id hacc would not derive is kept with $id.NAME=', () => {
    const xml = bare('<nvpair id="my-stonith" name="stonith-enabled" value="false"/>');
    const r = importClean(xml);
    expect(r.text).toContain('property stonith-enabled=false $id.stonith-enabled=my-stonith');
    expect(normaliseCib(cibOf(mustBuild(r.text)))).toBe(normaliseCib(xml));
  });

  it("an op's params and meta with ids that do not follow its op keep them", () => {
    const xml = `<configuration><crm_config/><nodes/><resources><primitive id="p" class="ocf" provider="pacemaker" type="Dummy"><operations>
      <op id="p-mon" name="monitor" interval="10s"><instance_attributes id="p-mon-depth"><nvpair id="p-mon-depth-level" name="OCF_CHECK_LEVEL" value="10"/><nvpair id="p-mon-trace" name="trace_ra" value="1"/></instance_attributes><meta_attributes id="p-mon-meta"><nvpair id="p-mon-meta-timeout" name="timeout" value="30s"/></meta_attributes></op>
      </operations></primitive></resources><constraints/></configuration>`;
    const r = importCib(xml, { catalogue });
    expect(r.unsupported).toEqual([]);
    expect(r.text).toContain('op monitor interval=10s OCF_CHECK_LEVEL=10 id=p-mon {');
    expect(normaliseCib(cibOf(mustBuild(r.text)))).toBe(normaliseCib(xml));
  });

  it('the name: --name, else the cluster-name property, else cluster; never a rewritten one', () => {
    const named = bare('<nvpair id="cib-bootstrap-options-cluster-name" name="cluster-name" value="prod-db"/>');
    expect(importClean(named).text).toContain('cluster prod-db {');
    const spaced = bare('<nvpair id="cib-bootstrap-options-cluster-name" name="cluster-name" value="prod db"/>');
    expect(() => importCib(spaced, { catalogue })).toThrow(ImportNameError);
    expect(importCib(spaced, { catalogue, name: 'other' }).text).toContain('cluster other {');
    expect(importCib(spaced, { catalogue, name: 'other' }).text).toContain('property cluster-name="prod db"');
    expect(importClean(bare('')).text).toContain('cluster cluster {');
  });

  it('attribute values read as XML defines them: character references decoded, literal line breaks are spaces', () => {
    const xml = `<configuration><crm_config/><nodes/><resources><primitive id="p" class="ocf" provider="pacemaker" type="Dummy">
      <meta_attributes id="p-meta_attributes"><nvpair id="p-meta_attributes-description" name="description" value="a&#10;b&#9;c &quot;q&quot; &lt;&amp;&gt; d
e"/></meta_attributes></primitive></resources><constraints/></configuration>`;
    expect(importClean(xml).text).toContain('meta description="a\\nb\\tc \\"q\\" <&> d e"');
  });
});

describe('the language extensions import relies on', () => {
  const file = (body: string) => `cluster lab {\n  node a addr=10.0.0.1/24\n  node b addr=10.0.0.2/24\n  property stonith-enabled=false\n${body}}\n`;
  const cib = (text: string) => cibOf(mustBuild(text));

  it('node id=, $id= on attribute sets, op id=, default-ops none, location role/resource-discovery, order actions', () => {
    const xml = cib(`cluster lab {
  node a id=7
  node b
  property $id=opts stonith-enabled=false
  defaults $id=rsc-options resource-stickiness=1
  op-defaults $id=op-options timeout=30s
  group g {
    primitive p ocf:pacemaker:Dummy {
      params $id=p-params fake=1
      meta $id=p-meta target-role=Stopped
      op monitor interval=10s id=p-mon OCF_CHECK_LEVEL=1
      default-ops none
    }
    meta $id=g-meta target-role=Started
  }
  promotable db-clone {
    primitive db ocf:pacemaker:Stateful {
      op monitor interval=10s role=Promoted
      op monitor interval=11s role=Unpromoted
      default-ops none
    }
  }
  location l db-clone role=Promoted resource-discovery=exclusive prefers a=5
  order o db-clone then g first-action=promote then-action=start
}
`);
    for (const s of [
      '<node id="7" uname="a"/>',
      '<node id="1" uname="b"/>',
      '<cluster_property_set id="opts">',
      '<nvpair id="opts-stonith-enabled"',
      '<meta_attributes id="rsc-options">',
      '<meta_attributes id="op-options">',
      '<instance_attributes id="p-params">',
      '<nvpair id="p-params-fake" name="fake" value="1"/>',
      '<meta_attributes id="p-meta">',
      '<op id="p-mon" name="monitor" interval="10s">',
      '<instance_attributes id="p-mon-instance_attributes">',
      '<meta_attributes id="g-meta">',
      '<rsc_location id="l" rsc="db-clone" node="a" score="5" role="Promoted" resource-discovery="exclusive"/>',
      '<rsc_order id="o" first="db-clone" first-action="promote" then="g" then-action="start"/>',
    ]) {
      expect(xml).toContain(s);
    }
    expect(xml.match(/<op /g)).toHaveLength(3);
  });

  it('$id.NAME= names one nvpair', () => {
    const xml = cib(file('  primitive p ocf:pacemaker:Dummy {\n    params fake=1 state=/run/p $id.fake=p-fake\n  }\n').replace('property stonith-enabled=false', 'property stonith-enabled=false $id.stonith-enabled=fencing-off'));
    expect(xml).toContain('<nvpair id="p-fake" name="fake" value="1"/>');
    expect(xml).toContain('<nvpair id="p-instance_attributes-state" name="state" value="/run/p"/>');
    expect(xml).toContain('<nvpair id="fencing-off" name="stonith-enabled" value="false"/>');
  });

  it('derived ids step around explicit ones', () => {
    const xml = cib(file('  primitive p ocf:pacemaker:Dummy {\n    params fake=1\n    op monitor interval=10s id=p-instance_attributes\n    default-ops none\n  }\n'));
    expect(xml).toContain('<instance_attributes id="p-instance_attributes-1">');
  });

  it('is checked: invalid and duplicate ids, node ids, values', () => {
    const codes = (text: string) => checkText(text, 'x.ha', { catalogue }).diagnostics.map((d) => `${at(text)(d).line} ${d.code}`);
    // Any CIB id is a node's id=; one that is no corosync node id is HA106 (a warning).
    expect(codes(file('  node c addr=10.0.0.3/24 id=x\n'))).toEqual(['5 HA106']);
    expect(codes(file('  node c addr=10.0.0.3/24 id=1\n  node d addr=10.0.0.4/24 id=1\n'))).toEqual(['6 HA101']);
    expect(codes(file('  primitive p ocf:pacemaker:Dummy {\n    params $id=p fake=1\n  }\n'))).toEqual(['6 HA101']);
    expect(codes(file('  primitive p ocf:pacemaker:Dummy {\n    meta $id=1x\n    op monitor interval=10s id=a:b\n  }\n'))).toEqual(['6 HA102', '7 HA102']);
    expect(codes(file('  primitive p ocf:pacemaker:Dummy {\n    params $id=x $id=y\n  }\n'))).toEqual(['6 HA001']);
    expect(codes(file('  primitive p ocf:pacemaker:Dummy {\n    default-ops all\n  }\n'))).toEqual(['6 HA001']);
    expect(codes(file('  primitive p ocf:pacemaker:Dummy\n  location l p role=Boss prefers a\n  order o p then p first-action=begin\n'))).toEqual(['6 HA205', '7 HA104', '7 HA205']);
    expect(codes(file('  location l p rol=Started prefers a\n'))).toContain('5 HA001');
  });

  it('formats canonically: $id= first, $id.NAME= last, default-ops on its own line, location attributes before prefers', () => {
    const r = formatHa('cluster lab {\n  defaults  $id.a=y a=1   $id=x\n  primitive p ocf:pacemaker:Dummy { params  b=2 $id=y   default-ops   none }\n  location l p   role=Started prefers a\n}\n');
    expect(r.ok && r.text).toBe(
      'cluster lab {\n  defaults $id=x a=1 $id.a=y\n  primitive p ocf:pacemaker:Dummy {\n    params $id=y b=2\n    default-ops none\n  }\n  location l p role=Started prefers a\n}\n',
    );
  });
});

describe('import of a hostile or unusual CIB: exact, or a clear refusal', () => {
  const cib = (crm: string, resources: string) =>
    `<cib validate-with="pacemaker-3.9" epoch="1" num_updates="0" admin_epoch="0"><configuration><crm_config><cluster_property_set id="cib-bootstrap-options">${crm}<nvpair id="o-se" name="stonith-enabled" value="false"/></cluster_property_set></crm_config><nodes><node id="1" uname="a"/></nodes><resources>${resources}</resources><constraints/></configuration><status/></cib>\n`;
  const dummy = (pairs: string) => `<primitive id="d" class="ocf" provider="pacemaker" type="Dummy"><instance_attributes id="d-ia">${pairs}</instance_attributes></primitive>`;

  it('an nvpair left out of a set of its own (a scored second set) is listed once, the rest of the set kept', () => {
    const r = importCib(cib('', '<primitive id="d" class="ocf" provider="pacemaker" type="Dummy"><instance_attributes id="d-ia2" score="5"><nvpair id="d-x" name="x y" value="1"/><nvpair id="d-y" name="fake" value="1"/></instance_attributes></primitive>'), { catalogue });
    expect(r.unsupported.filter((u) => u.id === 'd-x')).toHaveLength(1);
    expect(r.text).toContain('params $id=d-ia2 $score=5 { fake=1 $id.fake=d-y }');
  });

  it('a cluster-name the language cannot hold is refused with what to do, never rewritten', async () => {
    const file = tmp.write('name.xml', cib('<nvpair id="o-cn" name="cluster-name" value="ha$(id)"/>', ''));
    const r = await runCli(['import', file]);
    expect(r).toEqual({
      exit: 2,
      stdout: '',
      stderr: `hacc: ${file}: the CIB's cluster-name 'ha$(id)' is not a name a .ha file can give a cluster (letters, digits, '-', '_' and '.', not '-' or '.' at either end), at /cib/configuration/crm_config/cluster_property_set[@id='cib-bootstrap-options']/nvpair[@id='o-cn']: give one with --name NAME\n`,
    });
    const named = await runCli(['import', file, '--name', 'lab']);
    expect(named.exit).toBe(0);
    expect(named.stdout).toContain('cluster lab {');
  });

  it('a name with a line break is listed on one line, the break escaped (the message and the header comment)', async () => {
    const file = tmp.write('break.xml', cib('', dummy('<nvpair id="d-ia-x" name="a&#10;b&#9;c" value="1"/>')));
    const r = await runCli(['import', file]);
    expect(r.exit).toBe(1);
    expect(r.stderr).toContain("  nvpair 'd-ia-x': the name 'a\\nb\\tc' cannot be written as a .ha key, at /cib/configuration/resources/primitive[@id='d']/instance_attributes[@id='d-ia']/nvpair[@id='d-ia-x']\n");
    const partial = await runCli(['import', '--allow-partial', file]);
    expect(partial.exit).toBe(0);
    expect(partial.stdout).toContain("#   nvpair 'd-ia-x': the name 'a\\nb\\tc' cannot be written as a .ha key, at /cib/");
  });

  it('a character reference to a character XML does not allow (a lone surrogate) is not well-formed XML: exit 2', async () => {
    const file = tmp.write('surrogate.xml', cib('', dummy('<nvpair id="d-ia-fake" name="fake" value="x&#xD800;y"/>')));
    const r = await runCli(['import', file]);
    expect(r.exit).toBe(2);
    expect(r.stderr).toMatch(/^hacc: .*surrogate\.xml:1:\d+: not well-formed XML: reference '&#xD800;' refers to a character XML does not allow/);
  });

  it('values come back byte for byte: leading and trailing spaces, quotes, non-ASCII', () => {
    const { text } = importClean(cib('', dummy('<nvpair id="d-ia-fake" name="fake" value="  two  spaces  "/><nvpair id="d-ia-state" name="state" value=" &quot;q&quot; caf&#233; "/>')));
    expect(text).toContain('fake="  two  spaces  "');
    expect(text).toContain('state=" \\"q\\" café "');
    expect(normaliseCib(cibOf(mustBuild(text.replace('node a', 'node a addr=10.0.0.1/24'))))).toContain('value="  two  spaces  "');
  });

  it('a rule holding only a nested rule with an id of its own reads back and builds back (property test counterexample)', () => {
    // location-date-rules-1.xml with the rule's first expression dropped: the printed expression
    // opens with `(id=`, which the rule's own pairs once took for a key (HA001, exit 70).
    const nested = (id: string, rule: string, until: string) =>
      `<rsc_location id="${id}" rsc="d"><rule id="${rule}" score="INFINITY"><rule id="${until}" score="INFINITY"><date_expression id="${until}-expr" operation="lt" end="2031-01-01"/></rule></rule></rsc_location>`;
    const locations = nested('d-until', 'd-until-rule', 'd-before-2031') + nested('d-until-2', 'rule-1-1', 'rule-1-2');
    const { text } = importClean(cib('', dummy('')).replace('<constraints/>', `<constraints>${locations}</constraints>`));
    expect(text).toContain('location d-until d rule (id=d-before-2031 date lt 2031-01-01)\n');
    expect(text).toContain('location d-until-2 d rule id=rule-1-1 (id=rule-1-2 date lt 2031-01-01)\n');
    const built = normaliseCib(cibOf(mustBuild(text.replace('node a', 'node a addr=10.0.0.1/24'))));
    // (The nested rules' scores are not imported: Pacemaker ignores them, and build writes the schema's 0.)
    const location = (id: string, rule: string, until: string) =>
      [`    <rsc_location id="${id}" rsc="d">`, `      <rule id="${rule}" score="INFINITY">`, `        <rule id="${until}" score="0">`, `          <date_expression end="2031-01-01" id="${until}-expr" operation="lt">`].join('\n');
    expect(built).toContain(`${location('d-until', 'd-until-rule', 'd-before-2031')}\n${location('d-until-2', 'rule-1-1', 'rule-1-2')}\n`);
  });

  it("ids build allocates keep their place: a rule or set after one with an id of its own, a nested rule that would merge", () => {
    // Build allocates CONSTRAINT-rule (then -1, -2 as taken): after a rule with an id of its own the
    // second rule's loc-rule-1 is not what build gives it (loc-rule), and so on for sets (o_set).
    // A nested rule whose operator is its parent's would merge into it without its id.
    const constraints = [
      '<rsc_location id="loc" rsc="d"><rule id="mine" score="INFINITY"><date_expression id="e1" operation="lt" end="2031-01-01"/></rule>',
      '<rule id="loc-rule-1" score="INFINITY"><date_expression id="e2" operation="lt" end="2031-01-01"/></rule>',
      '<rule id="loc-rule-2" boolean-op="and" score="INFINITY"><expression id="e3" attribute="rack" operation="eq" value="1"/><rule id="loc-rule-2-rule" boolean-op="and" score="0"><expression id="e4" attribute="a" operation="defined"/><expression id="e5" attribute="b" operation="defined"/></rule></rule></rsc_location>',
      '<rsc_order id="o"><resource_set id="first"><resource_ref id="d"/></resource_set><resource_set id="o_set-1"><resource_ref id="e"/></resource_set></rsc_order>',
    ].join('');
    const resources = '<primitive id="d" class="ocf" provider="pacemaker" type="Dummy"/><primitive id="e" class="ocf" provider="pacemaker" type="Dummy"/>';
    const xml = cib('', resources).replace('<constraints/>', `<constraints>${constraints}</constraints>`);
    const { text } = importClean(xml);
    expect(text).toContain('    rule id=loc-rule-1 date lt 2031-01-01\n    rule id=loc-rule-2 rack eq 1 and (id=loc-rule-2-rule defined a and defined b)\n');
    expect(text).toContain('order o { d id=first } then { e id=o_set-1 }\n');
    const ids = (x: string) => [...normaliseCib(x).matchAll(/<(?:rule|resource_set)\b[^>]*? id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(cibOf(mustBuild(text.replace('node a', 'node a addr=10.0.0.1/24'), 'full')))).toEqual(ids(xml));
    expect(ids(xml)).toEqual(['mine', 'loc-rule-1', 'loc-rule-2', 'loc-rule-2-rule', 'first', 'o_set-1']);
  });

  it('an SNMP community string becomes an env: reference, as a password does', () => {
    const fence = '<primitive id="fence-pdu" class="stonith" type="fence_apc_snmp"><instance_attributes id="fence-pdu-ia"><nvpair id="fence-pdu-ia-ip" name="ip" value="10.0.1.9"/><nvpair id="fence-pdu-ia-community" name="community" value="pdu-private"/><nvpair id="fence-pdu-ia-hl" name="pcmk_host_list" value="a"/></instance_attributes></primitive>';
    const { text, secrets } = importClean(cib('', fence));
    expect(text).not.toContain('pdu-private');
    expect(secrets.map((s) => `${s.variable}=${s.resource}.${s.param}`)).toEqual(['HACC_FENCE_PDU_COMMUNITY=fence-pdu.community']);
    expect(text).toContain('community=env:HACC_FENCE_PDU_COMMUNITY');
  });
});
