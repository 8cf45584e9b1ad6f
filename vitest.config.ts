import { defineConfig } from 'vitest/config';

// Tests run on the TypeScript sources: the `@hyperld/source` export condition points every
// workspace package at its `src/index.ts`, so no build is needed before `vitest`.
export default defineConfig({
  resolve: { conditions: ['@hyperld/source', 'module', 'node', 'import', 'default'] },
  // Vitest hands the SSR conditions to Node as --conditions for the whole worker, so `import` here
  // would make a CommonJS require() pick a package's ESM entry (pg's require('pg-pool') breaks);
  // Vite adds `import` or `require` to each resolution by the kind of import anyway.
  ssr: { resolve: { conditions: ['@hyperld/source', 'module', 'node', 'default'], externalConditions: ['@hyperld/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'docs/src/**/*.test.ts'],
    typecheck: { enabled: true, include: ['packages/*/src/**/*.test-d.ts', 'test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    setupFiles: ['test/setup-fast-check.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
