import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { formatHa, needsQuotes, quote } from '../../src/print/print.js';
import * as A from '../../src/syntax/ast.js';
import { parseHa } from '../../src/syntax/parse.js';
import { shapeOf } from '../../src/syntax/shape.js';
import { haLexer } from '../../src/syntax/tokens.js';
import { forEachAttr } from '../../src/syntax/walk.js';
import { at as positionIn, listFiles, readText } from '../../test-support/expectations.js';
import { runCli } from '../../test-support/run-cli.js';

function format(text: string): string {
  const r = formatHa(text, 'test.ha');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return r.text;
}

const hasSyntaxErrors = (text: string) => parseHa(text).diagnostics.length > 0;

/**
 * Where a diagnostic is, by position in the tree rather than by line: statement index, then group
 * item, then primitive body line. Lines may move when fmt reflows; these do not.
 */
function treePath(cluster: A.ClusterDecl, offset: number): string {
  const inside = (s: A.Spanned) => s.start <= offset && offset < s.end;
  const primitive = (p: A.PrimitiveStmt): string => {
    const i = (p.body ?? []).findIndex(inside);
    return i < 0 ? '' : `.${i}`;
  };
  const s = cluster.statements.findIndex(inside);
  if (s < 0) return 'cluster';
  const stmt = cluster.statements[s]!;
  if (stmt.kind === 'primitive') return `${s}${primitive(stmt)}`;
  if (stmt.kind === 'group') {
    const g = stmt.items.findIndex(inside);
    const item = stmt.items[g];
    return item?.kind === 'primitive' ? `${s}.${g}${primitive(item)}` : g < 0 ? `${s}` : `${s}.${g}`;
  }
  return `${s}`;
}

function diagnosticsByTree(text: string): string[] {
  const r = checkText(text, 'test.ha');
  return r.diagnostics.map((d) => `${treePath(r.file.cluster!, d.span.start)} ${d.code}`).sort();
}

const shape = (text: string) => shapeOf(parseHa(text).file.cluster);

describe('fmt over every fixture', () => {
  for (const path of listFiles('fixtures', '.ha')) {
    const text = readText(path);
    if (hasSyntaxErrors(text)) {
      it(`${path}: has syntax errors, so it is reported and not formatted`, () => {
        const r = formatHa(text, path);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.diagnostics.map((d) => d.code)).toEqual(parseHa(text).diagnostics.map((d) => d.code));
      });
      continue;
    }
    it(`${path}: same tree, same diagnostics on the same lines, idempotent`, () => {
      const once = format(text);
      expect(shape(once)).toEqual(shape(text));
      // Fixtures have one statement per line, so even the lines stay: every # expect: stays true.
      const at = (t: string) => checkText(t, path).diagnostics.map((d) => `${positionIn(t)(d).line} ${d.code}`);
      expect(at(once)).toEqual(at(text));
      expect(diagnosticsByTree(once)).toEqual(diagnosticsByTree(text));
      expect(format(once)).toBe(once);
    });
    if (!path.startsWith('fixtures/examples/')) {
      // The SPEC's examples are kept verbatim; the project's own fixtures are canonical.
      it(`${path}: is formatted canonically`, () => expect(format(text)).toBe(text));
    }
  }
});

