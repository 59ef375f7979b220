// A real two-node corosync + pacemaker cluster in network namespaces, for test/live.
// Recipe and pitfalls: /work/shared/VERIFY.md ("A live two-node cluster in network namespaces").
//
// Each node is a holder process `unshare --mount --net --uts --fork --kill-child --propagation private
// sleep infinity`; everything else runs in it through `nsenter -t HOLDER -m -n -u`. Each node gets a
// private tmpfs on /run and /dev/shm, private copies of pacemaker's and corosync's state, log and
// config directories, and a private, writable /usr/lib/ocf/resource.d/hacc (where `setup.sh install`
// would put the generated agent) — nothing on the host is modified. The veth pair is created inside
// node A's namespace with its peer directly in node B's, so it never exists in the host namespace and
// disappears with the namespaces.
//
// Every run uses its own scratch dir /tmp/hacc-live-XXXXXX holding state.json (owner PID, holder PIDs
// and namespace ids). startCluster() first tears down leftovers of earlier runs of THIS suite whose
// owner process is gone (nothing else: processes are found by namespace, never by name).

import { spawn, spawnSync, execFile, type ChildProcess } from "node:child_process";
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
} from "node:fs";
import { chown, chmod, copyFile, cp, mkdir, mkdtemp, readFile, readdir, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser } from "fast-xml-parser";

// ---------------------------------------------------------------------------------------------------
// Public types

export interface LiveNode {
  /** Node (and host) name, e.g. "ha-a". */
  readonly name: string;
  /** Address on the veth link, e.g. "10.213.0.1". */
  readonly addr: string;
  /** The node's veth interface, e.g. "hacc-a". */
  readonly iface: string;
  /** The node's private scratch directory on the host. */
  readonly dir: string;
  /** PID of the `unshare` holder process (nsenter target). */
  readonly holderPid: number;
  /** "net:[inode]" / "mnt:[inode]" of the node's namespaces. */
  readonly netns: string;
  readonly mntns: string;
  /** Background daemons started in the node (corosync, pacemakerd), by name. */
  readonly daemons: Map<string, Proc>;
}

export interface Cluster {
  readonly name: string;
  readonly scratch: string;
  readonly prefixLen: number;
  readonly nodes: readonly LiveNode[];
  node(name: string): LiveNode;
}

export interface StartOptions {
  /** Cluster name for corosync.conf (default "hacc-live"). */
  clusterName?: string;
  /** The two node names (default ["ha-a", "ha-b"]). */
  nodes?: readonly [string, string];
  /** The two node addresses (default 10.213.0.1 and 10.213.0.2, /24). */
  addrs?: readonly [string, string];
  prefixLen?: number;
  /** The veth ends (default "hacc-a", "hacc-b"). */
  ifaces?: readonly [string, string];
  /** dc-deadtime pre-seeded into each node's CIB (default "2s"). */
  dcDeadtime?: string;
  /** How long to wait for both nodes to be Online (default 60 s). */
  onlineTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Throw when the command exits non-zero (default true). */
  check?: boolean;
  /** Kill the command after this long (default 30 s). */
  timeoutMs?: number;
  input?: string;
  env?: Record<string, string>;
}

export interface WaitOptions {
  timeoutMs: number;
  what: string;
  intervalMs?: number;
}

export interface NodeState {
  name: string;
  online: boolean;
  standby: boolean;
  isDc: boolean;
}

export interface ResourceState {
  id: string;
  agent: string;
  role: string;
  active: boolean;
  failed: boolean;
  /** Nodes the resource is running on. */
  nodes: string[];
  /** Enclosing group id, if any. */
  group?: string;
}

export interface ClusterStatus {
  dcPresent: boolean;
  nodes: NodeState[];
  resources: ResourceState[];
}

export interface TeardownReport {
  scratch: string;
  namespaces: string[];
  holderPids: number[];
  ifaces: string[];
  durationMs: number;
}

/** A process identified by PID and start time (so a recycled PID is never mistaken for it). */
export interface Proc {
  pid: number;
  start: string;
}

// ---------------------------------------------------------------------------------------------------
// Constants

const SUITE = "hacc-live";
const SCRATCH_PREFIX = "hacc-live-";
const NODE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const OCF_RESOURCE_D = "/usr/lib/ocf/resource.d";
/** Where each node finds the test daemon (inside its private /run). */
export const DAEMON_IN_NODE = "/run/hacc-live/daemon.sh";
/** The daemon's pidfile inside a node (see daemon.sh). */
export const DAEMON_PIDFILE = "/run/hacc-live-daemon/daemon.pid";

const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
export const SUPPORT_DIR = join(REPO_ROOT, "test-support", "live");

function findRepoRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "test-support"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the repository root above ${from}`);
    dir = up;
  }
}

// ---------------------------------------------------------------------------------------------------
// Module state: one cluster per process.

let current: MutableCluster | undefined;
let lastReport: TeardownReport | undefined;
let log: (line: string) => void = () => {};

interface MutableCluster extends Cluster {
  readonly nodes: MutableNode[];
}
interface MutableNode extends LiveNode {
  holder: Proc;
}

interface StateFile {
  suite: string;
  owner: Proc;
  holders: { node: string; pid: number; start: string; netns: string; mntns: string }[];
}

// ---------------------------------------------------------------------------------------------------
// Small process utilities

export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const { check = true, timeoutMs = 30_000, input, env } = opts;
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      cmd,
      args as string[],
      {
        timeout: timeoutMs,
        killSignal: "SIGKILL",
        maxBuffer: 64 * 1024 * 1024,
        env: { PATH: NODE_PATH, LC_ALL: "C", HOME: "/root", ...env },
        encoding: "utf8",
      },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: unknown; killed?: boolean }) | null;
        const code = e === null ? 0 : typeof e.code === "number" ? e.code : e.killed ? 137 : 127;
        const res: RunResult = { code, stdout, stderr };
        if (check && code !== 0) {
          const why = e?.killed ? `killed after ${timeoutMs} ms` : `exit ${code}`;
          reject(new Error(`${[cmd, ...args].join(" ")}: ${why}\n${stderr}${stdout}`.trimEnd()));
        } else {
          resolvePromise(res);
        }
      },
    );
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

function nodeOf(node: LiveNode | string): LiveNode {
  if (typeof node !== "string") return node;
  if (!current) throw new Error("no live cluster is running");
  return current.node(node);
}

function nsenterArgs(node: LiveNode): string[] {
  return ["-t", String(node.holderPid), "-m", "-n", "-u", "--"];
}

/** Run a command inside a node (its mount, net and uts namespaces). */
export function inNode(
  node: LiveNode | string,
  cmd: string,
  args: readonly string[] = [],
  opts: RunOptions = {},
): Promise<RunResult> {
  const n = nodeOf(node);
  return run("nsenter", [...nsenterArgs(n), cmd, ...args], opts);
}

/** Run a POSIX sh script inside a node; `env` is passed to the script. */
export function shInNode(node: LiveNode | string, script: string, opts: RunOptions = {}): Promise<RunResult> {
  return inNode(node, "sh", ["-euc", script], opts);
}

/** Poll until `predicate` returns a truthy value (returned); throw with `what` and the last value on timeout. */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  { timeoutMs, what, intervalMs = 250 }: WaitOptions,
): Promise<NonNullable<T>> {
  const t0 = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const v = await predicate();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (err) {
      last = err instanceof Error ? err.message : err;
    }
    if (Date.now() - t0 >= timeoutMs) {
      const shown = typeof last === "string" ? last : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${shown})`);
    }
    await sleep(intervalMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Start time of a PID (field 22 of /proc/PID/stat), or undefined if it is gone or a zombie. */
function procStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (rest[0] === "Z" || rest[0] === "X") return undefined;
    return rest[19];
  } catch {
    return undefined;
  }
}

function alive(p: Proc): boolean {
  return procStart(p.pid) === p.start;
}

