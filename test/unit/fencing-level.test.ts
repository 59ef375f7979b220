// The fencing topology (issue 20, LANGUAGE-v2 §9): `fencing-level` from the text to the CIB, the
// setup script, import, plan and SUMMARY.md. The real pcs and crmsh replays are in the Pacemaker suite.
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { checkText } from '../../src/check/check.js';
import { readCib } from '../../src/cib/read.js';
import { writeCib } from '../../src/cib/write.js';
import { parseXml } from '../../src/cib/xml-reader.js';
import { pcsFencingLevel, platformCommands } from '../../src/emit/platform-commands.js';
import { setupScript } from '../../src/emit/setup-script.js';
import { summaryMarkdown } from '../../src/emit/summary.js';
import { importCib } from '../../src/import/import.js';
import { lower, type Lowered } from '../../src/lower/lower.js';
import type { PlatformName } from '../../src/model/platforms.js';
import { makePlan } from '../../src/plan/plan.js';
import { formatHa } from '../../src/print/print.js';
import { displayCmd } from '../../src/emit/shell.js';

const catalogue = defaultCatalogue();

const cluster = (levels: string, platform: PlatformName = 'el9') => `cluster fenced {
  platform ${platform}
  node web1 addr=10.0.0.1/24 { attributes rack=1 }
  node web2 addr=10.0.0.2/24
  node web3 addr=10.0.0.3/24
  primitive fence-ipmi stonith:fence_ipmilan {
    params ip=10.0.1.9 username=admin password=env:IPMI_PASSWORD pcmk_host_list="web1 web2 web3" pcmk_delay_max=10s
  }
  primitive fence-pdu-a stonith:fence_apc_snmp {
    params ip=10.0.2.1 pcmk_host_map="web1:1;web2:2;web3:3"
  }
  primitive fence-pdu-b stonith:fence_apc_snmp {
    params ip=10.0.2.2 pcmk_host_map="web1:1;web2:2;web3:3"
  }
${levels}}
`;

