// The corosync block against the real tools: the script's own `setup_cluster` and
// `add_quorum_device` functions, taken from setup.sh and run with pcs's offline mode
// (`--corosync_conf FILE` in place of `--start`), must give a corosync.conf that carries every
// option of the .ha file under corosync's names, two_node as hacc derives it, and the quorum
// device; corosync itself (`corosync -t`) must accept that file. pcs 0.11.5 and corosync 3.1.7 are
// Debian 12's: the pcs 0.10+ forms (el8, el9, debian12) are verified here, pcs 0.9's flags (el7) and
// cman (el6) are not (no such pcs on this machine).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkText } from '../../src/check/check.js';
import { defaultCatalogue } from '../../src/catalogue/catalogue.js';
import { derivedTwoNode } from '../../src/model/stack.js';
import { readText } from '../../test-support/expectations.js';
import { build } from '../../test-support/setup-script-harness.js';

/** A corosync.conf section: its options and its subsections, in order. */
interface Section {
  readonly options: Map<string, string>;
  readonly sections: { readonly name: string; readonly section: Section }[];
}

/** corosync.conf's own syntax (`name {`, `key: value`, `}`), enough for what pcs writes. */
function parseConf(text: string): Section {
  const root: Section = { options: new Map(), sections: [] };
  const stack = [root];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const top = stack[stack.length - 1]!;
    const open = /^(\S+)\s*\{$/.exec(line);
    if (open) {
      const section: Section = { options: new Map(), sections: [] };
      top.sections.push({ name: open[1]!, section });
      stack.push(section);
    } else if (line === '}') stack.pop();
    else {
      const i = line.indexOf(':');
      top.options.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
    }
  }
  return root;
}

const sub = (s: Section, name: string): Section[] => s.sections.filter((x) => x.name === name).map((x) => x.section);

/** The names pcs writes a knet link's options under (pcs lib/corosync/constants.py LINK_OPTIONS_KNET_TRANSLATION). */
const KNET_LINK_NAMES: Readonly<Record<string, string>> = {
  link_priority: 'knet_link_priority',
  ping_interval: 'knet_ping_interval',
  ping_precision: 'knet_ping_precision',
  ping_timeout: 'knet_ping_timeout',
  pong_count: 'knet_pong_count',
  transport: 'knet_transport',
};