function nsOf(pid: number, kind: "net" | "mnt"): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/${kind}`);
  } catch {
    return undefined;
  }
}

/** Live processes whose net or mount namespace is one of `namespaces`. */
function pidsInNamespaces(namespaces: readonly string[]): Proc[] {
  const want = new Set(namespaces);
  const found: Proc[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    const net = nsOf(pid, "net");
    const mnt = nsOf(pid, "mnt");
    if ((net && want.has(net)) || (mnt && want.has(mnt))) {
      const start = procStart(pid);
      if (start !== undefined) found.push({ pid, start });
    }
  }
  return found;
}

function signal(p: Proc, sig: NodeJS.Signals): void {
  if (!alive(p)) return;
  try {
    process.kill(p.pid, sig);
  } catch {
    /* already gone */
  }
}

async function waitGone(procs: readonly Proc[], timeoutMs: number): Promise<boolean> {
  const t0 = Date.now();
  while (procs.some(alive)) {
    if (Date.now() - t0 >= timeoutMs) return false;
    await sleep(100);
  }
  return true;
}

function waitGoneSync(procs: readonly Proc[], timeoutMs: number): boolean {
  const t0 = Date.now();
  while (procs.some(alive)) {
    if (Date.now() - t0 >= timeoutMs) return false;
    sleepSync(50);
  }
  return true;
}

/** Start a long-running command in the background inside a node; its output goes to a log file. */
function spawnInNode(node: MutableNode, name: string, cmd: string, args: readonly string[]): Proc {
  const logFile = join(node.dir, "logs", `${name}.out`);
  const fd = openSync(logFile, "a");
  let child: ChildProcess;
  try {
    // nsenter execs the command (no PID namespace is entered), so child.pid is the daemon's PID.
    child = spawn("nsenter", [...nsenterArgs(node), cmd, ...args], {
      detached: true,
      stdio: ["ignore", fd, fd],
      env: { PATH: NODE_PATH, LC_ALL: "C", HOME: "/root" },
    });
  } finally {
    closeSync(fd);
  }
  child.unref();
  if (child.pid === undefined) throw new Error(`could not start ${cmd} in ${node.name}`);
  const start = procStart(child.pid);
  if (start === undefined) throw new Error(`${cmd} in ${node.name} exited at once (see ${logFile})`);
  const proc = { pid: child.pid, start };
  node.daemons.set(name, proc);
  log(`${node.name}: started ${name} pid ${proc.pid}`);
  return proc;
}

// ---------------------------------------------------------------------------------------------------
// State file and stale-run cleanup

async function writeState(c: MutableCluster): Promise<void> {
  const state: StateFile = {
    suite: SUITE,
    owner: { pid: process.pid, start: procStart(process.pid) ?? "" },
    holders: c.nodes.map((n) => ({
      node: n.name,
      pid: n.holder.pid,
      start: n.holder.start,
      netns: n.netns,
      mntns: n.mntns,
    })),
  };
  const file = join(c.scratch, "state.json");
  await writeFile(`${file}.tmp`, JSON.stringify(state, null, 2));
  await rename(`${file}.tmp`, file);
}

function readState(dir: string): StateFile | undefined {
  try {
    const s = JSON.parse(readFileSync(join(dir, "state.json"), "utf8")) as StateFile;
    return s.suite === SUITE ? s : undefined;
  } catch {
    return undefined;
  }
}

/** Kill every process of the given holders' namespaces (SIGKILL) and the holders; synchronous. */
function killNamespacesSync(holders: StateFile["holders"]): void {
  // Only namespaces whose holder is still the process we recorded (same PID and start time) count:
  // once a holder is gone its namespace ids may be reused by someone else.
  const live = holders.filter((h) => alive({ pid: h.pid, start: h.start }) && nsOf(h.pid, "net") === h.netns);
  const namespaces = live.flatMap((h) => [h.netns, h.mntns]);
  if (namespaces.length === 0) return;
  for (let round = 0; round < 5; round++) {
    const procs = pidsInNamespaces(namespaces);
    if (procs.length === 0) return;
    for (const p of procs) signal(p, "SIGKILL");
    waitGoneSync(procs, 2_000);
  }
}

/** Tear down what earlier, crashed runs of this suite left (scratch dirs whose owner is gone). */
export function cleanupStale(): string[] {
  const cleaned: string[] = [];
  const base = tmpdir();
  for (const entry of readdirSync(base)) {
    if (!entry.startsWith(SCRATCH_PREFIX)) continue;
    const dir = join(base, entry);
    const state = readState(dir);
    if (!state) continue; // not ours (or not yet written: a run that is starting right now)
    if (alive(state.owner)) continue; // a run in progress (possibly another worktree's)
    if (current && current.scratch === dir) continue;
    killNamespacesSync(state.holders);
    rmSync(dir, { recursive: true, force: true });
    cleaned.push(dir);
  }
  return cleaned;
}

// ---------------------------------------------------------------------------------------------------
// Signal handling: on SIGINT/SIGTERM (and at exit) kill what we started, synchronously.

let handlersInstalled = false;
function onSignal(sig: NodeJS.Signals): void {
  emergencyTeardownSync();
  process.exit(sig === "SIGINT" ? 130 : 143);
}
function onExit(): void {
  emergencyTeardownSync();
}
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("exit", onExit);
}
function removeHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  process.off("exit", onExit);
}

/** Synchronous last-resort teardown: SIGKILL everything in the nodes' namespaces, remove the scratch dir. */
export function emergencyTeardownSync(): void {
  const c = current;
  if (!c) return;
  current = undefined;
  killNamespacesSync(
    c.nodes.map((n) => ({ node: n.name, pid: n.holder.pid, start: n.holder.start, netns: n.netns, mntns: n.mntns })),
  );
  rmSync(c.scratch, { recursive: true, force: true });
  removeHandlers();
}

// ---------------------------------------------------------------------------------------------------
// Bring-up

async function startHolder(): Promise<{ holder: Proc; netns: string; mntns: string }> {
  const hostNet = nsOf(process.pid, "net");
  const hostMnt = nsOf(process.pid, "mnt");
  const child = spawn(
    "unshare",
    ["--mount", "--net", "--uts", "--fork", "--kill-child", "--propagation", "private", "sleep", "infinity"],
    { detached: true, stdio: "ignore", env: { PATH: NODE_PATH } },
  );
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start unshare");
  // unshare(2) moves the unshare process itself into the new namespaces before it forks `sleep`.
  const ns = await waitFor(
    () => {
      const net = nsOf(pid, "net");
      const mnt = nsOf(pid, "mnt");
      return net && mnt && net !== hostNet && mnt !== hostMnt && procStart(pid) ? { net, mnt } : undefined;
    },
    { timeoutMs: 5_000, what: `holder ${pid} to enter its namespaces`, intervalMs: 20 },
  );
  return { holder: { pid, start: procStart(pid)! }, netns: ns.net, mntns: ns.mnt };
}

const PCMK_DIRS = ["cib", "pengine", "blackbox", "cores", "bundles"];

async function ownedDir(path: string, uid: number, gid: number, mode: number): Promise<void> {
  await mkdir(path, { recursive: true });
  await chown(path, uid, gid);
  await chmod(path, mode);
}

function seedCib(dcDeadtime: string): string {
  return `<cib admin_epoch="0" epoch="1" num_updates="0" validate-with="pacemaker-3.9">
  <configuration>
    <crm_config>
      <cluster_property_set id="cib-bootstrap-options">
        <nvpair id="cib-bootstrap-options-dc-deadtime" name="dc-deadtime" value="${dcDeadtime}"/>
      </cluster_property_set>
    </crm_config>
    <nodes/>
    <resources/>
    <constraints/>
  </configuration>
  <status/>
