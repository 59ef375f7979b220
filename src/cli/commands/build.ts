import { Command, Option } from 'commander';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { checkParsed } from '../../check/checker.js';
import { parseHa } from '../../syntax/parse.js';
import type { Lowered } from '../../emit/index.js';
import { render } from '../../render/index.js';
import { ioReason, readSource, UsageError, type Io } from '../io.js';
import { agentsOption, catalogueFor, targetOf, targetOption } from '../options.js';
import { writeTree, type WriteHooks, type WritePoint } from '../write-tree.js';
import { useColor } from './check.js';

interface BuildFlags {
  output?: string;
  target?: string;
  cib: 'fragment' | 'full';
  agents?: string;
  color: boolean;
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

/**
 * Checks the file (diagnostics on stderr) and lowers it; undefined when there are errors. Only the
 * lowered cluster comes back: the syntax tree and the model are garbage once this returns, before
 * the artifacts (megabytes of text for a large file) are written.
 */
async function checkAndLower(io: Io, file: string, flags: BuildFlags): Promise<{ lowered: Lowered; sourceLength: number } | undefined> {
  const target = targetOf(flags.target);
  const catalogue = await catalogueFor(flags.agents);
  const source = readSource(file, io);
  const text = source.text;
  const shown = file === '-' ? '<stdin>' : file;
  const result = checkParsed(parseHa(source, shown), { ...(target ? { target } : {}), catalogue });
  if (result.diagnostics.length > 0) {
    // The same rendering as `hacc check`, on stderr: stdout says what was written.
    io.stderr(render('text', [{ path: shown, text, diagnostics: result.diagnostics }], { color: useColor(io, flags.color) }));
  }
  if (!result.checked) {
    io.stderr(`hacc: not building ${shown}: fix the errors above first\n`);
    return undefined;
  }
  // The emitters load only when there is something to build.
  const { lower } = await import('../../lower/lower.js');
  return { lowered: lower(result.checked, catalogue), sourceLength: text.length };
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
    .option('--no-color', 'never colour the diagnostics')
    .action(async (file: string, flags: BuildFlags) => {
      const planned = await checkAndLower(io, file, flags);
      if (!planned) {
        setExit(1);
        return;
      }
      if (planned.sourceLength >= LARGE_SOURCE) collectGarbage();
      const { emitLowered } = await import('../../emit/index.js');
      const artifacts = emitLowered(planned.lowered, { cib: flags.cib });
      const cluster = planned.lowered.cluster.name;
      const dir = flags.output !== undefined ? resolve(io.cwd, flags.output) : defaultDir(io, cluster);
      const dirShown = flags.output ?? `out/${cluster}`;
      const notes = await writeTree(dir, dirShown, artifacts, testHooks(io));
      for (const note of notes) io.stderr(`hacc: ${note}\n`);
      io.stdout(`wrote ${dirShown}/: ${artifacts.map((a) => a.path).join(', ')}\n`);
      setExit(0);
    });
}
