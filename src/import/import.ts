// `hacc import`: a CIB (a full `<cib>` or a `<configuration>`) to the .ha file that builds it back.
//
// The CIB is read into a plain view (read-cib.ts) and written as .ha text. What hacc derives by
// itself is left out: an attribute set, op or node id is written (`$id=`, `id=`) only where it
// differs from the id `hacc build` would derive, and the ops an agent's meta-data advises are left
// to build when build would give exactly the CIB's. To know what build derives, the importer asks
// build's own planner: it plans the candidate file, compares every id and op with the CIB, writes
// explicitly what came out different, and repeats until nothing changes (writing one id can move
// another derived id, so this takes a few rounds). What still differs after that cannot be said in
// the language and is reported like every other unsupported part.
//
// Secrets: a CIB holds passwords in clear; they never reach the .ha file. Each secret parameter
// (the names HA501 knows) becomes `NAME=env:HACC_<RESOURCE>_<NAME>`, and the header comment lists
// the variables (never the values). A secret that `hacc build` itself left as a comment in the CIB
// (`<!-- password: set by the setup script from env:X -->`) gets its reference back.

import { defaultCatalogue, type Catalogue } from '../catalogue/catalogue.js';
import { isSecretParam } from '../catalogue/roles.js';
import type { CheckedModel } from '../check/check.js';
import { planCluster, planPrimitives, platformRole, type ClusterPlan, type PlanAttrSet, type PlanOp, type PlanPrimitive } from '../emit/plan.js';
import { FormatError, formatHa, needsQuotes, quote } from '../format/format.js';
import { buildModel } from '../model/model.js';
import { DEFAULT_PLATFORM, isPlatformName, type PlatformName } from '../model/platforms.js';
import { parseHa } from '../syntax/parse.js';
import { haLexer, Word } from '../syntax/tokens.js';
import {
  readCib,
  type CibConfig,
  type CibConstraint,
  type CibNvpair,
  type CibNvset,
  type CibOp,
  type CibPrimitive,
  type CibResource,
  type CibValue,
  type Unsupported,
} from './read-cib.js';
import { parseXml } from './xml.js';

export { NotACibError, type Unsupported } from './read-cib.js';
export { XmlSyntaxError } from './xml.js';

export interface ImportOptions {
  readonly catalogue?: Catalogue;
  /** Written as `platform`; else the platform of a hacc-built CIB, else what the CIB suggests. */
  readonly target?: PlatformName;
  /** The cluster's name; else a hacc-built CIB's, else the `cluster-name` property, else `cluster`. */
  readonly name?: string;
}

/** An environment variable the imported file reads a secret from, and what it must hold. */
export interface SecretVariable {
  readonly variable: string;
  readonly resource: string;
  readonly param: string;
}

export interface ImportResult {
  /** The .ha file, formatted as `hacc fmt` formats it. */
  readonly text: string;
  /** What the file leaves out because the language cannot express it (also listed in its header). */
  readonly unsupported: readonly Unsupported[];
  readonly secrets: readonly SecretVariable[];
}

/** What the writer spells out explicitly instead of leaving hacc to derive it. */
interface Decisions {
  /** Node xpaths written with `id=`. */
  readonly nodeIds: Set<string>;
  /** Attribute-set xpaths written with `$id=`. */
  readonly setIds: Set<string>;
  /** nvpair xpaths written with `$id.NAME=`. */
  readonly pairIds: Set<string>;
  /** Op xpaths written with `id=`. */
  readonly opIds: Set<string>;
  /** Per primitive xpath: op names left to build's defaults; `exact` writes every op and `default-ops none`. */
  readonly ops: Map<string, { exact: boolean; omit: Set<string> }>;
}

const MAX_ROUNDS = 12;

/** Whether text lexes as one bare word (`plain`: one that is not a keyword either). */
function isWord(text: string, plain = false): boolean {
  if (text === '') return false;
  const lexed = haLexer.tokenize(text);
  const [t] = lexed.tokens;
  return lexed.errors.length === 0 && lexed.tokens.length === 1 && t!.image === text && (!plain || t!.tokenType === Word);
}

/** Whether a value can be written in a .ha file (quoted if need be) and read back as the same text. */
function isWritableValue(text: string): boolean {
  return !/[\u0000-\u0008\u000b-\u001f\u007f\r]/.test(text);
}

