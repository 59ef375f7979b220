// Deterministic JSON for the committed catalogue files: two-space indentation, one fact object
// (parameter / action) per line, fixed key order, trailing newline. Smaller than fully expanded
// JSON and easy to review in a diff (one changed parameter = one changed line).

import type { ActionFact, AgentFact, ParamFact, PropertyFact } from './types.js';

const PARAM_KEYS = [
  'name',
  'type',
  'required',
  'unique',
  'default',
  'values',
  'deprecated',
  'obsoletedBy',
  'since',
  'until',
  'valuesSince',
  'valuesUntil',
  'anyCase',
] as const satisfies readonly (keyof ParamFact)[];

const ACTION_KEYS = ['name', 'timeout', 'interval', 'role', 'depth'] as const satisfies readonly (keyof ActionFact)[];

const PROPERTY_KEYS = [
  'name',
  'type',
  'default',
  'values',
  'since',
  'until',
  'renamedTo',
  'valuesSince',
  'valuesUntil',
  'movedTo',
] as const satisfies readonly (keyof PropertyFact)[];

/** Compact one-line JSON with a space after separators and object keys sorted: ["a", "b"], { "k": "v" }. */
function inline(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (typeof v === 'object' && v !== null) {
    const r = v as Record<string, unknown>;
    const keys = Object.keys(r).sort();
    return keys.length === 0 ? '{}' : `{ ${keys.map((k) => `${JSON.stringify(k)}: ${inline(r[k])}`).join(', ')} }`;
  }
  return JSON.stringify(v);
}

function line<T extends object>(fact: T, keys: readonly (keyof T)[]): string {
  const known = new Set<PropertyKey>(keys);
  const extra = Object.keys(fact).filter((k) => !known.has(k));
  if (extra.length > 0) throw new Error(`unexpected key(s) ${extra.join(', ')} in catalogue fact`);
  const parts: string[] = [];
  for (const k of keys) {
    const v = fact[k];
    if (v !== undefined) parts.push(`${JSON.stringify(k)}: ${inline(v)}`);
  }
  return `{ ${parts.join(', ')} }`;
}

function list(items: string[], indent: string): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((i) => `${indent}  ${i}`).join(',\n')}\n${indent}]`;
}

function record(r: Record<string, string>, indent: string): string {
  const keys = Object.keys(r).sort();
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${indent}  ${JSON.stringify(k)}: ${JSON.stringify(r[k])}`).join(',\n')}\n${indent}}`;
}

export const paramLine = (p: ParamFact): string => line(p, PARAM_KEYS);
export const actionLine = (a: ActionFact): string => line(a, ACTION_KEYS);
export const propertyLine = (p: PropertyFact): string => line(p, PROPERTY_KEYS);

function agentBlock(a: AgentFact, indent: string): string {
  const i = `${indent}  `;
  return (
    `{\n${i}"id": ${JSON.stringify(a.id)},\n` +
    `${i}"params": ${list(a.params.map(paramLine), i)},\n` +
    `${i}"actions": ${list(a.actions.map(actionLine), i)}\n${indent}}`
  );
}

/** agents.json text. */
export function serializeAgents(generatedFrom: Record<string, string>, agents: readonly AgentFact[]): string {
  const blocks = agents.map((a) => `    ${agentBlock(a, '    ')}`);
  return (
    `{\n  "generatedFrom": ${record(generatedFrom, '  ')},\n` +
    `  "agents": ${blocks.length ? `[\n${blocks.join(',\n')}\n  ]` : '[]'}\n}\n`
  );
}

/** properties.json text. */
export function serializeProperties(file: {
  generatedFrom: Record<string, string>;
  properties: readonly PropertyFact[];
  fencingParams: readonly ParamFact[];
  resourceMeta: readonly ParamFact[];
  opMeta: readonly ParamFact[];
}): string {
  return (
    `{\n  "generatedFrom": ${record(file.generatedFrom, '  ')},\n` +
    `  "properties": ${list(file.properties.map(propertyLine), '  ')},\n` +
    `  "fencingParams": ${list(file.fencingParams.map(paramLine), '  ')},\n` +
    `  "resourceMeta": ${list(file.resourceMeta.map(paramLine), '  ')},\n` +
    `  "opMeta": ${list(file.opMeta.map(paramLine), '  ')}\n}\n`
  );
}
