// Regenerates src/catalogue/agents.json and src/catalogue/properties.json from the installed
// Pacemaker stack (Debian 12: pacemaker 2.1.5, resource-agents 4.12.0, fence-agents 4.12.1).
//
//   npm run gen:catalogue                 # rewrite the committed files
//   node dist/scripts/gen-catalogue.js --out DIR     # write elsewhere
//   node dist/scripts/gen-catalogue.js --check       # exit 1 if the committed files differ
//
// Reads the meta-data of every ocf:heartbeat:* and ocf:pacemaker:* agent (run with OCF_ROOT and
// `meta-data`), every /usr/sbin/fence_* agent (class stonith) and the cluster options
// of pacemaker-schedulerd / -controld / -based / -fenced (`metadata`). Agents whose meta-data fails
// or is not resource-agent XML are skipped with a warning on stderr. Output is deterministic: agents
// sorted by id, parameters and actions in meta-data order, properties sorted by name.
//
// Fence agents are read through `crm_resource --show-metadata stonith:NAME`, i.e. as Pacemaker's
// fencer presents them, not raw `fence_X -o metadata`: Pacemaker marks `action`, `port` and `plug`
// not required (the fencer supplies them) and adds start/stop actions (20s). That is what a cluster
// and pcs accept, so it is the right view for checking a configuration.
// OCF agents are run directly, without OCF_RESOURCE_INSTANCE, so instance-specific defaults keep the
// agents' generic placeholder (e.g. /var/run/Dummy-RESOURCE_ID.state).
//
// ocf:hacc:anything (hacc's generated command agent) is deliberately NOT in agents.json yet and
// nothing here imports that agent: see HOOK(ocf:hacc:anything) below.

import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CatalogueError, compareStrings, parseAgentMetadata } from '../src/catalogue/metadata.js';
import { FENCING_PARAM_OVERLAY, OP_META, PROPERTY_OVERLAY, RESOURCE_META } from '../src/catalogue/overlay.js';
import { serializeAgents, serializeProperties } from '../src/catalogue/serialize.js';
import type { AgentFact, ParamFact, PropertyFact } from '../src/catalogue/types.js';

const OCF_ROOT = '/usr/lib/ocf';
// linbit: DRBD's agents (drbd-utils); resource-agents-paf puts PostgreSQL's pgsqlms under heartbeat.
const OCF_PROVIDERS = ['heartbeat', 'pacemaker', 'linbit'] as const;
const FENCE_DIR = '/usr/sbin';
const DAEMON_DIR = '/usr/lib/pacemaker';
/** Daemons whose `metadata` lists cluster options, in precedence order for duplicates. */
const PROPERTY_DAEMONS = ['pacemaker-schedulerd', 'pacemaker-controld', 'pacemaker-based'] as const;
const FENCING_DAEMON = 'pacemaker-fenced';
const AGENT_PACKAGES = ['drbd-utils', 'fence-agents', 'fence-virt', 'pacemaker', 'pacemaker-cli-utils', 'pacemaker-resource-agents', 'resource-agents', 'resource-agents-paf'] as const;
const PROPERTY_PACKAGES = ['pacemaker'] as const;
// HOOK(ocf:hacc:anything): hacc's own agents, whose meta-data is not installed on the machine.
// Each entry names an agent id and a committed file (relative to the repository root) holding that
// agent's `meta-data` output; it is parsed like any installed agent and merged into agents.json.
// Empty until the anything agent is merged; then add e.g.
//   { id: 'ocf:hacc:anything', file: '<path of the agent's committed meta-data XML>' }
const HACC_AGENTS: readonly { id: string; file: string }[] = [];
const CONCURRENCY = 8;
const TIMEOUT_MS = 60_000;

/** A fixed environment so the caller's locale/PATH cannot change what agents print. */
const AGENT_ENV: NodeJS.ProcessEnv = {
  PATH: '/usr/sbin:/usr/bin:/sbin:/bin',
  LANG: 'C',
  LC_ALL: 'C',
  OCF_ROOT,
  HOME: '/root',
};

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function warn(message: string): void {
  process.stderr.write(`gen-catalogue: warning: ${message}\n`);
}

