// The generated setup.sh under bash, with recording stubs for pcs and the Pacemaker tools: syntax on
// every platform, byte-exact arguments whatever the .ha file holds, secrets never shown, the host
// check, the agent install rules, and the el6 script against the seed post. The shellcheck and
// real-pcs and real-crmsh checks are in test/pacemaker/setup-*.test.ts.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cibPrimitives } from '../../src/cib/model.js';
import { anythingAgentScript } from '../../src/emit/anything-agent.js';
import { crmConf } from '../../src/emit/crm-conf.js';
import { platformCommands } from '../../src/emit/platform-commands.js';
import { SCRIPT_READS } from '../../src/language/secret.js';
import { PLATFORMS } from '../../src/model/platforms.js';
import { shQuote } from '../../src/emit/shell.js';
import { readText } from '../../test-support/expectations.js';
import { build, pcsCalls, sandbox, type Sandbox } from '../../test-support/setup-script-harness.js';

const EXAMPLES = ['fixtures/examples/seed.ha', 'fixtures/examples/web-el9.ha', 'fixtures/ok/hacc-ignore.ha', 'test/live/fixtures/live.ha'];
const CONFIG_STUBS = ['pcs', 'cibadmin'];

let box: Sandbox | undefined;
afterEach(() => {
  box?.cleanup();
  box = undefined;
});

function open(script: string, stubs = CONFIG_STUBS, failing: Record<string, number> = { crm_diff: 1 }): Sandbox {
  box = sandbox(script, stubs, failing);
  return box;
}

