// A series longer than one Zoom event: splitting it into parts, and what saving a 260-session
// whole of 5,000 people costs now that each save also writes its five parts.
// Run: node test/bench/seriesPartsBench.mjs (npm run bench does).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importTasks } from './bundleTasks.mjs';

const runs = 5;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fixed = (value) => value.toFixed(1);

const tasks = await importTasks('test/bench/seriesPartsTasks.ts');
const splits = Array.from({ length: runs }, () => tasks.timeSplit(1100, 1000));
const root = mkdtempSync(join(tmpdir(), 'cadence-bench-'));
try {
  const edits = Array.from({ length: runs }, (_, run) => tasks.timeEdits(join(root, `run-${run}`), 260, 5000));
  console.log('series parts:');
  console.log(
    `  split 1,100 sessions × 1,000 people into 19 parts: median ${fixed(median(splits))} ms over ${runs} runs`,
  );
  for (const [label, key] of [
    ['import a 260-session whole of 5,000 people (5 parts)', 'importMs'],
    ['add one person to it (attendee table)', 'addMs'],
    ['rename it (editor)', 'renameMs'],
  ]) {
    const values = edits.map((edit) => edit[key]);
    console.log(`  ${label}: median ${fixed(median(values))} ms over ${runs} runs (${values.map(fixed).join(', ')})`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
