import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A clean file that names no agent, so its result does not depend on the agent catalogue: no
 * diagnostic at all.
 */
export const CLEAN_HA = 'cluster lab {\n  node a addr=10.0.0.1/24\n  property stonith-enabled=false\n}\n';

/** A scratch directory for files a test writes; `remove()` in afterAll. */
export function tempDir(prefix = 'hacc-test-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(name: string, text: string): string {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    remove(): void {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
