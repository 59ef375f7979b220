// setup.sh against the real tools: shellcheck on every example and platform, and, for every fixture
// without errors, `setup.sh configure --cib-file F` on the debian12 target with the real Debian pcs,
// starting from an empty CIB, must give the configuration of hacc's own cib.xml. A missing tool is a
// failure here, never a skip: .ci/run installs them (see /work/shared/VERIFY.md).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { agentName, cibPrimitives, type NvPair } from '../../src/cib/model.js';
import { anythingAgentScript } from '../../src/emit/anything-agent.js';
import type { Lowered } from '../../src/lower/lower.js';
import { PLATFORMS, type PlatformName } from '../../src/model/platforms.js';
import { listFiles, readText } from '../../test-support/expectations.js';
import { build, sandbox, type Sandbox } from '../../test-support/setup-script-harness.js';
import type { SetupScriptOptions } from '../../src/emit/setup-script.js';
import { generateBenchHa } from '../../bench/generate.js';
import { generateHa } from '../../test-support/generate.js';
import fc from 'fast-check';
import { clusterArb, propertyRuns } from '../../test-support/arbitrary-cluster.js';

function tool(name: string): string {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  expect(r.status, `${name} is not installed (apt-get install shellcheck pcs pacemaker-cli-utils)`).toBe(0);
  return r.stdout.trim();
}

/** Every .ha the project keeps that checks without errors on the platform (debian12 by default). */
function cleanFixtures(platform: PlatformName = 'debian12'): string[] {
  const files = [...listFiles('fixtures', '.ha'), ...listFiles('test/live/fixtures', '.ha')];
  return files.filter((f) => checkText(readText(f), f, { target: platform, catalogue: defaultCatalogue() }).checked !== undefined);
}

/** Fixtures whose agents pcs cannot find on this host, so it refuses them: the script leaves that to pcs. */
const UNINSTALLED_AGENTS: Record<string, RegExp> = {
  'fixtures/err/ha202-unknown-agents.ha': /Agent 'ocf:(heartbeat:IPAddr2|acme:app)' is not installed/,
  'fixtures/err/ha406-pacemaker-3.ha': /Agent 'upstart:report-job' is not installed/,
};

/**
 * Fixtures that use what setup.sh cannot reproduce yet: explicit ids of attribute sets and nvpairs
 * (`$id=`, `$id.NAME=`: pcs names them itself) and a location's `role=`/`resource-discovery=` (issue
 * 9's language extensions, which cib.xml honours). The replay must still run; its CIB differs from
 * cib.xml. Remove the entry when setup.sh learns them: this test then fails to say so.
 */
const NOT_YET_REPLAYED: Record<string, string> = {};

/** The same for crmsh's load of crm.conf (SUSE): what crm.conf cannot say exactly. */
const NOT_YET_LOADED_BY_CRMSH: Record<string, string> = {};

// --- comparing configurations ------------------------------------------------------------------

type Node = { tag: string; attrs: [string, string][]; children: Node[] };

// htmlEntities: cib.xml writes a line feed or tab in a value as &#10; / &#9; (a raw one would be read as a space).
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', commentPropName: '#comment', trimValues: true, htmlEntities: true });

