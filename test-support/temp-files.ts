import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
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
    read(name: string): string {
      return readFileSync(join(dir, name), 'utf8');
    },
    remove(): void {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Numbered fresh directories `case-N` under `root()` (a scratch directory made in beforeAll). */
export function caseDirs(root: () => string): () => string {
  let counter = 0;
  return () => {
    const dir = join(root(), `case-${++counter}`);
    mkdirSync(dir);
    return dir;
  };
}

/** Every entry under `dir`: relative path -> kind, mode and contents (or link target). Never follows a link. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    const path = join(dir, rel);
    const st = lstatSync(path);
    const mode = (st.mode & 0o7777).toString(8);
    if (st.isSymbolicLink()) out[rel] = `link ${readlinkSync(path)}`;
    else if (st.isDirectory()) {
      if (rel !== '') out[rel] = `dir ${mode}`;
      for (const name of readdirSync(path).sort()) walk(rel === '' ? name : `${rel}/${name}`);
    } else out[rel] = `file ${mode} ${readFileSync(path, 'base64')}`;
  };
  walk('');
  return out;
}
