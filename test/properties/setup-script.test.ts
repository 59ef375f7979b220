// Properties of setup.sh over generated valid clusters with hostile names and values: bash, with
// recording stubs for pcs and cibadmin first on PATH (test-support/setup-script-harness.ts), hands
// pcs every value byte for byte, exactly once, whatever it holds. Every case runs the script, so it
// gets a tenth of HACC_PROPERTY_RUNS (the long suite: 100 of 1000), 20 without it.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { platformCommands } from '../../src/emit/platform-commands.js';
import { PLATFORMS } from '../../src/model/platforms.js';
import { clusterArb, propertyRuns } from '../../test-support/arbitrary-cluster.js';
import { build, pcsCalls, sandbox } from '../../test-support/setup-script-harness.js';

/** The id a `pcs resource create` call creates: the first word after its options (and `--`, pcs 0.10+). */
function createdId(args: readonly string[]): string | undefined {
  if (args[0] !== 'resource' || args[1] !== 'create') return undefined;
  let i = 2;
  while (args[i]?.startsWith('--')) {
    if (args[i] === '--') return args[i + 1];
    i += args[i] === '--group' ? 2 : 1;
  }
  return args[i];
}
const scriptRuns = propertyRuns('slow');
/** The platforms configured with pcs (crmsh's load is checked with the real crmsh: test/pacemaker/setup-crmsh.test.ts). */
const PCS_PLATFORMS = PLATFORMS.filter((p) => platformCommands(p).tool === 'pcs');

describe(`setup.sh properties (${scriptRuns} clusters through bash)`, () => {
  it('configure --cib-file gives pcs every parameter and command byte for byte, exactly once', () => {
    fc.assert(
      fc.property(clusterArb, fc.constantFrom(...PCS_PLATFORMS), (c, platform) => {
        const built = build(c.text, platform);
        const box = sandbox(built.script, ['pcs', 'cibadmin'], { crm_diff: 1 });
        try {
          const cib = box.file('cib.xml', '<cib/>\n');
          const r = box.run(['configure', '--cib-file', cib], { HACC_NODE: c.nodes[0]!, HACC_STUB_FAIL_ON: '--query' });
          expect(r.stderr).toBe('');
          expect(r.status).toBe(0);
          const calls = pcsCalls(r.calls);
          for (const p of c.primitives) {
            const creates = calls.filter((a) => createdId(a) === p.id);
            expect(creates, `one 'pcs resource create … -- ${p.id}'`).toHaveLength(1);
            const args = creates[0]!;
            const want = p.commands
              ? [`start_cmd=${p.commands.start}`, `stop_cmd=${p.commands.stop}`, `monitor_cmd=${p.commands.monitor}`]
              : [...p.params].map(([k, v]) => `${k}=${v}`);
            for (const w of want) expect(args.filter((a) => a === w), JSON.stringify(w)).toHaveLength(1);
          }
          for (const x of c.constraints) {
            // pcs takes a constraint's id as a word (location, colocation) or as id=ID (order).
            const named = calls.filter((a) => a[0] === 'constraint' && (a.includes(x.id) || a.includes(`id=${x.id}`)));
            expect(named.length, `constraint ${x.id}`).toBeGreaterThanOrEqual(1);
          }
        } finally {
          box.cleanup();
        }
      }),
      { numRuns: scriptRuns },
    );
  }, 1_800_000);
});