const value = (text: string): string => (needsQuotes(text) ? quote(text) : text);

const isKey = (name: string): boolean => isWord(name) && name !== '$id' && !/^(?:env|file):/.test(name);

/** Environment-variable-shaped: HACC_<RESOURCE>_<PARAM>. */
function variableName(resource: string, param: string): string {
  return `HACC_${resource}_${param}`.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

/** Drops (and reports) what cannot be written as .ha text: names that are not words, values with control characters. */
class Sanitiser {
  constructor(private readonly unsupported: Unsupported[]) {}

  private report(what: string, id: string | undefined, xpath: string, reason: string): void {
    this.unsupported.push({ what, ...(id !== undefined ? { id } : {}), xpath, reason });
  }

  nvset(set: CibNvset | undefined): CibNvset | undefined {
    if (!set) return undefined;
    const pairs = set.pairs.filter((p) => {
      if (!isKey(p.name)) this.report('nvpair', p.id, p.xpath, `the name '${p.name}' cannot be written as a .ha key`);
      else if (p.value.kind === 'literal' && !isWritableValue(p.value.text)) this.report('nvpair', p.id, p.xpath, 'a value with control characters');
      else return true;
      return false;
    });
    return { ...set, pairs };
  }

  op(o: CibOp): CibOp | undefined {
    const bad = [...o.attrs].find(([k, v]) => !isKey(k) || k === 'OCF_CHECK_LEVEL' || !isWritableValue(v));
    if (!isWord(o.name) || !isWord(o.id) || (o.interval !== undefined && !isWritableValue(o.interval)) || bad) {
      return void this.report('op', o.id, o.xpath, bad ? `the attribute '${bad[0]}' cannot be written as it is` : 'a name or id that cannot be written as a .ha word');
    }
    const level = o.checkLevel;
    if (level && (!isWritableValue(level.pair.value.kind === 'literal' ? level.pair.value.text : ''))) {
      return void this.report('op', o.id, o.xpath, 'an OCF_CHECK_LEVEL with control characters');
    }
    return o;
  }

  primitive(p: CibPrimitive): CibPrimitive | undefined {
    const agent = [p.class, p.provider, p.type].filter((x) => x !== undefined).join(':');
    if (!isWord(p.id) || !isWord(agent) || (p.class !== 'ocf' && p.type.includes(':'))) {
      return void this.report('primitive', p.id, p.xpath, `the id or the agent '${agent}' cannot be written as a .ha word`);
    }
    const params = this.nvset(p.params);
    const meta = this.nvset(p.meta);
    return {
      ...p,
      ...(params ? { params } : {}),
      ...(meta ? { meta } : {}),
      ops: p.ops.flatMap((o) => {
        const op = this.op(o);
        return op ? [op] : [];
      }),
    };
  }

  constraint(c: CibConstraint): CibConstraint | undefined {
    const words = [c.id, c.rsc, ...(c.kind === 'location' ? [c.score] : [c.target])].every((w) => isWord(w));
    const attrs = c.attrs.every(([, v]) => isWord(v));
    if (!words || !attrs) return void this.report(`rsc_${c.kind}`, c.id, c.xpath, 'an id, reference or value that cannot be written as a .ha word');
    if (c.kind === 'location' && !isWord(c.node, true)) {
      return void this.report('rsc_location', c.id, c.xpath, `the node name '${c.node}' is a .ha keyword or not a word`);
    }
    return c;
  }

  config(cib: CibConfig): CibConfig {
    const nodes = cib.nodes.filter((n) => {
      if (!isWord(n.uname)) this.report('node', n.id, n.xpath, `the node name '${n.uname}' cannot be written as a .ha word`);
      else return true;
      return false;
    });
    for (const n of nodes) {
      if (!/^[1-9][0-9]{0,9}$/.test(n.id)) this.report('node', n.id, `${n.xpath}/@id`, 'an id that is not a positive integer (hacc derives one)');
    }
    const resources: CibResource[] = [];
    for (const r of cib.resources) {
      if (r.kind === 'primitive') {
        const p = this.primitive(r);
        if (p) resources.push(p);
      } else if (!isWord(r.id)) {
        this.report('group', r.id, r.xpath, 'an id that cannot be written as a .ha word');
      } else {
        const meta = this.nvset(r.meta);
        resources.push({ ...r, ...(meta ? { meta } : {}), members: r.members.flatMap((m) => this.primitive(m) ?? []) });
      }
    }
    const properties = this.nvset(cib.properties);
    const rscDefaults = this.nvset(cib.rscDefaults);
    const opDefaults = this.nvset(cib.opDefaults);
    return {
      ...cib,
      ...(properties ? { properties } : {}),
      ...(rscDefaults ? { rscDefaults } : {}),
      ...(opDefaults ? { opDefaults } : {}),
      nodes,
      resources,
      constraints: cib.constraints.flatMap((c) => this.constraint(c) ?? []),
    };
  }
}

function allPrimitives(cib: CibConfig): CibPrimitive[] {
  return cib.resources.flatMap((r) => (r.kind === 'group' ? [...r.members] : [r]));
}

/** The platform the CIB suggests: Pacemaker's dc-version (el7, el8…), else a pre-3.0 schema (el7). */
function suggestedPlatform(cib: CibConfig): PlatformName | undefined {
  const dc = cib.maintained.find((p) => p.name === 'dc-version');
  const el = dc?.value.kind === 'literal' ? /\.el([6-9])(?![0-9])/.exec(dc.value.text) : null;
  if (el && isPlatformName(`el${el[1]}`)) return `el${el[1]}` as PlatformName;
  const schema = /^pacemaker-(\d+)\./.exec(cib.validateWith ?? '');
  if (schema && Number(schema[1]) < 3) return 'el7';
  return undefined;
}

function clusterName(cib: CibConfig, options: ImportOptions): string {
  const property = cib.properties?.pairs.find((p) => p.name === 'cluster-name');
  const fromProperty = property?.value.kind === 'literal' ? property.value.text : undefined;
  const raw = options.name ?? cib.hacc?.name ?? fromProperty ?? 'cluster';
  const cleaned = raw.replace(/[^A-Za-z0-9_.-]/g, '-');
  return isWord(cleaned) ? cleaned : 'cluster';
}

/** Writes the .ha text (unformatted) of a CIB under some decisions. */
class Writer {
  constructor(
    private readonly cib: CibConfig,
    private readonly secrets: ReadonlyMap<CibNvpair, string>,
    private readonly name: string,
    private readonly platform: PlatformName | undefined,
  ) {}

  private pairValue(p: CibNvpair): string {
    const variable = this.secrets.get(p);
    if (variable !== undefined) return `env:${variable}`;
    return p.value.kind === 'secret' ? `${p.value.scheme}:${p.value.ref}` : value(p.value.text);
  }

  private pairs(pairs: readonly CibNvpair[]): string[] {
    return pairs.map((p) => `${p.name}=${this.pairValue(p)}`);
  }

  private setId(set: CibNvset, d: Decisions): string[] {
    return d.setIds.has(set.xpath) ? [`$id=${value(set.id)}`] : [];
  }

  private pairIds(pairs: readonly CibNvpair[], d: Decisions): string[] {
    return pairs.flatMap((p) => (p.id !== undefined && d.pairIds.has(p.xpath) ? [`$id.${p.name}=${value(p.id)}`] : []));
  }

  /** `params`/`meta` line: the set's `$id=`, the pairs, the nvpair ids hacc would not derive. */
  private setLine(keyword: string, set: CibNvset, pairs: readonly CibNvpair[], d: Decisions): string[] {
    const ids = [...this.setId(set, d), ...this.pairIds(set.pairs, d)];
    if (pairs.length === 0 && (ids.length === 0 || set.pairs.length === 0)) return [];
    return [[keyword, ...this.setId(set, d), ...this.pairs(pairs), ...this.pairIds(set.pairs, d)].join(' ')];
  }

  /** `property`, `defaults`, `op-defaults`: one line per pair, the set's `$id=` on the first. */
  private settings(out: string[], keyword: string, set: CibNvset | undefined, d: Decisions): void {
    if (!set) return;
    set.pairs.forEach((p, i) => out.push(`  ${[keyword, ...(i === 0 ? this.setId(set, d) : []), ...this.pairs([p]), ...this.pairIds([p], d)].join(' ')}`));
  }

  private op(o: CibOp, d: Decisions): string {
    const parts = [`op ${o.name}`];
    // `interval=0s` is what build gives any op but a monitor; a monitor keeps its interval (HA206).
    if (o.interval !== undefined && !(o.name !== 'monitor' && o.interval === '0s')) parts.push(`interval=${value(o.interval)}`);
    for (const [k, v] of o.attrs) parts.push(`${k}=${value(v)}`);
    if (o.checkLevel) parts.push(`OCF_CHECK_LEVEL=${this.pairValue(o.checkLevel.pair)}`);
    if (d.opIds.has(o.xpath)) parts.push(`id=${value(o.id)}`);
    return parts.join(' ');
  }

  private primitive(out: string[], p: CibPrimitive, depth: number, d: Decisions): void {
    const pad = '  '.repeat(depth);
    const command = p.class === 'ocf' && p.provider === 'hacc' && p.type === 'anything';
    const agent = command ? 'anything' : [p.class, p.provider, p.type].filter((x) => x !== undefined).join(':');
    const body: string[] = [];
    let params = p.params?.pairs ?? [];
    if (command) {
      for (const action of ['start', 'stop', 'monitor']) {
        const cmd = params.find((x) => x.name === `${action}_cmd` && x.value.kind === 'literal');
        if (cmd && cmd.value.kind === 'literal') body.push(`${action.padEnd(7)} ${value(cmd.value.text)}`);
      }
      params = params.filter((x) => !(['start_cmd', 'stop_cmd', 'monitor_cmd'].includes(x.name) && x.value.kind === 'literal'));
    }
    if (p.params) body.push(...this.setLine('params', p.params, params, d));
    if (p.meta) body.push(...this.setLine('meta', p.meta, p.meta.pairs, d));
    const mode = d.ops.get(p.xpath) ?? { exact: true, omit: new Set<string>() };
    for (const o of p.ops) if (mode.exact || !mode.omit.has(o.name)) body.push(this.op(o, d));
    if (mode.exact) body.push('default-ops none');
    if (body.length === 0) {
      out.push(`${pad}primitive ${p.id} ${agent}`);
      return;
    }
    out.push(`${pad}primitive ${p.id} ${agent} {`);
    for (const line of body) out.push(`${pad}  ${line}`);
    out.push(`${pad}}`);
  }

  private constraint(c: CibConstraint): string {
    if (c.kind === 'location') {
      const attrs = c.attrs.map(([k, v]) => `${k}=${value(v)}`);
      const score = c.score.replace(/^\+/, '');
      const [mode, target] =
        score === 'INFINITY'
          ? ['prefers', c.node]
          : score === '-INFINITY'
            ? ['avoids', c.node]
            : score.startsWith('-')
              ? ['avoids', `${c.node}=${score.slice(1)}`]
              : ['prefers', `${c.node}=${c.score}`];
      return [`location ${c.id} ${c.rsc}`, ...attrs, mode, target].join(' ');
    }
    // What build writes anyway is left out: a colocation's score INFINITY, an order's start actions.
    const implied = (k: string, v: string) =>
      c.kind === 'colocation' ? k === 'score' && v === 'INFINITY' : (k === 'first-action' || k === 'then-action') && v === 'start';
    const attrs = c.attrs.filter(([k, v]) => !implied(k, v)).map(([k, v]) => `${k}=${value(v)}`);
    const word = c.kind === 'colocation' ? 'with' : 'then';
    return [`${c.kind} ${c.id} ${c.rsc} ${word} ${c.target}`, ...attrs].join(' ');
  }

  write(d: Decisions): string {
    const out: string[] = [`cluster ${this.name} {`];
    const section = (lines: string[]) => {
      if (lines.length === 0) return;
      if (out.length > 1) out.push('');
      out.push(...lines);
    };
    section(this.platform ? [`  platform ${this.platform}`] : []);
    section(this.cib.nodes.map((n) => `  node ${n.uname}${d.nodeIds.has(n.xpath) ? ` id=${n.id}` : ''}`));
    const settings: string[] = [];
    this.settings(settings, 'property', this.cib.properties, d);
    this.settings(settings, 'defaults', this.cib.rscDefaults, d);
    this.settings(settings, 'op-defaults', this.cib.opDefaults, d);
    section(settings);
    const resources: string[] = [];
    for (const r of this.cib.resources) {
      if (r.kind === 'primitive') {
        this.primitive(resources, r, 1, d);
        continue;
      }
      const inner: string[] = [];
      for (const m of r.members) this.primitive(inner, m, 2, d);
      if (r.meta) inner.push(...this.setLine('meta', r.meta, r.meta.pairs, d).map((l) => `    ${l}`));
      if (inner.length === 0) resources.push(`  group ${r.id} { }`);
      else resources.push(`  group ${r.id} {`, ...inner, '  }');
    }
    section(resources);
    section(this.cib.constraints.map((c) => `  ${this.constraint(c)}`));
    out.push('}');
    return `${out.join('\n')}\n`;
  }
}

/** The plan `hacc build` would make of a candidate text (checked or not: only ids and ops matter here). */
function planOf(text: string, catalogue: Catalogue): ClusterPlan {
  const parsed = parseHa(text, '<import>');
  const cluster = parsed.file.cluster;
  if (parsed.diagnostics.length > 0 || !cluster) {
    throw new Error(`hacc import wrote a file it cannot parse: ${parsed.diagnostics.map((x) => x.message).join('; ')}`);
  }
  // The planner needs no check to pass; ids and ops do not depend on anything the checks decide.
  return planCluster(buildModel(parsed.file, cluster) as CheckedModel, catalogue);
}

/** An op attribute as build writes it (roles per platform, some values in lower case). */
function normalOpAttr(name: string, text: string, roles: ClusterPlan['cib']['roles']): string {
  if (name === 'role') return platformRole(text, roles);
  if (name === 'on-fail' || name === 'record-pending' || name === 'enabled') return text.toLowerCase();
  return text;
}

/** Whether a planned op is exactly a CIB op: id, name, interval, attributes in order, OCF_CHECK_LEVEL and its ids. */
function sameOp(c: CibOp, p: PlanOp | undefined, roles: ClusterPlan['cib']['roles']): boolean {
  if (!p || p.id !== c.id || p.name !== c.name || p.interval !== c.interval) return false;
  const attrs = c.attrs.map(([k, v]) => `${k}=${normalOpAttr(k, v, roles)}`);
  if (attrs.join('\n') !== p.attrs.map((a) => `${a.name}=${a.value}`).join('\n')) return false;
  const level = p.instanceAttributes;
  if (!c.checkLevel || !level) return !c.checkLevel && !level;
  const pair = level.attrs[0];
  const cv = c.checkLevel.pair.value;
  return level.id === c.checkLevel.set.id && pair?.id === c.checkLevel.pair.id && pair.value.kind === 'literal' && cv.kind === 'literal' && pair.value.text === cv.text;
}

function opsByName<T extends { readonly name: string }>(ops: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const o of ops) out.set(o.name, [...(out.get(o.name) ?? []), o]);
  return out;
}

