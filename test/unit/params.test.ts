import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue, type Catalogue } from '../../src/catalogue/catalogue.js';
import type { AgentFact } from '../../src/catalogue/types.js';
import { agentSchema, paramFindings, type ParamFinding } from '../../src/check/params.js';
import { resolve, type Primitive } from '../../src/model/model.js';
import type * as A from '../../src/syntax/ast.js';
import { parseHa } from '../../src/syntax/parse.js';

// paramFindings checks agentSchema directly instead of compiling it with ajv (start-up time). This
// is the ajv implementation it replaced, kept as the oracle: both must give the same findings, in
// the same order, for every catalogued agent.
const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<AgentFact, ValidateFunction>();

function propertyOf(e: ErrorObject): string | undefined {
  if (e.keyword === 'additionalProperties') return String((e.params as { additionalProperty: string }).additionalProperty);
  if (e.keyword === 'required') return String((e.params as { missingProperty: string }).missingProperty);
  return e.instancePath.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
}

function ajvFindings(p: Primitive, catalogue: Catalogue): ParamFinding[] {
  const id = p.agent.id;
  const agent = catalogue.agent(id);
  const out: ParamFinding[] = [];
  if (!agent) return out;
  const extra = id.startsWith('stonith:') ? catalogue.fencingParams : [];
  const attrs = new Map<string, A.Attr>();
  for (const a of p.params.attrs) attrs.set(a.key.text, a);
  const values: Record<string, string> = {};
  for (const [k, a] of attrs) values[k] = a.value.text;
  for (const c of p.commands) values[`${c.action.text}_cmd`] = c.value.text;
  let validate = compiled.get(agent);
  if (!validate) compiled.set(agent, (validate = ajv.compile(agentSchema(agent, extra))));
  if (validate(values)) return out;
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
  return out;
}

/** Values of every shape the catalogue's types and enums accept or refuse. */
const POOL = ['1', 'yes', 'true', 'maybe', '20s', '20x', '1.5min', 'P1D', 'x y', '-5', '+7', 'INFINITY', '-INFINITY', '50%', '', '70000', 'on', '0'];

const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Three primitives per agent: no params; every param from the pool (plus unknown ones); every param from the pool again, shifted, or an allowed value. */
function primitivesFor(agent: AgentFact, n: number): string[] {
  const head = (i: number) => `primitive p${n}-${i} ${agent.id === 'ocf:hacc:anything' ? 'anything' : agent.id}`;
  const names = agent.params.map((p) => p.name);
  const line = (shift: number, extra: string[]) =>
    [...names.map((name, k) => `${name}=${q(k % 3 === 2 && agent.params[k]!.values?.length ? agent.params[k]!.values![0]! : POOL[(k + shift) % POOL.length]!)}`), ...extra].join(' ');
  return [
    `${head(1)} { op monitor interval=10s }`,
    `${head(2)} {\n params ${line(n, ['bogus_param=1', `${names[0] ?? 'x'}x=2`, 'pcmk_host_list=a'])}\n start "/bin/a"\n}`,
    `${head(3)} {\n params ${line(n + 7, ['12=x'])}\n}`,
  ];
}

describe('parameter validation', () => {
  const catalogue = defaultCatalogue();
  const agents = catalogue.agentIds().map((id) => catalogue.agent(id)!);

  it('gives exactly the findings ajv gives for agentSchema, in the same order, for every catalogued agent', () => {
    expect(agents.length).toBeGreaterThan(200);
    const text = `cluster c {\n${agents.flatMap((a, n) => primitivesFor(a, n)).join('\n')}\n}\n`;
    const parsed = parseHa(text, 'params.ha');
    const primitives = resolve(parsed.file, parsed.file.cluster!, { catalogue }).primitives;
    expect(primitives).toHaveLength(agents.length * 3);
    let kinds = new Set<string>();
    for (const p of primitives) {
      const expected = ajvFindings(p, catalogue);
      expect(paramFindings(p, catalogue), `${p.name} ${p.agent.text}`).toEqual(expected);
      kinds = new Set([...kinds, ...expected.map((f) => f.kind)]);
    }
    expect([...kinds].sort()).toEqual(['invalid', 'missing', 'unknown']);
  });
});
