/**
 * A span-free projection of a syntax tree: what a tree means, without where it was written or how a
 * value was quoted (a value's decoded text and, for a bare `env:`/`file:` word, its secret reference
 * carry its meaning). Two files with equal shapes describe the same cluster; `hacc fmt` relies on it.
 */
export type Shape = null | boolean | number | string | readonly Shape[] | { readonly [key: string]: Shape };

/** The keys a shape leaves out (compared, not looked up: sameShape asks for every key of a large tree). */
const dropped = (key: string): boolean => key === 'start' || key === 'end' || key === 'quoted';

export function shapeOf(node: unknown): Shape {
  if (node === null || node === undefined) return null;
  if (typeof node === 'boolean' || typeof node === 'number' || typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(shapeOf);
  if (typeof node === 'object') {
    const out: Record<string, Shape> = {};
    for (const [k, v] of Object.entries(node)) if (!dropped(k) && v !== undefined) out[k] = shapeOf(v);
    return out;
  }
  throw new TypeError(`not a syntax tree value: ${typeof node}`);
}

/** Whether two trees have equal shapes (isDeepStrictEqual of their shapeOf), without building them. */
export function sameShape(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return (a === null || a === undefined) && (b === null || b === undefined);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameShape(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // for…in, not Object.keys: a large tree has hundreds of thousands of nodes, and syntax tree nodes
  // are plain objects (no inherited enumerable keys).
  let keys = 0;
  for (const k in x) {
    const v = x[k];
    if (v === undefined || dropped(k)) continue;
    keys++;
    const w = y[k];
    if (w === undefined || !Object.hasOwn(y, k) || !sameShape(v, w)) return false;
  }
  for (const k in y) if (y[k] !== undefined && !dropped(k)) keys--;
  return keys === 0;
}
