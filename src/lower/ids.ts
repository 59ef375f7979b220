// Ids as pcs gives them.

const VALID_ID = /^[a-zA-Z_][a-zA-Z0-9_.-]*$/;

/** Pacemaker's id syntax, as pcs's sanitize_id enforces it. */
export function sanitizeId(candidate: string): string {
  if (candidate === '' || VALID_ID.test(candidate)) return candidate;
  const first = /[a-zA-Z_]/.test(candidate[0]!) ? candidate[0]! : '';
  return first + candidate.slice(1).replace(/[^a-zA-Z0-9_.-]/g, '');
}

/** Hands out ids the way pcs's IdProvider does: the proposal, else the proposal with -1, -2, … */
export class IdAllocator {
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }

  allocate(proposal: string): string {
    const base = sanitizeId(proposal);
    let id = base;
    for (let n = 1; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
