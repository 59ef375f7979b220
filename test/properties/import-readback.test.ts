// `hacc import` resolves, lowers and checks the tree it raised from the CIB, not the text it prints
// (parsing that text back would cost a large import a fifth of its time). That is sound only while
// the printed text reads back as that tree: this holds it, over every CIB of Pacemaker's scheduler
// suite (read from ../shared/corpus at run time), under two platforms.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { importCib } from '../../src/import/import.js';
import { parseHa } from '../../src/syntax/parse.js';
import { sameShape } from '../../src/syntax/shape.js';

const XML_DIR = join(process.env['HACC_SHARED'] ?? '../shared', 'corpus/pacemaker-2.1.5/xml');

describe('an imported file reads back as the tree import compared with the CIB', () => {
  it('holds for every scheduler CIB', () => {
    expect(existsSync(XML_DIR), `${XML_DIR}: Pacemaker's scheduler CIBs of ../shared/corpus`).toBe(true);
    const catalogue = defaultCatalogue();
    const cibs = readdirSync(XML_DIR).filter((f) => f.endsWith('.xml')).sort();
    expect(cibs.length).toBeGreaterThan(600);
    let compared = 0;
    const wrong: string[] = [];
    for (const f of cibs) {
      const xml = readFileSync(join(XML_DIR, f), 'utf8');
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
