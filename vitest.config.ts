import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Integration tests start servers and child processes; forks keep native modules isolated.
    pool: 'forks',
    // Three files at once even on a two-core machine: many tests wait on processes, sockets and
    // Zoom's pace rather than the CPU. Measured on the CLI and sync integration files, on two
    // cores: 206 s with two, 161 s with three, 151 s with four, for the same CPU time.
    maxWorkers: 3,
    // A worker keeps the modules it loaded for its next file: importing the source afresh for
    // each of 150 files took over two minutes. Tests keep no state in modules between files.
    isolate: false,
    // Two files at once can double how long a test that starts several processes takes; a
    // hanging test still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    benchmark: { include: ['test/bench/**/*.bench.ts'] },
  },
});
