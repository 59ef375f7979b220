import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogueError, defaultCatalogue, loadAgentDir, parseAgentMetadata } from '../../src/catalogue/catalogue.js';

// A small hand-written agent in the OCF 1.1 shape (descriptions included, to prove they are dropped).
const APP_XML = `<?xml version="1.0"?>
<!DOCTYPE resource-agent SYSTEM "ra-api-1.dtd">
<resource-agent name="app" version="1.0">
  <version>1.1</version>
  <longdesc lang="en">Runs <b>the</b> app.</longdesc>
  <shortdesc lang="en">app</shortdesc>
  <parameters>
    <parameter name="config" required="1" unique="1">
      <longdesc lang="en">Config file</longdesc>
      <shortdesc lang="en">config</shortdesc>
      <content type="string" default="/etc/app.conf"/>
    </parameter>
    <parameter name="mode">
      <content type="select" default="fast">
        <option value="fast"/>
        <option value="safe"/>
      </content>
    </parameter>
    <parameter name="old_mode">
      <deprecated><replaced-with name="mode"/></deprecated>
      <content type="string"/>
    </parameter>
    <parameter name="wait"><content type="float" default="1.5"/></parameter>
    <parameter name="plain"/>
  </parameters>
  <actions>
    <action name="start" timeout="30s"/>
    <action name="stop" timeout="40s"/>
    <action name="monitor" timeout="20s" interval="10s" depth="0"/>
    <action name="monitor" timeout="20s" interval="11s" role="Unpromoted"/>
    <action name="meta-data" timeout="5s"/>
  </actions>
</resource-agent>
`;

