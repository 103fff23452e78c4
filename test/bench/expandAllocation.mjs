// Bytes allocated per `expandSeries` call (60 occurrences), measured as heap growth over many
// calls with a young generation large enough that no collection runs in between.
// Run: node --expose-gc --min-semi-space-size=64 --max-semi-space-size=64 test/bench/expandAllocation.mjs (npm run bench does).
import { build } from 'esbuild';
import { performance, PerformanceObserver } from 'node:perf_hooks';

const bundle = await build({
  entryPoints: ['shared/recurrence/seriesTiming.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
});
const { expandSeries } = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`
);
const input = {
  timezone: 'America/New_York',
  start_time: '2025-01-06T15:00:00Z',
  recurrence: { type: 2, repeat_interval: 1, weekly_days: [2, 4], end_times: 60, duration: 30 },
};

// Collections are noted by the time they started, so the forced one before each round is told apart.
const collectionStarts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) collectionStarts.push(entry.startTime);
}).observe({ entryTypes: ['gc'] });
for (let i = 0; i < 2_000; i += 1) expandSeries(input); // warm up the JIT and caches
const calls = 50;
const samples = [];
for (let round = 0; round < 7; round += 1) {
  globalThis.gc();
  await new Promise((resolve) => setTimeout(resolve, 10));
  const started = performance.now();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < calls; i += 1) expandSeries(input);
  const after = process.memoryUsage().heapUsed;
  const ended = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 10));
  if (!collectionStarts.some((start) => start >= started && start <= ended)) samples.push((after - before) / calls);
}
samples.sort((a, b) => a - b);
const median = samples[Math.floor(samples.length / 2)];
console.log(
  samples.length === 0
    ? 'allocation per call: not measured (a collection ran in every round)'
    : `allocation per expandSeries call (60 occurrences): median ${(median / 1024).toFixed(1)} KiB over ${samples.length} rounds of ${calls} calls`,
);
