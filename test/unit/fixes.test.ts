// Machine-applicable fixes: each kind a rule offers, how they are applied together, and
// `hacc check --fix` / `--fix --dry-run` on files.

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { checkText } from '../../src/check/check.js';
import { applyFixes } from '../../src/check/fixes.js';
import { runCli } from '../../test-support/run-cli.js';
import { tempDir } from '../../test-support/temp-files.js';

const catalogue = defaultCatalogue();
const tmp = tempDir('hacc-fix-');
afterAll(() => tmp.remove());

const wrap = (body: string) => `cluster c {\n  node a addr=10.0.0.1/24\n  node b addr=10.0.0.2/24\n  property stonith-enabled=false\n${body}}\n`;

/** The file after one pass of fixes, and the codes of the diagnostics that offered them. */
function fixOnce(text: string): { text: string; codes: string[] } {
  const r = checkText(text, 'x.ha', { catalogue });
  const fixed = applyFixes(text, r.diagnostics);
  const codes = r.diagnostics.filter((d) => d.fixes && fixed.applied.includes(d.fixes[0]!)).map((d) => d.code);
  return { text: fixed.text, codes };
}

describe('the fixes rules offer', () => {
  for (const [what, before, after, code] of [
    ['a misspelt statement keyword (the parser)', '  primtive d ocf:pacemaker:Dummy\n', '  primitive d ocf:pacemaker:Dummy\n', 'HA001'],
    ['a misspelt key of a closed statement', '  node c adr=10.0.0.3/24\n', '  node c addr=10.0.0.3/24\n', 'HA001'],
    ["the missing '='", '  primitive v ocf:heartbeat:IPaddr2 {\n    params ip=10.0.0.30 cidr_netmask "24"\n  }\n', '  primitive v ocf:heartbeat:IPaddr2 {\n    params ip=10.0.0.30 cidr_netmask="24"\n  }\n', 'HA002'],
    ['an unknown node', '  primitive d ocf:pacemaker:Dummy\n  location l d prefers bb=10\n', '  primitive d ocf:pacemaker:Dummy\n  location l d prefers b=10\n', 'HA103'],
    ['a misspelt operation', '  primitive d ocf:pacemaker:Dummy {\n    op monitr interval=10s timeout=20s\n  }\n', '  primitive d ocf:pacemaker:Dummy {\n    op monitor interval=10s timeout=20s\n  }\n', 'HA201'],
    ['a misspelt parameter', '  primitive d ocf:heartbeat:IPaddr2 {\n    params ip=10.0.0.30 cidr_netmsk=24\n  }\n', '  primitive d ocf:heartbeat:IPaddr2 {\n    params ip=10.0.0.30 cidr_netmask=24\n  }\n', 'HA203'],
    ['a misspelt property', '  property no-quorum-polcy=stop\n', '  property no-quorum-policy=stop\n', 'HA404'],
    ['a timeout below the advised one', '  primitive v ocf:heartbeat:IPaddr2 {\n    params ip=10.0.0.30\n    op start timeout=5s\n  }\n', '  primitive v ocf:heartbeat:IPaddr2 {\n    params ip=10.0.0.30\n    op start timeout=20s\n  }\n', 'HA209'],
    ['no timeout where the default is below the advised one', '  primitive w ocf:heartbeat:apache {\n    op start\n  }\n', '  primitive w ocf:heartbeat:apache {\n    op start timeout=40s\n  }\n', 'HA209'],
    [
      'a literal secret',
      '  primitive fence-a stonith:fence_ipmilan {\n    params ip=10.0.1.1 username=admin password=hunter2 pcmk_host_list=a\n  }\n',
      '  primitive fence-a stonith:fence_ipmilan {\n    params ip=10.0.1.1 username=admin password=env:FENCE_A_PASSWORD pcmk_host_list=a\n  }\n',
      'HA501',
    ],
  ] as const) {
    it(`${code}: ${what}`, () => {
      const r = fixOnce(wrap(before));
      expect(r.codes).toContain(code);
      expect(r.text).toBe(wrap(after));
      // The fix removes what it was for.
      expect(checkText(r.text, 'x.ha', { catalogue }).diagnostics.filter((d) => d.code === code)).toEqual([]);
    });
  }

  it('a name the setup script reserves is never proposed (HA503): SECRET_ in front', () => {
    const r = fixOnce(wrap('  primitive pcmk stonith:fence_ipmilan {\n    params ip=10.0.1.1 username=admin password=hunter2 pcmk_host_list=a\n  }\n'));
    expect(r.text).toContain('password=env:SECRET_PCMK_PASSWORD');
  });

  it('overlapping fixes: the first in the file wins, the other waits for the next pass', () => {
    const text = 'abcdef';
    const d = (start: number, end: number, replacement: string) => ({ code: 'HA001', severity: 'error' as const, message: '', span: { start, end }, fixes: [{ title: '', span: { start, end }, replacement }] });
    // (3,5) overlaps (1,4); an insertion at 4 would claim the point where (1,4) ends; (5,5) is clear of both.
    expect(applyFixes(text, [d(3, 5, 'X'), d(1, 4, 'Y'), d(4, 4, '?'), d(5, 5, '!')])).toEqual({ text: 'aYe!f', applied: [d(1, 4, 'Y').fixes[0], d(5, 5, '!').fixes[0]] });
  });
});

describe('hacc check --fix', () => {
  const broken = wrap('  primitive d ocf:pacemaker:Dummy {\n    op monitr interval=10s timeout=20s\n  }\n  location l d prefers bb=10\n');

  it('--dry-run prints a unified diff and writes nothing; the report is of the file as it is', async () => {
    const file = tmp.write('dry.ha', broken);
    const r = await runCli(['check', '--fix', '--dry-run', file]);
    expect(r.stdout).toContain(`--- ${file}\n+++ ${file}\n`);
    expect(r.stdout).toContain('-    op monitr interval=10s timeout=20s\n+    op monitor interval=10s timeout=20s\n');
    expect(r.stdout).toContain('error[HA201]');
    expect(r.exit).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });

  it('writes the fixed file and reports what is left (exit 0 here: nothing is)', async () => {
    const file = tmp.write('fix.ha', broken);
    const r = await runCli(['check', '--fix', file]);
    expect(r.exit, r.stdout).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(broken.replace('monitr', 'monitor').replace('bb=10', 'b=10'));
  });

  it('standard input cannot be written back; --dry-run alone is a usage error', async () => {
    expect((await runCli(['check', '--fix', '-'], { stdin: broken })).exit).toBe(2);
    const r = await runCli(['check', '--fix', '--dry-run', '-'], { stdin: broken });
    expect(r.stdout).toContain('+    op monitor');
    expect((await runCli(['check', '--dry-run', '-'], { stdin: broken })).exit).toBe(2);
  });

  it('a file that is not UTF-8 is never rewritten', async () => {
    const file = tmp.write('latin1.ha', '');
    const bytes = Buffer.concat([Buffer.from(broken.replace('}\n', '  # caf')), Buffer.from([0xe9]), Buffer.from('\n}\n')]);
    (await import('node:fs')).writeFileSync(file, bytes);
    await runCli(['check', '--fix', file]);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