/** The CIB's primitives, each with what the plan made of it. */
function pairedPrimitives(cib: CibConfig, plan: ClusterPlan): [CibPrimitive, PlanPrimitive][] {
  const planned = new Map<string, PlanPrimitive>();
  for (const p of planPrimitives(plan)) if (!planned.has(p.id)) planned.set(p.id, p);
  return allPrimitives(cib).flatMap((c): [CibPrimitive, PlanPrimitive][] => {
    const p = planned.get(c.id);
    return p ? [[c, p]] : [];
  });
}

/** Every attribute set of the CIB with the plan's: properties, defaults, params and meta of primitives and groups. */
function pairedSets(cib: CibConfig, plan: ClusterPlan): [CibNvset | undefined, PlanAttrSet | undefined][] {
  const out: [CibNvset | undefined, PlanAttrSet | undefined][] = [
    [cib.properties, plan.properties],
    [cib.rscDefaults, plan.rscDefaults],
    [cib.opDefaults, plan.opDefaults],
  ];
  for (const [c, p] of pairedPrimitives(cib, plan)) out.push([c.params, p.params], [c.meta, p.meta]);
  for (const r of plan.resources) {
    const c = r.kind === 'group' ? cib.resources.find((x) => x.kind === 'group' && x.id === r.id) : undefined;
    if (r.kind === 'group' && c?.kind === 'group') out.push([c.meta, r.meta]);
  }
  return out;
}