</cib>
`;
}

async function idOf(name: string, db: "passwd" | "group"): Promise<number> {
  const res = await run("getent", [db, name]);
  return Number(res.stdout.split(":")[2]);
}

/** Prepare the host-side private directories of one node. */
async function prepareNodeDirs(dir: string, dcDeadtime: string, confFile: string, keyFile: string): Promise<void> {
  const uid = await idOf("hacluster", "passwd");
  const gid = await idOf("haclient", "group");
  await mkdir(join(dir, "logs"), { recursive: true });
  await ownedDir(join(dir, "var-lib-pacemaker"), uid, gid, 0o750);
  for (const d of PCMK_DIRS) await ownedDir(join(dir, "var-lib-pacemaker", d), uid, gid, 0o750);
  const cib = join(dir, "var-lib-pacemaker", "cib", "cib.xml");
  await writeFile(cib, seedCib(dcDeadtime), { mode: 0o600 });
  await chown(cib, uid, gid);
  await ownedDir(join(dir, "var-log-pacemaker"), uid, gid, 0o770);
  await ownedDir(join(dir, "var-log-pacemaker", "bundles"), uid, gid, 0o770);
  await ownedDir(join(dir, "var-lib-corosync"), 0, 0, 0o755);
  await ownedDir(join(dir, "var-log-corosync"), 0, 0, 0o755);
  await ownedDir(join(dir, "etc-corosync"), 0, 0, 0o755);
  await ownedDir(join(dir, "etc-corosync", "uidgid.d"), 0, 0, 0o755);
  await copyFile(confFile, join(dir, "etc-corosync", "corosync.conf"));
  await chmod(join(dir, "etc-corosync", "corosync.conf"), 0o644);
  await copyFile(keyFile, join(dir, "etc-corosync", "authkey"));
  await chmod(join(dir, "etc-corosync", "authkey"), 0o400);
  // Private resource.d: every installed provider bound back in, plus an empty, writable hacc/.
  await mkdir(join(dir, "resource.d", "hacc"), { recursive: true });
  for (const p of await readdir(OCF_RESOURCE_D)) await mkdir(join(dir, "resource.d", p), { recursive: true });
}

/** Inside the node: hostname, lo, tmpfs mounts, private bind mounts. */
async function setupNodeMounts(node: MutableNode): Promise<void> {
  const providers = (await readdir(OCF_RESOURCE_D)).filter((p) => p !== "hacc");
  const script = `
hostname "$NODE_NAME"
ip link set lo up
mount -t tmpfs -o mode=0755 tmpfs /run
mount -t tmpfs -o mode=1777 tmpfs /dev/shm
mount --bind "$D/var-lib-pacemaker" /var/lib/pacemaker
mount --bind "$D/var-lib-corosync" /var/lib/corosync
mount --bind "$D/var-log-pacemaker" /var/log/pacemaker
mount --bind "$D/etc-corosync" /etc/corosync
mount --bind "$D/var-log-corosync" /var/log/corosync
for p in ${providers.map((p) => `'${p}'`).join(" ")}; do
  mount --bind "${OCF_RESOURCE_D}/$p" "$D/resource.d/$p"
