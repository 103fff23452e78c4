// What closed days cost: loading the offline holiday data set in main (cold, in a fresh process
// each run, as the first holiday question after start-up), answering the preview's question for a
// calendar over a series' span (first and again), listing every country with its regions, and the
// rule that turns closed days into occurrence changes on a 60-session series (run in the editor
// at each schedule edit). Also checks that the renderer's bundle carries no holiday data: the
// data stays in main, behind the `holidays.*` channels.
// Run: node test/bench/holidayBench.mjs (npm run bench does; `npm run build` first for the bundle check).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundlePath, importTasks } from './bundleTasks.mjs';

const runs = 7;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function child() {
  const start = performance.now();
  await import('date-holidays');
  const dataLoaded = performance.now();
  const tasks = await import(process.argv[3]);
  const loaded = performance.now();
  const calendars = new tasks.HolidayCalendars();
  const countries = calendars.list();
  const listed = performance.now();
  const us = { country: 'US' };
  calendars.between(us, '2027-11-01', '2028-01-07');
  const firstQuestion = performance.now();
  calendars.between(us, '2027-11-01', '2028-01-07');
  const again = performance.now();
  calendars.between({ country: 'AU', region: 'NSW' }, '2027-03-01', '2027-11-07');
  const otherCalendar = performance.now();
  const draft = tasks.dailySeries();
  const holidays = calendars.between(us, '2027-11-01', '2028-01-07');
  const ruleStart = performance.now();
  for (let i = 0; i < 100; i += 1) tasks.withClosedDayChanges(draft, holidays, 0);
  const ruleEnd = performance.now();
  process.stdout.write(
    JSON.stringify({
      data: dataLoaded - start,
      load: loaded - dataLoaded,
      firstQuestion: firstQuestion - listed,
      again: again - firstQuestion,
      otherCalendar: otherCalendar - again,
      list: listed - loaded,
      countries: countries.length,
      rule: (ruleEnd - ruleStart) / 100,
    }),
  );
}

async function main() {
  await importTasks('test/bench/holidayTasks.ts');
  const bundle = join(process.cwd(), bundlePath('test/bench/holidayTasks.ts'));
  const results = Array.from({ length: runs }, () =>
    JSON.parse(execFileSync(process.execPath, [process.argv[1], '--child', bundle], { encoding: 'utf8' })),
  );
  const row = (label, key) => console.log(`${label.padEnd(58)} ${median(results.map((r) => r[key])).toFixed(2)} ms`);
  console.log(`holiday calendars, medians of ${String(runs)} fresh processes`);
  row('import date-holidays (at main’s start-up)', 'data');
  row('import the calendars module and the draft rules', 'load');
  row('first question: US holidays over a series’ span', 'firstQuestion');
  row('the same question again', 'again');
  row('another calendar: AU/NSW over 8 months', 'otherCalendar');
  row(`every country with its regions (${String(results[0].countries)} countries)`, 'list');
  row('closed days → occurrence changes, 60 daily sessions', 'rule');

  const assets = join('dist', 'renderer', 'assets');
  if (!existsSync(assets)) {
    console.log('renderer bundle: not built (npm run build)');
    return;
  }
  const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
  const bytes = scripts.reduce((sum, file) => sum + statSync(join(assets, file)).size, 0);
  const hasHolidayData = scripts.some((file) => readFileSync(join(assets, file), 'utf8').includes('Thanksgiving'));
  console.log(
    `renderer bundle: ${(bytes / 1024).toFixed(0)} KiB of scripts; holiday data in it: ${hasHolidayData ? 'YES' : 'no'}`,
  );
  if (hasHolidayData) process.exitCode = 1;
}

if (process.argv[2] === '--child') await child();
else await main();