describe('parseAgentMetadata', () => {
  it('keeps facts in meta-data order and drops descriptions', () => {
    const warnings: string[] = [];
    const a = parseAgentMetadata(APP_XML, 'ocf:acme:app', { warn: (m) => warnings.push(m) });
    expect(a).toEqual({
      id: 'ocf:acme:app',
      params: [
        { name: 'config', type: 'string', required: true, unique: true, default: '/etc/app.conf' },
        { name: 'mode', type: 'select', required: false, unique: false, default: 'fast', values: ['fast', 'safe'] },
        { name: 'old_mode', type: 'string', required: false, unique: false, deprecated: true, obsoletedBy: 'mode' },
        { name: 'wait', type: 'string', required: false, unique: false, default: '1.5' },
        { name: 'plain', type: 'string', required: false, unique: false },
      ],
      actions: [
        { name: 'start', timeout: '30s' },
        { name: 'stop', timeout: '40s' },
        { name: 'monitor', timeout: '20s', interval: '10s', depth: '0' },
        { name: 'monitor', timeout: '20s', interval: '11s', role: 'Unpromoted' },
        { name: 'meta-data', timeout: '5s' },
      ],
    });
    expect(warnings).toEqual(['ocf:acme:app: parameter "wait": unknown content type "float", treated as string']);
  });

  it('maps fence-agent conventions: select options, second, obsoletes', () => {
    const xml = `<?xml version="1.0" ?>
<resource-agent name="fence_x" shortdesc="x">
<parameters>
  <parameter name="ip" unique="0" required="1" obsoletes="ipaddr"><content type="string"/></parameter>
  <parameter name="ipaddr" unique="0" required="0" deprecated="1"><content type="string"/></parameter>
  <parameter name="auth" unique="0" required="0"><content type="select"><option value="md5"/><option value="none"/></content></parameter>
  <parameter name="delay" unique="0" required="0"><content type="second" default="0"/></parameter>
  <parameter name="ssl" unique="0" required="0"><content type="boolean"/></parameter>
</parameters>
<actions><action name="on" automatic="0"/><action name="off"/></actions>
</resource-agent>`;
    const a = parseAgentMetadata(xml, 'stonith:fence_x');
    expect(a.params.map((p) => [p.name, p.type])).toEqual([
      ['ip', 'string'],
      ['ipaddr', 'string'],
      ['auth', 'select'],
      ['delay', 'integer'],
      ['ssl', 'boolean'],
    ]);
    expect(a.params[1]).toMatchObject({ deprecated: true, obsoletedBy: 'ip' });
    expect(a.params[2]?.values).toEqual(['md5', 'none']);
    expect(a.actions).toEqual([{ name: 'on' }, { name: 'off' }]);
  });

  it.each([
    ['not XML at all', 'usage: fence_ack_manual <nodename>', /not well-formed XML/],
    ['truncated XML', '<resource-agent name="x"><parameters>', /not well-formed XML/],
    ['empty output', '   \n', /meta-data is empty/],
    ['another root element', '<cib><configuration/></cib>', /no <resource-agent> root element \(found <cib>\)/],
    ['a nameless parameter', '<resource-agent><parameters><parameter/></parameters></resource-agent>', /parameter #1 has no name/],
    [
      'a duplicate parameter',
      '<resource-agent><parameters><parameter name="a"/><parameter name="a"/></parameters></resource-agent>',
      /parameter "a" is defined twice/,
    ],
    ['a nameless action', '<resource-agent><actions><action timeout="1s"/></actions></resource-agent>', /action #1 has no name/],
  ])('throws CatalogueError naming the file for %s', (_what, xml, message) => {
    const run = (): unknown => parseAgentMetadata(xml, 'ocf:acme:broken', { source: '/agents/acme/broken.xml' });
    expect(run).toThrow(CatalogueError);
    expect(run).toThrow(message);
    try {
      run();
    } catch (e) {
      expect((e as CatalogueError).message.startsWith('/agents/acme/broken.xml: ')).toBe(true);
      expect((e as CatalogueError).source).toBe('/agents/acme/broken.xml');
    }
  });

  it('names the agent id when no source is given', () => {
    expect(() => parseAgentMetadata('nope', 'ocf:acme:x')).toThrow(/^ocf:acme:x: /);
  });
});

describe('loadAgentDir (--agents DIR)', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hacc-agents-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads DIR/<provider>/<type>.xml and DIR/<full id>.xml, ignoring other files', () => {
    mkdirSync(join(dir, 'acme'));
    writeFileSync(join(dir, 'acme', 'app.xml'), APP_XML);
    writeFileSync(join(dir, 'acme', 'README.txt'), 'not an agent');
    writeFileSync(join(dir, 'stonith:fence_acme.xml'), APP_XML.replace('name="app"', 'name="fence_acme"'));
    writeFileSync(join(dir, 'ocf:other:thing.xml'), APP_XML);
    writeFileSync(join(dir, 'notes.md'), '# notes');
    const agents = loadAgentDir(dir);
    expect(agents.map((a) => a.id)).toEqual(['ocf:acme:app', 'ocf:other:thing', 'stonith:fence_acme']);
    const cat = defaultCatalogue().withAgents(agents);
    expect(cat.agent('ocf:acme:app')?.params[0]?.name).toBe('config');
    expect(cat.agent('ocf:heartbeat:IPaddr2')).toBeDefined();
  });

  it('a malformed file throws CatalogueError naming the file', () => {
    mkdirSync(join(dir, 'acme'));
    const file = join(dir, 'acme', 'bad.xml');
    writeFileSync(file, '<resource-agent name="bad"><parameters>');
    expect(() => loadAgentDir(dir)).toThrow(CatalogueError);
    expect(() => loadAgentDir(dir)).toThrow(`${file}: meta-data is not well-formed XML`);
  });

  it('a top-level file that is not named by full id is rejected', () => {
    const file = join(dir, 'app.xml');
    writeFileSync(file, APP_XML);
    expect(() => loadAgentDir(dir)).toThrow(`${file}: cannot tell which agent this is`);
  });

  it('the same agent twice is rejected', () => {
    mkdirSync(join(dir, 'acme'));
    writeFileSync(join(dir, 'acme', 'app.xml'), APP_XML);
    writeFileSync(join(dir, 'ocf:acme:app.xml'), APP_XML);
    expect(() => loadAgentDir(dir)).toThrow(/defines agent ocf:acme:app, already defined by/);
  });

  it('a missing directory is a CatalogueError', () => {
    expect(() => loadAgentDir(join(dir, 'nope'))).toThrow(CatalogueError);
    writeFileSync(join(dir, 'file'), '');
    expect(() => loadAgentDir(join(dir, 'file'))).toThrow(/is not a directory/);
  });
});
