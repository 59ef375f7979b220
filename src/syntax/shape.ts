/**
 * A span-free projection of a syntax tree: what a tree means, without where it was written or how a
 * value was quoted (a value's decoded text and, for a bare `env:`/`file:` word, its secret reference
 * carry its meaning). Two files with equal shapes describe the same cluster; `hacc fmt` relies on it.
 */
export type Shape = null | boolean | number | string | readonly Shape[] | { readonly [key: string]: Shape };

const DROPPED = new Set(['start', 'end', 'quoted']);

export function shapeOf(node: unknown): Shape {
  if (node === null || node === undefined) return null;
  if (typeof node === 'boolean' || typeof node === 'number' || typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(shapeOf);
  if (typeof node === 'object') {
    const out: Record<string, Shape> = {};
    for (const [k, v] of Object.entries(node)) if (!DROPPED.has(k) && v !== undefined) out[k] = shapeOf(v);
    return out;
  }
  throw new TypeError(`not a syntax tree value: ${typeof node}`);
}
