// Keystroke → preview on screen in the series editor of a 60-session series, in Debian's Chromium
// through `cadence serve`. Each keystroke is timed by the page itself:
// - "to next paint": the Event Timing API's duration of the keydown (from the key press to the
//   next frame painted after its handlers ran; Chromium rounds it to 8 ms);
// - "to the DOM": from the key press to the preview's DOM holding the change (React's commit);
// - "to the preview painted, less the wait for a frame": "to the DOM" plus the style, layout and
//   paint of the frame that shows it: what the keystroke costs the page, without the wait for the
//   next frame, which in headless Chromium puts even a keystroke that changes nothing at 16–24 ms.
// The preview renders only the rows in view: the 60 sessions are counted by the rows' aria-setsize.
// Typed: the series name (the preview must not change: it should cost nothing), and the number
// of sessions, alternating 60 → 6 (Backspace) and 6 → 60 ("0"): 54 rows leave or appear.
// Run: node test/bench/previewBench.mjs (npm run bench does). Goal: < 16 ms, median and p95.
// Some functions below run in the page (passed to Playwright), where these are defined:
/* global window, document, MutationObserver, requestAnimationFrame */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';
import { importTasks } from './bundleTasks.mjs';

const keystrokes = 60;
const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))];
const fixed = (value) => value.toFixed(1);

async function startServe(dataDir) {
  const child = spawn(process.execPath, ['main/cli/bin.js', '--data-dir', dataDir, '--json', 'serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  return { child, url: JSON.parse(line).url };
}

/** In the page: per keydown, its key, its Event Timing duration (if 16 ms or more) and when its change reached the preview. */
function watchKeystrokes() {
  const presses = [];
  window.__presses = presses;
  let pending;
  document.addEventListener(
    'keydown',
    (event) => {
      pending = { key: event.key, at: event.timeStamp, paint: 0, dom: undefined, frame: undefined };
      presses.push(pending);
    },
    { capture: true },
  );
  // Chromium reports only keydowns of 16 ms or more; the others keep 0, read as "under 16 ms".
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const press = presses.find(
        (candidate) => entry.name === 'keydown' && Math.abs(candidate.at - entry.startTime) < 1,
      );
      if (press !== undefined) press.paint = entry.duration;
    }
  }).observe({ type: 'event', durationThreshold: 16 });
  new MutationObserver(() => {
    if (pending === undefined || pending.dom !== undefined) return;
    const press = pending;
    press.dom = performance.now() - press.at;
    // The frame that shows the change: its style, layout and paint run after its animation
    // callbacks, and a message posted from one of them is handled once they are done.
    requestAnimationFrame(() => {
      const frameStart = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (press.frame = performance.now() - frameStart);
      channel.port2.postMessage(undefined);
    });
  }).observe(document.querySelector('section.preview'), { childList: true, subtree: true, characterData: true });
}

async function typeKeys(page, field, keys) {
  await field.click();
  await page.evaluate(() => (window.__presses.length = 0));
  for (const key of keys) {
    await page.keyboard.press(key);
    // One keystroke at a time, as a planner types: the next waits for the frame after this one.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30))));
  }
  return page.evaluate(() => [...window.__presses]);
}

const shown = (value) => (value === 0 ? '< 16' : fixed(value));

function report(name, presses, expectChange) {
  const paints = presses.map((press) => press.paint);
  const doms = presses.map((press) => press.dom).filter((dom) => dom !== undefined);
  console.log(
    `  ${name}, ${presses.length} keystrokes: to next paint median ${shown(quantile(paints, 0.5))} ms, p95 ${shown(quantile(paints, 0.95))} ms, ${paints.filter((p) => p === 0).length} under 16 ms`,
  );
  if (!expectChange) {
    console.log(`    the preview's DOM ${doms.length === 0 ? 'was not touched' : `changed ${doms.length} times`}`);
    return;
  }
  if (doms.length < presses.length)
    throw new Error(`${presses.length - doms.length} keystrokes did not reach the preview`);
  console.log(
    `    to the preview's DOM: median ${fixed(quantile(doms, 0.5))} ms, p95 ${fixed(quantile(doms, 0.95))} ms, longest ${fixed(Math.max(...doms))} ms`,
  );
  const painted = presses
    .filter((press) => press.dom !== undefined && press.frame !== undefined)
    .map((press) => press.dom + press.frame);
  console.log(
    `    to the preview painted, less the wait for a frame: median ${fixed(quantile(painted, 0.5))} ms, p95 ${fixed(quantile(painted, 0.95))} ms, longest ${fixed(Math.max(...painted))} ms`,
  );
}

async function main() {
  const tasks = await importTasks('test/bench/uiTasks.ts');
  const root = mkdtempSync(join(tmpdir(), 'cadence-preview-bench-'));
  const dataDir = join(root, 'data');
  const id = tasks.populatePreview(dataDir);
  const serve = await startServe(dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CADENCE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      timezoneId: 'Europe/Berlin',
    });
    await page.goto(serve.url);
    const origin = new URL(serve.url).origin;
    await page.goto(`${origin}/#series/${id}`);
    await page.getByLabel('Series name').waitFor();
    const sessions = page.getByRole('list', { name: 'Sessions preview' }).getByRole('listitem');
    // The preview renders only the rows in view, each telling how many sessions the list holds
    // (a build that renders every row is counted by its rows, so builds can be compared).
    const listed = async () => (await sessions.first().getAttribute('aria-setsize')) ?? String(await sessions.count());
    await page.waitForFunction(
      () =>
        document.querySelector('.sessions li[aria-setsize="60"]') !== null ||
        document.querySelectorAll('.sessions li').length === 60,
    );
    await page.evaluate(watchKeystrokes);

    const name = await typeKeys(
      page,
      page.getByLabel('Series name'),
      Array.from({ length: keystrokes }, (_, i) => (i % 2 === 0 ? 'x' : 'Backspace')),
    );
    const count = page.getByLabel('Number of sessions');
    await count.click();
    await page.keyboard.press('End');
    const counts = await typeKeys(
      page,
      count,
      Array.from({ length: keystrokes }, (_, i) => (i % 2 === 0 ? 'Backspace' : '0')),
    );
    if ((await listed()) !== '60') throw new Error(`the preview lists ${await listed()} sessions, not 60`);

    console.log('Series editor, a 60-session series, Chromium through cadence serve, one keystroke per frame:');
    report('series name (the preview stays)', name, false);
    report(
      'number of sessions 60 → 6',
      counts.filter((press) => press.key === 'Backspace'),
      true,
    );
    report(
      'number of sessions 6 → 60',
      counts.filter((press) => press.key === '0'),
      true,
    );
  } finally {
    await browser.close();
    serve.child.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
