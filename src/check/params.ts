import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { AgentFact, ParamFact } from '../catalogue/types.js';
import { allAttrs } from '../model/model.js';
import type * as A from '../syntax/ast.js';
import { agentIdOf } from './agents.js';

// Parameter validation through JSON Schema: each agent's parameters become a schema, ajv checks a
// primitive's params against it, and each error is mapped back to the attribute (key or value token)
// it is about. HA203, HA204 and HA205 each report their own kind of finding from one validation.

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

function paramSchema(fact: ParamFact): Record<string, unknown> {
  if (fact.values && fact.values.length > 0) return { type: 'string', enum: fact.values };
  const pattern = PATTERNS[fact.type];
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

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<string, ValidateFunction>();
const findings = new WeakMap<A.PrimitiveDecl, readonly ParamFinding[]>();

function validatorFor(key: string, agent: AgentFact, extra: readonly ParamFact[]): ValidateFunction {
  let v = compiled.get(key);
  if (!v) {
    v = ajv.compile(agentSchema(agent, extra));
    compiled.set(key, v);
  }
  return v;
}

function propertyOf(e: ErrorObject): string | undefined {
  if (e.keyword === 'additionalProperties') return String((e.params as { additionalProperty: string }).additionalProperty);
  if (e.keyword === 'required') return String((e.params as { missingProperty: string }).missingProperty);
  // instancePath is "/name" with JSON Pointer escaping.
  return e.instancePath.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The parameter findings of one primitive, computed once per primitive however many rules ask. */
export function paramFindings(p: A.PrimitiveDecl, catalogue: Catalogue): readonly ParamFinding[] {
  const cached = findings.get(p);
  if (cached) return cached;
  const id = agentIdOf(p);
  const agent = catalogue.agent(id);
  const out: ParamFinding[] = [];
  if (agent) {
    const extra = id.startsWith('stonith:') ? catalogue.fencingParams : [];
    const attrs = new Map<string, A.Attr>();
    for (const a of allAttrs(p.params)) attrs.set(a.key.text, a);
    // Command resources write their params as start/stop/monitor lines.
    const values: Record<string, string> = {};
    for (const [k, a] of attrs) values[k] = a.value.text;
    for (const c of p.commands) values[`${c.action.text}_cmd`] = c.value.text;
    const validate = validatorFor(id, agent, extra);
    if (!validate(values)) {
      const known = [...agent.params.map((x) => x.name), ...extra.map((x) => x.name)];
      for (const e of validate.errors ?? []) {
        const name = propertyOf(e);
        if (name === undefined) continue;
        const attr = attrs.get(name);
        if (e.keyword === 'required') out.push({ kind: 'missing', name });
        else if (e.keyword === 'additionalProperties' && attr) out.push({ kind: 'unknown', attr, known });
        else if (attr) {
          const fact = [...agent.params, ...extra].find((x) => x.name === name);
          if (fact && !out.some((f) => f.kind === 'invalid' && f.attr === attr)) out.push({ kind: 'invalid', attr, fact });
        }
      }
    }
  }
  findings.set(p, out);
  return out;
}
