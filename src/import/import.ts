// `hacc import`: a CIB (a full `<cib>` or a `<configuration>`) to the .ha file that builds it back.
//
// The CIB is read into the CIB model (src/cib/read.ts), raised to a syntax tree, and printed by
// the printer `hacc fmt` uses. What hacc derives by itself is left out: an attribute set, op or
// node id is written (`$id=`, `id=`) only where it differs from the id `hacc build` would derive,
// and the ops an agent's meta-data advises are left to build when build would give exactly the
// CIB's. To know what build derives, the importer resolves and lowers its tree as build does,
// compares every id and op of the result with the CIB, writes explicitly what came out different,
// and repeats until nothing changes (writing one id can move another derived id, so this takes a
// few rounds). What still differs after that cannot be said in the language and is reported like
// every other unsupported part. The last round's model is also the one the check runs on.
//
// The tree is the printed file's: the printer writes what reads back as the tree it printed
// (test/properties/import-readback.test.ts holds it over the scheduler corpus, and the corpus round
// trip builds every file back). The text is parsed only where positions are needed: when there are
// errors to silence.
//
// Secrets: a CIB holds passwords in clear; they never reach the .ha file. Each secret parameter
// (the names HA501 knows) becomes `NAME=env:HACC_<RESOURCE>_<NAME>`, and the header comment lists
// the variables (never the values). A secret that `hacc build` itself left as a comment in the CIB
// (`<!-- password: set by the setup script from env:X -->`) gets its reference back.

import { compact } from '../compact.js';
import { TEMPLATE_PREFIX } from '../language/template.js';
import { PLATFORM_FACTS } from '../catalogue/platforms.js';
import { defaultCatalogue, type Catalogue } from '../catalogue/catalogue.js';
import { isSecretParam, MAINTAINED_PROPERTIES } from '../catalogue/roles.js';
import { MACHINE_NAME } from '../language/cluster.js';
import { assertNever } from '../assert-never.js';
import { cibPrimitives, cibPrimitivesAndTemplates, cibResources, isPlainSet, ruleBooleanOp, primitivesOf, isPromotable, literalPair, selectedFlags, toolSet, type ExtraSet, type SetElement, type Cib, type CibAcl, type CibAlert, type CibBundle, type CibClone, type CibConstraint, type CibFencingLevel, type CibGroup, type CibNode, type CibOp, type CibPrimitive, type CibRecipient, type CibResource, type CibResourceSet, type CibRule, type CibRuleChild, type CibValue, type NvPair, type NvSet, type XmlAttr } from '../cib/model.js';
import { PROMOTABLE_META } from '../language/clone.js';
import type { BundleLineKeyword } from '../language/bundle.js';
import type { PermissionKind } from '../language/acl.js';
import { BOOL_OPS, COMPARE_OPS, UNARY_OPS, VALUE_SOURCES, VALUE_TYPES } from '../language/rule.js';
import { SET_ID_SUFFIX } from '../language/resource-set.js';
import { NO_ID, readCibText, type ReadResult, type Unsupported } from '../cib/read.js';
import type { CheckedModel } from '../check/check.js';
import { COMMAND_AGENT, COMMAND_ACTIONS } from '../language/primitive.js';
import { platformRole, type RoleSpelling } from '../language/roles.js';
import { IdAllocator, nthId, sanitizeId } from '../lower/ids.js';
import { cibTarget, lower, type CibTarget, type Lowered } from '../lower/lower.js';
import { nestsWithoutId } from '../lower/rule.js';
import { defaultOps, type OpDraft } from '../lower/ops.js';
import { agentResolver, resolve, type Agent, type ClusterModel } from '../model/model.js';
import { DEFAULT_PLATFORM, isPlatformName, roleSpelling, type PlatformName } from '../model/platforms.js';
import { FormatError, needsQuotes, printHa } from '../print/print.js';
import type * as A from '../syntax/ast.js';
import { parseHa, type ParseResult } from '../syntax/parse.js';
import type { Diagnostic } from '../syntax/diagnostic.js';
import { errorsToSilence, withIgnoreComments } from './silence.js';
import { sameShape } from '../syntax/shape.js';
import { tokenMatcher } from '../syntax/chevrotain.js';
import { haLexer, KEYWORD_TEXTS, PlainWord, WHOLE_WORD } from '../syntax/tokens.js';

export { cibReadError, type Unsupported } from '../cib/read.js';

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
  /** Parts Pacemaker ignores, left out (also listed in the header): the file is equivalent, not identical. */
  readonly ignored: readonly Unsupported[];
  /** The errors hacc check finds in the imported cluster, each silenced by a `# hacc-ignore` line (also listed in the header). */
  readonly silenced: readonly Diagnostic[];
  /** The syntax tree the text prints: the one resolved, lowered and compared with the CIB (its offsets are not the text's). */
  readonly tree: A.ClusterDecl;
}

/** What the writer spells out explicitly instead of leaving hacc to derive it (objects of the read CIB). */
interface Decisions {
  /** Nodes written with `id=`. */
  readonly nodeIds: Set<object>;
  /** Attribute sets written with `$id=`. */
  readonly setIds: Set<NvSet>;
  /** nvpairs written with `$id.NAME=`. */
  readonly pairIds: Set<NvPair>;
  /** Ops written with `id=`. */
  readonly opIds: Set<CibOp>;
  /** Alert recipients written with `id=`. */
  readonly recipientIds: Set<CibRecipient>;
  /**
   * Rules and resource sets written with `id=` although their id is the one the import first takes
   * for derived: build allocates those ids (CONSTRAINT-rule, then -1, -2 as taken), so an explicit
   * id before them, or any id that is taken already, moves them. By id: a CIB's ids are unique.
   */
  readonly allocatedIds: Set<string>;
  /** Per primitive: op names left to build's defaults; `exact` writes every op and `default-ops none`. */
  readonly ops: Map<CibPrimitive, { exact: boolean; omit: Set<string> }>;
}

const MAX_ROUNDS = 12;

const KEYWORD_SET = new Set(KEYWORD_TEXTS);

/** Whether text lexes as one bare word (`plain`: one that is not a keyword either, bar those PlainWord takes). */
function isWord(text: string, plain = false): boolean {
  if (!WHOLE_WORD.test(text)) return false;
  if (!plain || !KEYWORD_SET.has(text)) return true;
  return tokenMatcher(haLexer().tokenize(text).tokens[0]!, PlainWord);
}

/** The ids of a rule and of the rules inside it. */
function ruleIds(r: CibRule): string[] {
  return [r.id, ...r.children.flatMap((c) => (c.kind === 'rule' ? ruleIds(c) : []))];
}

/**
 * Why a rule has no `.ha` form (undefined when it has one): what the expression language cannot say
 * (an operation or type it does not know, a date expression without its dates, a value that cannot
 * be written), checked down the nested rules.
 */
function ruleProblem(r: CibRule): string | undefined {
  const op = r.attrs.find(([k]) => k === 'boolean-op')?.[1];
  if (op !== undefined && !(BOOL_OPS as readonly string[]).includes(op)) return `rule ${r.id}: boolean-op '${op}'`;
  for (const c of r.children) {
    const get = (name: string) => c.attrs.find(([k]) => k === name)?.[1];
    if (c.attrs.some(([, v]) => !isWritableValue(v))) return `rule ${r.id}: a value with a control character`;
    switch (c.kind) {
      case 'rule': {
        const inner = ruleProblem(c);
        if (inner) return inner;
        break;
      }
      case 'expression': {
        const [operation = '', attribute, type, value, source] = ['operation', 'attribute', 'type', 'value', 'value-source'].map(get);
        const unary = (UNARY_OPS as readonly string[]).includes(operation);
        if (!unary && !(COMPARE_OPS as readonly string[]).includes(operation)) return `expression ${c.id}: operation '${operation}'`;
        if (attribute === undefined || (!unary && value === undefined)) return `expression ${c.id}: no attribute or value`;
        if (unary && (type !== undefined || value !== undefined || source !== undefined)) return `expression ${c.id}: a value or type beside ${operation}`;
        if (type !== undefined && !(VALUE_TYPES as readonly string[]).includes(type)) return `expression ${c.id}: type '${type}'`;
        if (source !== undefined && source !== 'literal' && !(VALUE_SOURCES as readonly string[]).includes(source)) return `expression ${c.id}: value-source '${source}'`;
        break;
      }
      case 'date_expression': {
        const [operation, start, end] = ['operation', 'start', 'end'].map(get);
        const fits =
          operation === 'date_spec'
            ? c.part?.kind === 'date_spec' && start === undefined && end === undefined
            : operation === 'gt'
              ? start !== undefined && end === undefined && !c.part
              : operation === 'lt'
                ? end !== undefined && start === undefined && !c.part
                : operation === 'in_range' && (end !== undefined) !== (c.part?.kind === 'duration') && c.part?.kind !== 'date_spec';
        if (!fits) return `date expression ${c.id}: operation '${operation ?? ''}' with these dates`;
        if (c.part && c.part.attrs.some(([k]) => !isKey(k))) return `date expression ${c.id}: a ${c.part.kind} key that is not a word`;
        break;
      }
      case 'rsc_expression':
      case 'op_expression':
        break;
      default:
        return assertNever(c);
    }
  }
  return undefined;
}

/** Whether a value can be written in a .ha file (quoted if need be) and read back as the same text. */
function isWritableValue(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b-\u001f\u007f\r]/.test(text);
}

const isKey = (name: string): boolean => isWord(name) && name !== '$id' && !/^(?:env|file):/.test(name);