/** One round: what to write explicitly so the plan comes closer to the CIB. Returns whether anything changed. */
function refine(cib: CibConfig, plan: ClusterPlan, d: Decisions): boolean {
  let changed = false;
  const add = (set: Set<string>, key: string) => {
    if (!set.has(key)) {
      set.add(key);
      changed = true;
    }
  };
  const setId = (c: CibNvset | undefined, p: PlanAttrSet | undefined) => {
    if (!c || c.pairs.length === 0) return;
    // nvpair ids derive from the set's: look at them once the set has its id.
    if (p?.id !== c.id) return add(d.setIds, c.xpath);
    for (const pair of c.pairs) {
      const got = p?.attrs.find((a) => a.name === pair.name);
      if (pair.id !== undefined && got && got.id !== pair.id) add(d.pairIds, pair.xpath);
    }
  };
  for (const [c, p] of pairedSets(cib, plan)) setId(c, p);
  const planNodes = new Map(plan.nodes.map((n) => [n.name, n]));
  for (const n of cib.nodes) {
    if (/^[1-9][0-9]{0,9}$/.test(n.id) && String(planNodes.get(n.uname)?.id) !== n.id) add(d.nodeIds, n.xpath);
  }
  for (const [c, p] of pairedPrimitives(cib, plan)) {
    const mode = d.ops.get(c.xpath)!;
    const cibOps = opsByName(c.ops);
    const planOps = opsByName(p.ops);
    for (const [name, ops] of cibOps) {
      const got = planOps.get(name) ?? [];
      if (!mode.exact && mode.omit.has(name)) {
        // Left to build's defaults: they must give exactly these ops, ids and all.
        if (got.length !== ops.length || ops.some((o, i) => !sameOp(o, got[i], plan.cib.roles))) {
          mode.omit.delete(name);
          changed = true;
        }
        continue;
      }
      ops.forEach((o, i) => {
        if (got[i]?.id !== o.id) add(d.opIds, o.xpath);
      });
    }
    if (!mode.exact && [...planOps.keys()].some((name) => !cibOps.has(name))) {
      // Build would add an op the CIB does not have: write them all and turn the defaults off.
      mode.exact = true;
      mode.omit.clear();
      changed = true;
    }
  }
  return changed;
}

