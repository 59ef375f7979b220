import type { Catalogue } from '../catalogue/catalogue.js';
import type { AgentFact, ParamFact, ParamType } from '../catalogue/types.js';
import type { Primitive } from '../model/model.js';
import type * as A from '../syntax/ast.js';

// Parameter validation. Each agent's parameters define a JSON Schema (agentSchema: string values,
// an enum or a pattern per parameter, the required ones, no others); a primitive's params are
// checked against it and each finding is mapped back to the attribute (key or value token) it is
// about. HA203, HA204 and HA205 each report their own kind of finding from one validation.
//
// The schema is small enough that checking it directly is simpler and much faster than compiling
// it with a JSON Schema validator (ajv took about 60 ms to load and compile for the seed example,
// a quarter of `hacc check`). test/unit/params.test.ts checks that the findings are exactly what ajv
// reports for agentSchema, in ajv's order (required, then additional properties in the order
// written, then invalid values in the agent's parameter order), for every catalogued agent.

export type ParamFinding =
  | { readonly kind: 'unknown'; readonly attr: A.Attr; readonly known: readonly string[] }
  | { readonly kind: 'missing'; readonly name: string }
  | { readonly kind: 'invalid'; readonly attr: A.Attr; readonly fact: ParamFact };

const BOOLEAN = '^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy]([Ee][Ss])?|[Nn][Oo]?|[Oo][Nn]|[Oo][Ff][Ff]|1|0)$';
const PATTERNS: Partial<Record<ParamFact['type'], string>> = {
  boolean: BOOLEAN,
  integer: '^(?:[-+]?\\d+|[-+]?INFINITY)$',
  nonnegative_integer: '^\\+?\\d+$',
  port: '^\\d{1,5}$',
  score: '^(?:[-+]?\\d+|[-+]?INFINITY)$',
  time: '^(?:\\d+(?:\\.\\d+)?\\s*(?:ms|msec|us|usec|s|sec|m|min|h|hr)?|P[0-9YMWDTHS.]+)$',
  percentage: '^\\d+(?:\\.\\d+)?%?$',
};

/**
 * The type a parameter's values are judged by: the meta-data's, except an `integer` whose default is
 * a duration (ocf:pacemaker:ping's dampen, default 5s): the agent hands it to a tool that reads
 * durations, so `dampen=5s` is what its users write.
 */
export function effectiveType(fact: ParamFact): ParamType {
  if ((fact.type === 'integer' || fact.type === 'nonnegative_integer') && fact.default !== undefined && !/^[-+]?\d+$/.test(fact.default) && new RegExp(PATTERNS.time!).test(fact.default)) return 'time';
  return fact.type;
}

function paramSchema(fact: ParamFact): Record<string, unknown> {
  if (fact.values && fact.values.length > 0) return { type: 'string', enum: fact.values };
  const pattern = PATTERNS[effectiveType(fact)];
  return pattern ? { type: 'string', pattern } : { type: 'string' };
}

/** The JSON Schema of an agent's parameters (plus Pacemaker's own, for fencing devices). */
export function agentSchema(agent: AgentFact, extra: readonly ParamFact[]): Record<string, unknown> {
  const params = [...agent.params, ...extra.filter((e) => !agent.params.some((p) => p.name === e.name))];
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, paramSchema(p)])),
    // A required parameter with an empty default (IPaddr2's ip) is still required, as pcs treats it.
    required: agent.params.filter((p) => p.required && !p.default).map((p) => p.name),
    additionalProperties: false,
  };
}

/** agentSchema, ready to check: what one validation of a primitive's params needs. */
interface ParamCheck {
  /** Every parameter of the schema, in schema order, with the test its value must pass and its place in that order. */
  readonly properties: ReadonlyMap<string, { readonly valid: (value: string) => boolean; readonly index: number }>;
  readonly required: readonly string[];
  /** The first fact of each name (the agent's own before Pacemaker's fencing params). */
  readonly facts: ReadonlyMap<string, ParamFact>;
  /** Names offered as did-you-mean for an unknown parameter. */
  readonly known: readonly string[];
  /** A parameter's other names: its deprecated names (meta-data `deprecated`, replaced through `obsoletes`) and, for a deprecated one, its new name. */
  readonly aliases: ReadonlyMap<string, readonly string[]>;
}