/** Environment-variable-shaped: HACC_<RESOURCE>_<PARAM>. */
function variableName(resource: string, param: string): string {
  return `HACC_${resource}_${param}`.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

/** Whether two lists hold the same objects in the same order. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Leaves out (and reports) what cannot be written as .ha text: names that are not words, values with control characters. */
class Sanitiser {
  constructor(
    private readonly unsupported: Unsupported[],
    private readonly xpathOf: ReadResult['xpathOf'],
  ) {}

  private report(what: string, id: string | undefined, object: object, reason: string): void {
    this.unsupported.push({ what, ...(id !== undefined && id !== NO_ID ? { id } : {}), xpath: this.xpathOf(object), reason });
  }

  nvset(set: NvSet | undefined): NvSet | undefined {
    if (!set) return undefined;
    const pairs = set.pairs.filter((p) => {
      if (!isKey(p.name)) this.report('nvpair', p.id, p, `the name '${p.name}' cannot be written as a .ha key`);
      else if (p.value.kind === 'literal' && !isWritableValue(p.value.text)) this.report('nvpair', p.id, p, 'a value with control characters');
      else return true;
      return false;
    });
    return pairs.length === set.pairs.length ? set : this.keep(set, { ...set, pairs });
  }

  /** The object, without its description when that cannot be written (reported). */
  private describable<T extends { readonly id: string; readonly description?: string }>(what: string, o: T): T {
    if (o.description === undefined || isWritableValue(o.description)) return o;
    this.report(what, o.id, o, 'a description with control characters');
    const { description: _d, ...rest } = o;
    return rest as T;
  }

  /** A changed copy that answers for the object it replaces (its XPath, and the decisions made on it). */
  private keep<T extends object>(original: T, copy: T): T {
    this.copies.set(copy, original);
    return copy;
  }

  readonly copies = new WeakMap<object, object>();

  op(o: CibOp): CibOp | undefined {
    const bad = o.attrs.find(([k, v]) => !isKey(k) || k === 'OCF_CHECK_LEVEL' || !isWritableValue(v));
    if (!isWord(o.name) || !isWord(o.id) || (o.interval !== undefined && !isWritableValue(o.interval)) || bad) {
      return void this.report('op', o.id, o, bad ? `the attribute '${bad[0]}' cannot be written as it is` : 'a name or id that cannot be written as a .ha word');
    }
    const instanceAttributes = this.nvset(o.instanceAttributes);
    const metaAttributes = this.nvset(o.metaAttributes);
    if (instanceAttributes === o.instanceAttributes && metaAttributes === o.metaAttributes) return o;
    const { instanceAttributes: _i, metaAttributes: _m, ...rest } = o;
    return this.keep(o, { ...rest, ...(instanceAttributes ? { instanceAttributes } : {}), ...(metaAttributes ? { metaAttributes } : {}) });
  }

  /**
   * A set of its own (a score, a rule, a second set) or a reference: left out whole when its id,
   * reference or rule cannot be written; its pairs as any set's.
   */
  ownSet(x: ExtraSet): ExtraSet | undefined {
    if ('idRef' in x) return isWord(x.idRef) ? x : void this.report(x.element, x.idRef, x, 'a reference to a set whose id cannot be written as a .ha word');
    const set = this.sectionSet(x.set);
    return set === x.set ? x : set && { ...x, set };
  }

  /** A set that may carry a score and a rule (of a settings section, or of its own). */
  sectionSet(set: NvSet): NvSet | undefined {
    if (!isPlainSet(set)) {
      if (!isWord(set.id) || (set.score !== undefined && !isWord(set.score))) return void this.report('attribute set', set.id, set, 'an id or score that cannot be written as a .ha word');
      const problem = set.rule && ruleProblem(set.rule);
      if (problem) return void this.report('attribute set', set.id, set, problem);
    }
    return this.nvset(set);
  }

  /** An owner's sets of their own, each kept or left out whole (the same list when all are kept as they are). */
  extraSets(list: readonly ExtraSet[] | undefined): { extraSets?: readonly ExtraSet[] } {
    if (!list) return {};
    const kept = list.flatMap((x) => this.ownSet(x) ?? []);
    return kept.length === 0 ? {} : { extraSets: sameItems(kept, list) ? list : kept };
  }

  primitive(p: CibPrimitive): CibPrimitive | undefined {
    const agent = [p.class, p.provider, p.type].filter((x) => x !== undefined).join(':');
    if (!isWord(p.id) || !isWord(agent) || (p.class !== 'ocf' && p.type.includes(':'))) {
      return void this.report('primitive', p.id, p, `the id or the agent '${agent}' cannot be written as a .ha word`);
    }
    const instanceAttributes = this.nvset(p.instanceAttributes);
    const metaAttributes = this.nvset(p.metaAttributes);
    const utilization = this.nvset(p.utilization);
    const operations = p.operations.flatMap((o) => this.op(o) ?? []);
    const described = this.describable('primitive', p);
    const extra = this.extraSets(p.extraSets);
    // Most primitives have nothing to leave out: the same object, not a copy.
    if (described === p && instanceAttributes === p.instanceAttributes && metaAttributes === p.metaAttributes && utilization === p.utilization && extra.extraSets === p.extraSets && sameItems(operations, p.operations)) return p;
    const { instanceAttributes: _i, metaAttributes: _m, utilization: _u, extraSets: _x, ...rest } = described;
    return this.keep(p, {
      ...rest,
      ...(instanceAttributes ? { instanceAttributes } : {}),
      ...(metaAttributes ? { metaAttributes } : {}),
      ...(utilization ? { utilization } : {}),
      ...extra,
      operations,
    });
  }

  constraint(c: CibConstraint): CibConstraint | undefined {
    const pairRefs =
      c.kind === 'rsc_location' ? [c.rsc, c.score, ...c.rules.flatMap(ruleIds)] : c.kind === 'rsc_colocation' ? [c.rsc, c.withRsc] : c.kind === 'rsc_order' ? [c.first, c.then] : [c.rsc];
    const refs = [...pairRefs.flatMap((w) => w ?? []), ...c.sets.map((s) => s.id)];
    const actions = c.kind === 'rsc_order' ? [c.firstAction, c.thenAction].flatMap((a) => (a === undefined ? [] : [a])) : c.kind === 'rsc_colocation' ? [c.score] : [];
    const setValues = c.sets.flatMap((s) => s.attrs.map(([, v]) => v));
    // A set's members are plain words: a keyword there would start something else.
    const members = [...c.sets.flatMap((s) => s.refs), ...(c.kind === 'rsc_ticket' ? [c.ticket] : [])];
    const words = [c.id, ...refs].every((w) => isWord(w)) && members.every((m) => isWord(m, true));
    const attrs = [...actions, ...c.attrs.map(([, v]) => v), ...setValues].every((v) => isWord(v));
    if (!words || !attrs) return void this.report(c.kind, c.id, c, 'an id, reference or value that cannot be written as a .ha word');
    if (c.kind === 'rsc_location' && c.node !== undefined && !isWord(c.node, true)) {
      return void this.report('rsc_location', c.id, c, `the node name '${c.node}' is a .ha keyword or not a word`);
    }
    if (c.kind === 'rsc_location') {
      const problem = c.rules.map(ruleProblem).find((p) => p !== undefined);
      if (problem) return void this.report('rsc_location', c.id, c, problem);
    }
    return c;
  }

  fencingLevel(l: CibFencingLevel): CibFencingLevel | undefined {
    const [name, value] = l.target[0]!;
    const devices = l.devices.split(',');
    if (!isWord(l.id) || !/^[1-9][0-9]*$/.test(l.index) || !devices.every((d) => isWord(d, true)) || !l.target.every(([, v]) => isWritableValue(v))) {
      return void this.report('fencing-level', l.id, l, 'an id, index or device that cannot be written as a .ha word');
    }
    if (name === 'target' && !isWord(value, true)) return void this.report('fencing-level', l.id, l, `the node name '${value}' is a .ha keyword or not a word`);
    return l;
  }

  alert(a: CibAlert): CibAlert | undefined {
    if (!isWord(a.id) || !isWritableValue(a.path) || a.recipients.some((r) => !isWord(r.id) || !isWritableValue(r.value))) {
      return void this.report('alert', a.id, a, 'an id, path or recipient that cannot be written in a .ha file');
    }
    if (a.select?.attributes?.some((x) => !isWord(x.name) || x.name.includes(','))) return void this.report('alert', a.id, a, 'a selected attribute name that cannot be written as a .ha word');
    const sets = [a.metaAttributes, a.instanceAttributes, ...a.recipients.flatMap((r) => [r.metaAttributes, r.instanceAttributes])];
    if (sets.some((set) => set !== undefined && this.nvset(set) !== set)) return void this.report('alert', a.id, a, 'an attribute set with a name or value that cannot be written in a .ha file');
    return a;
  }

  resource(r: CibResource): CibResource | undefined {
    switch (r.kind) {
      case 'primitive':
        return this.primitive(r);
      case 'group': {
        if (!isWord(r.id)) return void this.report('group', r.id, r, 'an id that cannot be written as a .ha word');
        const instanceAttributes = this.nvset(r.instanceAttributes);
        const metaAttributes = this.nvset(r.metaAttributes);
        const children = r.children.flatMap((m) => this.primitive(m) ?? []);
        if (children.length === 0) return void this.report('group', r.id, r, 'a group none of whose primitives can be written');
        const described = this.describable('group', r);
        const extra = this.extraSets(r.extraSets);
        if (described === r && instanceAttributes === r.instanceAttributes && metaAttributes === r.metaAttributes && extra.extraSets === r.extraSets && sameItems(children, r.children)) return r;
        const { instanceAttributes: _i, metaAttributes: _m, extraSets: _x, ...rest } = described;
        return this.keep<CibGroup>(r, { ...rest, ...(instanceAttributes ? { instanceAttributes } : {}), ...(metaAttributes ? { metaAttributes } : {}), ...extra, children });
      }
      case 'clone': {
        if (!isWord(r.id)) return void this.report(r.tag, r.id, r, 'an id that cannot be written as a .ha word');
        const child = this.resource(r.child);
        if (!child || child.kind === 'clone' || child.kind === 'bundle') return void this.report(r.tag, r.id, r, `a ${r.tag} whose resource cannot be written`);
        const instanceAttributes = this.nvset(r.instanceAttributes);
        const metaAttributes = this.nvset(r.metaAttributes);
        const { instanceAttributes: _i, metaAttributes: _m, extraSets: _x, ...rest } = this.describable(r.tag, r);
        return this.keep<CibClone>(r, { ...rest, child, ...(instanceAttributes ? { instanceAttributes } : {}), ...(metaAttributes ? { metaAttributes } : {}), ...this.extraSets(r.extraSets) });
      }
      case 'bundle': {
        if (!isWord(r.id)) return void this.report('bundle', r.id, r, 'an id that cannot be written as a .ha word');
        const elements = [r.container.attrs, ...(r.network ? [r.network.attrs, ...r.network.portMappings] : []), ...(r.storage ?? [])];
        if (elements.some((attrs) => attrs.some(([, v]) => !isWritableValue(v)))) return void this.report('bundle', r.id, r, 'a value that cannot be written in a .ha file');
        const child = r.child && this.primitive(r.child);
        if (r.child && !child) return void this.report('bundle', r.id, r, 'a bundle whose primitive cannot be written');
        const metaAttributes = this.nvset(r.metaAttributes);
        const { metaAttributes: _m, extraSets: _x, child: _c, ...rest } = this.describable('bundle', r);
        return this.keep<CibBundle>(r, { ...rest, ...(child ? { child } : {}), ...(metaAttributes ? { metaAttributes } : {}), ...this.extraSets(r.extraSets) });
      }
      default:
        return assertNever(r);
    }
  }

  cib(cib: Cib): Cib {
    const conf = cib.configuration;
    const nodes = conf.nodes.filter((n) => {
      if (!isWord(n.uname)) this.report('node', n.id, n, `the node name '${n.uname}' cannot be written as a .ha word`);
      else if (!isWord(n.id) || (n.score !== undefined && !isWord(n.score))) this.report('node', n.id, n, 'an id or score that cannot be written as a .ha word');
      else return true;
      return false;
    });
    // A node's attributes and utilization, each left out whole when a pair cannot be written.
    const withSets = nodes.map((n): CibNode => {
      const { instanceAttributes: ia, utilization: ut, extraSets: xs, ...rest } = this.describable('node', n);
      const instanceAttributes = ia && this.nvset(ia);
      const utilization = ut && this.nvset(ut);
      return this.keep(n, { ...rest, ...(instanceAttributes ? { instanceAttributes } : {}), ...(utilization ? { utilization } : {}), ...this.extraSets(xs) });
    });
    const templates = (conf.templates ?? []).flatMap((t) => this.primitive(t) ?? []);
    const kept = new Set(templates.map((t) => t.id));
    // A primitive made from a template left out has no agent here: left out too.
    const madeFrom = (r: CibResource): boolean => {
      const orphan = primitivesOf(r).find((p) => p.template !== undefined && !kept.has(p.template));
      if (orphan) this.report(r.kind === 'clone' ? r.tag : r.kind, r.id, r, `made from template '${orphan.template!}', which cannot be written`);
      return orphan === undefined;
    };
    const resources = conf.resources.filter(madeFrom).flatMap((r) => this.resource(r) ?? []);
    const sets = (list: readonly NvSet[] | undefined) => list?.flatMap((s) => this.sectionSet(s) ?? []);
    const rscDefaults = sets(conf.rscDefaults);
    const opDefaults = sets(conf.opDefaults);
    const fencingTopology = conf.fencingTopology?.flatMap((l) => this.fencingLevel(l) ?? []);
    const alerts = conf.alerts?.flatMap((a) => this.alert(a) ?? []);
    const acls = conf.acls?.filter((a) => {
      const words = a.kind === 'acl_role' ? [a.id, ...a.permissions.map((p) => p.id)] : [a.id, ...a.roles];
      const values = a.kind === 'acl_role' ? [...(a.description !== undefined ? [a.description] : []), ...a.permissions.flatMap((p) => p.attrs.map(([, v]) => v))] : [];
      if (words.every((w) => isWord(w, true) && !w.includes(',')) && values.every(isWritableValue)) return true;
      this.report(a.kind, a.id, a, 'a name or value that cannot be written in a .ha file');
      return false;
    });
    const tags = conf.tags?.filter((t) => {
      if ([t.id, ...t.refs].every((w) => isWord(w, true))) return true;
      this.report('tag', t.id, t, 'a tag or member name that cannot be written as a plain .ha word');
      return false;
    });
    return {
      ...cib,
      configuration: {
        crmConfig: sets(conf.crmConfig)!,
        nodes: withSets,
        ...(templates.length > 0 ? { templates } : {}),
        resources,
        constraints: conf.constraints.flatMap((c) => this.constraint(c) ?? []),
        ...(rscDefaults ? { rscDefaults } : {}),
        ...(opDefaults ? { opDefaults } : {}),
        ...(fencingTopology && fencingTopology.length > 0 ? { fencingTopology } : {}),
        ...(tags && tags.length > 0 ? { tags } : {}),
        ...(alerts && alerts.length > 0 ? { alerts } : {}),
        ...(acls && acls.length > 0 ? { acls } : {}),
      },
    };
  }
}

/**
 * The platform the CIB suggests: Pacemaker's dc-version (el7, el8… el10), else a pre-3.0 schema (el7)
 * or a 4.x schema (el10, Pacemaker 3).
 * A dc-version of Pacemaker 1.1 (el6, el7) beside a schema of 3.0 or later is a CIB upgraded since
 * (as Pacemaker's own scheduler tests are): a 1.1 cluster could not load it, so it says nothing.
 */
function suggestedPlatform(cib: Cib, maintained: readonly NvPair[]): PlatformName | undefined {
  const schema = /^pacemaker-(\d+)\./.exec(cib.validateWith ?? '');
  const legacySchema = schema !== null && Number(schema[1]) < 3;
  const dc = maintained.find((p) => p.name === 'dc-version');
  const el = dc?.value.kind === 'literal' ? /\.el(\d+)(?![0-9])/.exec(dc.value.text) : null;
  const platform = el ? `el${el[1]}` : undefined;
  // A pacemaker-4.x CIB is Pacemaker 3's: only a Pacemaker 3 platform can load it (el10 unless its dc-version says another).
  const pacemaker3 = schema !== null && Number(schema[1]) >= 4;
  if (platform !== undefined && isPlatformName(platform) && (!pacemaker3 || PLATFORM_FACTS[platform].schema === 'pacemaker-4.0')) {
    if (legacySchema || schema === null || roleSpelling(platform) !== 'legacy') return platform;
  }
  if (pacemaker3) return 'el10';
  return legacySchema ? 'el7' : undefined;
}

/** The cluster's name, which the .ha file must be able to hold as it is (no silent change). */
function clusterName(properties: NvSet | undefined, hacc: ReadResult['hacc'], options: ImportOptions, xpathOf: (o: object) => string): string {
  const property = properties?.pairs.find((p) => p.name === 'cluster-name');
  const fromProperty = property?.value.kind === 'literal' ? property.value.text : undefined;
  const name = options.name ?? hacc?.name ?? fromProperty ?? 'cluster';
  if (MACHINE_NAME.test(name)) return name;
  const rule = "letters, digits, '-', '_' and '.', not '-' or '.' at either end";
  if (options.name !== undefined) throw new ImportNameError(`--name '${options.name}' is not a cluster name (${rule})`);
  const what = hacc?.name === name ? `the cluster name '${name}' of the comment hacc's build wrote at the top of the CIB` : `the CIB's cluster-name '${name}'`;
  const where = hacc?.name !== name && property ? `, at ${xpathOf(property)}` : '';
  throw new ImportNameError(`${what} is not a name a .ha file can give a cluster (${rule})${where}: give one with --name NAME`);
}

/** The cluster's name cannot be written in the .ha language. */
export class ImportNameError extends Error {
  override readonly name = 'ImportNameError';
}

/**
 * Builds the syntax tree of a CIB under some decisions. The tree has no source: each node gets a
 * span of its own, in increasing order, so that whatever orders nodes by position sees the order
 * they will be printed in.
 */
class Raiser {
  private offset = 0;
  /** The round's Decisions.allocatedIds. */
  private allocatedIds: ReadonlySet<string> = new Set();

  constructor(
    private readonly cib: Cib,
    private readonly properties: NvSet | undefined,
    private readonly secrets: ReadonlyMap<NvPair, SecretVariable>,
    private readonly name: string,
    private readonly platform: PlatformName | undefined,
  ) {}

  private span(): A.Span {
    const start = this.offset++;
    return { start, end: start + 1 };
  }

  // The most numerous nodes spell their span out: a spread in an object literal is several times
  // slower to build, and a large cluster has hundreds of thousands of these.
  private ident<T extends string>(text: T): A.Ident & { readonly text: T } {
    const start = this.offset++;
    return { kind: 'ident', text, start, end: start + 1 };
  }

  private value(text: string, secret?: A.SecretRef): A.Value {
    const start = this.offset++;
    if (secret) return { kind: 'value', text, quoted: false, secret, start, end: start + 1 };
    return { kind: 'value', text, quoted: needsQuotes(text), start, end: start + 1 };
  }

  private attr(key: string, value: A.Value): A.Attr {
    const name = this.ident(key);
    const start = this.offset++;
    return { kind: 'attr', key: name, value, missingEquals: false, start, end: start + 1 };
  }

  private pairValue(p: NvPair): A.Value {
    const variable = this.secrets.get(p)?.variable;
    if (variable !== undefined) return this.value(`env:${variable}`, { scheme: 'env', ref: variable });
    return p.value.kind === 'secret' ? this.value(`${p.value.scheme}:${p.value.ref}`, { scheme: p.value.scheme, ref: p.value.ref }) : this.value(p.value.text);
  }

  private attrSet(keyword: A.AttrSet['keyword']['text'], set: NvSet, pairs: readonly NvPair[], pairIdsOf: readonly NvPair[], d: Decisions, withSetId = true): A.AttrSet {
    const span = this.span();
    return {
      kind: 'attr-set',
      keyword: this.ident(keyword),
      setIds: withSetId && d.setIds.has(set) ? [this.attr('$id', this.value(set.id))] : [],
      attrs: pairs.map((p) => this.attr(p.name, this.pairValue(p))),
      pairIds: pairIdsOf.flatMap((p) => (p.id !== NO_ID && d.pairIds.has(p) ? [this.attr(`$id.${p.name}`, this.value(p.id))] : [])),
      scores: [],
      idRefs: [],
      braced: false,
      ...span,
    };
  }

  /** `params`/`meta` line: the set's `$id=`, the pairs, the nvpair ids hacc would not derive; none when there is nothing to say. */
  private setLine(keyword: 'params' | 'meta', set: NvSet | undefined, pairs: readonly NvPair[], d: Decisions): A.AttrSet[] {
    if (!set) return [];
    const line = this.attrSet(keyword, set, pairs, set.pairs, d);
    return line.attrs.length === 0 && (line.setIds.length + line.pairIds.length === 0 || set.pairs.length === 0) ? [] : [line];
  }

  /** `property`, `defaults`, `op-defaults`: one line per pair, the set's `$id=` on the first. */
  private settings(keyword: 'property' | 'defaults' | 'op-defaults', set: NvSet | undefined, d: Decisions): A.AttrSet[] {
    if (!set) return [];
    return set.pairs.map((p, i) => this.attrSet(keyword, set, [p], [p], d, i === 0));
  }

  /**
   * A set of its own: `KIND $id=ID [$score=N] [rule [id=] EXPR] { PAIRS }` (its id always written: it
   * is what a reference names, and what compare() pairs it by), or `KIND $id-ref=ID`.
   */
  private ownSet(keyword: A.AttrSet['keyword']['text'], x: NvSet | { readonly idRef: string }, d: Decisions): A.AttrSet {
    if ('idRef' in x) return { kind: 'attr-set', keyword: this.ident(keyword), attrs: [], setIds: [], pairIds: [], scores: [], idRefs: [this.attr('$id-ref', this.value(x.idRef))], braced: false, ...this.span() };
    const line = this.attrSet(keyword, x, x.pairs, x.pairs, d, false);
    // A set rule's score is the schema's (before pacemaker-3.9 it wants one), which Pacemaker ignores: kept as written.
    const rule = x.rule && this.ruleClause({ ...x.rule, attrs: x.rule.attrs.filter(([k]) => k === 'boolean-op' || k === 'score') }, `${x.id}-rule`, true);
    return {
      ...line,
      setIds: [this.attr('$id', this.value(x.id))],
      scores: x.score !== undefined ? [this.attr('$score', this.value(x.score))] : [],
      ...(rule ? { rule } : {}),
      braced: true,
    };
  }

  /** `description "…"`, when the element has one. */
  private description(o: { readonly description?: string }): A.DescriptionLine[] {
    return o.description !== undefined ? [{ kind: 'description', keyword: this.ident('description'), value: { ...this.value(o.description), quoted: true }, ...this.span() }] : [];
  }

  /** A group's or clone's `params` line and its params sets of their own (instance attributes its primitives inherit). */
  private inheritedParams(r: CibGroup | CibClone, d: Decisions): A.AttrSet[] {
    return [...this.setLine('params', r.instanceAttributes, r.instanceAttributes?.pairs ?? [], d), ...this.ownSets('params', 'instance_attributes', r.extraSets, d)];
  }

  /** An owner's sets of their own of the elements a keyword writes. */
  private ownSets(keyword: A.AttrSet['keyword']['text'], element: SetElement, list: readonly ExtraSet[] | undefined, d: Decisions): A.AttrSet[] {
    return (list ?? []).filter((x) => x.element === element).map((x) => this.ownSet(keyword, 'idRef' in x ? x : x.set, d));
  }

  private op(o: CibOp, d: Decisions): A.OpLine {
    const span = this.span();
    const name = this.ident(o.name);
    const attrs: A.Attr[] = [];
    // `interval=0s` is what build gives any op but a monitor; a monitor keeps its interval (HA206).
    if (o.interval !== undefined && !(o.name !== 'monitor' && o.interval === '0s')) attrs.push(this.attr('interval', this.value(o.interval)));
    for (const [k, v] of o.attrs) attrs.push(this.attr(k, this.value(v)));
    // OCF_CHECK_LEVEL on the line, the op's other params and its meta in its { }.
    const params = o.instanceAttributes?.pairs ?? [];
    const level = params.find((p) => p.name === 'OCF_CHECK_LEVEL');
    if (level) attrs.push(this.attr('OCF_CHECK_LEVEL', this.pairValue(level)));
    if (d.opIds.has(o)) attrs.push(this.attr('id', this.value(o.id)));
    const body = [
      ...this.setLine('params', o.instanceAttributes, params.filter((p) => p !== level), d),
      ...this.setLine('meta', o.metaAttributes, o.metaAttributes?.pairs ?? [], d),
    ];
    return { kind: 'op', name, attrs: compact(attrs), ...(body.length > 0 ? { body } : {}), ...span };
  }

  private primitive(p: CibPrimitive, d: Decisions): A.PrimitiveStmt;
  private primitive(p: CibPrimitive, d: Decisions, kind: 'template'): A.TemplateStmt;
  private primitive(p: CibPrimitive, d: Decisions, kind: 'primitive' | 'template' = 'primitive'): A.PrimitiveStmt | A.TemplateStmt {
    const span = this.span();
    const command = p.template === undefined && p.class === 'ocf' && p.provider === 'hacc' && p.type === 'anything';
    const name = this.ident(p.id);
    const agent = this.ident(p.template !== undefined ? `${TEMPLATE_PREFIX}${p.template}` : command ? COMMAND_AGENT : [p.class, p.provider, p.type].filter((x) => x !== undefined).join(':'));
    const body: A.PrimitiveItem[] = [];
    let params = p.instanceAttributes?.pairs ?? [];
    if (command) {
      for (const action of COMMAND_ACTIONS) {
        const cmd = params.find((x) => x.name === `${action}_cmd` && x.value.kind === 'literal');
        if (cmd && cmd.value.kind === 'literal') body.push({ kind: 'command', action: this.ident(action), value: this.value(cmd.value.text), ...this.span() });
      }
      params = params.filter((x) => !(COMMAND_ACTIONS.some((a) => x.name === `${a}_cmd`) && x.value.kind === 'literal'));
    }
    body.push(...this.setLine('params', p.instanceAttributes, params, d));
    body.push(...this.setLine('meta', p.metaAttributes, p.metaAttributes?.pairs ?? [], d));
    if (p.utilization) body.push(this.attrSet('utilization', p.utilization, p.utilization.pairs, p.utilization.pairs, d));
    body.push(...this.ownSets('params', 'instance_attributes', p.extraSets, d), ...this.ownSets('meta', 'meta_attributes', p.extraSets, d), ...this.ownSets('utilization', 'utilization', p.extraSets, d));
    const operations = p.operationsRef !== undefined ? ['$id-ref', p.operationsRef] : p.operationsId !== undefined ? ['$id', p.operationsId] : undefined;
    if (operations) body.push({ kind: 'operations', keyword: this.ident('operations'), attrs: [this.attr(operations[0]!, this.value(operations[1]!))], ...this.span() });
    const mode = d.ops.get(p) ?? { exact: true, omit: new Set<string>() };
    for (const o of p.operations) if (mode.exact || !mode.omit.has(o.name)) body.push(this.op(o, d));
    if (mode.exact) body.push({ kind: 'default-ops', value: this.ident('none'), ...this.span() });
    body.push(...this.description(p));
    return { kind, name, agent, ...(body.length > 0 ? { body: compact(body) } : {}), ...span };
  }

  private group(g: CibGroup, d: Decisions): A.GroupStmt {
    const span = this.span();
    const name = this.ident(g.id);
    const items: A.GroupItem[] = g.children.map((m) => this.primitive(m, d));
    items.push(...this.inheritedParams(g, d), ...this.setLine('meta', g.metaAttributes, g.metaAttributes?.pairs ?? [], d), ...this.ownSets('meta', 'meta_attributes', g.extraSets, d), ...this.description(g));
    return { kind: 'group', name, items: compact(items), ...span };
  }

  /**
   * `clone`/`promotable NAME { CHILD meta … }`: a `<master>`, or a `<clone>` with promotable=true, is
   * `promotable`, which writes promotable=true itself (its nvpair id still written when it differs).
   */
  private clone(c: CibClone, d: Decisions): A.CloneStmt {
    const span = this.span();
    const promotable = isPromotable(c);
    const keyword = this.ident(promotable ? 'promotable' : 'clone');
    const name = this.ident(c.id);
    const items: A.CloneItem[] = [c.child.kind === 'primitive' ? this.primitive(c.child, d) : this.group(c.child, d)];
    const meta = c.metaAttributes;
    if (meta) items.push(...this.setLine('meta', meta, meta.pairs.filter((p) => !(promotable && p.name === PROMOTABLE_META)), d));
    items.push(...this.inheritedParams(c, d), ...this.ownSets('meta', 'meta_attributes', c.extraSets, d), ...this.description(c));
    return { kind: 'clone', keyword, name, items, ...span };
  }

  /**
   * `bundle NAME { container TYPE … network … port-map … storage-map … meta … primitive … }`: each
   * element's attributes as its line's pairs, a map's id only where it is not the one pcs derives.
   */
  private bundle(b: CibBundle, d: Decisions): A.BundleStmt {
    const span = this.span();
    const line = (keyword: BundleLineKeyword, attrs: readonly XmlAttr[], words: readonly string[] = []): A.BundleLine => {
      const lineSpan = this.span();
      return { kind: 'bundle-line', keyword: this.ident(keyword) as A.Ident & { text: BundleLineKeyword }, words: words.map((w) => this.value(w)), attrs: attrs.map(([k, v]) => this.attr(k, this.value(v))), ...lineSpan };
    };
    // The ids `bundle` lowering derives when the line has none (BASE, BASE-1…).
    const ids = new IdAllocator([]);
    const derive = (base: string) => ids.allocate(base);
    const mapLine = (keyword: 'port-map' | 'storage-map', m: readonly XmlAttr[]) => {
      const value = (k: string) => m.find(([name]) => name === k)?.[1];
      const derived = derive(keyword === 'port-map' ? `${b.id}-port-map-${value('port') ?? value('range') ?? ''}` : `${b.id}-storage-map`);
      return line(keyword, m.filter(([k, v]) => !(k === 'id' && v === derived)));
    };
    const items: A.BundleItem[] = [line('container', b.container.attrs, [b.container.type])];
    if (b.network && (b.network.attrs.length > 0 || b.network.portMappings.length === 0)) items.push(line('network', b.network.attrs));
    for (const m of b.network?.portMappings ?? []) items.push(mapLine('port-map', m));
    for (const m of b.storage ?? []) items.push(mapLine('storage-map', m));
    if (b.metaAttributes) items.push(...this.setLine('meta', b.metaAttributes, b.metaAttributes.pairs, d));
    items.push(...this.ownSets('meta', 'meta_attributes', b.extraSets, d), ...this.description(b));
    if (b.child) items.push(this.primitive(b.child, d));
    return { kind: 'bundle', name: this.ident(b.id), items, ...span };
  }

  /**
   * `acl-role NAME { read|write|deny … }` (a permission's id written where it is not the ROLE-KIND,
   * -1… lowering derives), `acl-user NAME [name=…] roles=…`, `acl-group NAME [name=…] roles=…`.
   */
  private acl(a: CibAcl): A.AclRoleStmt | A.AclTargetStmt {
    const span = this.span();
    if (a.kind !== 'acl_role') {
      const keyword = this.ident(a.kind === 'acl_target' ? 'acl-user' : 'acl-group') as A.Ident & { text: 'acl-user' | 'acl-group' };
      const attrs = [...(a.name !== undefined ? [this.attr('name', this.value(a.name))] : []), ...(a.roles.length > 0 ? [this.attr('roles', this.value(a.roles.join(',')))] : [])];
      return { kind: 'acl-target', keyword, name: this.ident(a.id), attrs, ...span };
    }
    const ids = new IdAllocator([]);
    const description = this.description(a);
    const body: A.AclRoleItem[] = a.permissions.map((p) => {
      const derived = ids.allocate(`${a.id}-${p.kind}`);
      const attrs = [...p.attrs, ...(p.id === derived ? [] : [['id', p.id] as const])].map(([k, v]) => this.attr(k, this.value(v)));
      return { kind: 'acl-permission', keyword: this.ident(p.kind) as A.Ident & { text: PermissionKind }, attrs, ...this.span() };
    });
    body.unshift(...description);
    return { kind: 'acl-role', name: this.ident(a.id), ...(body.length > 0 ? { body } : {}), ...span };
  }

  private resource(r: CibResource, d: Decisions): A.Statement {
    switch (r.kind) {
      case 'primitive':
        return this.primitive(r, d);
      case 'group':
        return this.group(r, d);
      case 'clone':
        return this.clone(r, d);
      case 'bundle':
        return this.bundle(r, d);
      default:
        return assertNever(r);
    }
  }

  /**
   * A location's `<rule>` as `rule …`: its id when it is not the one build derives (`derived`), its
   * role, score (INFINITY, build's default, left out) or score-attribute, and its expression.
   */
  private ruleClause(r: CibRule, derived: string, everyScore = false): A.RuleClause {
    const kept = r.attrs.filter(([k, v]) => k !== 'boolean-op' && !(k === 'score' && v === 'INFINITY' && !everyScore));
    const attrs = [...(r.id === derived && !this.allocatedIds.has(r.id) ? [] : [['id', r.id] as const]), ...kept].map(([k, v]) => this.attr(k, this.value(v)));
    return { kind: 'rule', keyword: this.ident('rule'), attrs, expr: this.ruleExpr(r), ...this.span() };
  }

  /** A rule's children joined by its boolean-op (and, Pacemaker's default). */
  private ruleExpr(r: CibRule): A.RuleExpr {
    const op = ruleBooleanOp(r);
    const operands = r.children.map((c) => this.ruleChild(c, r));
    if (operands.length === 1) return operands[0]!;
    return { kind: 'rule-bool', operands, operators: operands.slice(1).map(() => this.ident(op)), ...this.span() };
  }

  private ruleChild(c: CibRuleChild, parent: CibRule): A.RuleExpr {
    const get = (name: string) => c.attrs.find(([k]) => k === name)?.[1];
    const pairs = (list: readonly XmlAttr[]) => list.map(([k, v]) => this.attr(k, this.value(v)));
    switch (c.kind) {
      case 'rule': {
        // Written with its id unless bare parentheses give it, under the PARENT-rule build derives.
        const derived = nestsWithoutId(parent, c) && c.id === `${parent.id}-rule` && !this.allocatedIds.has(c.id);
        return { kind: 'rule-group', attrs: derived ? [] : [this.attr('id', this.value(c.id))], expr: this.ruleExpr(c), ...this.span() };
      }
      case 'expression': {
        const [operation = '', attribute = '', type, value = '', source] = ['operation', 'attribute', 'type', 'value', 'value-source'].map(get);
        if (operation === 'defined' || operation === 'not_defined') return { kind: 'rule-defined', operator: this.ident(operation), attribute: this.value(attribute), ...this.span() };
        return {
          kind: 'rule-compare',
          attribute: this.value(attribute),
          operator: this.ident(operation),
          ...(type !== undefined ? { type: this.ident(type) } : {}),
          ...(source !== undefined && source !== 'literal' ? { source: this.ident(source) } : {}),
          value: this.value(value),
          ...this.span(),
        };
      }
      case 'date_expression': {
        const [operation = '', start, end] = ['operation', 'start', 'end'].map(get);
        if (operation === 'date_spec') return { kind: 'rule-date-spec', keyword: this.ident('date-spec'), attrs: pairs(c.part?.attrs ?? []), ...this.span() };
        return {
          kind: 'rule-date',
          keyword: this.ident('date'),
          operator: this.ident(operation),
          ...(start !== undefined ? { from: this.value(start) } : {}),
          ...(end !== undefined ? { to: this.value(end) } : {}),
          ...(c.part?.kind === 'duration' ? { duration: pairs(c.part.attrs) } : {}),
          ...this.span(),
        };
      }
      case 'rsc_expression': {
        const agent = ['class', 'provider', 'type'].map((n) => get(n) ?? '').join(':');
        return { kind: 'rule-resource', keyword: this.ident('resource'), agent: this.value(agent), ...this.span() };
      }
      case 'op_expression':
        return { kind: 'rule-op', keyword: this.ident('op'), name: this.value(get('name') ?? ''), attrs: pairs(c.attrs.filter(([k]) => k === 'interval')), ...this.span() };
      default:
        return assertNever(c);
    }
  }

  /** A constraint's sets, each `id=` only where it is not the one build derives (CONSTRAINT_set, CONSTRAINT_set-1…). */
  private resourceSets(constraintId: string, sets: readonly CibResourceSet[]): A.ResourceSet[] {
    return sets.map((s, i) => {
      const derived = nthId(`${constraintId}${SET_ID_SUFFIX}`, i);
      const attrs = [...(s.id === derived && !this.allocatedIds.has(s.id) ? [] : [['id', s.id] as const]), ...s.attrs].map(([k, v]) => this.attr(k, this.value(v)));
      return { kind: 'resource-set', members: s.refs.map((r) => this.ident(r)), attrs, braced: true, ...this.span() };
    });
  }

  private constraint(c: CibConstraint): A.Statement {
    const span = this.span();
    const name = this.ident(c.id);
    const attrs = (list: readonly (readonly [string, string])[]) => list.map(([k, v]) => this.attr(k, this.value(v)));
    switch (c.kind) {
      case 'rsc_location': {
        const resource = { ...(c.rsc !== undefined ? { resource: this.ident(c.rsc) } : {}), sets: this.resourceSets(c.id, c.sets) };
        const attrList = attrs(c.attrs);
        if (c.rules.length > 0 || c.node === undefined || c.score === undefined) {
          return { kind: 'location', name, ...resource, attrs: attrList, targets: [], rules: c.rules.map((r, i) => this.ruleClause(r, nthId(`${c.id}-rule`, i))), ...span };
        }
        const score = c.score.replace(/^\+/, '');
        const mode = score.startsWith('-') ? 'avoids' : 'prefers';
        const written = score === 'INFINITY' || score === '-INFINITY' ? undefined : score.startsWith('-') ? score.slice(1) : c.score;
        const modeIdent = this.ident(mode);
        const target: A.LocationTarget = { kind: 'location-target', node: this.ident(c.node), ...(written !== undefined ? { score: this.value(written) } : {}), ...this.span() };
        return { kind: 'location', name, ...resource, attrs: attrList, mode: modeIdent, targets: [target], rules: [], ...span };
      }
      case 'rsc_colocation': {
        // What build writes anyway is left out: a colocation's score INFINITY, and the role Started
        // beside a role that is not (build writes both as soon as one is given, as pcs does).
        const role = (k: string) => c.attrs.find(([name]) => name === k)?.[1];
        const [own, other] = [role('rsc-role'), role('with-rsc-role')];
        const implied = own !== undefined && other !== undefined && (own === 'Started') !== (other === 'Started') ? (own === 'Started' ? 'rsc-role' : 'with-rsc-role') : undefined;
        const list = [...(c.score === 'INFINITY' ? [] : [['score', c.score] as const]), ...c.attrs.filter(([k]) => k !== implied)];
        if (c.rsc !== undefined && c.withRsc !== undefined) return { kind: 'colocation', name, resource: this.ident(c.rsc), target: this.ident(c.withRsc), sets: [], attrs: attrs(list), ...span };
        return { kind: 'colocation', name, sets: this.resourceSets(c.id, c.sets), attrs: attrs(list), ...span };
      }
      case 'rsc_order': {
        // … and an order's start actions. Without then-action Pacemaker takes first-action's; the
        // language, as pcs, takes start: written out when they differ.
        const thenAction = c.thenAction ?? c.firstAction;
        const actions = [
          ...(c.firstAction !== undefined && c.firstAction !== 'start' ? [['first-action', c.firstAction] as const] : []),
          ...(thenAction !== undefined && thenAction !== 'start' ? [['then-action', thenAction] as const] : []),
        ];
        if (c.first !== undefined && c.then !== undefined) return { kind: 'order', name, resource: this.ident(c.first), target: this.ident(c.then), sets: [], attrs: attrs([...actions, ...c.attrs]), ...span };
        return { kind: 'order', name, sets: this.resourceSets(c.id, c.sets), attrs: attrs(c.attrs), ...span };
      }
      case 'rsc_ticket':
        return { kind: 'ticket', name, ...(c.rsc !== undefined ? { resource: this.ident(c.rsc) } : {}), sets: this.resourceSets(c.id, c.sets), ticket: this.ident(c.ticket), attrs: attrs(c.attrs), ...span };
      default:
        return assertNever(c);
    }
  }

  /** An alert: its sets, its select, its recipients (`id=` where build would derive another). */
  private alert(a: CibAlert, d: Decisions): A.AlertStmt {
    const span = this.span();
    const name = this.ident(a.id);
    const path = this.value(a.path);
    const body: A.AlertItem[] = [...this.setLine('meta', a.metaAttributes, a.metaAttributes?.pairs ?? [], d), ...this.setLine('params', a.instanceAttributes, a.instanceAttributes?.pairs ?? [], d)];
    if (a.select) {
      const sspan = this.span();
      const kinds: A.Ident[] = selectedFlags(a.select).map((k) => this.ident(k));
      const attributes = a.select.attributes;
      if (attributes && attributes.length === 0) kinds.push(this.ident('attributes'));
      const attrs = attributes && attributes.length > 0 ? [this.attr('attributes', this.value(attributes.map((x) => x.name).join(',')))] : [];
      body.push({ kind: 'select', kinds, attrs, ...sspan });
    }
    for (const r of a.recipients) {
      const rspan = this.span();
      const value = this.value(r.value);
      const attrs = d.recipientIds.has(r) ? [this.attr('id', this.value(r.id))] : [];
      const sets = [...this.setLine('meta', r.metaAttributes, r.metaAttributes?.pairs ?? [], d), ...this.setLine('params', r.instanceAttributes, r.instanceAttributes?.pairs ?? [], d)];
      body.push({ kind: 'recipient', value, attrs, ...(sets.length > 0 ? { body: sets } : {}), ...rspan });
    }
    return { kind: 'alert', name, path, ...(body.length > 0 ? { body } : {}), ...span };
  }

  /** A level: `id=` only where it is not the one build derives (`fl-TARGET-INDEX`, as pcs). */
  private fencingLevel(l: CibFencingLevel): A.FencingLevelStmt {
    const span = this.span();
    const index = this.ident(l.index);
    const [[name, value]] = [l.target[0]!];
    const target = name === 'target' ? { target: this.ident(value) } : {};
    const targetAttrs = name === 'target' ? [] : l.target.map(([k, v]) => this.attr(k, this.value(v)));
    const devices = l.devices.split(',').map((d) => this.ident(d));
    const id = l.id === sanitizeId(`fl-${value}-${l.index}`) ? [] : [this.attr('id', this.value(l.id))];
    return { kind: 'fencing-level', index, ...target, devices, attrs: [...targetAttrs, ...id], ...span };
  }

  cluster(d: Decisions): A.ClusterDecl {
    this.offset = 0;
    this.allocatedIds = d.allocatedIds;
    const span = this.span();
    const name = this.ident(this.name);
    const conf = this.cib.configuration;
    const statements: A.Statement[] = [];
    if (this.platform) statements.push({ kind: 'platform', name: this.ident(this.platform), ...this.span() });
    for (const n of conf.nodes) {
      const span = this.span();
      const body = [
        ...(n.instanceAttributes ? [this.attrSet('attributes', n.instanceAttributes, n.instanceAttributes.pairs, n.instanceAttributes.pairs, d)] : []),
        ...(n.utilization ? [this.attrSet('utilization', n.utilization, n.utilization.pairs, n.utilization.pairs, d)] : []),
        ...this.ownSets('attributes', 'instance_attributes', n.extraSets, d),
        ...this.ownSets('utilization', 'utilization', n.extraSets, d),
        ...this.description(n),
      ];
      const attrs = [
        ...(d.nodeIds.has(n) ? [this.attr('id', this.value(n.id))] : []),
        ...(n.score !== undefined ? [this.attr('score', this.value(n.score))] : []),
        ...(n.type === 'remote' ? [this.attr('type', this.value('remote'))] : []),
      ];
      statements.push({ kind: 'node', name: this.ident(n.uname), attrs, ...(body.length > 0 ? { body } : {}), ...span });
    }
    // Each section's plain set as lines, its others as sets of their own.
    const property = toolSet(conf.crmConfig);
    const defaults = toolSet(conf.rscDefaults);
    const opDefaults = toolSet(conf.opDefaults);
    statements.push(...this.settings('property', this.properties, d), ...property.others.map((set) => this.ownSet('property', set, d)));
    statements.push(...this.settings('defaults', defaults.plain, d), ...defaults.others.map((set) => this.ownSet('defaults', set, d)));
    statements.push(...this.settings('op-defaults', opDefaults.plain, d), ...opDefaults.others.map((set) => this.ownSet('op-defaults', set, d)));
    for (const t of conf.templates ?? []) statements.push(this.primitive(t, d, 'template'));
    for (const r of conf.resources) statements.push(this.resource(r, d));
    for (const c of conf.constraints) statements.push(this.constraint(c));
    for (const t of conf.tags ?? []) {
      const span = this.span();
      statements.push({ kind: 'tag', name: this.ident(t.id), members: t.refs.map((r) => ({ kind: 'member', name: this.ident(r), ...this.span() })), ...span });
    }
    for (const l of conf.fencingTopology ?? []) statements.push(this.fencingLevel(l));
    for (const a of conf.alerts ?? []) statements.push(this.alert(a, d));
    for (const a of conf.acls ?? []) statements.push(this.acl(a));
    const sbd = this.sbd(conf);
    if (sbd) statements.push(sbd);
    return { kind: 'cluster', name, statements, ...span };
  }

  /**
   * The sbd block a CIB implies (SBD itself is configured outside it): the disks of its fence_sbd
   * devices, or, for watchdog self-fencing (a non-zero stonith-watchdog-timeout), an empty block.
   * Timeouts, watchdogs and options live in each node's sbd file: the block has sbd's defaults.
   */
  private sbd(conf: Cib['configuration']): A.StackBlock | undefined {
    const devices = [
      ...new Set(
        cibPrimitives(conf)
          .filter((p) => p.class === 'stonith' && p.type === 'fence_sbd')
          .flatMap((p) => literalPair(p.instanceAttributes, 'devices')?.split(/[,;]/).filter((x) => x !== '') ?? []),
      ),
    ];
    const swt = literalPair(this.properties, 'stonith-watchdog-timeout');
    if (devices.length === 0 && (swt === undefined || /^[-+]?0*(?:\.0*)?[a-z]*$/i.test(swt))) return undefined;
    const span = this.span();
    const body = devices.map((dev): A.StackLine => ({ kind: 'stack-line', keyword: this.ident('device'), words: [this.value(dev)], attrs: [], ...this.span() }));
    return { kind: 'sbd', keyword: this.ident('sbd'), body, ...span };
  }
}

/** One round's file: the tree, the text it prints, and the tree resolved and lowered as `hacc build` would. */
interface PrintedRound {
  readonly tree: A.ClusterDecl;
  readonly text: string;
  readonly model: ClusterModel;
  readonly lowered: Lowered;
}

/**
 * Prints the tree and resolves it as the file it prints. Its nodes' offsets are in printing order
 * but are not the text's, which only messages and `# hacc-ignore` placement look at (silence.ts).
 */
function printedRound(tree: A.ClusterDecl, header: readonly string[], catalogue: Catalogue): PrintedRound {
  const text = printHa(tree, header);
  const model = resolve({ kind: 'file', path: '<import>', text, comments: [], cluster: tree }, tree, { catalogue });
  // Lowering needs no check to pass: ids and ops do not depend on anything the checks decide.
  return { tree, text, model, lowered: lower(model as CheckedModel, catalogue) };
}

/** The text parsed, when it reads back as the tree it was printed from; else a FormatError. */
function readBack(text: string, tree: A.ClusterDecl): ParseResult {
  const parsed = parseHa(text, '<import>');
  if (parsed.diagnostics.length > 0 || !parsed.file.cluster || !sameShape(parsed.file.cluster, tree)) {
    throw new FormatError(`hacc import wrote a file that does not read back as what it meant: ${parsed.diagnostics.map((x) => x.message).join('; ')}`);
  }
  return parsed;
}

/** An op attribute as build writes it (roles per platform, some values in lower case). */
function normalOpAttr(name: string, text: string, roles: RoleSpelling): string {
  if (name === 'role') return platformRole(text, roles);
  if (name === 'on-fail' || name === 'record-pending' || name === 'enabled') return text.toLowerCase();
  return text;
}

function literalText(v: CibValue | undefined): string | undefined {
  return v?.kind === 'literal' ? v.text : undefined;
}

/** Whether a lowered op is exactly a CIB op: id, name, interval, attributes in order, OCF_CHECK_LEVEL and its ids. */
function sameOp(c: CibOp, p: CibOp | undefined, roles: RoleSpelling): boolean {
  if (!p || p.id !== c.id || p.name !== c.name || p.interval !== c.interval) return false;
  if (!sameOpAttrs(c.attrs, p.attrs, roles)) return false;
  return sameSet(c.instanceAttributes, p.instanceAttributes) && sameSet(c.metaAttributes, p.metaAttributes);
}

/**
 * Which of a primitive's ops to leave to build's defaults, guessed before the first lowering from
 * the agent's advice (ids aside): a name whose ops differ from it is written; an advised name the
 * CIB lacks turns the defaults off. compare() checks the guess against the lowering and corrects
 * it; a good guess spares a large cluster a second lowering.
 */
function firstGuess(p: CibPrimitive, adviceOf: (p: CibPrimitive) => ReadonlyMap<string, readonly OpDraft[]>, target: CibTarget): { exact: boolean; omit: Set<string> } {
  const omit = new Set(p.operations.map((o) => o.name));
  // Build adds no defaults to these: compare() decides.
  if (p.template !== undefined || p.operationsRef !== undefined) return { exact: false, omit };
  const advised = adviceOf(p);
  for (const name of advised.keys()) if (!omit.has(name)) return { exact: true, omit: new Set() };
  // forEach, here and in compare(): no entry array per op name (a large cluster has tens of thousands).
  opsByName(p.operations).forEach((ops, name) => {
    const drafts = advised.get(name) ?? [];
    if (drafts.length !== ops.length || ops.some((o, i) => !likeDraft(o, drafts[i]!, target.roles))) omit.delete(name);
  });
  return { exact: false, omit };
}

/** Whether a CIB op's attributes are, in order, the ones build writes (which normalises some values). */
function sameOpAttrs(read: readonly XmlAttr[], built: readonly XmlAttr[], roles: RoleSpelling): boolean {
  if (read.length !== built.length) return false;
  return read.every(([k, v], i) => k === built[i]![0] && normalOpAttr(k, v, roles) === built[i]![1]);
}

/** The ops build adds to a primitive of each agent, by name (worked out once per agent). */
function adviceByAgent(catalogue: Catalogue, target: CibTarget): (p: CibPrimitive) => ReadonlyMap<string, readonly OpDraft[]> {
  const agentOf = agentResolver(catalogue);
  const cache = new Map<Agent, Map<string, OpDraft[]>>();
  return (p) => {
    const agent = agentOf([p.class, p.provider, p.type].filter((x) => x !== undefined).join(':'));
    let advised = cache.get(agent);
    if (!advised) {
      advised = new Map();
      for (const draft of defaultOps(catalogue, agent, new Set(), target.roles, target.pacemaker)) advised.set(draft.name, [...(advised.get(draft.name) ?? []), draft]);
      cache.set(agent, advised);
    }
    return advised;
  };
}

/** Whether a CIB op is what build makes of an advised op, ids aside. */
function likeDraft(o: CibOp, draft: OpDraft, roles: RoleSpelling): boolean {
  if (o.interval !== draft.interval || o.metaAttributes) return false;
  if (!sameOpAttrs(o.attrs, draft.attrs, roles)) return false;
  const params = o.instanceAttributes?.pairs ?? [];
  if (draft.checkLevel === undefined) return params.length === 0;
  return params.length === 1 && params[0]!.name === 'OCF_CHECK_LEVEL' && literalText(params[0]!.value) === draft.checkLevel;
}

/** Whether two sets have the same id and the same nvpairs (ids, names, literal values) in order. */
function sameSet(mine: NvSet | undefined, theirs: NvSet | undefined): boolean {
  if (!mine || !theirs) return !mine && !theirs;
  if (mine.id !== theirs.id || mine.pairs.length !== theirs.pairs.length) return false;
  return mine.pairs.every((a, i) => {
    const b = theirs.pairs[i]!;
    return a.id === b.id && a.name === b.name && literalText(a.value) !== undefined && literalText(a.value) === literalText(b.value);
  });
}

function opsByName(ops: readonly CibOp[]): Map<string, CibOp[]> {
  const out = new Map<string, CibOp[]>();
  for (const o of ops) {
    const named = out.get(o.name);
    if (named) named.push(o);
    else out.set(o.name, [o]);
  }
  return out;
}

/** A primitive or template of the CIB with the lowered one of the same id. */
interface PairedPrimitive {
  readonly cib: CibPrimitive;
  readonly planned: CibPrimitive;
}

function pairedPrimitives(cib: Cib, lowered: Lowered): PairedPrimitive[] {
  const planned = new Map<string, CibPrimitive>();
  for (const p of cibPrimitivesAndTemplates(lowered.cib.configuration)) if (!planned.has(p.id)) planned.set(p.id, p);
  return cibPrimitivesAndTemplates(cib.configuration).flatMap((c): PairedPrimitive[] => {
    const p = planned.get(c.id);
    return p ? [{ cib: c, planned: p }] : [];
  });
}

function pairedSets(cib: Cib, properties: NvSet | undefined, lowered: Lowered, primitives: readonly PairedPrimitive[]): [NvSet | undefined, NvSet | undefined][] {
  const conf = cib.configuration;
  const low = lowered.cib.configuration;
  const out: [NvSet | undefined, NvSet | undefined][] = [
    [properties, toolSet(low.crmConfig).plain],
    [toolSet(conf.rscDefaults).plain, toolSet(low.rscDefaults).plain],
    [toolSet(conf.opDefaults).plain, toolSet(low.opDefaults).plain],
  ];
  // Sets of their own keep their ids ($id= always written): paired by id.
  const byId = (sets: readonly NvSet[]) => new Map(sets.map((s) => [s.id, s]));
  const ownOf = (x: readonly ExtraSet[] | undefined) => (x ?? []).flatMap((e) => ('set' in e ? [e.set] : []));
  const pairOwn = (c: readonly NvSet[], p: readonly NvSet[]) => {
    const planned = byId(p);
    for (const set of c) out.push([set, planned.get(set.id)]);
  };
  // Against every lowered set: where the plain set holds only what Pacemaker maintains, the first
  // set of its own is the lowered section's first set.
  pairOwn(toolSet(conf.crmConfig).others, low.crmConfig);
  pairOwn(toolSet(conf.rscDefaults).others, low.rscDefaults ?? []);
  pairOwn(toolSet(conf.opDefaults).others, low.opDefaults ?? []);
  const lowResources = new Map(cibResources(low).map((r) => [`${r.kind} ${r.id}`, r]));
  for (const c of cibResources(conf)) if (c.extraSets?.length) pairOwn(ownOf(c.extraSets), ownOf(lowResources.get(`${c.kind} ${c.id}`)?.extraSets));
  const lowNodes = new Map(low.nodes.map((n) => [n.uname, n]));
  for (const c of conf.nodes) if (c.extraSets?.length) pairOwn(ownOf(c.extraSets), ownOf(lowNodes.get(c.uname)?.extraSets));
  for (const { cib: c, planned: p } of primitives) {
    out.push([c.instanceAttributes, p.instanceAttributes], [c.metaAttributes, p.metaAttributes], [c.utilization, p.utilization]);
    // An op's sets, once the op has its id and build gives it the set (an op left to the agent's
    // advice may have none yet: that is decided by the op, not by the set's id).
    let planned: Map<string, CibOp> | undefined;
    for (const o of c.operations) {
      // Most ops have no sets: no map of the lowered ones for them.
      if (!o.instanceAttributes && !o.metaAttributes) continue;
      planned ??= new Map(p.operations.map((q) => [q.id, q]));
      const q = planned.get(o.id);
      if (q?.instanceAttributes) out.push([o.instanceAttributes, q.instanceAttributes]);
      if (q?.metaAttributes) out.push([o.metaAttributes, q.metaAttributes]);
    }
  }
  // Nodes by name, once the node has its id (the sets' ids derive from it).
  const plannedNodes = new Map(low.nodes.map((n) => [n.uname, n]));
  for (const c of conf.nodes) {
    const p = plannedNodes.get(c.uname);
    if (p?.id === c.id) out.push([c.instanceAttributes, p.instanceAttributes], [c.utilization, p.utilization]);
  }
  // Groups and clones, at any level: paired by kind and id.
  const planned = new Map(cibResources(low).flatMap((r) => (r.kind === 'primitive' ? [] : [[`${r.kind} ${r.id}`, r] as const])));
  for (const c of cibResources(conf)) {
    if (c.kind === 'primitive') continue;
    const p = planned.get(`${c.kind} ${c.id}`);
    if (!p) continue;
    out.push([c.metaAttributes, p.metaAttributes]);
    if (c.kind !== 'bundle' && p.kind !== 'bundle') out.push([c.instanceAttributes, p.instanceAttributes]);
  }
  // Alerts by id, their recipients by id.
  const alerts = new Map((low.alerts ?? []).map((a) => [a.id, a]));
  for (const c of conf.alerts ?? []) {
    const p = alerts.get(c.id);
    if (!p) continue;
    out.push([c.metaAttributes, p.metaAttributes], [c.instanceAttributes, p.instanceAttributes]);
    const recipients = new Map(p.recipients.map((r) => [r.id, r]));
    for (const r of c.recipients) {
      const q = recipients.get(r.id);
      if (q) out.push([r.metaAttributes, q.metaAttributes], [r.instanceAttributes, q.instanceAttributes]);
    }
  }
  return out;
}

/** The id lowering gave a set that holds no pairs is not in the CIB; a set's pairs are. */
function loweredPairId(set: NvSet | undefined, name: string): string | undefined {
  return set?.pairs.find((a) => a.name === name)?.id;
}

/** A part of the read CIB the lowering still gets wrong; its XPath is looked up only if it is the last round's. */
interface Difference {
  readonly what: string;
  readonly id: string;
  readonly object: object;
  readonly reason: string;
}

/**
 * The lowered CIB against the read one, after a round: what to write explicitly so that the next
 * lowering comes closer (taken into the decisions; `changed` says whether anything was), and what
 * this lowering still gets wrong (the differences, which the last round reports as parts the
 * language cannot reproduce). One pass does both: a large cluster has tens of thousands of parts.
 */
function compare(cib: Cib, properties: NvSet | undefined, lowered: Lowered, d: Decisions): { changed: boolean; differences: Difference[] } {
  const primitives = pairedPrimitives(cib, lowered);
  const differences: Difference[] = [];
  let changed = false;
  const add = <T>(set: Set<T>, key: T) => {
    if (!set.has(key)) {
      set.add(key);
      changed = true;
    }
  };
  // A rule's id and, where the lowering has a rule in the same place, those of the rules inside it.
  const ruleIdsKept = (c: CibRule, p: CibRuleChild | undefined): void => {
    if (p?.kind !== 'rule') return add(d.allocatedIds, c.id);
    if (p.id !== c.id) add(d.allocatedIds, c.id);
    c.children.forEach((x, i) => {
      if (x.kind === 'rule') ruleIdsKept(x, p.children[i]);
    });
  };
  for (const [c, p] of pairedSets(cib, properties, lowered, primitives)) {
    if (c?.rule) ruleIdsKept(c.rule, p?.rule);
    if (!c || c.pairs.length === 0) continue;
    // nvpair ids derive from the set's: written once the set has its id.
    const setKept = p?.id === c.id;
    if (!setKept) add(d.setIds, c);
    for (const pair of c.pairs) {
      const got = loweredPairId(p, pair.name);
      if (pair.id === NO_ID || got === undefined || got === pair.id) continue;
      if (setKept) add(d.pairIds, pair);
      differences.push({ what: 'nvpair', id: pair.id, object: pair, reason: `an nvpair id hacc cannot keep (it would be '${got}')` });
    }
  }
  const loweredConstraints = new Map(lowered.cib.configuration.constraints.map((c) => [`${c.kind} ${c.id}`, c]));
  for (const c of cib.configuration.constraints) {
    const p = loweredConstraints.get(`${c.kind} ${c.id}`);
    c.sets.forEach((s, i) => {
      if (p?.sets[i]?.id !== s.id) add(d.allocatedIds, s.id);
    });
    if (c.kind === 'rsc_location') c.rules.forEach((r, i) => ruleIdsKept(r, p?.kind === 'rsc_location' ? p.rules[i] : undefined));
  }
  const loweredAlerts = new Map((lowered.cib.configuration.alerts ?? []).map((a) => [a.id, a]));
  for (const a of cib.configuration.alerts ?? []) {
    const p = loweredAlerts.get(a.id);
    a.recipients.forEach((r, i) => {
      if (p?.recipients[i]?.id !== r.id) add(d.recipientIds, r);
    });
    const selected = new Map((p?.select?.attributes ?? []).map((x) => [x.name, x.id]));
    for (const x of a.select?.attributes ?? []) {
      if (selected.get(x.name) !== x.id) differences.push({ what: 'attribute', id: x.id, object: a, reason: `a selected attribute's id hacc cannot keep (it would be '${selected.get(x.name) ?? '?'}')` });
    }
  }
  const planNodes = new Map(lowered.cib.configuration.nodes.map((n) => [n.uname, n]));
  for (const n of cib.configuration.nodes) {
    if (planNodes.get(n.uname)?.id !== n.id) add(d.nodeIds, n);
  }
  const roles = lowered.cluster.target.roles;
  for (const { cib: c, planned } of primitives) {
    // Most primitives get their own ops back, one for one: nothing to decide, nothing to report.
    if (c.operations.length === planned.operations.length && c.operations.every((o, i) => sameOp(o, planned.operations[i], roles))) continue;
    const mode = d.ops.get(c)!;
    const cibOps = opsByName(c.operations);
    const planOps = opsByName(planned.operations);
    // forEach, here and in firstGuess(): no entry array per op name (a large cluster has tens of thousands).
    cibOps.forEach((ops, name) => {
      const got = planOps.get(name) ?? [];
      const same = ops.map((o, i) => sameOp(o, got[i], roles));
      same.forEach((ok, i) => {
        if (ok) return;
        const o = ops[i]!;
        const reason =
          o.interval === undefined
            ? 'an op without an interval (hacc would give it one)'
            : got[i]?.id === o.id && (o.instanceAttributes || o.metaAttributes)
              ? 'op attributes with ids hacc cannot keep'
              : 'an op hacc would not rebuild exactly';
        differences.push({ what: 'op', id: o.id, object: o, reason });
      });
      if (!mode.exact && mode.omit.has(name)) {
        // Left to build's defaults: they must give exactly these ops, ids and all.
        if (got.length !== ops.length || same.includes(false)) {
          mode.omit.delete(name);
          changed = true;
        }
        return;
      }
      ops.forEach((o, i) => {
        if (got[i]?.id !== o.id) add(d.opIds, o);
      });
    });
    if (!mode.exact && [...planOps.keys()].some((name) => !cibOps.has(name))) {
      // Build would add an op the CIB does not have: write them all and turn the defaults off.
      mode.exact = true;
      mode.omit.clear();
      changed = true;
    }
  }
  return { changed, differences };
}

/** Which secret params get an environment variable, and its name (unique in the file). */
function secretVariables(cib: Cib): Map<NvPair, SecretVariable> {
  const out = new Map<NvPair, SecretVariable>();
  const used = new Set<string>();
  for (const p of cibPrimitives(cib.configuration)) {
    for (const pair of p.instanceAttributes?.pairs ?? []) {
      if (pair.value.kind !== 'literal' || !isSecretParam(pair.name)) continue;
      const base = variableName(p.id, pair.name);
      let variable = base;
      for (let n = 2; used.has(variable); n++) variable = `${base}_${n}`;
      used.add(variable);
      out.set(pair, { variable, resource: p.id, param: pair.name });
    }
  }
  return out;
}

/** TEXT on one line, its control characters escaped (\n, \t, \u0007): for a comment line or one line of a message. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function header(maintained: readonly NvPair[], platform: PlatformName | undefined, secrets: readonly SecretVariable[], unsupported: readonly Unsupported[], ignored: readonly Unsupported[], silenced: readonly Diagnostic[]): string[] {
  // ASCII, as the file is when the CIB is: HA217 looks at every value of a file with a non-ASCII character.
  const out = [
    'Imported from a Pacemaker CIB by `hacc import`.',
    'The CIB holds no node addresses and no pcsd password: add addr= to each node and an',
    '`auth hacluster password=env:PCSD_PASSWORD` line before you run the setup script.',
  ];
  if (!platform) {
    out.push('', `The CIB does not say which platform the cluster runs, so hacc assumes ${DEFAULT_PLATFORM}: add a`, '`platform` line if it runs another.');
  }
  if (secrets.length > 0) {
    out.push('', 'Secrets: the CIB held these in clear. Their values are not in this file; before the setup', 'script runs, set each environment variable to the value of the parameter it names:');
    const width = Math.max(...secrets.map((s) => s.variable.length));
    for (const s of secrets) out.push(`  ${s.variable.padEnd(width)}  ${printable(`${s.param} of ${s.resource}`)}`);
  }
  if (maintained.length > 0) {
    out.push('', `Left out, maintained by Pacemaker itself: ${maintained.map((p) => `property ${printable(p.name)}`).join(', ')}.`);
  }
  if (unsupported.length > 0) {
    out.push('', 'NOT IMPORTED: the .ha language cannot express these parts of the CIB yet, so this file does', 'not describe the whole cluster (written with --allow-partial):');
    for (const u of unsupported) out.push(`  ${describeUnsupported(u)}`);
  }
  if (ignored.length > 0) {
    out.push('', 'Left out, ignored by Pacemaker (this file is equivalent to the CIB, not identical):');
    for (const u of ignored) out.push(`  ${describeUnsupported(u)}`);
  }
  if (silenced.length > 0) {
    out.push(
      '',
      'Findings: hacc check calls these parts of the cluster errors. So that this file builds the',
      'cluster as it runs, each is silenced by a `# hacc-ignore` line where it stands; remove that',
      'line to see the finding again, and fix it before you change the cluster:',
    );
    for (const d of silenced) out.push(`  ${d.code} ${printable(d.message)}`);
  }
  return out;
}

/** `clone 'web-clone': a clone, at /cib/configuration/resources/clone[@id='web-clone']`. */
export function describeUnsupported(u: Unsupported): string {
  // On one line: a name or id may hold a line break (&#10;).
  return printable(`${u.what}${u.id !== undefined ? ` '${u.id}'` : ''}: ${u.reason}, at ${u.xpath}`);
}

/**
 * Imports a CIB. Throws XmlSyntaxError (not well-formed XML) or NotACibError (some other XML); the
 * result lists what could not be imported, and its text lists it too, in the header.
 */
export function importCib(xml: string, options: ImportOptions = {}): ImportResult {
  const catalogue = options.catalogue ?? defaultCatalogue();
  const read = readCibText(xml);
  const unsupported: Unsupported[] = [...read.unsupported];
  const sanitiser = new Sanitiser(unsupported, read.xpathOf);
  const cib = sanitiser.cib(read.cib);
  // Decisions are taken on the sanitised objects; messages name where their originals were read.
  const xpathOf = (o: object) => read.xpathOf(sanitiser.copies.get(o) ?? o);
  // The plain property set (cib-bootstrap-options): the others are sets of their own.
  const crm = toolSet(cib.configuration.crmConfig).plain;
  const maintained = crm?.pairs.filter((p) => MAINTAINED_PROPERTIES.includes(p.name)) ?? [];
  const properties = crm && { ...crm, pairs: crm.pairs.filter((p) => !MAINTAINED_PROPERTIES.includes(p.name)) };
  const hacc = read.hacc && isPlatformName(read.hacc.platform) ? read.hacc : undefined;
  const platform = options.target ?? (hacc?.platform as PlatformName | undefined) ?? suggestedPlatform(cib, maintained);
  const secretMap = secretVariables(cib);
  const secrets = [...secretMap.values()];
  const raiser = new Raiser(cib, properties, secretMap, clusterName(crm, hacc, options, xpathOf), platform);

  // Start optimistic (every op left to build, every id derived) and write out what differs.
  const d: Decisions = { nodeIds: new Set(), setIds: new Set(), pairIds: new Set(), opIds: new Set(), recipientIds: new Set(), allocatedIds: new Set(), ops: new Map() };
  const target = cibTarget(platform ?? DEFAULT_PLATFORM);
  const adviceOf = adviceByAgent(catalogue, target);
  for (const p of cibPrimitivesAndTemplates(cib.configuration)) d.ops.set(p, firstGuess(p, adviceOf, target));
  const headerFor = (silenced: readonly Diagnostic[]) => header(maintained, platform, secrets, unsupported, read.ignored, silenced);
  // One round under the decisions taken so far. Its text has the header as it stands then; the last
  // comparison may add to it (differences).
  const nextRound = () => {
    const printed = printedRound(raiser.cluster(d), headerFor([]), catalogue);
    return { ...printed, compared: compare(cib, properties, printed.lowered, d) };
  };
  let round = nextRound();
  for (let rounds = 1; round.compared.changed; rounds++) {
    if (rounds >= MAX_ROUNDS) {
      // Not settling: spell everything out, which needs no further round.
      for (const m of d.ops.values()) Object.assign(m, { exact: true, omit: new Set() });
      const conf = cib.configuration;
      for (const s of [properties, toolSet(conf.rscDefaults).plain, toolSet(conf.opDefaults).plain]) if (s) d.setIds.add(s);
      for (const p of cibPrimitivesAndTemplates(conf)) {
        for (const s of [p.instanceAttributes, p.metaAttributes, p.utilization]) if (s) d.setIds.add(s);
        for (const o of p.operations) d.opIds.add(o);
      }
      for (const n of conf.nodes) {
        d.nodeIds.add(n);
        for (const s of [n.instanceAttributes, n.utilization]) if (s) d.setIds.add(s);
      }
      for (const r of cibResources(conf)) {
        if (r.kind === 'primitive') continue;
        if (r.metaAttributes) d.setIds.add(r.metaAttributes);
        if (r.kind !== 'bundle' && r.instanceAttributes) d.setIds.add(r.instanceAttributes);
      }
      for (const a of conf.alerts ?? []) for (const r of a.recipients) d.recipientIds.add(r);
      for (const c of conf.constraints) for (const id of [...c.sets.map((s) => s.id), ...(c.kind === 'rsc_location' ? c.rules.flatMap(ruleIds) : [])]) d.allocatedIds.add(id);
      round = nextRound();
      break;
    }
    round = nextRound();
  }
  const listedInRound = unsupported.length;
  unsupported.push(...round.compared.differences.map(({ what, id, object, reason }) => ({ what, id, xpath: xpathOf(object), reason })));

  // The errors hacc check finds in the cluster as it is, silenced where they stand (silence.ts).
  // The header may have grown since the round's text (its body is the same), and the lines move with it.
  const { errors, lines } = errorsToSilence(round.model, () => readBack(round.text, round.tree), catalogue);
  const headed = errors.length > 0 || unsupported.length > listedInRound ? printHa(round.tree, headerFor(errors)) : round.text;
  const text = lines.size === 0 ? headed : withIgnoreComments(headed, lines, headed.split('\n').length - round.text.split('\n').length);
  if (text !== round.text) readBack(text, round.tree);
  return { text, unsupported, secrets, ignored: read.ignored, silenced: errors, tree: round.tree };
}

export type { CibValue };
