import { defineConfig } from 'vitest/config';

// Tests run on the TypeScript sources: the `@hyperld/source` export condition points every
// workspace package at its `src/index.ts`, so no build is needed before `vitest`.
export default defineConfig({
  resolve: { conditions: ['@hyperld/source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['@hyperld/source', 'module', 'node', 'import', 'default'], externalConditions: ['@hyperld/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'docs/src/**/*.test.ts'],
    typecheck: { enabled: true, include: ['packages/*/src/**/*.test-d.ts', 'test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    setupFiles: ['test/setup-fast-check.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
