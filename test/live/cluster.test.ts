// Issue 8: prove hacc's artifacts on a real corosync 3 + pacemaker 2.1 cluster, as the seed post
// (seed/pacemaker-corosync-rhel6.md) did by hand: the group starts, standby / unstandby / move / clear
// move it, a killed service is restarted by the monitor, standby of both nodes stops everything,
// re-running the configuration step changes nothing, and (issue 20) a node that dies uncleanly is
// fenced before its group recovers on the survivor.
//
// Two nodes (ha-a, ha-b) run as network namespaces on this machine, joined by a veth pair
// (10.213.0.1/24, 10.213.0.2/24); see test-support/live/cluster.ts and /work/shared/VERIFY.md.
// Run with `npm run test:live` (root, Debian 12 pacemaker/corosync/pcs/resource-agents installed).
// HACC_LIVE_VERBOSE=1 logs the harness's steps; HACC_LIVE_KEEP_LOGS=DIR keeps the nodes' corosync
// and pacemaker logs there after teardown.
//
// What is substituted, and why:
// - Cluster creation: setup.sh authenticates (`pcs host auth`) and creates the cluster with
//   `pcs cluster setup` over the network; both need pcsd, which cannot run here (no systemd).
//   The harness instead writes corosync.conf with `pcs cluster setup … --corosync_conf FILE`
//   (pcs's local-only mode), generates the authkey with `corosync-keygen -k`, and starts
//   `corosync -f` and `pacemakerd` itself. Package installation is not exercised either.
// - Everything else is hacc's generated output: configure() builds test/live/fixtures/live.ha, installs
//   the generated resource.d/hacc/anything in each node as `setup.sh install` does (not `setup.sh
//   install` itself: it installs packages, and the nodes share the host's /usr), and runs the generated
//   `setup.sh configure` inside ha-a, which finds the cluster in corosync.conf, skips auth and setup,
//   and builds the configuration in one CIB copy pushed once.
// - The fence device: no power switch reaches a namespace, so each node has its own
//   /usr/sbin/fence_dummy (an overlay inside the node; the host's /usr/sbin is untouched), which is
//   test-support/live/fence_dummy: "off" and "reboot" kill every process of the target's namespace
//   and take its link down. Powering the node on again is the harness's powerOn().

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DAEMON_IN_NODE,
  DAEMON_PIDFILE,
  LIVE_CONFIG,
  addressesOn,
  clusterStatus,
  configurationXml,
  configure,
  failCount,
  inNode,
  leftovers,
  locate,
  nodeProcesses,
  powerOn,
  promotedOn,
  startCluster,
  teardown,
  waitFor,
  type Cluster,
  type TeardownReport,
} from "../../test-support/live/cluster.js";

const A = "ha-a";
const B = "ha-b";
const { group: GRP, vip: VIP, app: APP, promotable: DB } = LIVE_CONFIG;
const VIP_CIDR = `${VIP.ip}/${VIP.cidr}`;
const DB_VIP_CIDR = `${DB.vip.ip}/${DB.vip.cidr}`;
const SETTLE = 20_000; // bounded wait for any placement change

const verbose = process.env["HACC_LIVE_VERBOSE"] === "1";
const log = (line: string): void => {
  if (verbose) console.log(`[live] ${line}`);
};

let cluster: Cluster;

/** Wait until the whole group runs on `node`, with the VIP on that node's interface only. */
async function expectGroupOn(node: string): Promise<void> {
  const other = node === A ? B : A;
  await waitFor(async () => (await locate(GRP)) === node, { timeoutMs: SETTLE, what: `${GRP} started on ${node}` });
  await waitFor(async () => (await addressesOn(node)).includes(VIP_CIDR), {
    timeoutMs: SETTLE,
    what: `${VIP_CIDR} on ${node}`,
  });
  expect(await addressesOn(other)).not.toContain(VIP_CIDR);
  expect((await inNode(node, DAEMON_IN_NODE, ["status"], { check: false })).code).toBe(0);
  expect((await inNode(other, DAEMON_IN_NODE, ["status"], { check: false })).code).toBe(7);
}

/** Wait until the promotable clone is promoted on `node` (and only there), with its VIP on that node. */
async function expectPromotedOn(node: string): Promise<void> {
  const other = node === A ? B : A;
  await waitFor(async () => (await promotedOn(DB.child)) === node, { timeoutMs: SETTLE, what: `${DB.clone} promoted on ${node}` });
  await waitFor(async () => (await locate(DB.vip.id)) === node && (await addressesOn(node)).includes(DB_VIP_CIDR), {
    timeoutMs: SETTLE,
    what: `${DB.vip.id} (${DB_VIP_CIDR}) on ${node}`,
  });
  expect(await addressesOn(other)).not.toContain(DB_VIP_CIDR);
}

