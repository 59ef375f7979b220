// SBD against the real sbd (Debian 12's 1.5.2) and pcs: the script's own sbd_setup_devices, with
// its data lines, run on a loop device, must leave a header that `sbd -d DEV dump` reads back with
// the init line's timeouts; before that, dump finds no header (what ensure_sbd asks before it
// writes one). pcs stonith sbd enable needs pcsd on every node and is not run here (the unit suite
// checks its arguments); .ci/run installs sbd.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../test-support/setup-script-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'hacc-sbd-'));
let device = '';

beforeAll(() => {
  const image = join(dir, 'sbd.img');
  writeFileSync(image, Buffer.alloc(8 * 1024 * 1024));
  // sbd reads and writes with O_DIRECT and async I/O: a block device, not a plain file.
  const r = spawnSync('losetup', ['-f', '--show', image], { encoding: 'utf8' });
  expect(r.status, `losetup: ${r.stderr}`).toBe(0);
  device = r.stdout.trim();
});

afterAll(() => {
  if (device) spawnSync('losetup', ['-d', device]);
  rmSync(dir, { recursive: true, force: true });
});

/** Lines of setup.sh: a `readonly NAME=` data line, or a shell function. */
function piece(script: string, re: RegExp): string {
  const m = re.exec(script);
  expect(m, String(re)).not.toBeNull();
  return m![0];
}

function dump(): { status: number | null; text: string } {
  const r = spawnSync('sbd', ['-d', device, 'dump'], { encoding: 'utf8' });
  return { status: r.status, text: `${r.stdout}${r.stderr}` };
}

describe('sbd block: setup.sh writes the header sbd reads back', () => {
  it('a disk without a header: sbd dump says so, then sbd_setup_devices writes the init timeouts', () => {
    const text = `cluster sb {
  platform debian12
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  sbd {
    device ${device}
    init watchdog-timeout=7 msgwait-timeout=15
  }
  primitive fence-sbd stonith:fence_sbd {
    params devices=${device} pcmk_delay_max=10s
  }
}
`;
    const { script } = build(text);
    expect(dump().status).not.toBe(0);
    const body = [
      'set -euo pipefail',
      'run() { "$@"; }',
      piece(script, /^readonly SBD_DEVICE_ARG=.*$/m),
      piece(script, /^readonly SBD_INIT=.*$/m),
      piece(script, /^sbd_setup_devices\(\) \{\n[\s\S]*?^\}$/m),
      `sbd_setup_devices ${device}`,
    ].join('\n');
    const r = spawnSync('bash', ['-c', body], { encoding: 'utf8', cwd: dir });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
    const after = dump();
    expect(after.status, after.text).toBe(0);
    expect(after.text).toMatch(/Timeout \(watchdog\)\s*:\s*7\n/);
    expect(after.text).toMatch(/Timeout \(msgwait\)\s*:\s*15\n/);
  });
});