/** The value test of paramSchema: an enum, an anchored pattern (as ajv compiles it, with the u flag), or any string. */
function valueTest(fact: ParamFact): (value: string) => boolean {
  if (fact.values && fact.values.length > 0) {
    const allowed = new Set(fact.values);
    return (v) => allowed.has(v);
  }
  const pattern = PATTERNS[effectiveType(fact)];
  if (pattern === undefined) return () => true;
  const re = new RegExp(pattern, 'u');
  return (v) => re.test(v);
}

const NO_PARAMS: readonly ParamFact[] = [];
const checks = new WeakMap<AgentFact, { readonly extra: readonly ParamFact[]; readonly check: ParamCheck }>();
const findings = new WeakMap<Primitive, readonly ParamFinding[]>();

function paramCheck(agent: AgentFact, extra: readonly ParamFact[]): ParamCheck {
  const cached = checks.get(agent);
  if (cached && cached.extra === extra) return cached.check;
  const all = [...agent.params, ...extra.filter((e) => !agent.params.some((p) => p.name === e.name))];
  // Like Object.fromEntries in agentSchema: a repeated name keeps its first place and its last schema.
  const properties = new Map<string, { valid: (value: string) => boolean; index: number }>();
  for (const p of all) properties.set(p.name, { valid: valueTest(p), index: properties.get(p.name)?.index ?? properties.size });
  const facts = new Map<string, ParamFact>();
  for (const p of [...agent.params, ...extra]) if (!facts.has(p.name)) facts.set(p.name, p);
  const aliases = new Map<string, string[]>();
  for (const p of all) {
    if (p.obsoletedBy === undefined) continue;
    aliases.set(p.obsoletedBy, [...(aliases.get(p.obsoletedBy) ?? []), p.name]);
    aliases.set(p.name, [...(aliases.get(p.name) ?? []), p.obsoletedBy]);
  }
  const check: ParamCheck = {
    properties,
    required: agent.params.filter((p) => p.required && !p.default).map((p) => p.name),
    facts,
    known: [...agent.params.map((x) => x.name), ...extra.map((x) => x.name)],
    aliases,
  };
  checks.set(agent, { extra, check });
  return check;
}

/** The parameter findings of one primitive, computed once per primitive however many rules ask. */
export function paramFindings(p: Primitive, catalogue: Catalogue): readonly ParamFinding[] {
  const cached = findings.get(p);
  if (cached) return cached;
  const agent = catalogue.agent(p.agent.id);
  const out: ParamFinding[] = [];
  if (agent) {
    const extra = p.agent.fencing ? catalogue.fencingParams : NO_PARAMS;
    const attrs = p.params.values;
    // Command resources write their params as start/stop/monitor lines (no object of values is
    // built: this runs for every primitive of a large file).
    // A primitive made from a template has the template's params too (Pacemaker merges them).
    const inherited = p.template?.target?.params.values;
    const given = (name: string): boolean => attrs.has(name) || (inherited?.has(name) ?? false) || (p.commands.length > 0 && p.commands.some((c) => `${c.action.text}_cmd` === name));
    const check = paramCheck(agent, extra);
    // The schema's checks in ajv's order: required, additional properties, then each property's value.
    // One parameter under either name: a deprecated one (fence agents' ipaddr, login, passwd, port) or
    // the one that replaces it (some agents mark both required).
    for (const name of check.required) {
      if (!given(name) && !check.aliases.get(name)?.some(given)) out.push({ kind: 'missing', name });
    }
    // One pass over what is written (not over every parameter the agent has); invalid values are
    // then put in schema order.
    let invalid: { index: number; finding: ParamFinding }[] | undefined;
    // The owner's other params sets too: their names and values are checked alike.
    const written = p.params.blocks.length === 0 ? attrs : [...attrs, ...p.params.blocks.flatMap((b) => [...b.values])];
    for (const [name, attr] of written) {
      const property = check.properties.get(name);
      if (!property) out.push({ kind: 'unknown', attr, known: check.known });
      else if (!property.valid(attr.value.text)) {
        const fact = check.facts.get(name);
        if (fact) (invalid ??= []).push({ index: property.index, finding: { kind: 'invalid', attr, fact } });
      }
    }
    if (invalid) for (const x of invalid.sort((a, b) => a.index - b.index)) out.push(x.finding);
  }
  findings.set(p, out);
  return out;
}