done
mount --rbind "$D/resource.d" "${OCF_RESOURCE_D}"
# The fence device's agent (fence_dummy), over the host's /usr/sbin for this node only.
mkdir -p "$D/sbin"
cp "$FENCE_SRC" "$D/sbin/fence_dummy"
chmod 0755 "$D/sbin/fence_dummy"
mount -t overlay overlay -o lowerdir="$D/sbin":/usr/sbin /usr/sbin
${RUN_SETUP}`;
  await shInNode(node, script, { env: runEnv(node) });
}

/** What a node's fresh /run holds: the test daemon and the map of nodes the fence agent reads. */
const RUN_SETUP = `mkdir -p /run/lock /run/resource-agents /run/pacemaker /run/crm /run/hacc-live
cp "$DAEMON_SRC" "${DAEMON_IN_NODE}"
chmod 0755 "${DAEMON_IN_NODE}"
printf '%s\n' "$NODES_MAP" >/run/hacc-live/nodes
`;

function runEnv(node: MutableNode): Record<string, string> {
  const c = current!;
  return {
    NODE_NAME: node.name,
    D: node.dir,
    DAEMON_SRC: join(SUPPORT_DIR, "daemon.sh"),
    FENCE_SRC: join(SUPPORT_DIR, "fence_dummy"),
    NODES_MAP: c.nodes.map((n) => `${n.name} ${n.holderPid}`).join("\n"),
  };
}

/** Whether any process of the node runs besides the holder (what fence_dummy kills). */
export function nodeProcesses(name: string): Proc[] {
  const n = current?.nodes.find((x) => x.name === name);
  if (!n) throw new Error(`no node ${name}`);
  return pidsInNamespaces([n.netns]).filter((p) => p.pid !== n.holder.pid && !isChildOf(p, n.holder.pid));
}

/**
 * Power a fenced node on again, as after a reboot: a fresh /run, the node's own address back on
 * its link (the VIPs it held are gone), the link up, then corosync and pacemakerd.
 */
export async function powerOn(name: string): Promise<void> {
  const c = current;
  const n = c?.nodes.find((x) => x.name === name);
  if (!c || !n) throw new Error(`no node ${name}`);
  await shInNode(
    n,
    `umount -l /run
