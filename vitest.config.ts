import { configDefaults, defineConfig } from 'vitest/config';

// tsc compiles test/ into dist/test/: never collect those copies (`vitest run test/unit/cib`
// would otherwise also run dist/test/unit/cib.test.js, with paths relative to dist/).
export default defineConfig({
  test: {
    exclude: [...configDefaults.exclude, '**/dist/**'],
  },
});
