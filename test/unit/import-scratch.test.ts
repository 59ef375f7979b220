import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { checkText } from '../../src/check/check.js';
import { emitAll } from '../../src/emit/index.js';
import { importCib } from '../../src/import/import.js';
import { generateHa } from '../../test-support/generate.js';
import { listFiles, readText } from '../../test-support/expectations.js';

const cat = defaultCatalogue();
function build(text: string) {
  const r = checkText(text, 'x.ha', { catalogue: cat });
  if (!r.checked) return undefined;
  return emitAll(r.checked, cat);
}
describe('scratch', () => {
  const inputs: [string, string][] = listFiles('fixtures', '.ha').map((p) => [p, readText(p)]);
  for (let s = 1; s <= 50; s++) inputs.push([`gen ${s}`, generateHa(s, { resources: 8 })]);
  for (const [name, text] of inputs) {
    const a = build(text);
    if (!a) continue;
    it(name, () => {
      const cib = a.find((x) => x.path === 'cib.xml')!.contents;
      const imp = importCib(cib, { catalogue: cat });
      expect(imp.unsupported).toEqual([]);
      const r = checkText(imp.text, 'i.ha', { catalogue: cat });
      expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
      const b = emitAll(r.checked!, cat);
      expect(b).toEqual(a);
    });
  }
});