/** What the final plan still gets wrong: each is a part of the CIB the language cannot reproduce. */
function differences(cib: CibConfig, plan: ClusterPlan): Unsupported[] {
  const out: Unsupported[] = [];
  const pairs = (c: CibNvset | undefined, p: PlanAttrSet | undefined) => {
    if (!c) return;
    for (const pair of c.pairs) {
      const got = p?.attrs.find((a) => a.name === pair.name);
      if (pair.id !== undefined && got && got.id !== pair.id) {
        out.push({ what: 'nvpair', id: pair.id, xpath: pair.xpath, reason: `an nvpair id hacc cannot keep (it would be '${got.id}')` });
      }
    }
  };
  for (const [c, p] of pairedSets(cib, plan)) pairs(c, p);
  for (const [c, p] of pairedPrimitives(cib, plan)) {
    const planOps = opsByName(p.ops);
    for (const [name, ops] of opsByName(c.ops)) {
      const got = planOps.get(name) ?? [];
      ops.forEach((o, i) => {
        if (sameOp(o, got[i], plan.cib.roles)) return;
        const reason =
          o.interval === undefined
            ? 'an op without an interval (hacc would give it one)'
            : got[i]?.id === o.id && o.checkLevel
              ? 'OCF_CHECK_LEVEL with ids hacc cannot keep'
              : 'an op hacc would not rebuild exactly';
        out.push({ what: 'op', id: o.id, xpath: o.xpath, reason });
      });
    }
  }
  return out;
}

