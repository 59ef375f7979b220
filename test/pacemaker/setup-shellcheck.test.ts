// shellcheck on the setup.sh hacc writes: the examples on every platform, every clean fixture and
// generated clusters, the shell files it is made of, and the committed golden one.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { PLATFORMS, type PlatformName } from '../../src/model/platforms.js';
import { listFiles, readText } from '../../test-support/expectations.js';
import { build } from '../../test-support/setup-script-harness.js';
import { cleanFixtures, tool } from '../../test-support/setup-replay.js';
import { generateHa } from '../../test-support/generate.js';

describe('shellcheck', () => {
  const shellcheck = () => tool('shellcheck');
  for (const file of ['fixtures/examples/seed.ha', 'fixtures/examples/web-el9.ha', 'fixtures/ok/setup-adversarial.ha', 'test/live/fixtures/live.ha']) {
    for (const platform of PLATFORMS) {
      it(`${file} on ${platform}: no findings`, () => {
        const { script } = build(readText(file), platform, file);
        const r = spawnSync(shellcheck(), ['-s', 'bash', '-'], { input: script, encoding: 'utf8' });
        expect(r.stdout + r.stderr).toBe('');
        expect(r.status).toBe(0);
      });
    }
  }

  // Each clean fixture on two platforms, taken in turn, so every platform sees about 2/9 of the
  // fixtures (the examples above see all nine). Every fixture on every platform is about 860 scripts
  // at about 0.7 s each, which CI cannot afford; what a platform changes in the script is which
  // shell files it is made of and the command lines, both exercised here.
  it('every shape of input: each clean fixture on two platforms in turn and 40 generated clusters, no findings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hacc-shellcheck-'));
    try {
      const scripts: string[] = [];
      const seen = new Set<PlatformName>();
      const add = (text: string, file: string, platform?: PlatformName) => {
        const r = checkText(text, file, { ...(platform ? { target: platform } : {}), catalogue: defaultCatalogue() });
        if (!r.checked) return;
        const path = join(dir, `${scripts.length}.sh`);
        writeFileSync(path, build(text, platform, file).script);
        scripts.push(path);
        seen.add(r.checked.platform);
      };
      cleanFixtures().forEach((file, i) => {
        for (const platform of [PLATFORMS[i % PLATFORMS.length]!, PLATFORMS[(i + 4) % PLATFORMS.length]!]) add(readText(file), file, platform);
      });
      for (let seed = 1; seed <= 40; seed++) add(generateHa(seed, { resources: 1 + (seed % 12) }), `gen-${seed}.ha`);
      const lowerCaseEnv = 'cluster lab {\n  node a addr=10.0.0.1/24\n  node b addr=10.0.0.2/24\n  property stonith-enabled=false\n  primitive d ocf:pacemaker:Dummy {\n    params fake=env:ref state=file:/etc/x\n  }\n}\n';
      for (const platform of PLATFORMS) add(lowerCaseEnv, 'lower.ha', platform);
      // Shapes: with and without the anything agent, secrets (env and file, lower-case names), clones, XML loading.
      expect(scripts.length).toBeGreaterThan(200);
      expect([...seen].sort()).toEqual([...PLATFORMS].sort());
      const r = spawnSync(shellcheck(), ['-s', 'bash', ...scripts], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 900_000);

  it('the shell files setup.sh is made of (src/emit/setup/*.sh), each read as it is: no findings', () => {
    const files = listFiles('src/emit/setup', '.sh');
    expect(files.length).toBeGreaterThanOrEqual(10);
    const r = spawnSync(shellcheck(), ['-s', 'bash', ...files], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('the committed golden out/cluster/setup.sh: no findings', () => {
    const r = spawnSync(shellcheck(), ['out/cluster/setup.sh'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
