// The agent/property catalogue used by the checker. Pure lookups over the committed JSON files
// (agents.json, properties.json) plus optional extra meta-data (`--agents DIR`): no child processes,
// no agent is ever executed at check time.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { assetPath } from '../assets.js';
import { fileURLToPath } from 'node:url';
import { ANYTHING_AGENT_FACT } from './hacc-agents.js';
import { CatalogueError, compareStrings, parseAgentMetadata } from './metadata.js';
import type {
  ActionFact,
  AgentCatalogueFile,
  AgentFact,
  ParamFact,
  PropertyCatalogueFile,
  PropertyFact,
} from './types.js';

export { CatalogueError, parseAgentMetadata } from './metadata.js';
export type { ParseOptions } from './metadata.js';

/** Actions every systemd:/lsb: (and service:) resource supports; these classes take no parameters. */
const SERVICE_ACTIONS: readonly ActionFact[] = [{ name: 'start' }, { name: 'stop' }, { name: 'monitor' }, { name: 'status' }];
export const SERVICE_CLASSES: ReadonlySet<string> = new Set(['systemd', 'lsb', 'service']);

export class Catalogue {
  private readonly agents: ReadonlyMap<string, AgentFact>;
  private readonly properties: ReadonlyMap<string, PropertyFact>;
  private readonly props: PropertyCatalogueFile;
  private readonly agentsFile: AgentCatalogueFile;
  /** Extra agents that replace a shipped one of the same id. */
  private readonly overriding: ReadonlySet<string>;

  constructor(agentsFile: AgentCatalogueFile, propertiesFile: PropertyCatalogueFile, extra: readonly AgentFact[] = []) {
    this.agentsFile = agentsFile;
    this.props = propertiesFile;
    const agents = new Map<string, AgentFact>();
    for (const a of agentsFile.agents) agents.set(a.id, a);
    const overriding = new Set<string>();
    for (const a of extra) {
      if (agents.has(a.id)) overriding.add(a.id);
      agents.set(a.id, a); // extra meta-data wins over the shipped catalogue
    }
    this.overriding = overriding;
    this.agents = agents;
    this.properties = new Map(propertiesFile.properties.map((p) => [p.name, p]));
  }

  /**
   * Facts for a full agent id (`ocf:heartbeat:IPaddr2`, `stonith:fence_ipmilan`). `systemd:NAME`,
   * `lsb:NAME` and `service:NAME` are synthesised for any NAME: no params, actions start/stop/monitor/status.
   */
  agent(id: string): AgentFact | undefined {
    const known = this.agents.get(id);
    if (known !== undefined) return known;
    const colon = id.indexOf(':');
    if (colon > 0 && colon < id.length - 1 && SERVICE_CLASSES.has(id.slice(0, colon)) && !id.slice(colon + 1).includes(':')) {
      return { id, params: [], actions: SERVICE_ACTIONS.map((a) => ({ ...a })) };
    }
    return undefined;
  }

  /** An agent's parameter by name (a map per agent, made at its first question), or undefined. */
  param(agentId: string, name: string): ParamFact | undefined {
    const agent = this.agent(agentId);
    if (agent === undefined) return undefined;
    let byName = this.paramsByName.get(agent);
    if (byName === undefined) this.paramsByName.set(agent, (byName = new Map(agent.params.map((f) => [f.name, f]))));
    return byName.get(name);
  }

  private readonly paramsByName = new WeakMap<AgentFact, ReadonlyMap<string, ParamFact>>();

  /** Ids of all catalogued agents (shipped plus extra), sorted. Synthesised service agents are not listed. */
  agentIds(): string[] {
    return [...this.agents.keys()].sort(compareStrings);
  }

  property(name: string): PropertyFact | undefined {
    return this.properties.get(name);
  }

  /** All property names, including those only valid on some Pacemaker versions (see since/until). */
  propertyNames(): string[] {
    return [...this.properties.keys()].sort(compareStrings);
  }

  /** Pacemaker's own parameters of fencing resources (pcmk_host_list, pcmk_delay_max, ...). */
  get fencingParams(): readonly ParamFact[] {
    return this.props.fencingParams;
  }

  /** Resource meta-attributes (target-role, resource-stickiness, ...). */
  get resourceMeta(): readonly ParamFact[] {
    return this.props.resourceMeta;
  }

  /** Operation attributes (interval, timeout, on-fail, ...). */
  get opMeta(): readonly ParamFact[] {
    return this.props.opMeta;
  }

  /** Debian package versions the shipped agent and property facts were read from. */
  get generatedFrom(): Readonly<Record<string, string>> {
    return { ...this.agentsFile.generatedFrom, ...this.props.generatedFrom };
  }

  /** Whether `id` is an --agents agent that would replace one shipped under that name (HA212). */
  overridesShipped(id: string): boolean {
    return this.overriding.has(id);
  }

  /** A catalogue that also knows `extra` (e.g. from loadAgentDir); an extra agent replaces a shipped one of the same id. */
  withAgents(extra: readonly AgentFact[]): Catalogue {
    const shipped = this.agentsFile.agents;
    const previous = [...this.agents.values()].filter((a) => !shipped.includes(a));
    return new Catalogue(this.agentsFile, this.props, [...previous, ...extra]);
  }
}