describe('the canonical layout', () => {
  it('indents, puts one statement per line, re-quotes and keeps comments', () => {
    const messy = [
      '# head',
      '',
      '',
      'cluster   lab{node a addr="10.0.0.1/24"   # trailing a',
      'node b',
      '  addr=10.0.0.2/24 # first',
      '  addr=10.0.1.2/24 # second',
      '\tproperty stonith-enabled=false',
      'primitive p ocf:pacemaker:Dummy { params a="x y" b="env:X" c=env:Y d="" e="q\\"uo\\\\te" f="tab\there" g "h" i j',
      'op monitor interval="10s" }',
      'primitive q ocf:pacemaker:Dummy {}   primitive r ocf:pacemaker:Dummy { # why',
      '}',
      '',
      '',
      'group g { p }  group h {',
      ' # inside',
      ' q }',
      ' group k { meta target-role=Stopped r primitive s anything { start "/bin/s" stop /bin/t monitor "/bin/u v"',
      ' # end of s',
      ' }',
      ' # end of k',
      ' }',
      'location l p prefers a="100" b',
      'colocation c p with q score="-INFINITY"   order o p then q kind=Optional',
      '# before close',
      '',
      '}',
      '# tail',
      '',
    ].join('\n');
    const canonical = [
      '# head',
      '',
      'cluster lab {',
      '  node a addr=10.0.0.1/24                                   # trailing a',
      '  # first',
      '  node b addr=10.0.0.2/24 addr=10.0.1.2/24                  # second',
      '  property stonith-enabled=false',
      '  primitive p ocf:pacemaker:Dummy {',
      '    params a="x y" b="env:X" c=env:Y d="" e="q\\"uo\\\\te" f="tab\\there" g "h" i j',
      '    op monitor interval=10s',
      '  }',
      '  primitive q ocf:pacemaker:Dummy { }',
      '  primitive r ocf:pacemaker:Dummy {                         # why',
      '  }',
      '',
      '  group g { p }',
      '  group h {',
      '    # inside',
      '    q',
      '  }',
      '  group k {',
      '    meta target-role=Stopped',
      '    r',
      '    primitive s anything {',
      '      start   /bin/s',
      '      stop    /bin/t',
      '      monitor "/bin/u v"',
      '      # end of s',
      '    }',
      '    # end of k',
      '  }',
      '  location l p prefers a=100 b',
      '  colocation c p with q score=-INFINITY',
      '  order o p then q kind=Optional',
      '  # before close',
      '}',
      '# tail',
      '',
    ].join('\n');
    expect(format(messy)).toBe(canonical);
    expect(shape(canonical)).toEqual(shape(messy));
    expect(diagnosticsByTree(canonical)).toEqual(diagnosticsByTree(messy));
    expect(format(canonical)).toBe(canonical);
  });

  it('keeps a pair written without = as it was, so it is still HA002', () => {
    const text = 'cluster c {\n  primitive v ocf:heartbeat:IPaddr2 {\n    params cidr_netmask "24" nic eth0 x=y\n  }\n}\n';
    expect(format(text)).toBe(text);
    expect(diagnosticsByTree(format(text)).filter((d) => d.endsWith('HA002'))).toHaveLength(2);
  });

  it('aligns trailing comments at column 61, or two spaces after a longer line', () => {
    const long = `cluster c { property ${'x'.repeat(60)}=1 # long\nnode a # short\n}\n`;
    const lines = format(long).split('\n');
    expect(lines[1]).toBe(`  property ${'x'.repeat(60)}=1  # long`);
    expect(lines[2]!.indexOf('#')).toBe(60);
  });

  it('ends with one newline, with CRLF input too, and drops trailing spaces in comments', () => {
    expect(format('cluster c {\r\n  node a   # x  \r\n}\r\n\r\n\r\n')).toBe(`cluster c {\n${'  node a'.padEnd(60)}# x\n}\n`);
  });

  it('keeps a # hacc-ignore on the line before its statement', () => {
    const text = 'cluster c {\n  node a addr=10.0.0.1/24\n  node b addr=10.0.0.2/24\n\n  # hacc-ignore HA402\n  property stonith-enabled=false\n  primitive d ocf:heartbeat:Filesystem {\n    params device=/dev/disk/by-label/d directory=/d fstype=xfs\n  }\n}\n';
    expect(format(text)).toBe(text);
    const joined = 'cluster c { node a addr=10.0.0.1/24 node b addr=10.0.0.2/24\n# hacc-ignore HA402\nproperty stonith-enabled=false primitive d ocf:heartbeat:Filesystem { params device=/dev/disk/by-label/d directory=/d fstype=xfs } }';
    const codes = (t: string) => checkText(t, 'x').diagnostics.map((d) => d.code);
    expect(codes(joined)).not.toContain('HA402');
    expect(codes(format(joined))).not.toContain('HA402');
    expect(codes(format(joined).replace('# hacc-ignore HA402', '# no'))).toContain('HA402');
  });

  it('quotes a value only when a bare word would not read back the same', () => {
    for (const v of ['', 'a b', 'a=b', 'a#b', '{', '}', 'a"b', 'a\\b', 'tab\t', 'nl\n', 'env:X', 'file:/x', '\u0001']) expect(needsQuotes(v), JSON.stringify(v)).toBe(true);
    for (const v of ['a', '10.0.0.1/24', 'ocf:heartbeat:IPaddr2', '-INFINITY', 'op', 'op-defaults', 'environment:X', 'é', 'http://x/y?z']) expect(needsQuotes(v), v).toBe(false);
    expect(quote('a "b" \\ c\nd\te')).toBe('"a \\"b\\" \\\\ c\\nd\\te"');
  });
});

/** A deterministic generator (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The same tokens and comments with the white space between them shuffled: newlines kept where a
 * comment needs one, and none before the key of a pair written without its `=` (grammar/README.md:
 * such a key must stand on the line of what comes before it).
 */