/** Which secret params get an environment variable, and its name (unique in the file). */
function secretVariables(cib: CibConfig): Map<CibNvpair, string> {
  const out = new Map<CibNvpair, string>();
  const used = new Set<string>();
  for (const p of allPrimitives(cib)) {
    for (const pair of p.params?.pairs ?? []) {
      if (pair.value.kind !== 'literal' || !isSecretParam(pair.name)) continue;
      const base = variableName(p.id, pair.name);
      let name = base;
      for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
      used.add(name);
      out.set(pair, name);
    }
  }
  return out;
}

/** Comment text on one line, whatever the CIB held. */
function commentSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, '?');
}

function header(
  cib: CibConfig,
  platform: PlatformName | undefined,
  secrets: readonly SecretVariable[],
  unsupported: readonly Unsupported[],
): string[] {
  const out = [
    '# Imported from a Pacemaker CIB by `hacc import`.',
    '# The CIB holds no node addresses and no pcsd password: add addr= to each node and an',
    '# `auth hacluster password=env:…` line before you run the setup script.',
  ];
  if (!platform) {
    out.push('#', `# The CIB does not say which platform the cluster runs, so hacc assumes ${DEFAULT_PLATFORM}: add a`, '# `platform` line if it runs another.');
  }
  if (secrets.length > 0) {
    out.push('#', '# Secrets: the CIB held these in clear. Their values are not in this file; before the setup', '# script runs, set each environment variable to the value of the parameter it names:');
    const width = Math.max(...secrets.map((s) => s.variable.length));
    for (const s of secrets) out.push(`#   ${s.variable.padEnd(width)}  ${commentSafe(`${s.param} of ${s.resource}`)}`);
  }
  if (cib.maintained.length > 0) {
    out.push('#', `# Left out, maintained by Pacemaker itself: ${cib.maintained.map((p) => `property ${commentSafe(p.name)}`).join(', ')}.`);
  }
  if (unsupported.length > 0) {
    out.push('#', '# NOT IMPORTED: the .ha language cannot express these parts of the CIB yet, so this file does', '# not describe the whole cluster (written with --allow-partial):');
    for (const u of unsupported) out.push(`#   ${commentSafe(describeUnsupported(u))}`);
  }
  return out;
}

