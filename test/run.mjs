// `npm test`: every check CI makes, in order, then one line "N passed, M failed" (also written to
// test-results/summary.txt). Static checks count as one each; test files count per test.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureSecretService } from './support/secretService.mjs';

const script = fileURLToPath(import.meta.url);
const exitCode = await ensureSecretService(script, process.argv.slice(2));
if (exitCode !== undefined) process.exit(exitCode);

const resultsDir = 'test-results';
const vitestReport = `${resultsDir}/vitest.json`;
const playwrightReport = `${resultsDir}/playwright.json`;
rmSync(vitestReport, { force: true });
rmSync(playwrightReport, { force: true });
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;

function run(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

/** Counts a runner's tests from its JSON report; a runner that wrote none failed as a whole. */
function countReport(title, isSuccess, file, read) {
  if (!existsSync(file)) {
    failed += 1;
    console.log(`✖ ${title} produced no report`);
    return;
  }
  const counts = read(JSON.parse(readFileSync(file, 'utf8')));
  passed += counts.passed;
  failed += counts.failed;
  if (!isSuccess && counts.failed === 0) failed += 1;
}

/** Runs a command with its output kept, to print whole once it ends; answers whether it passed. */
function runQuietly(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code) => resolve({ ok: code === 0, output: Buffer.concat(output).toString() }));
  });
}

/**
 * The static checks and the build on CI's two cores as two lanes, each running its commands one
 * after another: ESLint with its typed rules (the longest, ~110 s of one core) alone in one, the
 * build, the three typechecks and Prettier (~90 s together) in the other. Started all at once they
 * took turns on both cores and ESLint ended last, a minute after the rest. A check passes when
 * every command in it does; outputs are printed whole, one check after another.
 */
async function checkInLanes(titles, lanes) {
  const runs = await Promise.all(
    lanes.map(async (lane) => {
      const done = [];
      for (const { title, command } of lane) {
        const started = performance.now();
        const result = await runQuietly(command[0], command[1]);
        const seconds = ((performance.now() - started) / 1000).toFixed(0);
        done.push({
          title,
          ok: result.ok,
          output: `${result.output}(${[command[0], ...command[1]].join(' ')}: ${seconds} s)\n`,
        });
      }
      return done;
    }),
  );
  const byTitle = new Map(titles.map((title) => [title, []]));
  for (const run of runs.flat()) byTitle.get(run.title).push(run);
  const outcomes = {};
  for (const [title, titleRuns] of byTitle) {
    console.log(`\n▶ ${title}`);
    for (const { output } of titleRuns) process.stdout.write(output);
    outcomes[title] = titleRuns.every(({ ok }) => ok);
    if (outcomes[title]) passed += 1;
    else {
      failed += 1;
      console.log(`✖ ${title} failed`);
    }
  }
  return outcomes;
}

const npx = 'npx';
const tsc = (project) => ({ title: 'typecheck', command: [npx, ['tsc', '-p', project]] });
const outcomes = await checkInLanes(
  ['typecheck', 'lint and format', 'build'],
  [
    [{ title: 'lint and format', command: [npx, ['eslint', '--max-warnings', '0', '.']] }],
    [
      // The build first: the tests need it.
      { title: 'build', command: ['npm', ['run', 'build']] },
      tsc('tsconfig.json'),
      tsc('tsconfig.renderer.json'),
      tsc('tsconfig.e2e.json'),
      { title: 'lint and format', command: [npx, ['prettier', '--check', '.']] },
    ],
  ],
);
const isBuilt = outcomes.build;

const vitestOk = run('unit and integration tests', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
countReport('vitest', vitestOk, vitestReport, (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests,
}));

if (isBuilt) {
  const playwrightOk = run('end-to-end tests', npx, ['playwright', 'test']);
  countReport('playwright', playwrightOk, playwrightReport, (report) => ({
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
  }));
} else {
  failed += 1;
  console.log('✖ end-to-end tests not run: the build failed');
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync(`${resultsDir}/summary.txt`, `${summary}\n`);
console.log(`\n${summary}`);
process.exit(failed === 0 ? 0 : 1);
