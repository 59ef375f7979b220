import { Command, Option } from 'commander';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ioReason, UsageError, type Io } from '../io.js';
import { checkAndLower } from '../lowering.js';
import { agentsOption, targetOption } from '../options.js';
import { writeTree, type WriteHooks, type WritePoint } from '../write-tree.js';

interface BuildFlags {
  output?: string;
  target?: string;
  cib: 'fragment' | 'full';
  agents?: string;
  color: boolean;
  preview?: boolean;
}

const POINTS: readonly WritePoint[] = ['writing', 'before-swap', 'after-aside'];

/**
 * Test hooks, honoured only here in the CLI: `HACC_TEST_PAUSE_BEFORE_SWAP=1`, or
 * `HACC_TEST_PAUSE_AT=writing|before-swap|after-aside`, makes the build announce
 * `hacc: test pause at POINT` on stderr and wait there (up to 60 s) so a test can kill it.
 */
function testHooks(io: Io): WriteHooks {
  const at = io.env['HACC_TEST_PAUSE_AT'] ?? (io.env['HACC_TEST_PAUSE_BEFORE_SWAP'] === '1' ? 'before-swap' : undefined);
  if (at === undefined || !(POINTS as readonly string[]).includes(at)) return {};
  return {
    pause: async (point) => {
      if (point !== at) return;
      io.stderr(`hacc: test pause at ${point}\n`);
      await new Promise((done) => setTimeout(done, 60_000));
    },
  };
}

/** out/<cluster-name>, creating out/ itself. A cluster name must be one plain path component. */
function defaultDir(io: Io, cluster: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(cluster)) {
    throw new UsageError(`cluster name '${cluster}' cannot name a directory: give one with -o DIR`);
  }
  const out = resolve(io.cwd, 'out');
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new UsageError(`cannot create ${out}: ${ioReason(e)}`);
  }
  return join(out, cluster);
}

/** From this size of .ha file on, the syntax tree is collected before the artifacts are made. */
const LARGE_SOURCE = 1_000_000;

/**
 * A full garbage collection now. For a large file the syntax tree and the model (70 MB for 10,000
 * primitives) are garbage once the lowered cluster exists, but V8 would only collect them after the artifacts
 * (as many megabytes of text again) had grown the heap further: this keeps `hacc build`'s peak
 * memory near crm_verify's. `gc` is V8's own, made available for this process only; where it is
 * not, nothing happens.
 */
function collectGarbage(): void {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') gc();
  } catch {
    // not available: the build only uses more memory
  }
}

export function buildCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('build')
    .description('check a .ha file and write the CIB, the agent and the other artifacts (nothing when there are errors)')
    .argument('<file>', '.ha file to build (- reads standard input)')
    .option('-o, --output <dir>', 'output directory (default: out/<cluster-name>/), replaced as a whole; only one hacc wrote (see .hacc-manifest) or an empty one')
    .addOption(targetOption())
    .addOption(new Option('--cib <form>', 'cib.xml as the bare <configuration> or a complete <cib>').choices(['fragment', 'full']).default('fragment'))
    .addOption(agentsOption())
    .option('--preview', "add a failover preview to SUMMARY.md: what Pacemaker's scheduler (crm_simulate) does when each node fails or is put in standby")
    .option('--no-color', 'never colour the diagnostics')
    .action(async (file: string, flags: BuildFlags) => {
      const planned = await checkAndLower(io, file, flags, 'building');
      if (!planned) {
        setExit(1);
        return;
      }
      if (planned.sourceLength >= LARGE_SOURCE) collectGarbage();
      let preview;
      if (flags.preview) {
        const { failoverPreview, SimulationError, ToolTimeout } = await import('../simulate.js');
        try {
          preview = failoverPreview(io, planned.lowered.cib);
        } catch (e) {
          if (e instanceof SimulationError) throw new UsageError(`--preview: crm_simulate could not schedule the built CIB (${e.message})`);
          if (e instanceof ToolTimeout) throw new UsageError(`--preview: ${e.message} (HACC_SIMULATE_TIMEOUT); nothing written`);
          throw e;
        }
      }
      const { emitLowered } = await import('../../emit/index.js');
      const artifacts = emitLowered(planned.lowered, { cib: flags.cib, ...(preview ? { preview } : {}) });
      const cluster = planned.lowered.cluster.name;
      const dir = flags.output !== undefined ? resolve(io.cwd, flags.output) : defaultDir(io, cluster);
      const dirShown = flags.output ?? `out/${cluster}`;
      const notes = await writeTree(dir, dirShown, artifacts, testHooks(io));
      for (const note of notes) io.stderr(`hacc: ${note}\n`);
      io.stdout(`wrote ${dirShown}/: ${artifacts.map((a) => a.path).join(', ')}\n`);
      setExit(0);
    });
}
