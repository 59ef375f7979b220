// Parsing of resource-agent / fence-agent / Pacemaker daemon meta-data XML into facts.
// Shared by scripts/gen-catalogue.ts (build time) and `--agents DIR` (check time). Pure: no I/O here.
// Only facts are kept (names, types, required, unique, defaults, allowed values, deprecation,
// advised action timeouts); every description (longdesc/shortdesc) is dropped.

import { createRequire } from 'node:module';
import type * as Fxp from 'fast-xml-parser';
import type { ActionFact, AgentFact, ParamFact, ParamType } from './types.js';

/** A catalogue input (meta-data file, JSON file, agent directory) that cannot be used. */
export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';
  /** The file or agent the problem is in. */
  readonly source: string;
  constructor(source: string, problem: string) {
    super(`${source}: ${problem}`);
    this.source = source;
  }
}

/** Code-unit string order (locale-independent, so generated files sort the same everywhere). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ParseOptions {
  /** What to name in error messages (a file path); defaults to the agent id. */
  source?: string;
  /** Receives non-fatal oddities (unknown content type, ...). Ignored when absent. */
  warn?: (message: string) => void;
}

/**
 * Content types as written in meta-data, normalised into ParamType:
 * - OCF 1.0/1.1 and Pacemaker: string, integer, boolean, time, select, percentage, score,
 *   nonnegative_integer, port, version, epoch_time map to themselves.
 * - `int` -> integer, `bool` -> boolean, `enum`/`enumeration` -> select, `text` -> string.
 * - `duration`, `timeout`, `interval` (Pacemaker >= 2.1.7 daemon meta-data) -> time.
 * - `second` (fence-agents' fencing.py): validated there with Python int(), so a bare whole
 *   number of seconds; "20s" is rejected by the agent -> integer, not time.
 * - `nonnegative integer` / `nonnegative-integer` spellings -> nonnegative_integer.
 * - anything else -> string, with a warning.
 */
const TYPE_MAP: Readonly<Record<string, ParamType>> = {
  string: 'string',
  text: 'string',
  integer: 'integer',
  int: 'integer',
  second: 'integer',
  boolean: 'boolean',
  bool: 'boolean',
  time: 'time',
  duration: 'time',
  timeout: 'time',
  interval: 'time',
  select: 'select',
  enum: 'select',
  enumeration: 'select',
  percentage: 'percentage',
  score: 'score',
  nonnegative_integer: 'nonnegative_integer',
  'nonnegative-integer': 'nonnegative_integer',
  'nonnegative integer': 'nonnegative_integer',
  port: 'port',
  version: 'version',
  epoch_time: 'epoch_time',
};

export function normaliseType(raw: string | undefined, warn?: (m: string) => void, where = ''): ParamType {
  if (raw === undefined || raw.trim() === '') return 'string';
  const mapped = TYPE_MAP[raw.trim().toLowerCase()];
  if (mapped !== undefined) return mapped;
  warn?.(`${where}unknown content type "${raw}", treated as string`);
  return 'string';
}

// --- raw XML shapes (as produced by fast-xml-parser with the options below) ---------------------

type RawNode = Record<string, unknown>;

const ARRAY_TAGS = new Set(['parameter', 'action', 'option', 'replaced-with']);

/**
 * fast-xml-parser, loaded on first use: `hacc check` without `--agents` never parses meta-data,
 * and the package's ES module graph costs start-up time. Its CommonJS build is one file.
 */
let loaded: { readonly parser: Fxp.XMLParser; readonly validator: typeof Fxp.XMLValidator } | undefined;
function fxp(): NonNullable<typeof loaded> {
  if (loaded) return loaded;
  const { XMLParser, XMLValidator } = createRequire(import.meta.url)('fast-xml-parser') as typeof Fxp;
  loaded = { parser: new XMLParser(PARSER_OPTIONS), validator: XMLValidator };
  return loaded;
}

const PARSER_OPTIONS: Fxp.X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Descriptions are never read; skipping their markup keeps odd HTML in them from mattering.
  stopNodes: ['*.longdesc', '*.shortdesc'],
  isArray: (tagName: string) => ARRAY_TAGS.has(tagName),
};

function isNode(v: unknown): v is RawNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function attr(node: RawNode, name: string): string | undefined {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}

function children(node: RawNode, tag: string): RawNode[] {
  const v = node[tag];
  if (v === undefined) return [];
  const list = Array.isArray(v) ? v : [v];
  // `<action name="x"/>` parses to an object; an empty `<option></option>` parses to "".
  return list.map((x) => (isNode(x) ? x : {}));
}

