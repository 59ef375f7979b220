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
    // Many tests run the real tools, several times over, on a shared machine that is sometimes slow
    // and with another worker beside them: vitest's 5 s failed a test that takes 2 s on a quiet one,
    // and a test's own 60 s one that takes 79 s on CI. One bound for all, far above any test's time;
    // a test that hangs still fails. Only the few that do much more (a loop over every fixture) set their own.
    testTimeout: 300_000,
    // The same for a suite's set-up (a build, a language server, the live cluster's nodes) and tear-down.
    hookTimeout: 300_000,
  },
});
