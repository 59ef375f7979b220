// Checks the committed catalogue against the real Pacemaker stack. Needs the Debian 12 packages
// (pacemaker, pacemaker-cli-utils, resource-agents, fence-agents, and the agents of drbd-utils,
// resource-agents-paf and fence-virt that real designs use): when they are missing these tests
// FAIL (they never skip). Run with `npm run test:pacemaker` or `npx vitest run --dir test/pacemaker`.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue, parseAgentMetadata } from '../../src/catalogue/catalogue.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const generator = join(root, 'dist', 'scripts', 'gen-catalogue.js');
const cat = defaultCatalogue();

/** Fence programs that are installed but are not fence agents (no meta-data); the generator skips them. */
const NOT_FENCE_AGENTS = ['fence_ack_manual'];

function tool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  if (r.error !== undefined || r.status !== 0) {
    throw new Error(
      `\`${cmd} ${args.join(' ')}\` failed (${r.error?.message ?? `exit ${r.status}`}): the Pacemaker stack must be installed ` +
        '(apt-get install pacemaker pacemaker-cli-utils resource-agents fence-agents)',
    );
  }
  return r.stdout;
}

describe('catalogue vs the installed Pacemaker stack', () => {
  let out = '';
  let genStderr = '';

  beforeAll(() => {
    // Build so dist/scripts/gen-catalogue.js matches the sources under test.
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], {
      stdio: 'inherit',
    });
    out = mkdtempSync(join(tmpdir(), 'hacc-catalogue-'));
    const r = spawnSync(process.execPath, [generator, '--out', out], { encoding: 'utf8', timeout: 300_000 });
    genStderr = r.stderr;
    if (r.status !== 0) throw new Error(`gen-catalogue failed (exit ${r.status}):\n${r.stderr}`);
  }, 600_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('the tools are installed', () => {
    expect(tool('crm_resource', ['--version'])).toMatch(/Pacemaker 2\.1\.5/);
    expect(existsSync('/usr/lib/ocf/resource.d/heartbeat/IPaddr2')).toBe(true);
    expect(existsSync('/usr/sbin/fence_ipmilan')).toBe(true);
  });

  it('regeneration reproduces the committed files byte for byte', () => {
    for (const name of ['agents.json', 'properties.json']) {
      const committed = readFileSync(join(root, 'src', 'catalogue', name), 'utf8');
      const regenerated = readFileSync(join(out, name), 'utf8');
      expect(regenerated === committed, `${name} differs from a fresh \`npm run gen:catalogue\``).toBe(true);
    }
  });

  it('only the known non-agents were skipped', () => {
    const skipped = [...genStderr.matchAll(/skipping (\S+):/g)].map((m) => m[1]);
    expect(skipped).toEqual(NOT_FENCE_AGENTS.map((n) => `stonith:${n}`));
  });

  it('has exactly the OCF agents crm_resource lists', () => {
    for (const provider of ['heartbeat', 'pacemaker', 'linbit']) {
      const listed = tool('crm_resource', ['--list-agents', `ocf:${provider}`])
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .map((l) => `ocf:${provider}:${l}`)
        .sort();
      const catalogued = cat.agentIds().filter((i) => i.startsWith(`ocf:${provider}:`)).sort();
      expect(catalogued).toEqual(listed);
    }
    // resource-agents' 141 and resource-agents-paf's pgsqlms; drbd-utils' drbd and drbd-attr.
    expect(cat.agentIds().filter((i) => i.startsWith('ocf:heartbeat:'))).toHaveLength(142);
    expect(cat.agentIds().filter((i) => i.startsWith('ocf:pacemaker:'))).toHaveLength(13);
    expect(cat.agentIds().filter((i) => i.startsWith('ocf:linbit:'))).toEqual(['ocf:linbit:drbd', 'ocf:linbit:drbd-attr']);
  });

  it('has every installed fence agent', () => {
    const installed = readdirSync('/usr/sbin').filter((n) => n.startsWith('fence_'));
    // fence-agents' 86 and fence-virt's fence_virt and fence_xvm.
    expect(installed).toHaveLength(88);
    const expected = installed.filter((n) => !NOT_FENCE_AGENTS.includes(n)).map((n) => `stonith:${n}`).sort();
    expect(cat.agentIds().filter((i) => i.startsWith('stonith:')).sort()).toEqual(expected);
    // stonith_admin sees the same fence_* agents (it also lists cluster-glue plugins, which are not catalogued).
    const fenced = tool('stonith_admin', ['--list-installed'])
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.startsWith('fence_'));
    expect(fenced.sort()).toEqual([...installed].sort());
  });

  it('crm_resource --show-metadata agrees with the catalogue', () => {
    for (const id of ['ocf:heartbeat:IPaddr2', 'ocf:heartbeat:Filesystem', 'ocf:pacemaker:Dummy', 'stonith:fence_ipmilan']) {
      const xml = tool('crm_resource', ['--show-metadata', id]);
      const shown = parseAgentMetadata(xml, id);
      const catalogued = cat.agent(id);
      // crm_resource runs the agent with OCF_RESOURCE_INSTANCE set to the agent's name, so defaults
      // built from the instance name (generated without one: "...-RESOURCE_ID...") differ.
      for (const p of catalogued?.params ?? []) {
        const q = shown.params.find((x) => x.name === p.name);
        if (q !== undefined && p.default?.includes('RESOURCE_ID')) q.default = p.default;
      }
      expect(shown, id).toEqual(catalogued);
    }
  });
});
