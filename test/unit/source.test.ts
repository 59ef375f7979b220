import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHa } from '../../src/syntax/parse.js';
import { decodeSource } from '../../src/syntax/source.js';
import { runCli } from '../../test-support/run-cli.js';

// A .ha file is UTF-8: a byte-order mark is dropped, and bytes that are not UTF-8 are HA003 at their
// exact byte offset, never silently U+FFFD in the CIB.
const CLEAN = 'cluster lab {\n  node a addr=10.0.0.1/24\n  node b addr=10.0.0.2/24\n  property stonith-enabled=false\n}\n';

describe('decoding a .ha file', () => {
  it('a byte-order mark at the start is accepted as if absent', () => {
    const withBom = decodeSource(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CLEAN)]));
    expect(withBom).toEqual({ text: CLEAN, diagnostics: [] });
    expect(parseHa(withBom, 'bom.ha').diagnostics).toEqual([]);
  });

  it('an invalid byte is HA003 at its byte offset, where the text has U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('cluster caf'), Buffer.from([0xe9]), Buffer.from(' {\n  x="\u00e9'), Buffer.from([0xff, 0xfe]), Buffer.from('"\n}\n')]);
    const { text, diagnostics } = decodeSource(bytes);
    expect(text).toBe('cluster caf\ufffd {\n  x="\u00e9\ufffd\ufffd"\n}\n');
    expect(diagnostics.map((d) => [d.code, d.message, d.span])).toEqual([
      ['HA003', 'invalid UTF-8 at byte offset 11 (0xE9): a .ha file is UTF-8', { start: 11, end: 12 }],
      ['HA003', 'invalid UTF-8 at byte offset 22 (0xFF 0xFE): a .ha file is UTF-8', { start: 21, end: 23 }],
    ]);
  });

  it('a sequence cut short (E2 82 then ASCII) is one finding, its bytes one U+FFFD as TextDecoder gives', () => {
    const { text, diagnostics } = decodeSource(Buffer.from([0x61, 0xe2, 0x82, 0x62]));
    expect(text).toBe('a\ufffdb');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toBe('invalid UTF-8 at byte offset 1 (0xE2 0x82): a .ha file is UTF-8');
  });

  it('gives the text TextDecoder gives, and a finding exactly when the bytes are not UTF-8, for any bytes', () => {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (raw) => {
        const bytes = raw[0] === 0xef ? raw.subarray(1) : raw; // a BOM is covered above
        const { text, diagnostics } = decodeSource(bytes);
        expect(text).toBe(decoder.decode(bytes));
        expect(diagnostics.length === 0).toBe(Buffer.from(text, 'utf8').equals(Buffer.from(bytes)));
        for (const d of diagnostics) expect(text.slice(d.span.start, d.span.end)).toMatch(/^\ufffd+$/);
      }),
      { numRuns: 3000 },
    );
  });

  it('build refuses such a file and writes nothing; the same text as UTF-8 builds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hacc-utf8-'));
    const text = CLEAN.replace('lab', 'lab\u00e9').replace('stonith-enabled=false', 'stonith-enabled=false\n  primitive d ocf:pacemaker:Dummy {\n    params fake="caf\u00e9"\n  }');
    writeFileSync(join(dir, 'bad.ha'), Buffer.from(text, 'latin1'));
    const run = await runCli(['build', join(dir, 'bad.ha'), '-o', join(dir, 'out')]);
    expect(run.exit).toBe(1);
    expect(run.stderr).toContain(`${join(dir, 'bad.ha')}:1:12: error[HA003]: invalid UTF-8 at byte offset 11 (0xE9)`);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    writeFileSync(join(dir, 'good.ha'), text.replace('lab\u00e9', 'lab'));
    expect((await runCli(['build', join(dir, 'good.ha'), '-o', join(dir, 'out')])).exit).toBe(0);
    expect(readFileSync(join(dir, 'out', 'cib.xml'), 'utf8')).toContain('value="caf\u00e9"');
  });
});

describe('input size', () => {
  it('a file that never ends (/dev/zero) stops at the cap: a clear message, exit 2', async () => {
    const run = await runCli(['check', '/dev/zero']);
    expect(run).toEqual({ exit: 2, stdout: '', stderr: 'hacc: cannot read /dev/zero: larger than 64 MiB, more than hacc reads (is it really a .ha file?)\n' });
  });
});
