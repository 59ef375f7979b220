// The machine-applicable fixes of a file's diagnostics, applied: what `hacc check --fix` writes and
// the language server's "fix all" offers. Pure: text and diagnostics in, text out.

import type { Diagnostic, Fix } from '../syntax/diagnostic.js';

/**
 * The text with every diagnostic's first fix applied. Fixes are taken in source order; one that
 * overlaps a fix already taken is left for the next pass (a fix is made for the text as it was).
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): { text: string; applied: readonly Fix[] } {
  const fixes = diagnostics.flatMap((d) => (d.fixes && d.fixes.length > 0 ? [d.fixes[0]!] : [])).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const taken: Fix[] = [];
  let end = -1;
  for (const f of fixes) {
    // An insertion at the end of the previous fix's span still overlaps it (both would claim that point).
    if (f.span.start < end || (f.span.start === end && taken.length > 0)) continue;
    taken.push(f);
    end = f.span.end;
  }
  let out = text;
  for (const f of [...taken].reverse()) out = out.slice(0, f.span.start) + f.replacement + out.slice(f.span.end);
  return { text: out, applied: taken };
}
