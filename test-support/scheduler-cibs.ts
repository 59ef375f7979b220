import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

// The CIBs of Pacemaker's scheduler suite in ../shared/corpus (HACC_SHARED names another shared
// directory), read where they are at run time: never copied into the project.

const XML_DIR = join(process.env['HACC_SHARED'] ?? '../shared', 'corpus/pacemaker-2.1.5/xml');

/** The suite's CIB file names, sorted; the calling test fails when the corpus is missing or cut short (it has 620). */
export function schedulerCibNames(): string[] {
  expect(existsSync(XML_DIR), `${XML_DIR}: Pacemaker's scheduler CIBs of ../shared/corpus`).toBe(true);
  const names = readdirSync(XML_DIR).filter((f) => f.endsWith('.xml')).sort();
  expect(names.length).toBeGreaterThan(600);
  return names;
}

/** One of the suite's CIBs, by file name. */
export function schedulerCib(name: string): string {
  return readFileSync(join(XML_DIR, name), 'utf8');
}
