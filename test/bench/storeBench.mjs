// The store's figures: import 50 series × 200 attendees (time and peak RSS of the importing
// process), list drafts with their counts, and open the database in a new process.
// Run: node test/bench/storeBench.mjs (npm run bench does). Each import runs in its own process
// so that its peak RSS is its own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundlePath, importTasks } from './bundleTasks.mjs';

const bundle = bundlePath('test/bench/storeTasks.ts');
const runs = 5;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fixed = (value) => value.toFixed(1);

async function child(task, dataDir, extra) {
  const tasks = await import(pathToFileURL(bundle).href);
  let result;
  if (task === 'import') result = { ms: tasks.timeImport(dataDir, JSON.parse(readFileSync(extra, 'utf8'))) };
  else if (task === 'open') result = { ms: tasks.timeOpen(dataDir) };
  else result = { list: tasks.timeList(dataDir, 30) };
  result.maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify(result));
}

function runChild(task, dataDir, extra = '') {
  const output = execFileSync(process.execPath, [process.argv[1], '--child', task, dataDir, extra], {
    encoding: 'utf8',
  });
  return JSON.parse(output);
}

async function main() {
  const tasks = await importTasks('test/bench/storeTasks.ts');
  const root = mkdtempSync(join(tmpdir(), 'cadence-bench-'));
  try {
    const seriesFile = join(root, 'series.json');
    writeFileSync(seriesFile, JSON.stringify(tasks.benchmarkFile(50, 200)));

    const imports = [];
    const rss = [];
    const baseline = runChild('open', join(root, 'empty')).maxRssMiB;
    for (let run = 0; run < runs; run += 1) {
      const result = runChild('import', join(root, `import-${run}`), seriesFile);
      imports.push(result.ms);
      rss.push(result.maxRssMiB);
    }
    const dataDir = join(root, 'import-0');
    const lists = runChild('list', dataDir).list;
    const opens = Array.from({ length: 7 }, () => runChild('open', dataDir).ms);

    console.log('store, 50 series × 200 attendees (10,000 attendees):');
    console.log(
      `  import: median ${fixed(median(imports))} ms over ${runs} runs (${imports.map(fixed).join(', ')}); goal < 2000 ms`,
    );
    console.log(
      `  import peak RSS: median ${fixed(median(rss))} MiB (a process that only opens the database: ${fixed(baseline)} MiB)`,
    );
    console.log(
      `  list drafts with counts: median ${fixed(median(lists.slice(5)))} ms over ${lists.length - 5} calls after 5 warm-ups; goal < 20 ms`,
    );
    console.log(
      `  open the database in a new process: median ${fixed(median(opens))} ms over ${opens.length} runs; goal < 100 ms`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4], process.argv[5]);
else await main();