const dir = mkdtempSync(join(tmpdir(), 'hacc-corosync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A shell function of setup.sh, as it is there. */
function functionOf(script: string, name: string): string {
  const m = new RegExp(`^${name}\\(\\) \\{\\n[\\s\\S]*?^\\}$`, 'm').exec(script);
  expect(m, `setup.sh has no ${name}()`).not.toBeNull();
  return m![0];
}

/**
 * Runs setup.sh's setup_cluster (and add_quorum_device) with pcs writing FILE instead of a
 * cluster: `run` is the script's wrapper; here it swaps --start for --corosync_conf.
 */
function pcsConf(script: string, name: string): { conf: string; text: string } {
  const conf = join(dir, `${name}.conf`);
  rmSync(conf, { force: true });
  const quorum = script.includes('\nadd_quorum_device() {') ? functionOf(script, 'add_quorum_device') : '';
  const shim = `run() { local a=() x; for x in "$@"; do if [ "$x" = --start ]; then a+=(--corosync_conf="$CONF"); else a+=("$x"); fi; done; if [ "$2" = quorum ]; then a+=(--corosync_conf="$CONF"); fi; "\${a[@]}"; }`;
  const body = [shim, functionOf(script, 'setup_cluster'), quorum, 'setup_cluster', quorum ? 'add_quorum_device' : ''].join('\n');
  const r = spawnSync('bash', ['-c', body], { encoding: 'utf8', env: { ...process.env, CONF: conf }, cwd: dir });
  expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  return { conf, text: readFileSync(conf, 'utf8') };
}

/** `corosync -t` on the file, with a key for crypto and the first node's first address made this host's (corosync wants to find itself). */
function corosyncAccepts(text: string, name: string): { status: number | null; output: string } {
  const key = join(dir, 'authkey');
  writeFileSync(key, Buffer.alloc(256, 7), { mode: 0o600 });
  let first = true;
  const local = text
    .replace(/^totem \{$/m, `totem {\n    keyfile: ${key}`)
    .replace(/ring0_addr: \S+/, (m) => (first ? ((first = false), 'ring0_addr: 127.0.0.1') : m))
    .replace(/^(\s*)name: \S+$/m, `$1name: ${spawnSync('uname', ['-n'], { encoding: 'utf8' }).stdout.trim()}`);
  const file = join(dir, `${name}-local.conf`);
  writeFileSync(file, local);
  const r = spawnSync('corosync', ['-t', '-c', file], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Every option the .ha file's corosync block gives, checked against pcs's corosync.conf. */
function expectCarried(haText: string, conf: Section): void {
  const r = checkText(haText, 'test.ha', { catalogue: defaultCatalogue() });
  const m = r.checked!;
  const c = m.corosync;
  const totem = sub(conf, 'totem')[0]!;
  const quorum = sub(conf, 'quorum')[0]!;
  expect(totem.options.get('transport')).toBe(c.transport);
  for (const [k, a] of c.transportOptions.values) expect(totem.options.get(k), `transport ${k}`).toBe(a.value.text);
  for (const [k, a] of c.totem.values) expect(totem.options.get(k), `totem ${k}`).toBe(a.value.text);
  for (const [k, a] of c.crypto.values) expect(totem.options.get(`crypto_${k}`), `crypto ${k}`).toBe(a.value.text);
  for (const [k, a] of c.compression.values) expect(totem.options.get(`knet_compression_${k}`), `compression ${k}`).toBe(a.value.text);
  const interfaces = sub(totem, 'interface');
  for (const l of c.links) {
    const i = interfaces.find((x) => x.options.get('linknumber') === String(l.number)) ?? (c.transport === 'knet' ? undefined : interfaces[0]);
    expect(i, `interface of link ${l.number}`).toBeDefined();
    for (const [k, a] of l.values) expect(i!.options.get(c.transport === 'knet' ? (KNET_LINK_NAMES[k] ?? k) : k), `link ${l.number} ${k}`).toBe(a.value.text);
  }
  for (const [k, a] of c.quorum.values) if (k !== 'two_node') expect(quorum.options.get(k), `quorum ${k}`).toBe(a.value.text);
  expect(quorum.options.get('two_node') === '1', 'two_node').toBe(derivedTwoNode(m.nodes.length, c));
  const nodes = sub(sub(conf, 'nodelist')[0]!, 'node');
  expect(nodes.map((n) => n.options.get('name'))).toEqual(m.nodes.map((n) => n.name));
  for (const [i, n] of m.nodes.entries()) {
    n.addrs.forEach((a, link) => expect(nodes[i]!.options.get(`ring${link}_addr`)).toBe(a.value.text.split('/')[0]));
  }
  const device = sub(quorum, 'device')[0];
  expect(device !== undefined, 'quorum device').toBe(c.hasQdevice);
  if (!device) return;
  const net = sub(device, 'net')[0]!;
  const host = c.qdevice.values.get('host')!.value.text;
  const hostAddr = m.hosts.find((h) => h.name === host)?.addrs[0]?.value.text.split('/')[0] ?? host;
  for (const [k, a] of c.qdevice.values) {
    if (k === 'model') expect(device.options.get('model')).toBe(a.value.text);
    else if (k === 'sync_timeout' || k === 'timeout') expect(device.options.get(k)).toBe(a.value.text);
    else expect(net.options.get(k), `qdevice ${k}`).toBe(k === 'host' ? hostAddr : a.value.text);
  }
  const heuristics = sub(device, 'heuristics')[0];
  for (const [k, a] of c.heuristics.values) expect(heuristics?.options.get(k), `heuristics ${k}`).toBe(a.value.text);
}

const NODES3 = `  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  node c addr=10.0.0.3/24
`;

/** Shapes beyond the construct fixture: each transport of corosync 3, three nodes with lms, options of every line. */
const CASES: Record<string, string> = {
  'fixtures/constructs/corosync.ha': readText('fixtures/constructs/corosync.ha'),
  'knet, one link, every totem key pcs 0.11 takes, auto_tie_breaker on two nodes (no two_node)': `cluster kt {
  platform el9
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  corosync {
    transport knet ip_version=ipv4 knet_pmtud_interval=30
    link 0 link_priority=5 ping_interval=1000 ping_timeout=2000 pong_count=3 ping_precision=2048 mcastport=5420
    totem token=3000 token_coefficient=650 join=60 consensus=3600 miss_count_const=5 fail_recv_const=2500 max_messages=20 window_size=50 send_join=0 merge=200 downcheck=1000 hold=180 seqno_unchanged_const=30 heartbeat_failures_allowed=0 max_network_delay=50 token_retransmit=238 token_retransmits_before_loss_const=4 block_unlisted_ips=yes
    quorum auto_tie_breaker=1 wait_for_all=1 last_man_standing=1 last_man_standing_window=20000
    crypto model=openssl cipher=aes128 hash=sha512
  }
  property stonith-enabled=false
}
`,
  'udpu on el9 (one link, its udp options)': `cluster ud {
  platform el9
${NODES3}  corosync {
    transport udpu netmtu=1400
    link 0 mcastport=5405 ttl=1
    totem token=10000
  }
  property stonith-enabled=false
}
`,
  'three nodes and a quorum device with lms, its generic options and heuristics': `cluster q3 {
  platform debian12
${NODES3}  host arbiter addr=10.0.0.60/24
  corosync {
    qdevice model=net host=arbiter algorithm=lms connect_timeout=5000 sync_timeout=40000 timeout=20000
    heuristics mode=on interval=30000 exec_gw="/bin/ping -c 1 10.0.0.254" exec_dns="/usr/bin/host example.com"
  }
  property stonith-enabled=false
}
`,
  'no corosync block: pcs defaults, two_node on two nodes': `cluster nb {
  platform el8
  node a addr=10.0.0.1/24
  node b addr=10.0.0.2/24
  property stonith-enabled=false
}
`,
};

describe('corosync block: setup.sh through pcs cluster setup --corosync_conf, then corosync -t', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(name, () => {
      const r = checkText(text, 'test.ha', { catalogue: defaultCatalogue() });
      expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
      const built = build(text);
      const { text: confText } = pcsConf(built.script, name.replace(/\W+/g, '-'));
      expectCarried(text, parseConf(confText));
      const accepted = corosyncAccepts(confText, name.replace(/\W+/g, '-'));
      expect(accepted.status, accepted.output).toBe(0);
    });
  }

  it('the oracle can fail: corosync -t refuses a token that is no integer', () => {
    const { text: confText } = pcsConf(build(CASES['udpu on el9 (one link, its udp options)']!).script, 'bad');
    const accepted = corosyncAccepts(confText.replace('token: 10000', 'token: ten'), 'bad');
    expect(accepted.status).not.toBe(0);
    expect(accepted.output).toMatch(/totem\.token/);
  });
});