mount -t tmpfs -o mode=0755 tmpfs /run
${RUN_SETUP}ip addr flush dev "$IFACE"
ip addr add "$ADDR" dev "$IFACE"
ip link set "$IFACE" up
`,
    { env: { ...runEnv(n), IFACE: n.iface, ADDR: `${n.addr}/${c.prefixLen}` } },
  );
  spawnInNode(n, "corosync", "corosync", ["-f"]);
  await waitFor(() => corosyncUp(n), { timeoutMs: 15_000, what: `corosync on ${n.name}` });
  spawnInNode(n, "pacemakerd", "pacemakerd", []);
}

async function corosyncUp(node: LiveNode): Promise<boolean> {
  const r = await inNode(node, "corosync-cfgtool", ["-s"], { check: false, timeoutMs: 5_000 });
  return r.code === 0;
}

/** Bring up a two-node corosync + pacemaker cluster; resolves once both nodes are Online. */
export async function startCluster(opts: StartOptions = {}): Promise<Cluster> {
  if (current) throw new Error(`a live cluster is already running (${current.scratch})`);
  log = opts.log ?? (() => {});
  const t0 = Date.now();
  const stale = cleanupStale();
  if (stale.length) log(`cleaned up stale runs: ${stale.join(", ")}`);

  const names = opts.nodes ?? ["ha-a", "ha-b"];
  const addrs = opts.addrs ?? ["10.213.0.1", "10.213.0.2"];
  const ifaces = opts.ifaces ?? ["hacc-a", "hacc-b"];
  const prefixLen = opts.prefixLen ?? 24;
  const clusterName = opts.clusterName ?? "hacc-live";
  const dcDeadtime = opts.dcDeadtime ?? "2s";

  const scratch = await mkdtemp(join(tmpdir(), SCRATCH_PREFIX));
  const nodes: MutableNode[] = [];
  const cluster: MutableCluster = {
    name: clusterName,
    scratch,
    prefixLen,
    nodes,
    node(name: string): LiveNode {
      const n = nodes.find((x) => x.name === name);
      if (!n) throw new Error(`no node ${name} (have ${nodes.map((x) => x.name).join(", ")})`);
      return n;
    },
  };
  current = cluster;
  installHandlers();
  await writeState(cluster);

  try {
    // 1. Holders (namespaces).
    for (let i = 0; i < 2; i++) {
      const h = await startHolder();
      nodes.push({
        name: names[i]!,
        addr: addrs[i]!,
        iface: ifaces[i]!,
        dir: join(scratch, names[i]!),
        holderPid: h.holder.pid,
        holder: h.holder,
        netns: h.netns,
        mntns: h.mntns,
        daemons: new Map(),
      });
      await writeState(cluster);
    }
    log(`holders: ${nodes.map((n) => `${n.name}=${n.holderPid}`).join(" ")}`);

    // 2. corosync.conf (pcs local-only mode) and the authkey.
    const conf = join(scratch, "corosync.conf");
    const key = join(scratch, "authkey");
    await run("pcs", [
      "cluster", "setup", clusterName,
      names[0], `addr=${addrs[0]}`, names[1], `addr=${addrs[1]}`,
      "--no-cluster-uuid", "--corosync_conf", conf,
    ]);
    await run("corosync-keygen", ["-k", key]);

    // 3. Per-node directories and mounts.
    for (const n of nodes) {
      await prepareNodeDirs(n.dir, dcDeadtime, conf, key);
      await setupNodeMounts(n);
    }

    // 4. veth: created in A's namespace with the peer directly in B's; never in the host namespace.
    const [a, b] = nodes as [MutableNode, MutableNode];
    await inNode(a, "ip", ["link", "add", a.iface, "type", "veth", "peer", "name", b.iface, "netns", String(b.holderPid)]);
    for (const n of nodes) {
      await inNode(n, "ip", ["addr", "add", `${n.addr}/${prefixLen}`, "dev", n.iface]);
      await inNode(n, "ip", ["link", "set", n.iface, "up"]);
    }

    // 5. corosync, then pacemaker.
    for (const n of nodes) spawnInNode(n, "corosync", "corosync", ["-f"]);
    for (const n of nodes) {
      await waitFor(() => corosyncUp(n), { timeoutMs: 15_000, what: `corosync on ${n.name}` });
    }
    for (const n of nodes) spawnInNode(n, "pacemakerd", "pacemakerd", []);

    await waitFor(
      async () => {
        for (const n of nodes) {
          for (const [name, p] of n.daemons) {
            if (!alive(p)) throw new Error(`${name} on ${n.name} died (see ${join(n.dir, "logs")})`);
          }
        }
        const s = await clusterStatus(a);
        return s.dcPresent && names.every((nm) => s.nodes.some((x) => x.name === nm && x.online));
      },
      { timeoutMs: opts.onlineTimeoutMs ?? 60_000, what: "both nodes Online with a DC", intervalMs: 500 },
    );
    log(`cluster online after ${Date.now() - t0} ms`);
    return cluster;
  } catch (err) {
    await teardown().catch(() => emergencyTeardownSync());
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------
// Observation helpers

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => ["node", "resource", "group", "clone", "bundle"].includes(name),
});

type XmlObj = Record<string, unknown>;
function arr(v: unknown): XmlObj[] {
  return Array.isArray(v) ? (v as XmlObj[]) : v ? [v as XmlObj] : [];
}

/** `crm_mon -1 --output-as=xml` inside a node, parsed. */
export async function clusterStatus(node: LiveNode | string = "ha-a"): Promise<ClusterStatus> {
  const r = await inNode(node, "crm_mon", ["-1", "--output-as=xml"], { timeoutMs: 10_000 });
  const doc = xml.parse(r.stdout) as XmlObj;
  const root = (doc["pacemaker-result"] ?? {}) as XmlObj;
  const summary = (root["summary"] ?? {}) as XmlObj;
  const dc = (summary["current_dc"] ?? {}) as XmlObj;
  const nodes = arr(((root["nodes"] ?? {}) as XmlObj)["node"]).map((n) => ({
    name: String(n["name"]),
    online: n["online"] === "true",
    standby: n["standby"] === "true",
    isDc: n["is_dc"] === "true",
  }));
  const resources: ResourceState[] = [];
  const collect = (container: XmlObj, group?: string): void => {
    for (const r of arr(container["resource"])) {
      resources.push({
        id: String(r["id"]),
        agent: String(r["resource_agent"] ?? ""),
        role: String(r["role"] ?? ""),
        active: r["active"] === "true",
        failed: r["failed"] === "true",
        nodes: arr(r["node"]).map((x) => String(x["name"])),
        ...(group === undefined ? {} : { group }),
      });
    }
    for (const g of arr(container["group"])) collect(g, String(g["id"]));
    for (const c of arr(container["clone"])) collect(c, group);
  };
  collect((root["resources"] ?? {}) as XmlObj);
  return { dcPresent: dc["present"] === "true", nodes, resources };
}

/** Where each member of a group (or a single resource) runs: the one node all of them run on, or undefined. */
export async function locate(id: string, node: LiveNode | string = "ha-a"): Promise<string | undefined> {
  const s = await clusterStatus(node);
  const members = s.resources.filter((r) => r.id === id || r.group === id);
  if (members.length === 0) return undefined;
  const where = members.map((r) => (r.role === "Started" && r.nodes.length === 1 ? r.nodes[0] : undefined));
  return where.every((w) => w !== undefined && w === where[0]) ? where[0] : undefined;
}

/** IPv4/IPv6 addresses (with prefix) on an interface inside a node, from `ip -br addr`. */
export async function addressesOn(node: LiveNode | string, iface?: string): Promise<string[]> {
  const n = nodeOf(node);
  const r = await inNode(n, "ip", ["-br", "addr", "show", "dev", iface ?? n.iface]);
  return r.stdout.trim().split(/\s+/).slice(2);
}

/** The resource's fail count on a node (crm_failcount), 0 when none. */
export async function failCount(rsc: string, node: LiveNode | string): Promise<number> {
  const n = nodeOf(node);
  const r = await inNode(n, "crm_failcount", ["--query", "-r", rsc, "-N", n.name], { check: false });
  const m = /value=(\S+)/.exec(r.stdout);
  if (!m) return 0;
  return m[1] === "INFINITY" ? Number.POSITIVE_INFINITY : Number(m[1]);
}

/** `cibadmin --query --scope configuration` with the volatile epoch/num_updates attributes removed. */
export async function configurationXml(node: LiveNode | string = "ha-a"): Promise<string> {
  const r = await inNode(node, "cibadmin", ["--query", "--scope", "configuration"]);
  return r.stdout.replace(/\s(?:admin_epoch|epoch|num_updates)="[^"]*"/g, "").trim();
}

// ---------------------------------------------------------------------------------------------------
// Configuration: hacc's generated artifacts
//
// configure(node) builds test/live/fixtures/live.ha with hacc (the compiled bin/hacc.js; `npm run
// test:live` compiles first), installs the generated resource.d/hacc/anything in every node exactly
// as `setup.sh install` does (install -m 0755 into $OCF_ROOT/resource.d/hacc; `setup.sh install`
// itself is not run because it installs packages and the nodes share the host's /usr), and runs the
// generated `setup.sh configure` inside the node. The one step it does not reach is cluster creation
// (`pcs host auth` + `pcs cluster setup`), which needs pcsd: the harness has already written
// corosync.conf with `pcs cluster setup --corosync_conf` for the same cluster name and nodes, so
// setup.sh finds the cluster exists and goes straight to the CIB copy, the push and its comparison.