async function expectAllStopped(): Promise<void> {
  await waitFor(
    async () => {
      const s = await clusterStatus(A);
      return s.nodes.every((n) => n.standby) && s.resources.every((r) => !r.active && r.nodes.length === 0);
    },
    { timeoutMs: SETTLE, what: "all resources stopped" },
  );
  for (const n of [A, B]) {
    expect(await addressesOn(n)).not.toContain(VIP_CIDR);
    expect((await inNode(n, DAEMON_IN_NODE, ["status"], { check: false })).code).toBe(7);
  }
}

async function pcs(...args: string[]): Promise<string> {
  return (await inNode(A, "pcs", args, { timeoutMs: 60_000 })).stdout;
}

describe("live two-node cluster", () => {
  beforeAll(async () => {
    const t0 = Date.now();
    cluster = await startCluster({ log });
    log(`startCluster: ${Date.now() - t0} ms, scratch ${cluster.scratch}`);
  });

  afterAll(async () => {
    await teardown(); // no-op when the last test already tore down
  });

  it("brings both nodes Online", async () => {
    const s = await clusterStatus(A);
    expect(s.nodes.map((n) => [n.name, n.online])).toEqual([
      [A, true],
      [B, true],
    ]);
    expect((await inNode(A, "hostname")).stdout.trim()).toBe(A);
    expect(await addressesOn(B)).toContain("10.213.0.2/24");
  });

  it("configures the cluster and starts the group on the first node, the promotable clone promoted there", async () => {
    await configure(A);
    await expectGroupOn(A);
    await expectPromotedOn(A);
    const s = await clusterStatus(A);
    expect(s.resources.filter((r) => r.group === GRP).map((r) => r.id)).toEqual([VIP.id, "dummy", APP.id]);
    expect(s.resources.filter((r) => r.id === DB.child).map((r) => r.role).sort()).toEqual(["Promoted", "Unpromoted"]);
    expect(s.resources.find((r) => r.id === APP.id)?.agent).toBe("ocf:hacc:anything");
  });

  // The post's sequence: standby act → group on sta; standby --all → everything stopped; unstandby
  // act → group on act; unstandby --all → it stays there; move → it switches over.
  it("standby moves the group and the VIP to the other node, and the promotion with its VIP", async () => {
    await pcs("node", "standby", A);
    await expectGroupOn(B);
    await expectPromotedOn(B);
  });

  it("standby of both nodes stops everything", async () => {
    await pcs("node", "standby", "--all");
    await expectAllStopped();
  });

  it("unstandby of one node starts the group there; unstandby --all leaves it in place", async () => {
    await pcs("node", "unstandby", A);
    await expectGroupOn(A);
    await expectPromotedOn(A);
    await pcs("node", "unstandby", "--all");
    await waitFor(async () => (await clusterStatus(A)).nodes.every((n) => n.online && !n.standby), {
      timeoutMs: SETTLE,
      what: "both nodes online and not in standby",
    });
    await expectGroupOn(A);
  });

  it("resource move switches the group over; clear leaves no move constraint", async () => {
    await pcs("resource", "move", GRP, B);
    await expectGroupOn(B);
    await pcs("resource", "clear", GRP);
    const constraints = await pcs("constraint", "location", "config", "--full");
    expect(constraints).not.toMatch(/cli-(prefer|ban)/);
    await expectGroupOn(B); // no stickiness, but pacemaker keeps a resource where it runs on a tie
  });

  it("a killed daemon is detected by the monitor and restarted (fail count 1)", async () => {
    const where = (await locate(GRP))!;
    expect(where).toBeTruthy();
    expect(await failCount(APP.id, where)).toBe(0);
    const pid = Number((await inNode(where, "cat", [DAEMON_PIDFILE])).stdout.trim());
    expect(pid).toBeGreaterThan(1);
    process.kill(pid, "SIGKILL");
    await waitFor(async () => (await failCount(APP.id, where)) === 1, {
      timeoutMs: SETTLE,
      what: `fail count of ${APP.id} on ${where} to reach 1`,
    });
    await waitFor(
      async () => {
        const r = await inNode(where, DAEMON_IN_NODE, ["status"], { check: false });
        if (r.code !== 0) return false;
        const now = Number((await inNode(where, "cat", [DAEMON_PIDFILE])).stdout.trim());
        return now !== pid && (await locate(GRP)) === where;
      },
      { timeoutMs: SETTLE, what: `${APP.id} restarted on ${where}` },
    );
    expect(await failCount(APP.id, where)).toBe(1);
    const mon = (await inNode(A, "crm_mon", ["-1", "--failcounts"])).stdout;
    expect(mon).toMatch(new RegExp(`${APP.id}: migration-threshold=\\d+ fail-count=1`));
  });

  it("re-running the configuration step changes nothing", async () => {
    const before = await configurationXml(A);
    const rerun = await configure(A);
    expect(rerun.stdout + rerun.stderr).toContain("already has this configuration: nothing pushed");
    const after = await configurationXml(A);
    expect(after).toBe(before);
  });

  it("hacc plan on a node reads the live CIB: no change; a readdressed VIP restarts the group behind it", async () => {
    const hacc = resolve("bin/hacc.js");
    const fixture = resolve("test/live/fixtures/live.ha");
    const plan = async (file: string) => {
      const r = await inNode(A, process.execPath, [hacc, "plan", file, "--format", "json", "--exit-code"], { check: false, timeoutMs: 60_000 });
      return { exit: r.code, json: JSON.parse(r.stdout) as { changes: { op: string; id: string }[]; transition: { action: string; resource?: string }[] } };
    };
    const same = await plan(fixture);
    expect(same.exit).toBe(0);
    expect(same.json.changes).toEqual([]);
    expect(same.json.transition).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), "hacc-live-plan-"));
    try {
      const changed = join(dir, "live.ha");
      writeFileSync(changed, readFileSync(fixture, "utf8").replace("ip=10.213.0.100", "ip=10.213.0.102"));
      const moved = await plan(changed);
      expect(moved.exit).toBe(3);
      expect(moved.json.changes.map((c) => `${c.op} ${c.id}`)).toEqual(["update vip"]);
      expect(moved.json.transition.map((a) => `${a.action} ${a.resource}`)).toEqual(["Restart vip", "Restart dummy", "Restart app"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Issue 20: a node that dies uncleanly is fenced before its resources start elsewhere. Its
  // corosync is killed (as a hang or a crash would end it); the survivor's fencer tries level 1
  // (fence-bmc, which fails) and then level 2 (fence-ns: test-support/live/fence_dummy kills every
  // process of the node's namespace and takes its link down), and only then recovers the group.
  it("a node that dies uncleanly is fenced through level 2 when level 1 fails, its group recovers on the survivor, and powered on it rejoins", async () => {
    const victim = (await locate(GRP))!;
    expect([A, B]).toContain(victim);
    const survivor = victim === A ? B : A;
    const corosync = cluster.node(victim).daemons.get("corosync")!;
    process.kill(corosync.pid, "SIGKILL");
    await waitFor(
      async () => {
        const r = await inNode(survivor, "stonith_admin", ["--history", victim, "--output-as=xml"], { check: false });
        return /<fence_event [^>]*status="success"/.test(r.stdout) && new RegExp(`target="${victim}"`).test(r.stdout);
      },
      { timeoutMs: 60_000, what: `${victim} fenced by ${survivor}` },
    );
    expect(nodeProcesses(victim)).toEqual([]);
    // What the survivor's fencer asked of the devices, in order: level 1's (which it retries,
    // pcmk_reboot_retries), then level 2's, once.
    const asked = (await inNode(survivor, "cat", ["/run/hacc-live/fence.log"])).stdout.trim().split("\n");
    expect(asked.at(-1)).toBe(`reboot ${victim} type=file`);
    expect(asked.slice(0, -1).length).toBeGreaterThanOrEqual(1);
    expect(new Set(asked.slice(0, -1))).toEqual(new Set([`reboot ${victim} type=fail`]));
    await expectGroupOn(survivor);
    const s = await clusterStatus(survivor);
    expect(s.nodes.find((n) => n.name === victim)?.online).toBe(false);
    await powerOn(victim);
    await waitFor(async () => (await clusterStatus(survivor)).nodes.every((n) => n.online), { timeoutMs: 60_000, what: `${victim} back online` });
    await expectGroupOn(survivor);
  }, 150_000);

  it("tears down and leaves nothing behind", async () => {
    const report = (await teardown()) as TeardownReport;
    expect(report).toBeDefined();
    expect(await leftovers(report)).toEqual([]);
    log(`teardown: ${report.durationMs} ms`);
  });
});