/** `expected`: codes the text may give (an imported file has no node addresses: HA306). */
function built(text: string, expected: readonly string[] = []): Lowered {
  const r = checkText(text, 'f.ha', { catalogue });
  expect(r.diagnostics.filter((d) => !expected.includes(d.code)).map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return lower(r.checked!, catalogue);
}

const LEVELS = `  fencing-level 1 web1 fence-ipmi
  fencing-level 2 web1 fence-pdu-a,fence-pdu-b
  fencing-level 1 target-pattern=web[23] fence-ipmi
  fencing-level 2 target-attribute=rack target-value=1 fence-pdu-a,fence-pdu-b
  fencing-level 3 web1 fence-pdu-a id=web1-last
`;

describe('fencing-level', () => {
  it('lowers to <fencing-topology> with the ids pcs gives (fl-TARGET-INDEX, sanitised) unless id=', () => {
    const xml = writeCib(built(cluster(LEVELS)).cib, { full: false });
    const topology = xml.slice(xml.indexOf('<fencing-topology>'), xml.indexOf('</fencing-topology>'));
    expect(topology.split('\n').slice(1).map((l) => l.trim()).filter(Boolean)).toEqual([
      '<fencing-level id="fl-web1-1" target="web1" index="1" devices="fence-ipmi"/>',
      '<fencing-level id="fl-web1-2" target="web1" index="2" devices="fence-pdu-a,fence-pdu-b"/>',
      '<fencing-level id="fl-web23-1" target-pattern="web[23]" index="1" devices="fence-ipmi"/>',
      '<fencing-level id="fl-rack-2" target-attribute="rack" target-value="1" index="2" devices="fence-pdu-a,fence-pdu-b"/>',
      '<fencing-level id="web1-last" target="web1" index="3" devices="fence-pdu-a"/>',
    ]);
    // No levels: no element.
    expect(writeCib(built(cluster('')).cib, { full: false })).not.toContain('fencing-topology');
  });

  it('a derived id that is taken steps aside as pcs does (-1)', () => {
    const xml = writeCib(built(cluster(LEVELS.replace('id=web1-last', 'id=fl-web1-1'))).cib, { full: false });
    expect(xml).toContain('<fencing-level id="fl-web1-1-1" target="web1" index="1" devices="fence-ipmi"/>');
    expect(xml).toContain('<fencing-level id="fl-web1-1" target="web1" index="3" devices="fence-pdu-a"/>');
  });

  it('setup.sh: pcs stonith level add in each pcs generation, XML where pcs cannot make the level, always XML with crmsh', () => {
    const forms = (platform: PlatformName) => {
      const l = built(cluster(LEVELS, platform));
      const pc = platformCommands(platform);
      return l.cib.configuration.fencingTopology!.map((level) => {
        const c = pcsFencingLevel(pc, 'NEW', level);
        return c ? displayCmd(c) : `xml ${level.id}`;
      });
    };
    expect(forms('el9')).toEqual([
      'pcs -f "$NEW" stonith level add --force -- 1 web1 fence-ipmi',
      'pcs -f "$NEW" stonith level add --force -- 2 web1 fence-pdu-a fence-pdu-b',
      "pcs -f \"$NEW\" stonith level add -- 1 'regexp%web[23]' fence-ipmi",
      "pcs -f \"$NEW\" stonith level add -- 2 attrib%rack=1 fence-pdu-a fence-pdu-b",
      'xml web1-last',
    ]);
    expect(forms('el7')[1]).toBe('pcs -f "$NEW" stonith level add --force 2 web1 fence-pdu-a,fence-pdu-b');
    // The pcs 0.9 of el6 knows node targets only.
    expect(forms('el6').slice(2)).toEqual(['xml fl-web23-1', 'xml fl-rack-2', 'xml web1-last']);
    const script = setupScript(built(cluster(LEVELS)));
    expect(script).toContain("\tstep 'Fencing topology (5 levels)'\n");
    expect(script).toContain(`\tadd_to_section fencing-topology '<fencing-level id="web1-last" target="web1" index="3" devices="fence-pdu-a"/>'\n`);
    const suse = setupScript(built(cluster(LEVELS, 'sles15')));
    expect(suse).not.toContain('stonith level add');
    expect(suse.match(/\tadd_to_section fencing-topology '/g)).toHaveLength(5);
    // clear_configuration removes the levels (never the element) on every run.
    expect(script).toContain("cibadmin --force --delete-all --xpath '/cib/configuration/fencing-topology/fencing-level|/cib/configuration/tags/tag|/cib/configuration/alerts/alert'");
  });

  it('imports back to the same file and the same CIB; an id build would not derive is kept with id=', () => {
    const l = built(cluster(LEVELS));
    const xml = writeCib(l.cib, { full: true });
    const r = importCib(xml, { catalogue });
    expect(r.unsupported).toEqual([]);
    expect(r.text).toContain('  fencing-level 1 web1 fence-ipmi\n');
    expect(r.text).toContain('  fencing-level 1 target-pattern=web[23] fence-ipmi\n');
    expect(r.text).toContain('  fencing-level 2 target-attribute=rack target-value=1 fence-pdu-a,fence-pdu-b\n');
    expect(r.text).toContain('  fencing-level 3 web1 fence-pdu-a id=web1-last\n');
    expect(writeCib(built(r.text, ['HA306']).cib, { full: true })).toBe(xml);
  });

  it('import refuses a level it cannot write, with its XPath', () => {
    const xml = writeCib(built(cluster(LEVELS)).cib, { full: true }).replace('target="web1" index="1"', 'target="web 1" index="1"');
    const r = importCib(xml, { catalogue });
    expect(r.unsupported.map((u) => `${u.what} ${u.id} ${u.xpath}`)).toEqual([
      "fencing-level fl-web1-1 /cib/configuration/fencing-topology/fencing-level[@id='fl-web1-1']",
    ]);
  });

  it('plan: a level added, changed and removed is a change by id, field by field', () => {
    const live = readCib(parseXml(writeCib(built(cluster(LEVELS)).cib, { full: true })));
    const desired = built(cluster(LEVELS.replace('fencing-level 2 web1 fence-pdu-a,fence-pdu-b', 'fencing-level 2 web1 fence-pdu-a').replace('  fencing-level 3 web1 fence-pdu-a id=web1-last\n', '  fencing-level 3 web2 fence-pdu-b\n')));
    const plan = makePlan(live, desired.cib, platformCommands('el9'));
    expect(plan.changes.map((c) => `${c.op} ${c.kind} ${c.id} ${c.fields.map((f) => `${f.path}:${f.from ?? ''}>${f.to ?? ''}`).join(' ')}`)).toEqual([
      'update fencing-level fl-web1-2 devices:fence-pdu-a,fence-pdu-b>fence-pdu-a',
      'create fencing-level fl-web2-3 devices:>fence-pdu-b index:>3 target:>web2',
      'delete fencing-level web1-last devices:fence-pdu-a> index:3> target:web1>',
    ]);
  });

  it('SUMMARY.md says who fences whom, level by level, and the delays', () => {
    const md = summaryMarkdown(built(cluster(LEVELS)));
    const section = md.slice(md.indexOf('## Fencing'), md.indexOf('## Failover preview'));
    expect(section).toContain('| `web1` | level 1: `fence-ipmi`, then level 2: `fence-pdu-a` and `fence-pdu-b`, then level 3: `fence-pdu-a` |');
    expect(section).toContain('| `web2` | level 1: `fence-ipmi` |');
    expect(section).toContain('Level 2 for the nodes whose attribute `rack` is `1`: `fence-pdu-a` and `fence-pdu-b`');
    expect(section).toContain('Delays: `fence-ipmi` waits up to 10s (random).');
    // Without levels: the devices whose host list allows the node.
    const plain = summaryMarkdown(built(cluster('')));
    expect(plain).toContain('| `web2` | `fence-ipmi` or `fence-pdu-a` or `fence-pdu-b` |');
  });
});

describe('fencing-level syntax', () => {
  it('fmt keeps each pair on its side of the devices (found by the fuzzer: a misspelt target key moved after them changed the line)', () => {
    const line = '  fencing-level 3 order2=rack target-value=1 fence-pdu-a id=x\n';
    const r = formatHa(cluster(line), 'f.ha');
    expect(r.ok && r.text.split('\n').find((l) => l.includes('fencing-level'))).toBe(line.trimEnd());
  });

  const findings = (levels: string) =>
    checkText(cluster(levels), 'f.ha', { catalogue }).diagnostics.map((d) => `${cluster(levels).slice(0, d.span.start).split('\n').length} ${d.code} ${d.message}`);

  it('line breaks mean nothing; a missing word is reported at the next statement, never taken from it', () => {
    expect(findings('  fencing-level\n 1\n web1\n fence-ipmi\n')).toEqual([]);
    expect(findings('  fencing-level 1 web1\n  primitive x ocf:pacemaker:Dummy\n')).toEqual(["16 HA001 expected a name or value, found 'primitive'"]);
  });

  it('one target: a node, or target-pattern=, or target-attribute= with target-value=', () => {
    expect(findings('  fencing-level 1 target-pattern=web target-attribute=rack target-value=1 fence-ipmi\n')).toEqual([
      '15 HA001 a fencing level has one target: target-pattern= or target-attribute=, not both',
    ]);
    expect(findings('  fencing-level 1 target-attribute=rack fence-ipmi\n')).toEqual([
      '15 HA001 target-attribute= needs target-value=: the level is for the nodes whose attribute has that value',
    ]);
    expect(findings('  fencing-level 1 web1 fence-ipmi idd=x\n').map((f) => f.split(':')[0])).toEqual(["15 HA001 unknown attribute 'idd' for fencing-level"]);
  });
});