export const LIVE_FIXTURE = join(REPO_ROOT, "test", "live", "fixtures", "live.ha");

/** The test configuration, as the fixture describes it (the assertions rely on it). */
export const LIVE_CONFIG = {
  group: "grp",
  vip: { id: "vip", ip: "10.213.0.100", cidr: 24 },
  dummy: { id: "dummy" },
  app: { id: "app", monitorInterval: "2s" },
  promotable: { clone: "db-clone", child: "db", vip: { id: "db-vip", ip: "10.213.0.101", cidr: 24 } },
} as const;

/** The node the promoted instance of a promotable clone's child runs on, or undefined. */
export async function promotedOn(child: string, node: LiveNode | string = "ha-a"): Promise<string | undefined> {
  const s = await clusterStatus(node);
  const promoted = s.resources.filter((r) => r.id === child && r.role === "Promoted" && r.nodes.length === 1);
  return promoted.length === 1 ? promoted[0]!.nodes[0] : undefined;
}

/** Install an OCF agent file as ocf:hacc:NAME inside a node (its private resource.d/hacc). */
export async function installAgent(node: LiveNode | string, file: string, name = "anything"): Promise<void> {
  const n = nodeOf(node);
  await shInNode(n, `install -m 0755 "$SRC" "${OCF_RESOURCE_D}/hacc/$NAME"`, { env: { SRC: file, NAME: name } });
}

/** Builds the fixture once per cluster run; returns the artifact directory. */
async function liveArtifacts(c: Cluster): Promise<string> {
  const dir = join(c.scratch, "artifacts");
  if (existsSync(join(dir, "setup.sh"))) return dir;
  const r = spawnSync(process.execPath, [join(REPO_ROOT, "bin", "hacc.js"), "build", LIVE_FIXTURE, "-o", dir], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`hacc build ${LIVE_FIXTURE} failed (${r.status}): ${r.stderr}${r.stdout}`);
  return dir;
}

/** Apply the fixture's configuration with the generated setup.sh inside `node`. Safe to run again. */
export async function configure(node: LiveNode | string): Promise<{ stdout: string; stderr: string }> {
  const c = current;
  if (!c) throw new Error("no live cluster is running");
  const artifacts = await liveArtifacts(c);
  for (const n of c.nodes) await installAgent(n, join(artifacts, "resource.d", "hacc", "anything"));
  // The backup of a replaced configuration goes to the node's private /run, not the host's /var/lib.
  const r = await inNode(node, "bash", [join(artifacts, "setup.sh"), "configure"], {
    timeoutMs: 90_000,
    env: { HACC_BACKUP_DIR: "/run/hacc-live/backup" },
  });
  return { stdout: r.stdout, stderr: r.stderr };
}

// ---------------------------------------------------------------------------------------------------
// Teardown

async function stopNodeGracefully(n: MutableNode): Promise<void> {
  const pcmk = n.daemons.get("pacemakerd");
  if (pcmk && alive(pcmk)) {
    await inNode(n, "pacemakerd", ["-S"], { check: false, timeoutMs: 15_000 });
    if (!(await waitGone([pcmk], 20_000))) log(`${n.name}: pacemakerd did not stop`);
  }
  const coro = n.daemons.get("corosync");
  if (coro && alive(coro)) {
    await inNode(n, "corosync-cfgtool", ["-H", "--force"], { check: false, timeoutMs: 10_000 });
    if (!(await waitGone([coro], 10_000))) log(`${n.name}: corosync did not stop`);
  }
}

