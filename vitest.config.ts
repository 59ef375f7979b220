import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// tsc compiles test/ into dist/test/: never collect those copies (`vitest run test/unit/cib`
// would otherwise also run dist/test/unit/cib.test.js, with paths relative to dist/).
export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, '**/dist/**'],
    // The suites spend most of their time waiting for child processes (pcs, crmsh, bash, shellcheck,
    // crm_simulate), so one worker per CPU: vitest's default of one fewer left one of CI's two CPUs idle.
    maxWorkers: availableParallelism(),
    // Many tests run the real tools, several times over, on a shared machine that is sometimes slow:
    // vitest's 5 s failed a test that takes 2 s on a quiet one. A test that hangs still fails.
    testTimeout: 120_000,
  },
});