class FatalError extends Error {}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: string;
}

function run(file: string, args: string[]): Promise<RunResult> {
  return new Promise((done) => {
    const child = execFile(
      file,
      args,
      { env: AGENT_ENV, timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', cwd: '/' },
      (err, stdout, stderr) => {
        if (err === null) return done({ code: 0, stdout, stderr });
        const code = typeof err.code === 'number' ? err.code : null;
        const error = err.killed ? `killed after ${TIMEOUT_MS} ms` : code !== null ? `exit ${code}` : err.message.split('\n')[0];
        done({ code, stdout, stderr, error });
      },
    );
    // Some agents (fence_legacy) read options from stdin: give them an immediate EOF.
    child.stdin?.end();
  });
}

async function pool<T, R>(items: readonly T[], worker: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await worker(items[i] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

interface AgentSource {
  id: string;
  path: string;
  args: string[];
}

function listAgents(): AgentSource[] {
  const sources: AgentSource[] = [];
  for (const provider of OCF_PROVIDERS) {
    const dir = join(OCF_ROOT, 'resource.d', provider);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      throw new FatalError(`${dir} is missing: install resource-agents and pacemaker-resource-agents`);
    }
    for (const name of names.sort()) {
      const path = join(dir, name);
      if (name.startsWith('.') || !isExecutableFile(path)) continue;
      sources.push({ id: `ocf:${provider}:${name}`, path, args: ['meta-data'] });
    }
  }
  for (const name of readdirSync(FENCE_DIR).sort()) {
    const path = join(FENCE_DIR, name);
    if (!/^fence_[A-Za-z0-9_.-]+$/.test(name) || !isExecutableFile(path)) continue;
    sources.push({ id: `stonith:${name}`, path: 'crm_resource', args: ['--show-metadata', `stonith:${name}`] });
  }
  for (const prefix of ['ocf:heartbeat:', 'ocf:pacemaker:', 'stonith:']) {
    if (!sources.some((s) => s.id.startsWith(prefix))) {
      throw new FatalError(`no ${prefix}* agents installed: install resource-agents, pacemaker and fence-agents`);
    }
  }
  return sources;
}

async function readAgent(src: AgentSource): Promise<AgentFact | undefined> {
  const r = await run(src.path, src.args);
  const stderrHint = r.stderr.trim() ? `; stderr: ${r.stderr.trim().split('\n')[0]}` : '';
  if (r.code !== 0) {
    warn(`skipping ${src.id}: \`${src.path} ${src.args.join(' ')}\` failed (${r.error ?? `exit ${r.code}`})${stderrHint}`);
    return undefined;
  }
  try {
    const agent = parseAgentMetadata(r.stdout, src.id, { source: src.id, warn });
    if (agent.actions.length === 0) {
      warn(`skipping ${src.id}: meta-data lists no actions`);
      return undefined;
    }
    return agent;
  } catch (e) {
    if (e instanceof CatalogueError) {
      warn(`skipping ${e.message}${stderrHint}`);
      return undefined;
    }
    throw e;
  }
}

function haccAgents(): AgentFact[] {
  return HACC_AGENTS.map(({ id, file }) => {
    const path = join(repoRoot, file);
    try {
      return parseAgentMetadata(readFileSync(path, 'utf8'), id, { source: path, warn });
    } catch (e) {
      throw new FatalError(e instanceof Error ? e.message : String(e));
    }
  });
}

async function collectAgents(): Promise<AgentFact[]> {
  const sources = listAgents();
  const agents = (await pool(sources, readAgent)).filter((a): a is AgentFact => a !== undefined);
  agents.push(...haccAgents());
  return agents.sort((a, b) => compareStrings(a.id, b.id));
}

function packageVersions(packages: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pkg of packages) {
    try {
      out[pkg] = execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8', env: AGENT_ENV }).trim();
    } catch {
      throw new FatalError(`package ${pkg} is not installed (dpkg-query -W ${pkg} failed)`);
    }
    if (out[pkg] === '') throw new FatalError(`package ${pkg} is known to dpkg but not installed`);
  }
  return out;
}

async function daemonParams(daemon: string): Promise<ParamFact[]> {
  const path = join(DAEMON_DIR, daemon);
  const r = await run(path, ['metadata']);
  if (r.code !== 0) throw new FatalError(`\`${path} metadata\` failed (${r.error ?? `exit ${r.code}`})`);
  try {
    return parseAgentMetadata(r.stdout, daemon, { warn }).params;
  } catch (e) {
    if (e instanceof CatalogueError) throw new FatalError(e.message);
    throw e;
  }
}

function toProperty(p: ParamFact): PropertyFact {
  const prop: PropertyFact = { name: p.name, type: p.type };
  if (p.default !== undefined) prop.default = p.default;
  if (p.values !== undefined) prop.values = p.values;
  return prop;
}

function sameFacts(a: object, b: object): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function collectProperties(): Promise<{ properties: PropertyFact[]; fencingParams: ParamFact[] }> {
  const byName = new Map<string, PropertyFact>();
  for (const daemon of PROPERTY_DAEMONS) {
    for (const p of await daemonParams(daemon)) {
      const prop = toProperty(p);
      const seen = byName.get(prop.name);
      if (seen === undefined) byName.set(prop.name, prop);
      else if (!sameFacts(seen, prop)) warn(`${daemon} describes ${prop.name} differently; keeping the first description`);
    }
  }
  for (const o of PROPERTY_OVERLAY) {
    const base = byName.get(o.name);
    if (base === undefined && o.type === undefined) {
      throw new FatalError(`overlay for ${o.name}: not in meta-data, so the overlay must give its type`);
    }
    byName.set(o.name, { ...(base ?? { name: o.name, type: 'string' }), ...o });
  }
  const properties = [...byName.values()].sort((a, b) => compareStrings(a.name, b.name));

  const fencingParams = await daemonParams(FENCING_DAEMON);
  for (const o of FENCING_PARAM_OVERLAY) {
    const i = fencingParams.findIndex((p) => p.name === o.name);
    if (i < 0) throw new FatalError(`fencing overlay for ${o.name}: not in ${FENCING_DAEMON} meta-data`);
    fencingParams[i] = { ...(fencingParams[i] as ParamFact), ...o };
  }
  return { properties, fencingParams };
}

interface Options {
  outDir: string;
  check: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { outDir: join(repoRoot, 'src', 'catalogue'), check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') opts.check = true;
    else if (a === '--out' && argv[i + 1] !== undefined) opts.outDir = resolve(argv[++i] as string);
    else throw new FatalError(`usage: gen-catalogue [--out DIR] [--check] (unexpected argument ${a})`);
  }
  return opts;
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const [agents, props] = await Promise.all([collectAgents(), collectProperties()]);
  const files: Record<string, string> = {
    'agents.json': serializeAgents(packageVersions(AGENT_PACKAGES), agents),
    'properties.json': serializeProperties({
      generatedFrom: packageVersions(PROPERTY_PACKAGES),
      properties: props.properties,
      fencingParams: props.fencingParams,
      resourceMeta: [...RESOURCE_META],
      opMeta: [...OP_META],
    }),
  };
  const count = (prefix: string): number => agents.filter((a) => a.id.startsWith(prefix)).length;
  const summary =
    `${agents.length} agents (${count('ocf:heartbeat:')} ocf:heartbeat, ${count('ocf:pacemaker:')} ocf:pacemaker, ` +
    `${count('stonith:')} stonith), ${props.properties.length} properties`;
  if (opts.check) {
    let stale = false;
    for (const [name, text] of Object.entries(files)) {
      let current = '';
      try {
        current = readFileSync(join(opts.outDir, name), 'utf8');
      } catch {
        // missing counts as different
      }
      if (current !== text) {
        process.stderr.write(`gen-catalogue: ${join(opts.outDir, name)} differs from what the installed packages give\n`);
        stale = true;
      }
    }
    if (!stale) process.stderr.write(`gen-catalogue: up to date: ${summary}\n`);
    return stale ? 1 : 0;
  }
  mkdirSync(opts.outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(opts.outDir, name), text);
  process.stderr.write(`gen-catalogue: wrote ${summary} to ${opts.outDir}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`gen-catalogue: error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = e instanceof FatalError ? 1 : 2;
  },
);