async function killNode(n: MutableNode): Promise<void> {
  for (const sig of ["SIGTERM", "SIGKILL"] as const) {
    // The holder and its own child (`sleep infinity`, killed with it: --kill-child) go last.
    const others = pidsInNamespaces([n.netns, n.mntns]).filter(
      (p) => p.pid !== n.holder.pid && !isChildOf(p, n.holder.pid),
    );
    if (others.length === 0) break;
    log(`${n.name}: ${sig} ${others.map((p) => p.pid).join(" ")}`);
    for (const p of others) signal(p, sig);
    if (await waitGone(others, sig === "SIGTERM" ? 5_000 : 2_000)) break;
  }
  // unshare --fork blocks SIGTERM/SIGINT in the parent (they are meant for the child), so end the
  // holder by killing its child: unshare then exits with it. SIGKILL it if it does not.
  const children = pidsInNamespaces([n.netns, n.mntns]).filter((p) => isChildOf(p, n.holder.pid));
  for (const p of children) signal(p, "SIGKILL");
  if (!(await waitGone([n.holder], 2_000))) signal(n.holder, "SIGKILL");
  await waitGone([n.holder], 3_000);
  // Anything left (e.g. the sleep child if the holder was SIGKILLed): SIGKILL.
  const left = pidsInNamespaces([n.netns, n.mntns]);
  for (const p of left) signal(p, "SIGKILL");
  await waitGone(left, 3_000);
}

function isChildOf(p: Proc, parent: number): boolean {
  try {
    const stat = readFileSync(`/proc/${p.pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return ppid === parent;
  } catch {
    return false;
  }
}

/**
 * Stop the cluster and remove everything the run created: pacemakerd -S, corosync-cfgtool -H --force,
 * TERM/KILL what is left in the namespaces (found by namespace id, by PID), kill the holders (the
 * namespaces, the veth pair and the mounts go with them), remove the scratch dir. Idempotent.
 */
export async function teardown(): Promise<TeardownReport | undefined> {
  const c = current;
  if (!c) return lastReport;
  const t0 = Date.now();
  try {
    await Promise.all(c.nodes.map((n) => stopNodeGracefully(n).catch((e: unknown) => log(String(e)))));
    for (const n of c.nodes) await killNode(n);
    const keep = process.env["HACC_LIVE_KEEP_LOGS"];
    if (keep) await keepLogs(c, resolve(keep)).catch((e: unknown) => log(`keeping logs: ${String(e)}`));
  } finally {
    emergencyTeardownSync(); // no-op for what is already gone; removes the scratch dir
  }
  lastReport = {
    scratch: c.scratch,
    namespaces: c.nodes.flatMap((n) => [n.netns, n.mntns]),
    holderPids: c.nodes.map((n) => n.holder.pid),
    ifaces: c.nodes.map((n) => n.iface),
    durationMs: Date.now() - t0,
  };
  log(`teardown took ${lastReport.durationMs} ms`);
  return lastReport;
}

async function keepLogs(c: Cluster, to: string): Promise<void> {
  for (const n of c.nodes) {
    for (const d of ["logs", "var-log-pacemaker", "var-log-corosync"]) {
      await cp(join(n.dir, d), join(to, n.name, d), { recursive: true }).catch(() => {});
    }
  }
}

/** What a finished run left behind (empty when clean): processes, interfaces, mounts, files. */
export async function leftovers(report: TeardownReport): Promise<string[]> {
  const found: string[] = [];
  for (const p of pidsInNamespaces(report.namespaces)) found.push(`process ${p.pid} in a test namespace`);
  for (const pid of report.holderPids) if (procStart(pid) !== undefined && isHolder(pid)) found.push(`holder ${pid}`);
  const links = await run("ip", ["-o", "link", "show"]);
  for (const i of report.ifaces) {
    if (new RegExp(`^\\d+: ${i}[@:]`, "m").test(links.stdout)) found.push(`interface ${i} in the host namespace`);
  }
  const mounts = await readFile("/proc/self/mountinfo", "utf8");
  for (const line of mounts.split("\n")) {
    const mp = line.split(" ")[4];
    if (mp && (mp === report.scratch || mp.startsWith(`${report.scratch}/`))) found.push(`mount ${mp}`);
  }
  if (existsSync(report.scratch)) found.push(`scratch dir ${report.scratch}`);
  return found;
}

function isHolder(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("unshare\0");
  } catch {
    return false;
  }
}

/** The running cluster, if any. */
export function currentCluster(): Cluster | undefined {
  return current;
}