function flag(v: string | undefined): boolean {
  if (v === undefined) return false;
  return ['1', 'true', 'yes', 'on', 'y'].includes(v.trim().toLowerCase());
}

/**
 * Parse one `meta-data` output into an AgentFact. Throws CatalogueError (naming `options.source`
 * or `id`) when the XML is malformed or is not resource-agent meta-data.
 */
export function parseAgentMetadata(xml: string, id: string, options: ParseOptions = {}): AgentFact {
  const source = options.source ?? id;
  const fail = (problem: string): never => {
    throw new CatalogueError(source, problem);
  };
  if (xml.trim() === '') fail('meta-data is empty');
  const valid = fxp().validator.validate(xml);
  if (valid !== true) {
    fail(`meta-data is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg})`);
  }
  let doc: unknown;
  try {
    doc = fxp().parser.parse(xml);
  } catch (e) {
    fail(`meta-data could not be parsed (${e instanceof Error ? e.message : String(e)})`);
  }
  const root = isNode(doc) ? doc['resource-agent'] : undefined;
  if (!isNode(root)) {
    const top = isNode(doc) ? Object.keys(doc).filter((k) => !k.startsWith('?')) : [];
    return fail(`no <resource-agent> root element${top.length ? ` (found <${top.join('>, <')}>)` : ''}`);
  }
  const warn = options.warn;

  const params: ParamFact[] = [];
  const byName = new Map<string, ParamFact>();
  const obsoletes: Array<[string, string]> = [];
  const paramsNode = root['parameters'];
  for (const [i, p] of (isNode(paramsNode) ? children(paramsNode, 'parameter') : []).entries()) {
    const name = attr(p, 'name')?.trim();
    if (!name) fail(`parameter #${i + 1} has no name`);
    const pname = name as string;
    if (byName.has(pname)) fail(`parameter "${pname}" is defined twice`);
    const content = isNode(p['content']) ? (p['content'] as RawNode) : undefined;
    const values = content ? children(content, 'option').map((o) => attr(o, 'value')) : [];
    if (values.some((v) => v === undefined)) fail(`parameter "${pname}" has an <option> without a value`);
    let type = normaliseType(content ? attr(content, 'type') : undefined, warn, `${source}: parameter "${pname}": `);
    if (values.length > 0 && type === 'string') type = 'select';
    const fact: ParamFact = {
      name: pname,
      type,
      required: flag(attr(p, 'required')),
      unique: flag(attr(p, 'unique')),
    };
    const def = content ? attr(content, 'default') : undefined;
    if (def !== undefined) fact.default = def;
    if (values.length > 0) fact.values = values as string[];
    // Deprecation: fence-agents write deprecated="1" and obsoletes="old" (on the replacement);
    // OCF 1.1 writes <deprecated><replaced-with name="new"/></deprecated>.
    const depNode = p['deprecated'];
    if (flag(attr(p, 'deprecated')) || depNode !== undefined) fact.deprecated = true;
    if (isNode(depNode)) {
      const repl = children(depNode, 'replaced-with').map((r) => attr(r, 'name')).find((n) => n);
      if (repl) fact.obsoletedBy = repl;
    }
    const obs = attr(p, 'obsoletes')?.trim();
    if (obs) obsoletes.push([obs, pname]);
    params.push(fact);
    byName.set(pname, fact);
  }
  for (const [old, replacement] of obsoletes) {
    const oldFact = byName.get(old);
    if (oldFact === undefined) {
      warn?.(`${source}: parameter "${replacement}" obsoletes "${old}", which is not defined`);
    } else if (oldFact.obsoletedBy === undefined) {
      oldFact.obsoletedBy = replacement;
    }
  }

  const actions: ActionFact[] = [];
  const actionsNode = root['actions'];
  for (const [i, a] of (isNode(actionsNode) ? children(actionsNode, 'action') : []).entries()) {
    const name = attr(a, 'name')?.trim();
    if (!name) fail(`action #${i + 1} has no name`);
    const fact: ActionFact = { name: name as string };
    for (const key of ['timeout', 'interval', 'role', 'depth'] as const) {
      const v = attr(a, key);
      if (v !== undefined && v.trim() !== '') fact[key] = v.trim();
    }
    actions.push(fact);
  }
  return { id, params, actions };
}
