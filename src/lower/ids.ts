// Ids as pcs gives them.

const VALID_ID = /^[a-zA-Z_][a-zA-Z0-9_.-]*$/;

/** Pacemaker's id syntax, as pcs's sanitize_id enforces it. */
export function sanitizeId(candidate: string): string {
  if (candidate === '' || VALID_ID.test(candidate)) return candidate;
  const first = /[a-zA-Z_]/.test(candidate[0]!) ? candidate[0]! : '';
  return first + candidate.slice(1).replace(/[^a-zA-Z0-9_.-]/g, '');
}

/**
 * The id pcs gives the n-th (from 0) of several objects all proposed as `base` (a constraint's rules
 * or sets), when nothing else takes those ids: `base`, then `base-1`, `base-2`… (IdAllocator's sequence).
 */
export function nthId(base: string, n: number): string {
  return n === 0 ? base : `${base}-${n}`;
}

/** Hands out ids the way pcs's IdProvider does: the proposal, else the proposal with -1, -2, … */
export class IdAllocator {
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }

  allocate(proposal: string): string {
    const base = sanitizeId(proposal);
    // Nearly every proposal is free: one look into the set (add, and see whether it grew) instead of has then add.
    let size = this.taken.size;
    let id = base;
    for (let n = 1; this.taken.add(id).size === size; n++) {
      id = `${base}-${n}`;
      size = this.taken.size;
    }
    return id;
  }
}