/** `clone 'web-clone': a clone, at /cib/configuration/resources/clone[@id='web-clone']`. */
export function describeUnsupported(u: Unsupported): string {
  return `${u.what}${u.id !== undefined ? ` '${u.id}'` : ''}: ${u.reason}, at ${u.xpath}`;
}

/**
 * Imports a CIB. Throws XmlSyntaxError (not well-formed XML) or NotACibError (some other XML); the
 * result lists what could not be imported, and its text lists it too, in the header.
 */
export function importCib(xml: string, options: ImportOptions = {}): ImportResult {
  const catalogue = options.catalogue ?? defaultCatalogue();
  const read = readCib(parseXml(xml));
  const unsupported: Unsupported[] = [...read.unsupported];
  const cib = new Sanitiser(unsupported).config(read);
  const platform = options.target ?? cib.hacc?.platform ?? suggestedPlatform(cib);
  const secretMap = secretVariables(cib);
  const secrets = [...secretMap].map(([pair, variable]) => {
    const owner = allPrimitives(cib).find((p) => p.params?.pairs.includes(pair))!;
    return { variable, resource: owner.id, param: pair.name };
  });
  const writer = new Writer(cib, secretMap, clusterName(cib, options), platform);

  // Start optimistic (every op left to build, every id derived) and write out what differs.
  const d: Decisions = { nodeIds: new Set(), setIds: new Set(), pairIds: new Set(), opIds: new Set(), ops: new Map() };
  for (const p of allPrimitives(cib)) d.ops.set(p.xpath, { exact: false, omit: new Set(p.ops.map((o) => o.name)) });
  let text = writer.write(d);
  let plan = planOf(text, catalogue);
  let rounds = 0;
  while (refine(cib, plan, d)) {
    if (++rounds >= MAX_ROUNDS) {
      // Not settling: spell everything out, which needs no further round.
      for (const m of d.ops.values()) Object.assign(m, { exact: true, omit: new Set() });
      for (const s of [cib.properties, cib.rscDefaults, cib.opDefaults]) if (s) d.setIds.add(s.xpath);
      for (const p of allPrimitives(cib)) {
        for (const s of [p.params, p.meta]) if (s) d.setIds.add(s.xpath);
        for (const o of p.ops) d.opIds.add(o.xpath);
      }
      for (const n of cib.nodes) if (/^[1-9][0-9]{0,9}$/.test(n.id)) d.nodeIds.add(n.xpath);
      for (const r of cib.resources) if (r.kind === 'group' && r.meta) d.setIds.add(r.meta.xpath);
      text = writer.write(d);
      plan = planOf(text, catalogue);
      break;
    }
    text = writer.write(d);
    plan = planOf(text, catalogue);
  }
  unsupported.push(...differences(cib, plan));

  const full = [...header(cib, platform, secrets, unsupported), '', text].join('\n');
  const formatted = formatHa(full, '<import>');
  if (!formatted.ok) throw new FormatError(`hacc import wrote a file hacc fmt rejects: ${formatted.diagnostics.map((x) => x.message).join('; ')}`);
  return { text: formatted.text, unsupported, secrets };
}

export type { CibValue };