// --- loading the committed JSON ----------------------------------------------------------------

/** The JSON lives in src/catalogue, beside this module's source (assets.ts finds it from dist/ too). */
function catalogueFile(name: string): string {
  const found = assetPath(import.meta.url, `catalogue/${name}`);
  if (found === undefined) throw new CatalogueError(name, `catalogue file not found (looked beside ${fileURLToPath(import.meta.url)} and in every src/catalogue above it)`);
  return found;
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CatalogueError(path, `cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CatalogueError(path, `is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function loadAgentCatalogueFile(path: string = catalogueFile('agents.json')): AgentCatalogueFile {
  const data = readJson(path);
  if (!isRecord(data) || !isRecord(data['generatedFrom']) || !Array.isArray(data['agents'])) {
    throw new CatalogueError(path, 'is not an agent catalogue ({ generatedFrom, agents[] } expected)');
  }
  return data as unknown as AgentCatalogueFile;
}

export function loadPropertyCatalogueFile(path: string = catalogueFile('properties.json')): PropertyCatalogueFile {
  const data = readJson(path);
  const lists = ['properties', 'fencingParams', 'resourceMeta', 'opMeta'];
  if (!isRecord(data) || !isRecord(data['generatedFrom']) || lists.some((k) => !Array.isArray(data[k]))) {
    throw new CatalogueError(path, `is not a property catalogue ({ generatedFrom, ${lists.join('[], ')}[] } expected)`);
  }
  return data as unknown as PropertyCatalogueFile;
}

let cached: Catalogue | undefined;

/** The shipped catalogue (read once per process, then cached). */
export function defaultCatalogue(): Catalogue {
  if (!cached) {
    const file = loadAgentCatalogueFile();
    // hacc's own generated agents are shipped with hacc, like the packages' agents.
    cached = new Catalogue({ ...file, agents: [...file.agents, ANYTHING_AGENT_FACT] }, loadPropertyCatalogueFile());
  }
  return cached;
}

// --- `--agents DIR` ----------------------------------------------------------------------------

const PROVIDER_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const FULL_ID_RE = /^(?:ocf:[A-Za-z0-9_][A-Za-z0-9_.-]*|stonith):[A-Za-z0-9_][A-Za-z0-9_.+-]*$/;

/**
 * Load extra agent meta-data for `--agents DIR`. Each `*.xml` file is one agent's `meta-data` output.
 * Layout (the agent id comes from the path, never from the XML):
 *   DIR/<provider>/<type>.xml        -> ocf:<provider>:<type>   (mirrors /usr/lib/ocf/resource.d)
 *   DIR/ocf:<provider>:<type>.xml    -> ocf:<provider>:<type>
 *   DIR/stonith:<fence_agent>.xml    -> stonith:<fence_agent>
 * Other files, and directories below DIR/<provider>/, are ignored. A top-level `*.xml` whose name is
 * not a full id, a bad file name, a duplicate id or malformed meta-data throws CatalogueError naming
 * the file. Result is sorted by id.
 */
export function loadAgentDir(dir: string): AgentFact[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new CatalogueError(dir, 'is not a directory');
    entries = readdirSync(dir).sort();
  } catch (e) {
    if (e instanceof CatalogueError) throw e;
    throw new CatalogueError(dir, `agent directory cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  const found = new Map<string, string>(); // id -> file
  const agents: AgentFact[] = [];
  const add = (id: string, file: string): void => {
    const previous = found.get(id);
    if (previous !== undefined) throw new CatalogueError(file, `defines agent ${id}, already defined by ${previous}`);
    found.set(id, file);
    let xml: string;
    try {
      xml = readFileSync(file, 'utf8');
    } catch (e) {
      throw new CatalogueError(file, `cannot be read (${e instanceof Error ? e.message : String(e)})`);
    }
    agents.push(parseAgentMetadata(xml, id, { source: file }));
  };
  for (const entry of entries) {
    const path = join(dir, entry);
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      continue; // dangling symlink etc.
    }
    if (isDir) {
      if (!PROVIDER_RE.test(entry)) continue;
      for (const file of readdirSync(path).sort()) {
        if (!file.endsWith('.xml')) continue;
        const filePath = join(path, file);
        if (!statSync(filePath).isFile()) continue;
        const type = basename(file, '.xml');
        if (!/^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/.test(type)) {
          throw new CatalogueError(filePath, `"${type}" is not a valid agent name`);
        }
        add(`ocf:${entry}:${type}`, filePath);
      }
    } else if (entry.endsWith('.xml')) {
      const id = basename(entry, '.xml');
      if (!FULL_ID_RE.test(id)) {
        throw new CatalogueError(
          path,
          'cannot tell which agent this is: name top-level files by full id (ocf:PROVIDER:TYPE.xml, stonith:NAME.xml) or put them in DIR/PROVIDER/TYPE.xml',
        );
      }
      add(id, path);
    }
  }
  return agents.sort((a, b) => compareStrings(a.id, b.id));
}
