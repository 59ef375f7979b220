import { readFileSync } from 'node:fs';
import { it, expect } from 'vitest';
import { normaliseCib } from '../../test-support/cib-normalise.js';
it('x', () => {
  expect(normaliseCib(readFileSync('/tmp/oddo/cib.xml','utf8'))).toBe(normaliseCib(readFileSync('fixtures/cib/odd-but-legal.xml','utf8')));
});
