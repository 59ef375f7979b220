import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { generateBenchHa } from '../../bench/generate.js';
import { BULK_FROM } from '../../src/emit/setup-script.js';
import { cibPrimitives } from '../../src/cib/model.js';
import { shQuote } from '../../src/emit/shell.js';
import { readText } from '../../test-support/expectations.js';
import { build, pcsCalls, sandbox } from '../../test-support/setup-script-harness.js';

// A large configuration is loaded as XML (cib.xml's <resources> and <constraints>, one cibadmin
// call each) instead of one pcs command per object. The Pacemaker suite checks with the real tools
// that both ways give the same CIB; here: when each way is taken, and that the XML the script
// holds (what a reviewer reads) is cib.xml's.

const bench = (groups: number) => generateBenchHa(2, { groups, perGroup: 4 }).replace('platform el9', 'platform debian12');

/** Bash with the script's functions defined and secrets set, running `body`. */
function bashWith(script: string, body: string, secrets: Record<number, string>): string {
  const defs = script.replace(/\nmain "\$@"\n$/, '\n');
  const set = Object.entries(secrets)
    .map(([n, v]) => `SECRET_VALUE[${n}]=${shQuote(v)}`)
    .join('\n');
  const r = spawnSync('bash', ['-c', `${defs}\n${set}\n${body}`], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/** The lines of a section of cib.xml, indentation dropped. */
/** A section's lines in cib.xml, as they are (indented). */
function section(cib: string, tag: string): string[] {
  const lines = cib.split('\n');
  const start = lines.findIndex((l) => l.trim() === `<${tag}>` || l.trim() === `<${tag}/>`);
  if (lines[start]!.trim() === `<${tag}/>`) return [lines[start]!];
  return lines.slice(start, lines.findIndex((l, i) => i > start && l.trim() === `</${tag}>`) + 1);
}

describe('setup.sh: resources and constraints as XML for a large configuration', () => {
  it(`uses pcs below ${BULK_FROM} objects and XML from there on`, () => {
    const small = build(bench(10), 'debian12');
    expect(small.script).not.toContain('write_resources');
    expect(small.script).toContain('resource create --no-default-ops --group g1 -- r1-1');
    const large = build(bench(13), 'debian12');
    expect(cibPrimitives(large.lowered.cib.configuration).length + 1).toBeGreaterThanOrEqual(BULK_FROM);
    expect(large.script).toContain('cibadmin --replace --scope resources --xml-file "$WORK/resources.xml"');
    expect(large.script).not.toContain('resource create');
  });

  it('loads XML when two locations hold the same resource and node (pcs would keep only the last)', () => {
    const two = build(readText('fixtures/err/ha420-move-constraints.ha'), 'debian12', 'two.ha');
    expect(two.script).toContain('# pcs would replace the location cli-prefer-web with web-prefers-a (same resource web and node a).');
    expect(two.script).toContain('cibadmin --replace --scope constraints');
    expect(two.script).not.toContain('constraint location add');
    const one = build(readText('fixtures/err/ha420-move-constraints.ha').replace(/\n *location web-prefers-a .*\n/, '\n'), 'debian12', 'one.ha');
    expect(one.script).toContain('constraint location add -- cli-prefer-web web a INFINITY');
  });

  it('loads XML where pcs would change or refuse an object: no monitor op, a param its agent lacks, a device action=, a typed value its rules refuse', () => {
    const lab = (body: string) => `cluster lab {
  platform debian12
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
${body}}
`;
    const fence = (extra: string) => `  primitive f stonith:fence_ipmilan {
    params ip=10.0.1.1 username=admin password=env:IPMI_PASSWORD pcmk_host_list="a b" pcmk_delay_max=5s${extra}
    op monitor interval=60s
  }
`;
    const plain = build(lab(fence('') + '  primitive d ocf:pacemaker:Dummy {\n    op monitor interval=10s\n  }\n'), 'debian12', 'plain.ha');
    expect(plain.script).toContain('resource create --no-default-ops -- d ocf:pacemaker:Dummy');
    const cases: [string, string][] = [
      // pcs 0.11.5 gives d a monitor op of its own, --no-default-ops or not.
      [fence('') + '  primitive d ocf:pacemaker:Dummy {\n    default-ops none\n  }\n', 'pcs gives a resource created without a monitor op one of its own (d)'],
      // "invalid resource options: 'colour', allowed options are: …, use --force to override"
      [fence('') + '  primitive d ocf:pacemaker:Dummy {\n    # hacc-ignore HA203\n    params colour=red\n    op monitor interval=10s\n  }\n', "pcs refuses 'colour' for d without --force"],
      // "stonith option 'action' is deprecated and should not be used, …, use --force to override"
      [fence(' action=reboot'), "pcs refuses a fencing device's deprecated action= (f) without --force"],
      // "'v eq integer 4.6' is not a valid rule expression: invalid integer value '4.6'"
      [fence('') + '  primitive d ocf:pacemaker:Dummy {\n    op monitor interval=10s\n  }\n  # hacc-ignore HA205\n  location ban-d d rule score=-INFINITY v eq integer 4.6\n', "pcs refuses the integer value '4.6' in rule ban-d-rule"],
    ];
    for (const [body, why] of cases) {
      const built = build(lab(body), 'debian12', 'x.ha');
      expect(built.script).toContain(why);
      expect(built.script).toContain('cibadmin --replace --scope resources --xml-file "$WORK/resources.xml"');
      expect(built.script).not.toContain('resource create --no-default-ops');
    }
  });

  it("prints cib.xml's sections, the secret nvpairs filled in and escaped", () => {
    const built = build(bench(3), 'debian12', 'bench.ha', { bulkFrom: 0 });
    const secret = `it's "a" <b> & c\nd\te $(x) \`y\``;
    const printed = bashWith(built.script, 'write_resources; write_constraints', { 2: secret }).split('\n').filter(Boolean);
    const escaped = "it's &quot;a&quot; &lt;b&gt; &amp; c&#10;d&#9;e $(x) `y`";
    const secretIds = cibPrimitives(built.lowered.cib.configuration).flatMap((p) => (p.instanceAttributes?.pairs ?? []).filter((a) => a.value.kind === 'secret').map((a) => a.id));
    expect(secretIds).toHaveLength(2);
    // Each comment of cib.xml is a secret's nvpair in the script's XML, indented alike; every other line is the same.
    const cibLines = [...section(built.cib, 'resources'), ...section(built.cib, 'constraints')];
    expect(printed).toHaveLength(cibLines.length);
    for (const [i, line] of cibLines.entries()) {
      const comment = /^( *)<!-- (\S+): set by the setup script from env:IPMI_PASSWORD -->$/.exec(line);
      if (comment) expect(printed[i]).toBe(`${comment[1]}<nvpair id="${secretIds.shift()}" name="${comment[2]}" value="${escaped}"/>`);
      else expect(printed[i]).toBe(line);
    }
    expect(secretIds).toEqual([]);
  });

  it('prints secret nvpairs that follow each other, and a secret as the first and last line of a set', () => {
    // A MySQL whose only params are its two secrets: a set that starts and ends with one, both in a row.
    const db = '  primitive db ocf:heartbeat:mysql {\n    params test_passwd=env:THIRD replication_passwd=env:SECOND\n    op monitor interval=20s timeout=30s\n  }\n';
    const text = bench(1).replace(/}\n$/, `${db}}\n`);
    const built = build(text, 'debian12', 'bench.ha', { bulkFrom: 0 });
    // Secrets are numbered in resource order, then by name: IPMI_PASSWORD 2, SECOND 3, THIRD 4.
    const printed = bashWith(built.script, 'write_resources', { 2: 'ipmi', 3: 'one', 4: 'two' });
    expect(printed).toContain(
      [
        '        <instance_attributes id="db-instance_attributes">',
        '          <nvpair id="db-instance_attributes-replication_passwd" name="replication_passwd" value="one"/>',
        '          <nvpair id="db-instance_attributes-test_passwd" name="test_passwd" value="two"/>',
        '        </instance_attributes>',
      ].join('\n'),
    );
    // No here-document without a line in it.
    expect(built.script).not.toMatch(/cat <<'HACC_XML_EOF'\nHACC_XML_EOF/);
  });

  it('configure --cib-file runs a few pcs commands and two cibadmin loads', () => {
    const built = build(bench(20), 'debian12', 'bench.ha');
    const box = sandbox(built.script, ['pcs', 'cibadmin', 'crm_diff']);
    try {
      const f = box.file('cib.xml', '<cib/>');
      const r = box.run(['configure', '--cib-file', f], { HACC_NODE: 'n1', IPMI_PASSWORD: 'pw' });
      expect(r.status, r.stderr).toBe(0);
      expect(pcsCalls(r.calls).length).toBeLessThanOrEqual(3); // properties, resource defaults, op defaults
      const loads = r.calls.filter((c) => c.name === 'cibadmin' && c.args.includes('--xml-file'));
      expect(loads.map((c) => c.args.slice(c.args.indexOf('--scope'), c.args.indexOf('--scope') + 2))).toEqual([
        ['--scope', 'resources'],
        ['--scope', 'constraints'],
      ]);
    } finally {
      box.cleanup();
    }
  });
});