function toNodes(list: unknown[]): Node[] {
  const out: Node[] = [];
  for (const item of list as Record<string, unknown>[]) {
    const tag = Object.keys(item).find((k) => k !== ':@')!;
    if (tag === '#text' || tag === '#comment' || tag === '?xml') continue;
    const attrs = Object.entries((item[':@'] ?? {}) as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    out.push({ tag, attrs, children: toNodes(item[tag] as unknown[]) });
  }
  return out;
}

function find(nodes: Node[], tag: string): Node | undefined {
  for (const n of nodes) {
    if (n.tag === tag) return n;
    const inner = find(n.children, tag);
    if (inner) return inner;
  }
  return undefined;
}

/** The <configuration> of a CIB: attributes sorted, whitespace and comments gone. */
function configuration(xml: string): Node {
  const conf = find(toNodes(parser.parse(xml) as unknown[]), 'configuration');
  expect(conf, 'a <configuration> element').toBeDefined();
  return conf!;
}

/**
 * A group's and a clone's attribute sets before their members: crmsh writes them first, pcs (and
 * cib.xml) after. Pacemaker's schema reads them in any order (an <interleave>), so the comparison
 * of a crmsh replay puts them first on both sides.
 */
function setsFirst(n: Node): void {
  if (n.tag === 'group' || n.tag === 'clone') {
    const sets = n.children.filter((c) => c.tag.endsWith('_attributes'));
    n.children = [...sets, ...n.children.filter((c) => !c.tag.endsWith('_attributes'))];
  }
  n.children.forEach(setsFirst);
}

/** Removes the nvpair with this id, returning its value. */
function takeNvpair(n: Node, id: string): string | undefined {
  for (let i = 0; i < n.children.length; i++) {
    const c = n.children[i]!;
    if (c.tag === 'nvpair' && c.attrs.some(([k, v]) => k === 'id' && v === id)) {
      n.children.splice(i, 1);
      return c.attrs.find(([k]) => k === 'value')?.[1];
    }
    const v = takeNvpair(c, id);
    if (v !== undefined) return v;
  }
  return undefined;
}

function render(n: Node, indent = ''): string {
  const attrs = n.attrs.map(([k, v]) => ` ${k}=${JSON.stringify(v)}`).join('');
  if (n.children.length === 0) return `${indent}<${n.tag}${attrs}/>`;
  return [`${indent}<${n.tag}${attrs}>`, ...n.children.map((c) => render(c, `${indent}  `)), `${indent}</${n.tag}>`].join('\n');
}

/** The known value each secret env var gets in these tests. */
/** Every nvpair of the primitives' and the alerts' params and meta attributes (where secrets may be). */
function primitivePairs(lowered: Lowered): NvPair[] {
  const conf = lowered.cib.configuration;
  const sets = [
    ...cibPrimitives(conf).flatMap((p) => [p.instanceAttributes, p.metaAttributes]),
    ...(conf.alerts ?? []).flatMap((a) => [a.instanceAttributes, a.metaAttributes, ...a.recipients.flatMap((r) => [r.instanceAttributes, r.metaAttributes])]),
  ];
  return sets.flatMap((s) => s?.pairs ?? []);
}

function secretEnv(lowered: Lowered): Record<string, string> {
  const env: Record<string, string> = {};
  for (const a of primitivePairs(lowered)) {
    if (a.value.kind === 'secret' && a.value.scheme === 'env') env[a.value.ref] = `known value of ${a.value.ref}: it's "x" $(y)`;
  }
  return env;
}

// Each test runs bash (and pcs) several times: give them time on a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

let box: Sandbox | undefined;
afterEach(() => {
  box?.cleanup();
  box = undefined;
});

describe('shellcheck', () => {
  const shellcheck = () => tool('shellcheck');
  for (const file of ['fixtures/examples/seed.ha', 'fixtures/examples/web-el9.ha', 'fixtures/ok/setup-adversarial.ha', 'test/live/fixtures/live.ha']) {
    for (const platform of PLATFORMS) {
      it(`${file} on ${platform}: no findings`, () => {
        const { script } = build(readText(file), platform, file);
        const r = spawnSync(shellcheck(), ['-s', 'bash', '-'], { input: script, encoding: 'utf8' });
        expect(r.stdout + r.stderr).toBe('');
        expect(r.status).toBe(0);
      });
    }
  }

  it('every shape of input: each clean fixture on each platform and 40 generated clusters, no findings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hacc-shellcheck-'));
    try {
      const scripts: string[] = [];
      const add = (text: string, file: string, platform?: PlatformName) => {
        const r = checkText(text, file, { ...(platform ? { target: platform } : {}), catalogue: defaultCatalogue() });
        if (!r.checked) return;
        const path = join(dir, `${scripts.length}.sh`);
        writeFileSync(path, build(text, platform, file).script);
        scripts.push(path);
      };
      for (const file of cleanFixtures()) for (const platform of PLATFORMS) add(readText(file), file, platform);
      for (let seed = 1; seed <= 40; seed++) add(generateHa(seed, { resources: 1 + (seed % 12) }), `gen-${seed}.ha`);
      const lowerCaseEnv = 'cluster lab {\n  node a addr=10.0.0.1/24\n  node b addr=10.0.0.2/24\n  property stonith-enabled=false\n  primitive d ocf:pacemaker:Dummy {\n    params fake=env:ref state=file:/etc/x\n  }\n}\n';
      for (const platform of PLATFORMS) add(lowerCaseEnv, 'lower.ha', platform);
      // Shapes: with and without the anything agent, secrets (env and file, lower-case names), clones, XML loading.
      expect(scripts.length).toBeGreaterThan(100);
      const r = spawnSync(shellcheck(), ['-s', 'bash', ...scripts], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // About 450 scripts: shellcheck took 442 s on two busy cores (CI, with the bundle and ACL fixtures).
  }, 900_000);

  it('the shell files setup.sh is made of (src/emit/setup/*.sh), each read as it is: no findings', () => {
    const files = listFiles('src/emit/setup', '.sh');
    expect(files.length).toBeGreaterThanOrEqual(10);
    const r = spawnSync(shellcheck(), ['-s', 'bash', ...files], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the committed golden out/cluster/setup.sh: no findings', () => {
    const r = spawnSync(shellcheck(), ['out/cluster/setup.sh'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

/**
 * `setup.sh configure --cib-file F` from an empty CIB with the real pcs, compared with cib.xml;
 * returns the resulting configuration as rendered for the comparison.
 */
function configureFileEqualsCib(text: string, file: string, options: SetupScriptOptions = {}, platform: PlatformName = 'debian12'): string {
  const crmsh = platform === 'sles15' || platform === 'sles16';
  tool(crmsh ? 'crm' : 'pcs');
  tool('cibadmin');
  tool('crm_diff');
  const { lowered, script, cib } = build(text, platform, file, options);
  box?.cleanup();
  box = sandbox(script, []);
  const empty = spawnSync('cibadmin', ['--empty'], { encoding: 'utf8' });
  expect(empty.status).toBe(0);
  // A fresh CIB whose validate-with is the one cib.xml names for the platform.
  expect(empty.stdout).toContain(`validate-with="${lowered.cluster.target.schema}"`);
  const f = box.file('cib.xml', empty.stdout);
  const env = { HACC_NODE: lowered.cluster.nodes[0]!.name, ...secretEnv(lowered) };
  const r = box.run(['configure', '--cib-file', f], env);

  const refusal = crmsh ? undefined : UNINSTALLED_AGENTS[file];
  if (refusal) {
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(refusal);
    expect(readFileSync(f, 'utf8')).toBe(empty.stdout); // nothing half-written
    return '';
  }
  expect(r.status, r.stderr).toBe(0);
  const got = configuration(readFileSync(f, 'utf8'));
  const want = configuration(cib);
  // crmsh keeps a comment before a statement in the CIB: crm.conf's notes must not become any.
  if (crmsh) expect(readFileSync(f, 'utf8')).not.toContain('<!--');
  if (crmsh) {
    setsFirst(got);
    setsFirst(want);
  }

  // Secrets: cib.xml has a comment where each is; the script created the nvpair, with the plan's
  // id, from the environment. Check each, then take it out of the comparison.
  for (const a of primitivePairs(lowered)) {
    if (a.value.kind !== 'secret') continue;
    expect(cib).toContain(`<!-- ${a.name}: set by the setup script from ${a.value.scheme}:${a.value.ref} -->`);
    expect(takeNvpair(got, a.id), a.id).toBe(env[a.value.ref as keyof typeof env]);
    expect(takeNvpair(want, a.id)).toBeUndefined();
  }
  if ((crmsh ? NOT_YET_LOADED_BY_CRMSH : NOT_YET_REPLAYED)[file]) {
    if (script.includes('write_resources')) {
      // Loaded as XML, the resources and constraints are cib.xml's own, explicit ids and all; the
      // property and defaults lines still go through pcs.
      for (const section of ['resources', 'constraints']) expect(render(find([got], section)!)).toBe(render(find([want], section)!));
    } else {
      expect(render(got), `${file} now replays exactly: remove it from NOT_YET_REPLAYED`).not.toBe(render(want));
    }
    return render(got);
  }
  expect(render(got)).toBe(render(want));

  // Idempotent: a second run leaves the file as it is.
  const before = readFileSync(f, 'utf8');
  const again = box.run(['configure', '--cib-file', f], env);
  expect(again.status, again.stderr).toBe(0);
  expect(again.stdout).toContain('already has this configuration: unchanged');
  expect(readFileSync(f, 'utf8')).toBe(before);

  // And Pacemaker judges it as it judges hacc's own cib.xml (78 = warnings, e.g. no quorum in an
  // empty status; 0 = clean).
  const ours = box.file('hacc-cib.xml', cib);
  const verify = (x: string) => spawnSync('crm_verify', ['--xml-file', x], { encoding: 'utf8' }).status;
  expect([0, 78]).toContain(verify(f));
  expect(verify(f)).toBe(verify(ours));
  return render(got);
}

describe('configure --cib-file with the real pcs (debian12) equals cib.xml', () => {
  const fixtures = cleanFixtures();

  it('has the clean fixtures', () => {
    expect(fixtures).toEqual(expect.arrayContaining(['fixtures/examples/seed.ha', 'fixtures/examples/web-el9.ha', 'fixtures/ok/setup-adversarial.ha']));
  });

  for (const file of fixtures) {
    it(file, () => {
      configureFileEqualsCib(readText(file), file);
    });
  }

  // Resources and constraints loaded as XML (what setup.sh does for a large configuration) give
  // the same CIB as one pcs command per object: every fixture it applies to, both ways.
  for (const file of fixtures) {
    it(`${file}, resources and constraints as XML`, () => {
      const { script } = build(readText(file), 'debian12', file, { bulkFrom: 0 });
      if (!script.includes('write_resources')) {
        // Only values with control characters keep pcs: Pacemaker and pcs have their own ways with them.
        expect(file).toBe('fixtures/ok/setup-adversarial.ha');
        return;
      }
      configureFileEqualsCib(readText(file), file, { bulkFrom: 0 });
    });
  }

  it('a generated configuration: pcs per object and XML give the same CIB', () => {
    const text = generateBenchHa(4, { groups: 6, perGroup: 4 }).replace('platform el9', 'platform debian12');
    const viaPcs = configureFileEqualsCib(text, 'bench.ha', { bulkFrom: Infinity });
    const viaXml = configureFileEqualsCib(text, 'bench.ha', { bulkFrom: 0 });
    expect(viaXml).toBe(viaPcs);
  });

});

// Issue 24: on SUSE, setup.sh loads crm.conf with the real crmsh (`crm configure load update` into
// the offline copy, CIB_file) and sets the values crm.conf leaves out with cibadmin: the result must
// be cib.xml, compared as the pcs replay is.
describe('configure --cib-file with the real crmsh (sles15) equals cib.xml', () => {
  const fixtures = cleanFixtures('sles15');

  it('has the clean fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(30);
  });

  for (const file of fixtures) {
    it(file, () => {
      configureFileEqualsCib(readText(file), file, {}, 'sles15');
    });
  }

  it('a generated configuration of 4 groups of 6 primitives', () => {
    const text = generateBenchHa(4, { groups: 6, perGroup: 4 }).replace('platform el9', 'platform sles15');
    configureFileEqualsCib(text, 'bench.ha', {}, 'sles15');
  });

  // `crm configure verify` on what the load left: clean (exit 0; crm_verify's warnings about an
  // offline copy, such as no quorum, are warnings). It asks every agent for its meta-data, so the
  // generated ocf:hacc:anything is installed here as setup.sh install does (and removed after);
  // fixtures naming agents no package ships (ocf:acme:…, the misspelt ones of HA202) are left out,
  // each by name.
  describe('crm configure verify', () => {
    const agentDir = '/usr/lib/ocf/resource.d/hacc';
    let installed = false;
    beforeAll(() => {
      if (!existsSync(agentDir)) {
        mkdirSync(agentDir, { recursive: true });
        writeFileSync(join(agentDir, 'anything'), anythingAgentScript(), { mode: 0o755 });
        installed = true;
      }
    });
    afterAll(() => {
      if (installed) rmSync(agentDir, { recursive: true, force: true });
    });
    const known = (agent: string) => agent === 'ocf:hacc:anything' || spawnSync('crm_resource', ['--show-metadata', agent], { encoding: 'utf8' }).status === 0;
    it('every clean fixture whose agents are installed: exit 0, no ERROR', () => {
      let verified = 0;
      const left: string[] = [];
      for (const file of fixtures) {
        const { lowered, script } = build(readText(file), 'sles15', file);
        const agents = [...new Set(cibPrimitives(lowered.cib.configuration).map(agentName))];
        // Deprecated on purpose (HA430), or an option Pacemaker ignores on purpose (HA418's Serialize
        // order made symmetrical): crm configure verify exits 1 on Pacemaker's warnings.
        const deprecated = checkText(readText(file), file, { target: 'sles15', catalogue: defaultCatalogue() }).diagnostics.some((d) => d.code === 'HA430' || (d.code === 'HA418' && d.message.includes('Serialize')));
        // crmsh 4.4.1 knows docker and rkt bundles only: its crm configure verify stops with a
        // traceback on a podman one (crm_verify and the load of the XML are fine).
        const podman = lowered.cib.configuration.resources.some((r) => r.kind === 'bundle' && r.container.type === 'podman');
        if (!agents.every(known) || deprecated || podman) {
          left.push(file);
          continue;
        }
        box?.cleanup();
        box = sandbox(script, []);
        const f = box.file('cib.xml', spawnSync('cibadmin', ['--empty'], { encoding: 'utf8' }).stdout);
        const r = box.run(['configure', '--cib-file', f], { HACC_NODE: lowered.cluster.nodes[0]!.name, ...secretEnv(lowered) });
        expect(r.status, r.stderr).toBe(0);
        const v = spawnSync('crm', ['configure', 'verify'], { encoding: 'utf8', env: { ...process.env, CIB_file: f } });
        expect(`${v.stdout}${v.stderr}`, file).not.toMatch(/ERROR: (?!\(cluster_status\)\s+warning:)/);
        expect(v.status, `${file}: ${v.stdout}${v.stderr}`).toBe(0);
        verified++;
      }
      expect(left.sort()).toEqual(['fixtures/constructs/bundle-sles.ha', 'fixtures/constructs/bundle.ha', 'fixtures/constructs/promotable-el7.ha', 'fixtures/err/ha202-unknown-agents.ha', 'fixtures/err/ha310-bundle-addresses.ha', 'fixtures/err/ha406-bundle-el7.ha', 'fixtures/err/ha406-bundle-pacemaker-3.ha', 'fixtures/err/ha406-pacemaker-3.ha', 'fixtures/err/ha406-pcs-refuses-old-names.ha', 'fixtures/err/ha418-serialize-symmetrical.ha', 'fixtures/err/ha430-deprecated-forms.ha', 'fixtures/err/ha430-old-property-names.ha']);
      expect(verified).toBe(fixtures.length - left.length);
      // About 2.5 s a fixture (a configure and crmsh's verify): it grows with the fixtures.
    }, 600_000);
  });

  // Found by the property test below: crmsh writes each value back quoted without escaping `\` and
  // reads it with shlex, so a value ending in `\` or holding `\"` fails the load ("No closing
  // quotation", CI seed 2034545392); and it reads a first pair ending in `:` as the set's score
  // (seed 1993630107). setup.sh sets such values with cibadmin.
  it('values crmsh would misread: a backslash (trailing, before a quote, doubled), a trailing colon', () => {
    const text = String.raw`cluster bs {
  node a addr=10.0.0.1/16
  property stonith-enabled=false
  primitive d ocf:heartbeat:Dummy { params fake="/\\" state="x\\\"y" }
  primitive e ocf:heartbeat:Dummy { params fake="a\\\\b" }
  primitive A0 anything {
    start "/"
    stop "/\\"
    monitor "/"
  }
  primitive _ anything {
    start "/"
    stop "/"
    monitor "/:"
  }
}
`;
    configureFileEqualsCib(text, 'backslash.ha', {}, 'sles15');
  });

  // Hostile names and values (quotes, $(…), backslashes, non-ASCII, leading dashes): crmsh reads
  // crm.conf back byte for byte, or setup.sh sets the value with cibadmin.
  it(`${propertyRuns('slow')} generated clusters with hostile values`, () => {
    fc.assert(
      fc.property(clusterArb, (c) => {
        configureFileEqualsCib(c.text, 'generated.ha', {}, 'sles15');
      }),
      { numRuns: propertyRuns('slow') },
    );
  }, 1_800_000);
});

// Issue 17: a fencing password on pcs's command line is in /proc/PID/cmdline (and ps) for every
// local user while pcs runs. strace records the argv of every program the run executes; the secret
// must be in none of them, and still reach the CIB.
describe('no secret is ever an argument of a process', () => {
  const text = readText('fixtures/examples/web-el9.ha');
  for (const [how, bulkFrom] of [['one pcs command per object', Infinity], ['resources as XML', 0]] as const) {
    it(`configure --cib-file, ${how}, watched by strace`, () => {
      const strace = tool('strace');
      const { lowered, script } = build(text, 'debian12', 'web-el9.ha', { bulkFrom });
      box = sandbox(script, []);
      const cib = spawnSync('cibadmin', ['--empty'], { encoding: 'utf8' });
      const f = box.file('cib.xml', cib.stdout);
      const secret = 'Watched-Secret-4711';
      const trace = `${box.dir}/execve.log`;
      const r = box.run(['configure', '--cib-file', f], { HACC_NODE: lowered.cluster.nodes[0]!.name, IPMI_PASSWORD: secret }, [strace, '-f', '-qq', '-e', 'trace=execve', '-s', '100000', '-o', trace]);
      expect(r.status, r.stderr).toBe(0);
      const execs = readFileSync(trace, 'utf8').split('\n').filter((l) => l.includes('execve('));
      // The watcher saw the run: pcs and cibadmin were executed, pcs with the fencing devices.
      expect(execs.some((l) => l.includes('cibadmin'))).toBe(true);
      if (bulkFrom === Infinity) expect(execs.filter((l) => l.includes('"stonith", "create"'))).toHaveLength(3);
      expect(execs.filter((l) => l.includes(secret))).toEqual([]);
      expect(r.stdout + r.stderr).not.toContain(secret);
      // And the password is in the CIB, on each device.
      const out = readFileSync(f, 'utf8');
      for (const n of [1, 2, 3]) expect(out).toContain(`<nvpair id="fence-web${n}-instance_attributes-password" name="password" value="${secret}"/>`);
    });
  }
});
