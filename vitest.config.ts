import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Integration tests start servers and child processes; forks keep native modules isolated.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
  },
});
