// setup.sh against the real tools, shared by the test/pacemaker/setup-*.test.ts files: the clean
// fixtures, and `setup.sh configure --cib-file F` from an empty CIB with the real pcs (or crmsh on
// SUSE) compared with hacc's own cib.xml. A missing tool is a failure, never a skip: .ci/run
// installs them (see /work/shared/VERIFY.md).

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { expect } from 'vitest';
import { checkText } from '../src/check/check.js';
import { defaultCatalogue } from '../src/catalogue/catalogue.js';
import { cibPrimitives, type NvPair } from '../src/cib/model.js';
import type { Lowered } from '../src/lower/lower.js';
import type { PlatformName } from '../src/model/platforms.js';
import type { SetupScriptOptions } from '../src/emit/setup-script.js';
import { listFiles, readText } from './expectations.js';
import { build, sandbox, type Sandbox } from './setup-script-harness.js';

export function tool(name: string): string {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  expect(r.status, `${name} is not installed (apt-get install shellcheck pcs pacemaker-cli-utils)`).toBe(0);
  return r.stdout.trim();
}

/** Every .ha the project keeps that checks without errors on the platform (debian12 by default). */
export function cleanFixtures(platform: PlatformName = 'debian12'): string[] {
  const files = [...listFiles('fixtures', '.ha'), ...listFiles('test/live/fixtures', '.ha')];
  return files.filter((f) => checkText(readText(f), f, { target: platform, catalogue: defaultCatalogue() }).checked !== undefined);
}

/** Fixtures whose agents pcs cannot find on this host, so it refuses them: the script leaves that to pcs. */
const UNINSTALLED_AGENTS: Record<string, RegExp> = {
  'fixtures/err/ha202-unknown-agents.ha': /Agent 'ocf:(heartbeat:IPAddr2|acme:app)' is not installed/,
  'fixtures/err/ha406-pacemaker-3.ha': /Agent 'upstart:report-job' is not installed/,
};

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

/** Every nvpair of the primitives' and the alerts' params and meta attributes (where secrets may be). */
function primitivePairs(lowered: Lowered): NvPair[] {
  const conf = lowered.cib.configuration;
  const sets = [
    ...cibPrimitives(conf).flatMap((p) => [p.instanceAttributes, p.metaAttributes]),
    ...(conf.alerts ?? []).flatMap((a) => [a.instanceAttributes, a.metaAttributes, ...a.recipients.flatMap((r) => [r.instanceAttributes, r.metaAttributes])]),
  ];
  return sets.flatMap((s) => s?.pairs ?? []);
}

/** The known value each secret env var gets in these tests. */
export function secretEnv(lowered: Lowered): Record<string, string> {
  const env: Record<string, string> = {};
  for (const a of primitivePairs(lowered)) {
    if (a.value.kind === 'secret' && a.value.scheme === 'env') env[a.value.ref] = `known value of ${a.value.ref}: it's "x" $(y)`;
  }
  return env;
}

/**
 * `setup.sh configure --cib-file F` from an empty CIB with the real pcs (crmsh on SUSE), compared
 * with cib.xml; returns the resulting configuration as rendered for the comparison. `again`: a second
 * run must leave the file as it is (it builds the whole configuration once more, as long as the first).
 */
export function configureFileEqualsCib(text: string, file: string, options: SetupScriptOptions = {}, platform: PlatformName = 'debian12', { again = true }: { again?: boolean } = {}): string {
  const crmsh = platform === 'sles15' || platform === 'sles16';
  tool(crmsh ? 'crm' : 'pcs');
  tool('cibadmin');
  tool('crm_diff');
  const { lowered, script, cib } = build(text, platform, file, options);
  const box = sandbox(script, []);
  try {
    return replayed(box, lowered, cib, file, crmsh, again);
  } finally {
    box.cleanup();
  }
}

function replayed(box: Sandbox, lowered: Lowered, cib: string, file: string, crmsh: boolean, again: boolean): string {
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
  expect(render(got)).toBe(render(want));

  // Idempotent: a second run leaves the file as it is.
  if (again) {
    const before = readFileSync(f, 'utf8');
    const rerun = box.run(['configure', '--cib-file', f], env);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain('already has this configuration: unchanged');
    expect(readFileSync(f, 'utf8')).toBe(before);
  }

  // And Pacemaker judges it as it judges hacc's own cib.xml (78 = warnings, e.g. no quorum in an
  // empty status; 0 = clean).
  const ours = box.file('hacc-cib.xml', cib);
  const verify = (x: string) => spawnSync('crm_verify', ['--xml-file', x], { encoding: 'utf8' }).status;
  expect([0, 78]).toContain(verify(f));
  expect(verify(f)).toBe(verify(ours));
  return render(got);
}