function reflow(text: string, next: () => number): string {
  const lexed = haLexer().tokenize(text);
  const all = [...lexed.tokens, ...(lexed.groups['comments'] ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  const keysWithoutEquals = new Set<number>();
  forEachAttr(parseHa(text).file, (a) => {
    if (a.missingEquals) keysWithoutEquals.add(a.key.start);
  });
  const choices = [' ', '  ', '\t', '\n', '\n\n', '\n    ', ' \n\n\n '];
  let out = '';
  all.forEach((t, i) => {
    out += t.image;
    const after = all[i + 1];
    if (!after) return;
    const needsNewline = t.tokenType.name === 'Comment';
    const ws = keysWithoutEquals.has(after.startOffset) && !needsNewline ? ' ' : choices[Math.floor(next() * choices.length)]!;
    out += needsNewline && !ws.includes('\n') ? '\n' : ws;
  });
  return `${out}\n`;
}

describe('fmt of the fixtures written every which way', () => {
  const fixtures = listFiles('fixtures', '.ha').filter((p) => !hasSyntaxErrors(readText(p)));
  for (const path of fixtures) {
    it(path, () => {
      const text = readText(path);
      const next = random(path.length * 7919);
      for (let round = 0; round < 10; round++) {
        const messy = reflow(text, next);
        const once = format(messy);
        expect(shape(once)).toEqual(shape(text));
        expect(diagnosticsByTree(once)).toEqual(diagnosticsByTree(messy));
        expect(format(once)).toBe(once);
      }
    });
  }
});

describe('hacc fmt', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hacc-fmt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const messy = 'cluster c {node a addr="10.0.0.1/24"\n  property stonith-enabled=false}\n';
  const tidy = 'cluster c {\n  node a addr=10.0.0.1/24\n  property stonith-enabled=false\n}\n';

  it('rewrites files in place, keeping their mode, and says nothing', async () => {
    const f = join(dir, 'a.ha');
    const g = join(dir, 'b.ha');
    writeFileSync(f, messy);
    chmodSync(f, 0o640);
    writeFileSync(g, tidy);
    const run = await runCli(['fmt', f, g]);
    expect(run).toEqual({ exit: 0, stdout: '', stderr: '' });
    expect(readFileSync(f, 'utf8')).toBe(tidy);
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readFileSync(g, 'utf8')).toBe(tidy);
  });

  it('--check lists the files that would change, changes nothing, exits 1', async () => {
    const f = join(dir, 'c.ha');
    const g = join(dir, 'd.ha');
    writeFileSync(f, messy);
    writeFileSync(g, tidy);
    expect(await runCli(['fmt', '--check', f, g])).toEqual({ exit: 1, stdout: `${f}\n`, stderr: '' });
    expect(readFileSync(f, 'utf8')).toBe(messy);
    expect(await runCli(['fmt', '--check', g])).toEqual({ exit: 0, stdout: '', stderr: '' });
  });

  it('- formats standard input to standard output', async () => {
    expect(await runCli(['fmt', '-'], { stdin: messy })).toEqual({ exit: 0, stdout: tidy, stderr: '' });
    expect(await runCli(['fmt', '--check', '-'], { stdin: messy })).toEqual({ exit: 1, stdout: '<stdin>\n', stderr: '' });
    expect(await runCli(['fmt', '--check', '-'], { stdin: tidy })).toEqual({ exit: 0, stdout: '', stderr: '' });
  });

  it('reports a file with syntax errors and leaves it alone', async () => {
    const f = join(dir, 'broken.ha');
    copyFileSync('fixtures/err/ha003-lexical.ha', f);
    const before = readFileSync(f, 'utf8');
    const run = await runCli(['fmt', f]);
    expect(run.exit).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${f}:6:18: error[HA003]: unterminated string`);
    expect(readFileSync(f, 'utf8')).toBe(before);
    const stdin = await runCli(['fmt', '-'], { stdin: 'cluster {' });
    expect(stdin.exit).toBe(1);
    expect(stdin.stdout).toBe('');
    expect(stdin.stderr).toContain('<stdin>:1:9: error[HA001]');
  });

  it('still formats the other files', async () => {
    const f = join(dir, 'e.ha');
    writeFileSync(f, messy);
    const run = await runCli(['fmt', 'fixtures/err/ha001-empty-block.ha', f]);
    expect(run.exit).toBe(1);
    expect(readFileSync(f, 'utf8')).toBe(tidy);
  });

  it('--check passes on the repository own fixtures', async () => {
    const own = listFiles('fixtures', '.ha').filter((p) => !p.startsWith('fixtures/examples/') && !hasSyntaxErrors(readText(p)));
    expect(own.length).toBeGreaterThan(10);
    expect(await runCli(['fmt', '--check', ...own])).toEqual({ exit: 0, stdout: '', stderr: '' });
  });

  it('is a usage error (exit 2) for a file it cannot read', async () => {
    const run = await runCli(['fmt', join(dir, 'missing.ha')]);
    expect(run.exit).toBe(2);
    expect(run.stderr).toMatch(/cannot read .*missing\.ha: no such file/);
  });
});