describe('shQuote', () => {
  const hostile = [
    '',
    'plain',
    "it's",
    '"double"',
    '$(touch /tmp/pwned)',
    '`id`',
    'a; rm -rf *',
    'line1\nline2',
    'tab\there',
    '\\back\\slash\\',
    'é ü 中 🙂',
    '-rf',
    '--force',
    "'",
    "''\\''",
    '\u0001\u007f',
    '!history',
    '~root',
    'a=b c',
  ];
  it.each(hostile)('bash reads %j back unchanged', (s) => {
    const r = spawnSync('bash', ['-c', `printf '%s\\0' ${shQuote(s)}`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${s}\0`);
  });
});

describe('setup.sh for every example and platform', () => {
  for (const file of EXAMPLES) {
    for (const platform of PLATFORMS) {
      it(`${file} on ${platform}: bash -n, deterministic, the expected shape`, () => {
        const a = build(readText(file), platform, file);
        const b = build(readText(file), platform, file);
        expect(a.script).toBe(b.script);
        expect(a.summary).toBe(b.summary);
        expect(a.script.startsWith('#!/bin/bash\n')).toBe(true);
        expect(a.script).toContain('\nset -euo pipefail\n');
        const r = spawnSync('bash', ['-n'], { input: a.script, encoding: 'utf8' });
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        // Exactly one push, in the live configure, and it is the offline copy.
        expect(a.script.match(/^\t+cib_push "\$NEW"$/gm)?.length).toBe(2); // dry run + real
        if (platformCommands(platform).tool === 'pcs') {
          expect(a.script).toContain('\trun pcs cluster cib-push "$1" --config\n');
          expect(a.script).not.toMatch(/pcs (?!-f "\$NEW"|cluster|host|-f\b)[a-z]+ (create|set|add)/);
        } else {
          // crmsh: no pcs anywhere; crm.conf loaded into the copy, the copy's configuration replaced with cibadmin.
          expect(a.script).not.toMatch(/\brun pcs\b|^\s*pcs /m);
          expect(a.script).toContain('\trun env CIB_file="$NEW" crm -F configure load update "$WORK/crm.conf"\n');
          expect(a.script).toContain('\trun cibadmin --replace --scope configuration --xml-file "$conf"\n');
          expect(a.script).toContain(`write_crm_conf() {\n\tcat <<'HACC_CRM_CONF_EOF'\n${crmConf(a.lowered)}HACC_CRM_CONF_EOF\n}`);
        }
      });
    }
  }
});

describe('location rules pcs cannot write as they stand', () => {
  const withRule = (rule: string) =>
    `cluster lab {\n  node a addr=10.0.0.1/24 { attributes rack=1 }\n  property stonith-enabled=false\n  primitive web ocf:pacemaker:Dummy\n  location web-where web rule id=r ${rule}\n}\n`;

  it('a nested rule bare parentheses would not give goes in as XML: pcs reads (a or b) alone as the rule itself', () => {
    // pcs 0.11.5 writes `rule id=r ( rack eq 1 or rack eq 2 )` as <rule id="r" boolean-op="or">, no nested rule.
    const { script, cib } = build(withRule('(id=r-rule rack eq 1 or rack eq 2)'));
    expect(cib).toContain('<rule id="r" score="INFINITY">\n          <rule id="r-rule" boolean-op="or" score="0">');
    expect(script).toContain("# pcs would not nest the rule r-rule (parentheses nest only an operator other than the parent's, beside another operand).");
    expect(script).not.toContain('constraint location');
  });

  it("one beside another operand, with the other operator, is pcs's to write", () => {
    const { script } = build(withRule('rack eq 1 and (rack eq 2 or rack eq 3)'));
    expect(script).toContain('constraint location --force -- web rule constraint-id=web-where id=r');
  });
});

describe('configure --cib-file with recording stubs', () => {
  it('passes every value to pcs byte for byte, whatever bytes it holds', () => {
    const text = readText('fixtures/ok/setup-adversarial.ha');
    const { lowered, script } = build(text, 'debian12');
    const sb = open(script);
    const cib = sb.file('cib.xml', '<cib/>\n');
    const secret = `s3cr'et "$(id)" \`x\`;*`;
    const r = sb.run(['configure', '--cib-file', cib], { HACC_NODE: 'n-one', HACC_TEST_SECRET: secret, HACC_STUB_FAIL_ON: '--query' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const calls = pcsCalls(r.calls);
    const quirky = calls.find((c) => c.includes('quirky'))!;
    expect(quirky).toEqual([
      'resource',
      'create',
      '--no-default-ops',
      '--group',
      'grp',
      '--',
      'quirky',
      'ocf:pacemaker:Dummy',
      'fake=it\'s "quoted" $(touch /tmp/pwned) `id`; rm -rf * \\ é ü 中 🙂',
      'passwd=hacc-secret-pending',
      'state=-rf --force',
      ...quirky.slice(quirky.indexOf('op')),
    ]);
    const cmds = calls.find((c) => c.includes('cmds'))!;
    expect(cmds).toContain(`start_cmd=/bin/echo 'a b' "c" $HOME \`uname\` ; exit 0`);
    expect(cmds).toContain('stop_cmd=/bin/echo \\n is two characters here');
    expect(cmds).toContain('monitor_cmd=/bin/true -x *');
    const odd = lowered.cluster.nodes[1]!.name;
    expect(odd).toBe('n_two.lab');
    expect(calls).toContainEqual(['constraint', 'location', 'add', '--', 'grp-on-odd', 'grp', odd, '50']);
    // The node goes into the copy as XML; nothing ran a command substitution.
    const nodeXml = r.calls.filter((c) => c.name === 'cibadmin' && c.args.includes('--create')).map((c) => c.args.at(-1));
    expect(nodeXml).toEqual(['<node id="1" uname="n-one"/>', '<node id="2" uname="n_two.lab"/>']);
    expect(existsSync('/tmp/pwned')).toBe(false);
    // No command line holds the secret (cibadmin reads it); the log shows its label.
    expect(JSON.stringify(r.calls)).not.toContain('s3cr');
    expect(r.calls).toContainEqual({ name: 'cibadmin', args: ['--modify', '--xml-pipe'] });
    expect(r.stdout).not.toContain(secret);
    expect(r.stdout).toContain(`<<< '<nvpair id="quirky-instance_attributes-passwd" value="<env:HACC_TEST_SECRET>"/>'`);
  });

  it('runs exactly the plan: every op with its id, --no-default-ops, the constraints', () => {
    const { lowered, script } = build(readText('fixtures/examples/web-el9.ha'), 'el9');
    const sb = open(script);
    const cib = sb.file('cib.xml', '<cib/>\n');
    const r = sb.run(['configure', '--cib-file', cib], { HACC_NODE: 'web2', IPMI_PASSWORD: 'pw' });
    expect(r.status, r.stderr).toBe(0);
    const calls = pcsCalls(r.calls);
    const creates = calls.filter((c) => c[1] === 'create');
    const prims = cibPrimitives(lowered.cib.configuration);
    expect(creates.map((c) => c[c.indexOf('--') + 1])).toEqual(prims.map((p) => p.id));
    for (const p of prims) {
      const c = creates.find((x) => x[x.indexOf('--') + 1] === p.id)!;
      expect(c).toContain('--no-default-ops');
      const ids = c.filter((w) => w.startsWith('id=')).map((w) => w.slice(3));
      expect(ids).toEqual(p.operations.map((o) => o.id));
    }
    expect(calls.filter((c) => c[0] === 'constraint')).toEqual([
      ['constraint', 'location', 'add', '--', 'web-prefers-web1', 'web', 'web1', '100'],
      ['constraint', 'location', 'add', '--', 'report-avoids-web3', 'report-job', 'web3', '-INFINITY'],
      ['constraint', 'colocation', 'add', '--', 'report-job', 'with', 'web', 'INFINITY', 'id=report-with-web'],
      ['constraint', 'order', '--', 'start', 'web', 'then', 'start', 'report-job', 'id=web-then-report'],
    ]);
    expect(calls[0]).toEqual(['property', 'set', '--', 'stonith-enabled=true', 'no-quorum-policy=stop']);
    expect(calls[1]).toEqual(['resource', 'defaults', 'update', '--', 'resource-stickiness=100']);
    expect(calls[2]).toEqual(['resource', 'op', 'defaults', 'update', '--', 'timeout=60s']);
    // No cluster was touched: no auth, setup or push.
    expect(calls.filter((c) => ['host', 'cluster'].includes(c[0]!))).toEqual([]);
  });

  it('what pcs cannot write as the file says goes in with cibadmin, in its place: cluster-name, ids the file gives', () => {
    const text = `cluster lab {
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  property stonith-enabled=false cluster-name=lab no-quorum-policy=stop
  property cluster-recheck-interval=5min $id.cluster-recheck-interval=recheck
  defaults resource-stickiness=100
  op-defaults $id=op-options timeout=60s
}
`;
    const { script } = build(text, 'debian12');
    const sb = open(script);
    const cib = sb.file('cib.xml', '<cib/>\n');
    const r = sb.run(['configure', '--cib-file', cib], { HACC_NODE: 'a' });
    expect(r.status, r.stderr).toBe(0);
    // pcs 0.11 refuses cluster-name ("invalid cluster property option") and names nvpairs and defaults sets itself.
    const calls = pcsCalls(r.calls);
    expect(calls.filter((c) => c[0] !== 'cluster')).toEqual([
      ['property', 'set', '--', 'stonith-enabled=false'],
      ['property', 'set', '--', 'no-quorum-policy=stop'],
      ['resource', 'defaults', 'update', '--', 'resource-stickiness=100'],
    ]);
    const xml = r.calls.filter((c) => c.name === 'cibadmin').map((c) => c.args[c.args.indexOf('--xml-text') + 1]);
    const set = (pair: string) => `<cluster_property_set id="cib-bootstrap-options">${pair}</cluster_property_set>`;
    const cn = xml.indexOf(set('<nvpair id="cib-bootstrap-options-cluster-name" name="cluster-name" value="lab"/>'));
    const recheck = xml.indexOf(set('<nvpair id="recheck" name="cluster-recheck-interval" value="5min"/>'));
    expect(cn).toBeGreaterThanOrEqual(0);
    expect(recheck).toBeGreaterThan(cn);
    expect(xml).toContain('<meta_attributes id="op-options"><nvpair id="op-options-timeout" name="timeout" value="60s"/></meta_attributes>');
  });

  it('pcs 0.9 (el7) gets the 0.9 forms and no --', () => {
    const { script } = build(readText('fixtures/examples/web-el9.ha'), 'el7');
    const sb = open(script);
    const cib = sb.file('cib.xml', '<cib/>\n');
    const r = sb.run(['configure', '--cib-file', cib], { HACC_NODE: 'web1', IPMI_PASSWORD: 'pw' });
    expect(r.status, r.stderr).toBe(0);
    const calls = pcsCalls(r.calls);
    expect(calls.flat()).not.toContain('--');
    expect(calls[1]).toEqual(['resource', 'defaults', 'resource-stickiness=100']);
    expect(calls).toContainEqual(['constraint', 'location', 'add', 'report-avoids-web3', 'report-job', 'web3', '-INFINITY']);
  });

  it('leaves the file alone when it already has the configuration', () => {
    const { script } = build(readText('fixtures/ok/hacc-ignore.ha'), 'debian12');
    const sb = open(script, CONFIG_STUBS, {}); // crm_diff stub exits 0: no difference
    const cib = sb.file('cib.xml', '<cib/>\n');
    const r = sb.run(['configure', '--cib-file', cib], { HACC_NODE: 'a' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('already has this configuration: unchanged');
    expect(r.calls.some((c) => c.name === 'cp' )).toBe(false);
  });
});

describe('configure on a live cluster (stubbed pcs, cibadmin, crm_diff)', () => {
  // pcs records its argv and its standard input (for auth); `pcs cluster cib F` writes LIVE_CIB to F.
  const PCS = `#!/bin/bash
printf '%s\\0' "$#" pcs "$@" >>"$HACC_STUB_LOG"
if [ "$1" = host ] || [ "$2" = auth ]; then cat >"$HACC_STUB_STDIN"; fi
if [ "$1" = cluster ] && [ "$2" = cib ]; then cp "$LIVE_CIB" "$3"; fi
if [ "$1" = cluster ] && [ "$2" = enable ] && [ -n "\${FAIL_ENABLE-}" ]; then exit 1; fi
exit 0
`;
  // cibadmin records its argv; asked for the <cib> element alone, it answers with a version: the
  // copy's (CIB_file set) is 0.5, the live CIB's LIVE_EPOCH (0.5 unless a test moves it on).
  const CIBADMIN = `#!/bin/bash
printf '%s\\0' "$#" cibadmin "$@" >>"$HACC_STUB_LOG"
if [ "$*" = "--query --xpath /cib --no-children" ]; then
  if [ -n "\${CIB_file-}" ]; then echo '<cib validate-with="pacemaker-3.9" epoch="5" num_updates="2" admin_epoch="0"/>'
  else printf '<cib validate-with="pacemaker-3.9" epoch="%s" num_updates="9" admin_epoch="0"/>\\n' "\${LIVE_EPOCH:-5}"; fi
fi
exit 0
`;
  const COROSYNC_CONF = (name: string, nodes: string[]) =>
    `totem {\n\tversion: 2\n\tcluster_name: ${name}\n}\nnodelist {\n${nodes.map((n, i) => `\tnode {\n\t\tring0_addr: 10.213.0.${i + 1}\n\t\tname: ${n}\n\t\tnodeid: ${i + 1}\n\t}\n`).join('')}}\n`;

  function live(crmDiff: number, conf: string | undefined, liveCib = '<cib><configuration><resources/></configuration></cib>\n', extra = '') {
    const text = readText('test/live/fixtures/live.ha').replace('platform debian12', `platform debian12\n  auth hacluster password=env:HACLUSTER_PASSWORD${extra}`);
    const { script } = build(text);
    const sb = open(script, ['cibadmin', 'id'], { crm_diff: crmDiff });
    sb.file('stubs/pcs', PCS, 0o755);
    sb.file('stubs/cibadmin', CIBADMIN, 0o755);
    sb.file('stubs/id', '#!/bin/sh\necho 0\n', 0o755);
    spawnSync('mkdir', ['-p', `${sb.dir}/ocf/resource.d/hacc`]);
    sb.file('ocf/resource.d/hacc/anything', anythingAgentScript(), 0o755);
    if (conf !== undefined) sb.file('corosync.conf', conf);
    const liveCibPath = sb.file('live-cib.xml', liveCib);
    const env = {
      HACC_NODE: 'ha-a',
      OCF_ROOT: `${sb.dir}/ocf`,
      HACC_CLUSTER_CONF: `${sb.dir}/corosync.conf`,
      HACC_BACKUP_DIR: `${sb.dir}/backup`,
      HACC_STUB_STDIN: `${sb.dir}/stdin`,
      LIVE_CIB: liveCibPath,
      HACLUSTER_PASSWORD: "pa ss'w$rd",
    };
    return { sb, env };
  }
  const pcsVerbs = (calls: ReturnType<Sandbox['run']>['calls']) =>
    calls.filter((c) => c.name === 'pcs' && c.args[0] !== '-f').map((c) => c.args.slice(0, 2).join(' '));

  it('a new cluster: auth with the password on stdin, setup, enable, one push', () => {
    const { sb, env } = live(1, undefined);
    const r = sb.run(['configure'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(pcsVerbs(r.calls)).toEqual(['host auth', 'cluster setup', 'cluster enable', 'cluster cib', 'cluster cib-push']);
    expect(readFileSync(`${sb.dir}/stdin`, 'utf8')).toBe("pa ss'w$rd\n");
    const setup = r.calls.find((c) => c.name === 'pcs' && c.args[1] === 'setup')!;
    expect(setup.args).toEqual(['cluster', 'setup', '--start', '--', 'hacc-live', 'ha-a', 'addr=10.213.0.1', 'ha-b', 'addr=10.213.0.2']);
    expect(r.stdout).not.toContain("pa ss'w$rd");
  });

  it('autostart false: the new cluster is set up and started, not enabled at boot', () => {
    const { sb, env } = live(1, undefined, undefined, '\n  autostart false');
    const r = sb.run(['configure'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(pcsVerbs(r.calls)).toEqual(['host auth', 'cluster setup', 'cluster cib', 'cluster cib-push']);
    expect(r.stdout).toContain('autostart false: the cluster services are not enabled at boot');
  });

  it("Debian's placeholder cluster is replaced with --force", () => {
    const { sb, env } = live(1, COROSYNC_CONF('debian', ['node1']).replace('10.213.0.1', '127.0.0.1'));
    const r = sb.run(['configure'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls.find((c) => c.name === 'pcs' && c.args[1] === 'setup')!.args.slice(0, 5)).toEqual(['cluster', 'setup', '--start', '--force', '--']);
  });

  it('another cluster on this node: refuses, destroys nothing', () => {
    const { sb, env } = live(1, COROSYNC_CONF('production', ['ha-a', 'ha-b']));
    const r = sb.run(['configure'], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('describes another cluster (or other nodes) than hacc-live');
    expect(pcsVerbs(r.calls)).toEqual([]);
  });

  it('the same cluster with other nodes: refuses', () => {
    const { sb, env } = live(1, COROSYNC_CONF('hacc-live', ['ha-a', 'ha-c']));
    expect(sb.run(['configure'], env).status).toBe(1);
  });

  it('a re-run on a cluster that has the configuration changes nothing', () => {
    const { sb, env } = live(0, COROSYNC_CONF('hacc-live', ['ha-b', 'ha-a']));
    const r = sb.run(['configure'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('already names cluster hacc-live with nodes ha-a ha-b: no auth, no setup');
    expect(r.stdout).toContain('cluster hacc-live already has this configuration: nothing pushed');
    expect(pcsVerbs(r.calls)).toEqual(['cluster cib']);
  });

  it('a re-run after a failed enable retries it', () => {
    const { sb, env } = live(1, undefined);
    let r = sb.run(['configure'], { ...env, FAIL_ENABLE: '1' });
    expect(r.status).toBe(1);
    expect(pcsVerbs(r.calls)).toEqual(['host auth', 'cluster setup', 'cluster enable']);
    // pcs cluster setup wrote corosync.conf before enable failed.
    sb.file('corosync.conf', COROSYNC_CONF('hacc-live', ['ha-a', 'ha-b']));
    r = sb.run(['configure'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('the run that set this cluster up did not finish enabling it at boot: enabling it now');
    expect(pcsVerbs(r.calls)).toEqual(['cluster enable', 'cluster cib', 'cluster cib-push']);
    // Done once: the run after that enables nothing.
    r = sb.run(['configure'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(pcsVerbs(r.calls)).not.toContain('cluster enable');
  });

  it('a live configuration that differs is replaced only with --update, after a backup', () => {
    const running = '<cib><configuration><resources><primitive id="old" class="ocf" provider="pacemaker" type="Dummy"/></resources></configuration></cib>\n';
    const { sb, env } = live(1, COROSYNC_CONF('hacc-live', ['ha-a', 'ha-b']), running);
    let r = sb.run(['configure'], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('re-run with --update');
    expect(pcsVerbs(r.calls)).toEqual(['cluster cib']);
    r = sb.run(['configure', '--update'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(pcsVerbs(r.calls)).toEqual(['cluster cib', 'cluster cib-push']);
    const backups = spawnSync('ls', [`${sb.dir}/backup`], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^hacc-live-cib-before-\d{8}T\d{6}\.xml$/);
    expect(readFileSync(`${sb.dir}/backup/${backups[0]}`, 'utf8')).toBe(running);
  });

  it('refuses to push when the live CIB changed since it was copied, and says so', () => {
    const { sb, env } = live(1, COROSYNC_CONF('hacc-live', ['ha-a', 'ha-b']));
    const r = sb.run(['configure'], { ...env, LIVE_EPOCH: '6' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the live CIB changed while this ran (version 0.5 when copied, 0.6 now): nothing pushed');
    expect(pcsVerbs(r.calls)).toEqual(['cluster cib']);
    const versions = r.calls.filter((c) => c.name === 'cibadmin' && c.args.includes('--no-children'));
    expect(versions).toHaveLength(2);
    // Unchanged: pushed.
    const again = sb.run(['configure'], env);
    expect(again.status, again.stderr).toBe(0);
    expect(pcsVerbs(again.calls)).toEqual(['cluster cib', 'cluster cib-push']);
  });

  // The stack: sbd answers `dump` with SBD_HEADER (0: a header is there), systemctl's is-enabled
  // and is-active with SYSTEMCTL_QUERY (0: qnetd running); HACC_SBD_CONFIG is the sbd file.
  const SBD_DISK = '/dev/disk/by-id/wwn-0x5000c500a1b2c3d4';
  const SBD_LINES = `
  sbd {
    device ${SBD_DISK}
    init watchdog-timeout=5 msgwait-timeout=10
    watchdog /dev/watchdog1 node=ha-b
    options SBD_STARTMODE=clean
  }
  primitive fence-sbd stonith:fence_sbd {
    params devices=${SBD_DISK} pcmk_delay_max=10s
  }`;
  function stack(extra: string, conf: string | undefined) {
    const { sb, env } = live(1, conf, undefined, extra);
    sb.file('stubs/sbd', `#!/bin/bash\nprintf '%s\\0' "$#" sbd "$@" >>"$HACC_STUB_LOG"\nexit "\${SBD_HEADER:-1}"\n`, 0o755);
    sb.file('stubs/systemctl', `#!/bin/bash\nprintf '%s\\0' "$#" systemctl "$@" >>"$HACC_STUB_LOG"\ncase $1 in is-enabled | is-active) exit "\${SYSTEMCTL_QUERY:-1}" ;; esac\n`, 0o755);
    // The sandbox's sbd file (none unless a test writes one), never the host's.
    return { sb, env: { ...env, HACC_SBD_CONFIG: `${sb.dir}/sbd` } };
  }
  const pcsArgs = (calls: ReturnType<Sandbox['run']>['calls'], ...head: string[]) => calls.filter((c) => c.name === 'pcs' && head.every((h, i) => c.args[i] === h)).map((c) => c.args);

  it('SBD on a new cluster: a header only where sbd dump finds none, pcs stonith sbd enable, one restart, then the push', () => {
    const { sb, env } = stack(SBD_LINES, undefined);
    const r = sb.run(['configure'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(pcsVerbs(r.calls)).toEqual(['host auth', 'cluster setup', 'cluster enable', 'stonith sbd', 'stonith sbd', 'cluster stop', 'cluster start', 'cluster cib', 'cluster cib-push']);
    expect(pcsArgs(r.calls, 'stonith', 'sbd', 'device')).toEqual([['stonith', 'sbd', 'device', 'setup', '--force', `device=${SBD_DISK}`, 'watchdog-timeout=5', 'msgwait-timeout=10']]);
    expect(pcsArgs(r.calls, 'stonith', 'sbd', 'enable')).toEqual([['stonith', 'sbd', 'enable', 'watchdog=/dev/watchdog1@ha-b', `device=${SBD_DISK}`, 'SBD_STARTMODE=clean']]);
    expect(r.calls.filter((c) => c.name === 'sbd').map((c) => c.args)).toEqual([['-d', SBD_DISK, 'dump']]);
  });

  it('SBD on a disk that has a header: kept, no device setup', () => {
    const { sb, env } = stack(SBD_LINES, undefined);
    const r = sb.run(['configure'], { ...env, SBD_HEADER: '0' });
    expect(r.status, r.stderr).toBe(0);
    expect(pcsArgs(r.calls, 'stonith', 'sbd', 'device')).toEqual([]);
    expect(pcsArgs(r.calls, 'stonith', 'sbd', 'enable')).toHaveLength(1);
    expect(r.stdout).toContain(`${SBD_DISK} has an SBD header already: kept`);
  });

  it("Debian's own sbd file (sbd.service enabled by the package, watchdog only) is not a set-up SBD", () => {
    const { sb, env } = stack(SBD_LINES, COROSYNC_CONF('hacc-live', ['ha-a', 'ha-b']));
    const config = sb.file('sbd', 'SBD_PACEMAKER=yes\nSBD_WATCHDOG_DEV=/dev/watchdog\nSBD_OPTS=\n');
    const r = sb.run(['configure'], { ...env, SYSTEMCTL_QUERY: '0', HACC_SBD_CONFIG: config });
    expect(r.status, r.stderr).toBe(0);
    expect(pcsVerbs(r.calls)).toEqual(['stonith sbd', 'stonith sbd', 'cluster stop', 'cluster start', 'cluster cib', 'cluster cib-push']);
  });

  it('SBD pcs has set up already: nothing of it is touched, no restart; other devices are named, not changed', () => {
    const { sb, env } = stack(SBD_LINES, COROSYNC_CONF('hacc-live', ['ha-a', 'ha-b']));
    const config = sb.file('sbd', `SBD_DEVICE="${SBD_DISK}"\nSBD_OPTS="-n ha-a"\nSBD_PACEMAKER=yes\n`);
    let r = sb.run(['configure'], { ...env, HACC_SBD_CONFIG: config });
    expect(r.status, r.stderr).toBe(0);
    expect(pcsVerbs(r.calls)).toEqual(['cluster cib', 'cluster cib-push']);
    expect(r.calls.filter((c) => c.name === 'sbd')).toEqual([]);
    expect(r.stdout).toContain('sbd is set up on this node already');
    sb.file('sbd', 'SBD_DEVICE="/dev/disk/by-id/other"\nSBD_OPTS="-n ha-a"\n');
    r = sb.run(['configure'], { ...env, HACC_SBD_CONFIG: config });
    expect(r.status, r.stderr).toBe(0);
    expect(pcsVerbs(r.calls)).toEqual(['cluster cib', 'cluster cib-push']);
    expect(r.stdout).toContain(`sbd is set up on this node with other devices (SBD_DEVICE='/dev/disk/by-id/other', this file: '${SBD_DISK}')`);
  });

  const QDEVICE_LINES = `
  host qnetd addr=10.213.0.50/24
  corosync {
    qdevice model=net host=qnetd algorithm=ffsplit
  }`;

  it('a quorum device: pcs authenticates to the qnetd server with the nodes, and adds the device once the cluster runs', () => {
    const { sb, env } = stack(QDEVICE_LINES, undefined);
    const r = sb.run(['configure'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(pcsVerbs(r.calls)).toEqual(['host auth', 'cluster setup', 'cluster enable', 'quorum device', 'cluster cib', 'cluster cib-push']);
    expect(pcsArgs(r.calls, 'host', 'auth')[0]!.slice(-2)).toEqual(['10.213.0.50', 'addr=10.213.0.50']);
    expect(pcsArgs(r.calls, 'quorum')).toEqual([['quorum', 'device', 'add', 'model', 'net', 'host=10.213.0.50', 'algorithm=ffsplit']]);
  });

  it('a quorum device corosync.conf already has: left as it is', () => {
    const conf = COROSYNC_CONF('hacc-live', ['ha-a', 'ha-b']) + 'quorum {\n\tprovider: corosync_votequorum\n\tdevice {\n\t\tmodel: net\n\t}\n}\n';
    const { sb, env } = stack(QDEVICE_LINES, conf);
    const r = sb.run(['configure'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(pcsVerbs(r.calls)).toEqual(['cluster cib', 'cluster cib-push']);
    expect(r.stdout).toContain('names a quorum device already: left as it is');
  });

  it('setup.sh qnetd on the server: the packages, the password on stdin, pcsd, pcs qdevice setup; refused where there is no quorum device', () => {
    const { sb, env } = stack(QDEVICE_LINES, undefined);
    sb.file('stubs/apt-get', `#!/bin/bash\nprintf '%s\\0' "$#" apt-get "$@" >>"$HACC_STUB_LOG"\n`, 0o755);
    sb.file('stubs/chpasswd', `#!/bin/bash\nprintf '%s\\0' "$#" chpasswd "$@" >>"$HACC_STUB_LOG"\ncat >"$HACC_STUB_STDIN"\n`, 0o755);
    const r = sb.run(['qnetd'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls.find((c) => c.name === 'apt-get' && c.args.includes('install'))!.args.slice(-2)).toEqual(['pcs', 'corosync-qnetd']);
    expect(readFileSync(`${sb.dir}/stdin`, 'utf8')).toBe("hacluster:pa ss'w$rd\n");
    expect(pcsArgs(r.calls, 'qdevice')).toEqual([['qdevice', 'setup', 'model', 'net', '--enable', '--start']]);
    const none = live(1, undefined);
    const refused = none.sb.run(['qnetd'], none.env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('qnetd sets up the server of a quorum device');
    none.sb.cleanup();
  });

  it('setup.sh remote on a remote host: pacemaker-remote, the firewall, the key copied as a file, the service; install copies the key too; refused without remote nodes', () => {
    const keyDir = mkdtempSync(join(tmpdir(), 'hacc-authkey-'));
    const key = join(keyDir, 'authkey');
    writeFileSync(key, Buffer.from([0, 1, 2, 255]));
    const { script } = build(readText('fixtures/constructs/remote-node.ha').replace('file:/root/pacemaker-authkey', `file:${key}`));
    const sb = sandbox(script, ['dnf', 'firewall-cmd', 'systemctl', 'install']);
    try {
      const r = sb.run(['remote']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.calls.find((c) => c.name === 'dnf' && c.args.includes('install'))!.args.slice(-2)).toEqual(['pacemaker-remote', 'resource-agents']);
      expect(r.calls.filter((c) => c.name === 'install').map((c) => c.args)).toEqual([
        ['-d', '-m', '0750', '-o', 'root', '-g', 'haclient', '/etc/pacemaker'],
        ['-m', '0640', '-o', 'root', '-g', 'haclient', '--', key, '/etc/pacemaker/authkey'],
      ]);
      expect(r.calls.filter((c) => c.name === 'systemctl').map((c) => c.args.join(' '))).toContain('enable pacemaker_remote.service');
      const dry = sb.run(['--dry-run', 'install'], { HACC_NODE: 'a' });
      expect(dry.stdout).toContain(`install -m 0640 -o root -g haclient -- ${key} /etc/pacemaker/authkey`);
    } finally {
      sb.cleanup();
      rmSync(keyDir, { recursive: true, force: true });
    }
    const none = build(readText('fixtures/constructs/node.ha'));
    const nb = sandbox(none.script, []);
    try {
      const refused = nb.run(['remote']);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('remote sets up the host of a remote node (ocf:pacemaker:remote): this file has none');
    } finally {
      nb.cleanup();
    }
  });

  it('refuses when the agent is not installed here', () => {
    const { sb, env } = live(1, undefined);
    spawnSync('rm', [`${sb.dir}/ocf/resource.d/hacc/anything`]);
    const r = sb.run(['configure'], env);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("is missing or differs from this build's agent: run 'setup.sh install' on every node first");
    expect(r.calls.filter((c) => c.name === 'pcs')).toEqual([]);
  });
});

describe('secrets', () => {
  const SECRETS = { HACLUSTER_PASSWORD: 'hunter2-auth', IPMI_PASSWORD: 'ipmi-0xDEAD' };

  it('are never in an artifact', () => {
    for (const platform of PLATFORMS) {
      const { script, summary, cib } = build(readText('fixtures/examples/web-el9.ha'), platform);
      for (const text of [script, summary, cib]) {
        expect(text).toContain('IPMI_PASSWORD');
        for (const v of Object.values(SECRETS)) expect(text).not.toContain(v);
      }
    }
  });

  for (const phase of [['install'], ['configure'], ['configure', '--cib-file', 'cib.xml'], ['verify']]) {
    it(`--dry-run ${phase.join(' ')} shows labels, never values, and runs nothing`, () => {
      const { script } = build(readText('fixtures/examples/web-el9.ha'), 'el9');
      const sb = open(script, ['pcs', 'cibadmin', 'crm_diff', 'crm_verify', 'dnf', 'chpasswd', 'systemctl', 'firewall-cmd', 'install']);
      const r = sb.run(['--dry-run', ...phase], { HACC_NODE: 'web1', ...SECRETS });
      expect(r.status, r.stderr).toBe(0);
      for (const v of Object.values(SECRETS)) {
        expect(r.stdout).not.toContain(v);
        expect(r.stderr).not.toContain(v);
      }
      expect(r.calls).toEqual([]);
      if (phase[0] === 'configure') {
        expect(r.stdout).toContain(' password=hacc-secret-pending ');
        expect(r.stdout).toContain(`cibadmin --modify --xml-pipe <<< '<nvpair id="fence-web1-instance_attributes-password" value="<env:IPMI_PASSWORD>"/>'`);
      }
      if (phase[0] === 'install') expect(r.stdout).toContain("chpasswd <<< 'hacluster:<env:HACLUSTER_PASSWORD>'");
    });
  }

  it('--dry-run needs no secret and no cluster node, and says so', () => {
    const { script } = build(readText('fixtures/examples/web-el9.ha'), 'el9');
    const sb = open(script);
    const r = sb.run(['--dry-run', 'configure'], { HACC_NODE: 'laptop' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('a real run would refuse');
    expect(r.stdout).toContain('<<< \'<env:HACLUSTER_PASSWORD>\'');
  });

  it('a missing env secret is a clear error, before anything runs', () => {
    const { script } = build(readText('fixtures/examples/web-el9.ha'), 'el9');
    const sb = open(script);
    const cib = sb.file('cib.xml', '<cib/>\n');
    const r = sb.run(['configure', '--cib-file', cib], { HACC_NODE: 'web1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`setup.sh: error: secret <env:IPMI_PASSWORD>: environment variable IPMI_PASSWORD is not set; export it and run setup.sh again\n`);
    expect(r.calls).toEqual([]);
  });

  it("env: secrets are the environment's values, whatever names the script uses itself", () => {
    // Names of the script's own globals, of load_secret's locals and of its secret arrays.
    const names = ['PROG', 'CLUSTER_NAME', 'NODES', 'ref', 'n', 'value', 'name', 'SECRET_REF', 'SECRET_ENV', 'SECRET_VALUE'];
    const dummies = names.map((v, i) => `  primitive d${i} ocf:pacemaker:Dummy {\n    params fake=env:${v}\n  }\n`).join('');
    const text = `cluster lab {\n  node a addr=10.0.0.1/24\n  node b addr=10.0.0.2/24\n  property stonith-enabled=false\n${dummies}}\n`;
    const { script } = build(text, 'debian12');
    const defs = script.replace(/\nmain "\$@"\n$/, '\n');
    const env = Object.fromEntries(names.map((v) => [v, `secret of ${v}`]));
    const r = spawnSync('bash', ['--norc', '-c', `${defs}\nfor i in "\${!SECRET_REF[@]}"; do load_secret "$i"; printf '%s=%s\\n' "\${SECRET_REF[i]}" "\${SECRET_VALUE[i]}"; done`], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual(names.map((v) => `${v}=secret of ${v}`).sort());
  });

  it('HA503 knows every HACC_ variable the script reads', () => {
    const { script } = build(readText('fixtures/examples/web-el9.ha'), 'el9');
    const read = [...script.matchAll(/\$\{?(HACC_[A-Z_]+)/g)].map((m) => m[1]!);
    expect([...new Set(read)].sort()).toEqual([...SCRIPT_READS]);
  });

  it('file: secrets are read when the script runs; a missing file is a clear error', () => {
    const text = readText('fixtures/examples/web-el9.ha').replaceAll('password=env:IPMI_PASSWORD', 'password=file:/SECRETDIR/ipmi');
    const sb = open('');
    const { script } = build(text.replaceAll('/SECRETDIR', sb.dir), 'el9');
    sb.file('setup.sh', script, 0o755);
    const cib = sb.file('cib.xml', '<cib/>\n');
    let r = sb.run(['configure', '--cib-file', cib], { HACC_NODE: 'web1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`secret <file:${sb.dir}/ipmi>: ${sb.dir}/ipmi is not a file`);
    sb.file('ipmi', 'from-a-file\n', 0o600);
    r = sb.run(['configure', '--cib-file', cib], { HACC_NODE: 'web1' });
    expect(r.status, r.stderr).toBe(0);
    // The value goes to cibadmin on its standard input: on no command line, in no output.
    expect(pcsCalls(r.calls).find((c) => c.includes('fence-web1'))).toContain('password=hacc-secret-pending');
    expect(r.calls.filter((c) => c.name === 'cibadmin' && c.args.includes('--xml-pipe'))).toHaveLength(3);
    expect(JSON.stringify(r.calls)).not.toContain('from-a-file');
    expect(r.stdout).not.toContain('from-a-file');
  });
});

describe('the host check', () => {
  it('refuses a host that is not a node, and says what to run where', () => {
    const { script } = build(readText('fixtures/examples/seed.ha'));
    const sb = open(script);
    for (const phase of [['install'], ['configure'], ['configure', '--cib-file', 'x'], ['verify']]) {
      const r = sb.run(phase, { HACC_NODE: 'intruder', HACLUSTER_PASSWORD: 'x' });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('this host (intruder) is not a node of cluster cluster (nodes: rhel-act rhel-sta)');
      expect(r.stderr).toContain("Run 'setup.sh install' on every node, then 'setup.sh configure' on one of them");
      expect(r.calls).toEqual([]);
    }
  });

  it('without a phase prints usage and exits 2', () => {
    const { script } = build(readText('fixtures/examples/seed.ha'));
    const sb = open(script);
    const r = sb.run([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('install [--no-install]   on every node: rhel-act rhel-sta');
  });
});

describe('install', () => {
  const STUBS = ['apt-get', 'chpasswd', 'systemctl', 'id'];
  const agentDir = (sb: Sandbox) => `${sb.dir}/ocf/resource.d/hacc`;

  function installRun(sb: Sandbox, options: string[] = []) {
    sb.file('stubs/id', '#!/bin/sh\necho 0\n', 0o755);
    return sb.run(['install', ...options], { HACC_NODE: 'ha-a', OCF_ROOT: `${sb.dir}/ocf`, HACLUSTER_PASSWORD: "pa ss'w:rd" });
  }

  it('--no-install leaves the packages to the site and does the rest; it goes with install only', () => {
    const text = readText('test/live/fixtures/live.ha').replace('platform debian12', 'platform debian12\n  auth hacluster password=env:HACLUSTER_PASSWORD');
    const sb = open(build(text).script, STUBS, {});
    const r = installRun(sb, ['--no-install']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls.map((c) => c.name)).toEqual(['chpasswd', 'systemctl', 'systemctl']);
    expect(r.stdout).toContain('--no-install: the packages are left to you: pacemaker pacemaker-cli-utils corosync pcs resource-agents fence-agents');
    const wrong = sb.run(['configure', '--no-install'], { HACC_NODE: 'ha-a' });
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('--no-install goes with install');
  });

  it('installs packages, the password through stdin, pcsd, and the agent byte for byte', () => {
    const text = readText('test/live/fixtures/live.ha').replace('platform debian12', 'platform debian12\n  auth hacluster password=env:HACLUSTER_PASSWORD');
    const { script } = build(text);
    const sb = open(script, STUBS, {});
    const r = installRun(sb);
    expect(r.status, r.stderr).toBe(0);
    expect(r.calls.map((c) => [c.name, ...c.args])).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', '--no-install-recommends', 'pacemaker', 'pacemaker-cli-utils', 'corosync', 'pcs', 'resource-agents', 'fence-agents'],
      ['chpasswd'],
      ['systemctl', 'enable', 'pcsd.service'],
      ['systemctl', 'start', 'pcsd.service'],
    ]);
    expect(readFileSync(`${agentDir(sb)}/anything`, 'utf8')).toBe(anythingAgentScript());
    expect(r.stdout).not.toContain("pa ss'w:rd");
    const again = installRun(sb);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('already installed and identical');
  });

  it('refuses to overwrite an agent it did not generate, replaces an older one of its own', () => {
    const { script } = build(readText('test/live/fixtures/live.ha'));
    const sb = open(script, STUBS, {});
    spawnSync('mkdir', ['-p', agentDir(sb)]);
    sb.file('ocf/resource.d/hacc/anything', '#!/bin/sh\n# somebody else\n', 0o755);
    let r = installRun(sb);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('exists and was not generated by hacc; refusing to overwrite it');
    expect(readFileSync(`${agentDir(sb)}/anything`, 'utf8')).toBe('#!/bin/sh\n# somebody else\n');
    sb.file('ocf/resource.d/hacc/anything', '#!/bin/sh\n# Generated by hacc; do not edit: regenerate it. Agent version 0.9.\n', 0o755);
    r = installRun(sb);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('replacing an agent an earlier hacc build installed');
    expect(readFileSync(`${agentDir(sb)}/anything`, 'utf8')).toBe(anythingAgentScript());
  });
});

describe('the el6 script for the seed post', () => {
  it('is the committed golden out/cluster/setup.sh', () => {
    expect(build(readText('fixtures/examples/seed.ha')).script).toBe(readText('out/cluster/setup.sh'));
  });

  it('grammar/setup-script.md points at the lines that do each step of the post', () => {
    const lines = readText('out/cluster/setup.sh').split('\n');
    const note = readText('grammar/setup-script.md');
    const section = note.slice(note.indexOf('## The seed post, step by step'));
    const rows = section.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const row of rows) {
      const cols = row.split(/(?<!\\)\|/).map((c) => c.trim());
      if (cols[3] === '—') continue;
      const text = cols[4]!.replace(/^`|`$/g, '').replace(/\\\|/g, '|');
      expect(lines[Number(cols[3]) - 1], `step ${cols[1]}: setup.sh:${cols[3]}`).toContain(text);
    }
  });

  it('performs every step of the post, in the post\'s order, with its mistakes corrected', () => {
    const script = readText('out/cluster/setup.sh');
    // The post's steps (grammar/setup-script.md maps each to its line).
    const steps = [
      'run yum install -y pacemaker cman pcs',
      'set_cman_quorum_timeout',
      'run_input "hacluster:${SECRET_VALUE[1]}" "hacluster:${SECRET_LABEL[1]}" chpasswd',
      'run service pcsd start',
      'run chkconfig pcsd on',
      'run chkconfig corosync off',
      'pcs cluster auth rhel-act rhel-sta -u hacluster',
      'run pcs cluster setup --start --name cluster rhel-act rhel-sta',
      'run pcs cluster enable --all',
      'run pcs -f "$NEW" property set stonith-enabled=false no-quorum-policy=ignore',
      'resource create --no-default-ops --group resource-group vip ocf:heartbeat:IPaddr2',
      'resource create --no-default-ops --group resource-group shared_device',
      'resource create --no-default-ops --group resource-group shared_mount',
      'resource create --no-default-ops --group resource-group --force program_logical',
      'run pcs cluster cib-push "$1" --config',
      '\tcib_push "$NEW"',
      'run crm_verify -L -V',
      '\tshow_status',
    ];
    expect(script).toContain('show_status() {\n\trun pcs status\n}');
    expect(script).toContain("run sed -i -e 's/^#*[[:space:]]*CMAN_QUORUM_TIMEOUT=.*/CMAN_QUORUM_TIMEOUT=0/' \"$f\"");
    let at = script.indexOf('\nphase_install() {');
    for (const s of steps) {
      const next = script.indexOf(s, at);
      expect(next, s).toBeGreaterThan(at);
      at = next;
    }
    // The mistakes: the VIP on the nodes' subnet, cidr_netmask with '=', monitor spelled right,
    // no password on a command line, the agent under its own provider and never downloaded.
    expect(script).toContain('cidr_netmask=24 ip=192.168.56.30 nic=eth0');
    expect(script).not.toMatch(/mointor|192\.168\.59\.|p@ss|wget|--no-check-certificate|resource\.d\/heartbeat\/anything/);
    expect(script).toContain('ocf:hacc:anything');
    expect(script).not.toMatch(/pcs [^\n]* -p /);
  });
});

// Issue 24: SUSE's phases with crm, ip and cibadmin stubs. init makes the cluster on the first node
// with the interface (crmsh 4, sles15) or the address (crmsh 5, sles16) of each link; join joins the
// others through it; configure stops, naming them, until every node is in corosync.conf.
describe('SUSE: init, join and the cluster configure needs (crmsh)', () => {
  const SUSE = `cluster suse-lab {
  platform sles15
  node s1 addr=10.0.0.1/24 addr=10.1.0.1/24
  node s2 addr=10.0.0.2/24 addr=10.1.0.2/24
  node s3 addr=10.0.0.3/24 addr=10.1.0.3/24
  property stonith-enabled=false
  primitive d ocf:pacemaker:Dummy
}
`;
  // `ip -o addr show`: every node's addresses, each on its own interface (the stub answers for all hosts).
  const IP = `#!/bin/sh
printf '%s\\n' '2: eth0    inet 10.0.0.1/24 brd 10.0.0.255 scope global eth0' '3: eth1    inet 10.1.0.1/24 scope global eth1' \\
  '4: ens3    inet 10.0.0.2/24 scope global ens3' '5: ens4    inet 10.1.0.2/24 scope global ens4'
`;
  const conf = (...addrs: string[]) => `totem {\n    cluster_name: suse-lab\n}\nnodelist {\n${addrs.map((a, i) => `    node {\n        ring0_addr: ${a}\n        nodeid: ${i + 1}\n    }\n`).join('')}}\n`;
  function suse(platform: 'sles15' | 'sles16', corosync?: string) {
    const { script } = build(SUSE.replace('platform sles15', `platform ${platform}`), platform);
    const sb = open(script, ['crm', 'cibadmin', 'id']);
    sb.file('stubs/ip', IP, 0o755);
    sb.file('stubs/id', '#!/bin/sh\necho 0\n', 0o755);
    if (corosync !== undefined) sb.file('corosync.conf', corosync);
    return { sb, env: { HACC_CLUSTER_CONF: `${sb.dir}/corosync.conf`, HACC_BACKUP_DIR: `${sb.dir}/backup` } };
  }
  const crm = (calls: ReturnType<Sandbox['run']>['calls']) => calls.filter((c) => c.name === 'crm').map((c) => c.args);

  it('init on the first node: crm cluster init with the interfaces of its two links (crmsh 4: names and -M)', () => {
    const { sb, env } = suse('sles15');
    const r = sb.run(['init'], { ...env, HACC_NODE: 's1' });
    expect(r.status, r.stderr).toBe(0);
    expect(crm(r.calls)).toEqual([['cluster', 'init', '-y', '-n', 'suse-lab', '-i', 'eth0', '-i', 'eth1', '-M']]);
    expect(r.stdout).toContain("Next: 'setup.sh join' on s2 s3");
  });

  it('join on another node: through the first, with its addresses on crmsh 5 (sles16)', () => {
    const { sb, env } = suse('sles16');
    const r = sb.run(['join'], { ...env, HACC_NODE: 's2' });
    expect(r.status, r.stderr).toBe(0);
    expect(crm(r.calls)).toEqual([['cluster', 'join', '-y', '-c', 's1', '-i', '10.0.0.2', '-i', '10.1.0.2']]);
  });

  it('init elsewhere, join on the first node, or a node without its address: refused, nothing run', () => {
    const { sb, env } = suse('sles15');
    const init = sb.run(['init'], { ...env, HACC_NODE: 's2' });
    expect(init.status).toBe(1);
    expect(init.stderr).toContain("the cluster is created on s1, the first node of the file: run 'setup.sh init' there");
    const join = sb.run(['join'], { ...env, HACC_NODE: 's1' });
    expect(join.status).toBe(1);
    expect(join.stderr).toContain("s1 created the cluster ('setup.sh init')");
    const noNic = sb.run(['join'], { ...env, HACC_NODE: 's3' });
    expect(noNic.status).toBe(1);
    expect(noNic.stderr).toContain('no interface of s3 holds 10.0.0.3');
    expect(crm([...init.calls, ...join.calls, ...noNic.calls])).toEqual([]);
  });

  it('init and join where the cluster exists already: nothing to do', () => {
    const { sb, env } = suse('sles15', conf('10.0.0.1', '10.0.0.2', '10.0.0.3'));
    const init = sb.run(['init'], { ...env, HACC_NODE: 's1' });
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('already names cluster suse-lab: nothing to do');
    const join = sb.run(['join'], { ...env, HACC_NODE: 's2' });
    expect(join.status, join.stderr).toBe(0);
    expect(join.stdout).toContain('s2 is a member of cluster suse-lab already');
    expect(crm([...init.calls, ...join.calls])).toEqual([]);
  });

  it('configure: refuses while nodes are still to join (naming them), then loads crm.conf into the copy', () => {
    const partial = suse('sles15', conf('10.0.0.1', '10.0.0.2'));
    const r = partial.sb.run(['configure'], { ...partial.env, HACC_NODE: 's1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("nodes still to join cluster suse-lab: run 'setup.sh join' on s3");
    expect(crm(r.calls)).toEqual([]);
    const none = suse('sles15');
    expect(none.sb.run(['configure'], { ...none.env, HACC_NODE: 's1' }).stderr).toContain("no cluster here yet: run 'setup.sh init' on s1, then 'setup.sh join' on s2 s3");
    const other = suse('sles15', conf('10.0.0.1', '10.0.0.9'));
    expect(other.sb.run(['configure'], { ...other.env, HACC_NODE: 's1' }).stderr).toContain('describes another cluster (or other nodes)');
    const all = suse('sles15', conf('10.0.0.1', '10.0.0.2', '10.0.0.3'));
    const ok = all.sb.run(['configure'], { ...all.env, HACC_NODE: 's1' });
    expect(ok.calls.some((c) => c.name === 'cibadmin' && c.args.join(' ') === '--query')).toBe(true);
    expect(crm(ok.calls)).toContainEqual(['-F', 'configure', 'load', 'update', expect.stringMatching(/\/crm\.conf$/)]);
  });

  it('pcs platforms have no init or join phase', () => {
    const { script } = build(SUSE.replace('platform sles15', 'platform el9'), 'el9');
    const sb = open(script, ['pcs']);
    const r = sb.run(['init'], { HACC_NODE: 's1' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('init is a phase of the SUSE platforms: on el9, configure creates the cluster');
  });
});
