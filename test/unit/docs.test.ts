import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docFiles } from '../../scripts/gen-docs.js';
import { rules } from '../../src/check/registry.js';

describe('generated documentation', async () => {
  const files = await docFiles();
  for (const f of files) {
    it(`${f.path} is up to date (npm run gen)`, () => {
      expect(readFileSync(f.path, 'utf8') === f.content, `${f.path} is stale: run npm run gen`).toBe(true);
    });
  }

  it('the rule list names every registered code', () => {
    const md = files.find((f) => f.path === 'grammar/rules.md')!.content;
    for (const r of rules) expect(md).toContain(`## ${r.code}`);
  });

  it("the README tour shows the seed's mistakes caught, from a real run", () => {
    const readme = files.find((f) => f.path === 'README.md')!.content;
    for (const code of ['HA401', 'HA501', 'HA302', 'HA002', 'HA304', 'HA209', 'HA201', 'HA210', 'HA212']) expect(readme).toContain(`error[${code}]`.replace('error[HA209', 'warning[HA209').replace('error[HA210', 'warning[HA210').replace('error[HA304', 'warning[HA304'));
    expect(readme).toContain('$ echo $?\n1\n');
  });
});
