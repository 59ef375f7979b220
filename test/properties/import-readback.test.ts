// `hacc import` resolves, lowers and checks the tree it raised from the CIB, not the text it prints
// (parsing that text back would cost a large import a fifth of its time). That is sound only while
// the printed text reads back as that tree: this holds it, over every CIB of Pacemaker's scheduler
// suite (read from ../shared/corpus at run time), under two platforms.

import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { importCib } from '../../src/import/import.js';
import { parseHa } from '../../src/syntax/parse.js';
import { sameShape } from '../../src/syntax/shape.js';
import { schedulerCib, schedulerCibNames } from '../../test-support/scheduler-cibs.js';

describe('an imported file reads back as the tree import compared with the CIB', () => {
  it('holds for every scheduler CIB', () => {
    const catalogue = defaultCatalogue();
    const cibs = schedulerCibNames();
    let compared = 0;
    const wrong: string[] = [];
    for (const f of cibs) {
      const xml = schedulerCib(f);
      for (const target of ['el9', 'el6'] as const) {
        // No scheduler CIB is refused (a refusal lists parts, it does not throw), and a text that
        // did not read back where import parses it (errors to place) would throw: that fails too.
        const result = importCib(xml, { catalogue, target });
        const parsed = parseHa(result.text, f);
        compared++;
        if (parsed.diagnostics.length > 0 || !sameShape(parsed.file.cluster, result.tree)) wrong.push(`${f} (${target}): ${parsed.diagnostics.map((d) => d.message).join('; ') || 'another tree'}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(compared).toBe(2 * cibs.length);
  }, 600_000);
});
