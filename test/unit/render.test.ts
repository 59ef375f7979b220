import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, Options } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../src/check/registry.js';
import { escapeData, escapeProperty, renderGithub } from '../../src/render/github.js';
import { FORMATS } from '../../src/render/index.js';
import { pathToUri, toSarif, type SarifLog } from '../../src/render/sarif.js';
import { runCli } from '../../test-support/run-cli.js';
import { CLEAN_HA, tempDir } from '../../test-support/temp-files.js';

// ajv and ajv-formats are CommonJS: load them the CommonJS way so the same code runs under tsc and vitest.
const require = createRequire(import.meta.url);
const Ajv = require('ajv') as new (options?: Options) => AjvClass;
const addFormats = require('ajv-formats') as (ajv: AjvClass) => AjvClass;

function sarifValidator() {
  const schema = JSON.parse(readFileSync('test-support/schemas/sarif-2.1.0.json', 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

const SEED = 'fixtures/examples/seed-as-written.ha';
const tmp = tempDir();
afterAll(() => tmp.remove());
const CLEAN = tmp.write('clean.ha', CLEAN_HA);

describe('FORMATS', () => {
  it('has every output format', () => expect([...FORMATS]).toEqual(['text', 'json', 'sarif', 'github']));
});

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 for the seed as written', async () => {
    const run = await runCli(['check', '--format', 'sarif', SEED]);
    expect(run.exit).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
  });

  it('is valid SARIF with no results, and for several files', async () => {
    const validate = sarifValidator();
    const clean = await runCli(['check', '-f', 'sarif', CLEAN]);
    expect(clean.exit).toBe(0);
    const log = JSON.parse(clean.stdout) as SarifLog;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
    const several = await runCli(['check', '-f', 'sarif', SEED, 'fixtures/err/ha101-duplicate-ids.ha']);
    expect(validate(JSON.parse(several.stdout))).toBe(true);
  });

  it('the schema really rejects what is not SARIF', () => {
    const validate = sarifValidator();
    const log = JSON.parse(JSON.stringify(toSarif([{ path: 'a.ha', text: 'x', diagnostics: [{ code: 'HA001', severity: 'error', message: 'm', span: { start: 0, end: 1 } }] }]))) as Record<string, unknown> & SarifLog;
    expect(validate(log)).toBe(true);
    const badRegion = JSON.parse(JSON.stringify(log).replace('"startLine":1', '"startLine":0')) as unknown;
    expect(validate(badRegion)).toBe(false);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    expect(validate({ ...log, extra: true })).toBe(false);
  });

  it('has one rule per registered code, with the docs', () => {
    const driver = toSarif([]).runs[0].tool.driver;
    expect(driver.name).toBe('hacc');
    expect(driver.version).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    expect(driver.rules.map((r) => r.id)).toEqual(rules.map((r) => r.code));
    for (const [i, r] of rules.entries()) {
      const entry = driver.rules[i]!;
      expect(entry.name).toBe(r.name);
      expect(entry.shortDescription.text).toBe(r.docs.summary);
      expect(entry.fullDescription.text).toBe(r.docs.rationale);
      expect(entry.help.text).toBe(r.docs.rationale);
      expect(entry.defaultConfiguration.level).toBe(r.severity);
    }
  });

  it('points each result at the token, 1-based, end just past it', async () => {
    const run = await runCli(['check', '-f', 'sarif', SEED]);
    const log = JSON.parse(run.stdout) as SarifLog;
    const ha002 = log.runs[0].results.find((r) => r.ruleId === 'HA002')!;
    expect(ha002.level).toBe('error');
    expect(ha002.message.text).toMatch(/^missing '=' between 'cidr_netmask'/);
    const loc = ha002.locations[0]!.physicalLocation;
    expect(loc.artifactLocation.uri).toBe(SEED);
    const line = readFileSync(SEED, 'utf8').split('\n')[loc.region.startLine - 1]!;
    expect(line.slice(loc.region.startColumn - 1, loc.region.endColumn - 1)).toBe('cidr_netmask');
    expect(log.runs[0].tool.driver.rules[ha002.ruleIndex!]!.id).toBe('HA002');
  });

  it('turns paths into URI references', () => {
    expect(pathToUri('fixtures/a b.ha')).toBe('fixtures/a%20b.ha');
    expect(pathToUri('/srv/ha/c#1.ha')).toBe('file:///srv/ha/c%231.ha');
    expect(pathToUri('C:\\ha\\x.ha')).toBe('file:///C:/ha/x.ha');
    expect(pathToUri('<stdin>')).toBe('%3Cstdin%3E');
  });
});

describe('--format github', () => {
  it('writes one workflow command per diagnostic', async () => {
    const run = await runCli(['check', '--format', 'github', SEED]);
    expect(run.exit).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.every((l) => /^::(error|warning) file=[^:]*,line=\d+,(col=\d+,endLine=\d+,endColumn=\d+|endLine=\d+),title=HA\d{3}::/.test(l))).toBe(true);
    expect(lines).toContain(
      "::error file=fixtures/examples/seed-as-written.ha,line=16,col=33,endLine=16,endColumn=45,title=HA002::missing '=' between 'cidr_netmask' and its value%0Ahelp: write cidr_netmask=\"24\"",
    );
    expect(run.stdout).not.toMatch(/errors?, \d+ warnings?/);
  });

  it('writes warnings as ::warning and nothing for a clean file', async () => {
    const warn = await runCli(['check', '-f', 'github', 'fixtures/err/ha403-two-node-ignore.ha']);
    expect(warn.exit).toBe(0);
    expect(warn.stdout).toMatch(/^::warning file=fixtures\/err\/ha403-two-node-ignore\.ha,line=7,col=\d+,.*title=HA403::/);
    const clean = await runCli(['check', '-f', 'github', CLEAN]);
    expect(clean.stdout).toBe('');
  });

  it('escapes % CR LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d');
    expect(escapeProperty('C:\\a,b%\n')).toBe('C%3A\\a%2Cb%25%0A');
    // Offset 10 is line 2, column 3 of this text; offset 30 is line 4, column 1.
    const text = `${'a'.repeat(7)}\n${'b'.repeat(10)}\n${'c'.repeat(10)}\n${'d'.repeat(5)}\n`;
    const out = renderGithub([
      {
        path: 'dir,x/a:b%.ha',
        text,
        diagnostics: [
          { code: 'HA001', severity: 'error', message: 'bad: 50%, really\nyes', span: { start: 10, end: 30 } },
        ],
      },
    ]);
    expect(out).toBe('::error file=dir%2Cx/a%3Ab%25.ha,line=2,endLine=4,title=HA001::bad: 50%25, really%0Ayes\n');
  });
});
