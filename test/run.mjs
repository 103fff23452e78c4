// `npm test`: every check CI makes, in order, then one line "N passed, M failed" (also written to
// test-results/summary.txt). Static checks count as one each; test files count per test.
import { spawnSync } from 'node:child_process';
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

function check(title, command, args) {
  if (run(title, command, args)) passed += 1;
  else {
    failed += 1;
    console.log(`✖ ${title} failed`);
  }
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

const npx = 'npx';
check('typecheck', 'npm', ['run', 'typecheck']);
check('lint and format', 'npm', ['run', 'lint']);
const isBuilt = run('build', 'npm', ['run', 'build']);
if (isBuilt) passed += 1;
else failed += 1;

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
