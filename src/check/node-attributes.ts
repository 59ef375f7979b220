import { AGENT_NODE_ATTRIBUTES, promotionScoreAttribute } from '../catalogue/node-attributes.js';
import { compareVersions } from '../catalogue/platforms.js';
import { BUILT_IN_NODE_ATTRIBUTES } from '../language/rule.js';
import { allAttrs, cloneOf, type ClusterModel, type Machine } from '../model/model.js';
import { assertNever, type RuleExpr } from '../syntax/ast.js';

// Node attributes as the checks know them before the cluster runs: which ones anything sets (the
// nodes' own, Pacemaker's built-in ones, the agents'), and what a rule's expression gives on a
// node where that can be known from the file alone.

/**
 * The node attributes the cluster sets: those the nodes' attributes lines write, and those only the
 * running cluster gives (Pacemaker's built-in ones but #uname, the agents': ping's name, promotion
 * scores…).
 */
export interface KnownAttributes {
  readonly written: ReadonlySet<string>;
  readonly runtime: ReadonlySet<string>;
}

export function knownAttributes(m: ClusterModel): KnownAttributes {
  const written = new Set<string>(['#uname']);
  const runtime = new Set<string>(BUILT_IN_NODE_ATTRIBUTES.filter((a) => a !== '#uname'));
  for (const n of [...m.nodes, ...m.remoteNodes]) for (const a of allAttrs(n.attributes)) written.add(a.key.text);
  for (const p of m.primitives) {
    const publisher = AGENT_NODE_ATTRIBUTES[p.agent.id];
    if (publisher) for (const name of publisher(p.name, (key) => p.params.values.get(key)?.value.text)) runtime.add(name);
    if (cloneOf(p)?.promotable) runtime.add(promotionScoreAttribute(p.name));
  }
  return { written, runtime };
}

/** Every node attribute the cluster sets. */
export function attributesSet(m: ClusterModel): Set<string> {
  const { written, runtime } = knownAttributes(m);
  return new Set([...written, ...runtime]);
}

/**
 * A node's attribute as far as the file tells: its value (#uname, or the node's attributes line),
 * undefined when the node has none (nothing else sets it: Pacemaker treats it as not defined), or
 * 'unknown' (the running cluster sets it, or a set of the node's with a rule or a score may).
 */
export type AttributeValue = string | undefined | 'unknown';

export function nodeAttribute(node: Machine, name: string, known: KnownAttributes): AttributeValue {
  if (name === '#uname') return node.name;
  if (known.runtime.has(name) || node.attributes.blocks.some((b) => b.values.has(name) || b.idRef)) return 'unknown';
  return node.attributes.values.get(name)?.value.text;
}

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;

/** Whether `a OP b` holds, compared as Pacemaker compares with the given type; undefined when that cannot be told. */
function compare(op: string, a: string, b: string, type: string | undefined): boolean | undefined {
  let c: number;
  const t = type ?? (NUMBER.test(a) && NUMBER.test(b) ? 'number' : 'string');
  if (t === 'integer' || t === 'number') {
    if (!NUMBER.test(a) || !NUMBER.test(b)) return undefined;
    c = Math.sign(Number(a) - Number(b));
  } else if (t === 'version') c = compareVersions(a, b);
  else if (op === 'eq' || op === 'ne') c = a === b ? 0 : 1;
  else return undefined;
  switch (op) {
    case 'eq':
      return c === 0;
    case 'ne':
      return c !== 0;
    case 'lt':
      return c < 0;
    case 'lte':
      return c <= 0;
    case 'gt':
      return c > 0;
    case 'gte':
      return c >= 0;
    default:
      return undefined;
  }
}

/**
 * Whether a location rule's expression holds on a node: true, false, or undefined when only the
 * running cluster can tell (dates, attributes set at run time, values taken from the resource).
 */
export function holdsOn(e: RuleExpr, attribute: (name: string) => AttributeValue): boolean | undefined {
  switch (e.kind) {
    case 'rule-bool': {
      let result = holdsOn(e.operands[0]!, attribute);
      e.operators.forEach((op, i) => {
        const next = holdsOn(e.operands[i + 1]!, attribute);
        result = op.text.toLowerCase() === 'and' ? and(result, next) : or(result, next);
      });
      return result;
    }
    case 'rule-group':
      return holdsOn(e.expr, attribute);
    case 'rule-defined': {
      const v = attribute(e.attribute.text);
      if (v === 'unknown') return undefined;
      return e.operator.text.toLowerCase() === 'defined' ? v !== undefined : v === undefined;
    }
    case 'rule-compare': {
      if (e.source) return undefined;
      const v = attribute(e.attribute.text);
      if (v === 'unknown') return undefined;
      // An attribute no node has compares false (Pacemaker), whatever the operation but ne.
      if (v === undefined) return e.operator.text.toLowerCase() === 'ne' ? undefined : false;
      return compare(e.operator.text.toLowerCase(), v, e.value.text, e.type?.text.toLowerCase());
    }
    case 'rule-date':
    case 'rule-date-spec':
    case 'rule-resource':
    case 'rule-op':
      return undefined;
    default:
      return assertNever(e);
  }
}

function and(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : undefined;
}

function or(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === true || b === true) return true;
  return a === false && b === false ? false : undefined;
}
