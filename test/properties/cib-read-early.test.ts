// `hacc import` reads each resource of a CIB as its element closes (readCibText), so that a large
// CIB's XML is garbage resource by resource. That is sound only while it reads what readCib reads
// from the whole parse: the same CIB model, the same parts listed in the same order, the same
// XPaths. This holds it over every CIB of Pacemaker's scheduler suite (from ../shared/corpus at run
// time), and over each of them with its resources moved behind its constraints and its templates
// last (a primitive made from a template waits for readCib, which reads templates first).

import { describe, expect, it } from 'vitest';
import { readCib, readCibText, type ReadResult } from '../../src/cib/read.js';
import { parseXml } from '../../src/cib/xml-reader.js';
import { schedulerCib, schedulerCibNames } from '../../test-support/scheduler-cibs.js';

/** Everything a read gives, with the XPath of every object of the model beside it. */
function described(r: ReadResult): string {
  const xpaths: string[] = [];
  const visit = (o: unknown): void => {
    if (typeof o !== 'object' || o === null) return;
    if (!Array.isArray(o)) xpaths.push(r.xpathOf(o));
    for (const v of Object.values(o)) visit(v);
  };
  visit(r.cib);
  return JSON.stringify({ cib: r.cib, unsupported: r.unsupported, ignored: r.ignored, hacc: r.hacc, xpaths });
}

/** The CIB with its <resources> after its <constraints> and its templates after the other resources. */
function reordered(xml: string): string {
  const resources = /<resources>[\s\S]*?<\/resources>/.exec(xml)?.[0];
  if (!resources || !xml.includes('</constraints>')) return xml;
  const templates = resources.match(/<template\b[\s\S]*?<\/template>/g) ?? [];
  const moved = templates.reduce((r, t) => r.replace(t, ''), resources).replace('</resources>', `${templates.join('')}</resources>`);
  return xml.replace(resources, '').replace('</constraints>', `</constraints>${moved}`);
}

describe('reading resources as they close reads what readCib reads', () => {
  it('holds for every scheduler CIB, as it is and reordered', () => {
    const cibs = schedulerCibNames();
    let compared = 0;
    const wrong: string[] = [];
    for (const f of cibs) {
      const original = schedulerCib(f);
      for (const xml of [original, reordered(original)]) {
        compared++;
        if (described(readCibText(xml)) !== described(readCib(parseXml(xml)))) wrong.push(f);
      }
    }
    expect(wrong).toEqual([]);
    expect(compared).toBe(2 * cibs.length);
  }, 600_000);
});
