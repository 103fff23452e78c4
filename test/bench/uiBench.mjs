// The app's UI with 500 series and a 10,000-attendee series in the database, in Debian's
// Chromium through `cadence serve`, measured with the Performance API:
// - first paint of the series list and of the attendee table (from the start of the page load to
//   the first frame painted with rows), and of the attendee table opened from the series editor;
// - a scroll through the whole attendee table, 1,200 px a frame: frame times and long tasks;
// - the page's JavaScript heap with the attendee table open.
// Run: node test/bench/uiBench.mjs (npm run bench does). Goals: < 500 ms to first paint, no frame
// over 50 ms while scrolling.
// Some functions below run in the page (passed to Playwright), where these are defined:
/* global window, document, MutationObserver, requestAnimationFrame */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';
import { importTasks } from './bundleTasks.mjs';

const runs = 7;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fixed = (value) => value.toFixed(1);

/** In the page from its first script: the time of the first frame painted with each table's rows. */
function watchPaints() {
  const painted = {};
  window.__painted = painted;
  const targets = {
    series: 'table[aria-label="Series"] tbody tr',
    attendees: '[role="table"][aria-label="Attendees"] [role="row"][aria-rowindex="2"]',
  };
  const observer = new MutationObserver(() => {
    for (const [name, selector] of Object.entries(targets)) {
      if (painted[name] !== undefined || painted[`${name}Pending`] || document.querySelector(selector) === null)
        continue;
      painted[`${name}Pending`] = true;
      // The frame with the rows is painted after this animation frame; the next task runs after it.
      requestAnimationFrame(() => setTimeout(() => (painted[name] = performance.now()), 0));
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { childList: true, subtree: true }),
  );
}

async function startServe(dataDir) {
  const child = spawn(process.execPath, ['main/cli/bin.js', '--data-dir', dataDir, '--json', 'serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  return { child, url: JSON.parse(line).url };
}

async function paintedAt(page, name) {
  await page.waitForFunction((key) => window.__painted?.[key] !== undefined, name, { timeout: 30_000 });
  return page.evaluate((key) => window.__painted[key], name);
}

/** Scrolls the attendee table to its end, a fixed distance each frame; frame gaps and long tasks. */
function scrollThrough(step) {
  return new Promise((resolve) => {
    const scroller = document.querySelector('[data-testid="attendee-scroll"]');
    const longTasks = [];
    const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const frames = [];
    let last = performance.now();
    const tick = (now) => {
      frames.push(now - last);
      last = now;
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) {
        observer.disconnect();
        resolve({ frames: frames.slice(1), longTasks, rowsShown: document.querySelectorAll('[role="row"]').length });
        return;
      }
      scroller.scrollTop += step;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function main() {
  const tasks = await importTasks('test/bench/uiTasks.ts');
  const root = mkdtempSync(join(tmpdir(), 'cadence-ui-bench-'));
  const dataDir = join(root, 'data');
  const bigId = tasks.populate(dataDir, 10_000);
  const serve = await startServe(dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.CADENCE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--enable-precise-memory-info',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(watchPaints);
    await page.goto(serve.url);
    const origin = new URL(serve.url).origin;

    const seriesPaint = [];
    const attendeePaint = [];
    const attendeeFromEditor = [];
    for (let run = 0; run < runs; run += 1) {
      // A fresh page load each time: a change of the fragment alone would not reload the page.
      await page.goto('about:blank');
      await page.goto(`${origin}/#series`);
      seriesPaint.push(await paintedAt(page, 'series'));
      const rows = await page.locator('table[aria-label="Series"] tbody tr').count();
      if (rows !== 500) throw new Error(`the series list shows ${rows} series, not 500`);

      await page.goto('about:blank');
      await page.goto(`${origin}/#series/${bigId}/attendees`);
      attendeePaint.push(await paintedAt(page, 'attendees'));

      await page.goto('about:blank');
      await page.goto(`${origin}/#series/${bigId}`);
      await page.getByLabel('Series name').waitFor();
      const started = await page.evaluate(() => {
        window.__painted.attendees = undefined;
        window.__painted.attendeesPending = false;
        const at = performance.now();
        document.querySelector('#tab-attendees').click();
        return at;
      });
      attendeeFromEditor.push((await paintedAt(page, 'attendees')) - started);
    }
    const count = await page.getByRole('status').filter({ hasText: 'attendees' }).textContent();
    if (!/10,000 attendees/.test(count ?? '')) throw new Error(`the attendee table says "${count}"`);
    const heapMiB = await page.evaluate(() => performance.memory.usedJSHeapSize / 1024 / 1024);

    const scrolls = [];
    for (let run = 0; run < 3; run += 1) {
      await page.evaluate(() => (document.querySelector('[data-testid="attendee-scroll"]').scrollTop = 0));
      await page.waitForTimeout(200);
      scrolls.push(await page.evaluate(scrollThrough, 1200));
    }

    console.log('UI, 500 series and a 10,000-attendee series, Chromium through cadence serve:');
    console.log(
      `  series list, first paint with rows: median ${fixed(median(seriesPaint))} ms over ${runs} loads (${seriesPaint.map(fixed).join(', ')}); goal < 500 ms`,
    );
    console.log(
      `  attendee table, first paint with rows (page load): median ${fixed(median(attendeePaint))} ms (${attendeePaint.map(fixed).join(', ')}); goal < 500 ms`,
    );
    console.log(
      `  attendee table, opened from the series editor: median ${fixed(median(attendeeFromEditor))} ms (${attendeeFromEditor.map(fixed).join(', ')})`,
    );
    for (const [index, scroll] of scrolls.entries()) {
      const sorted = [...scroll.frames].sort((a, b) => a - b);
      const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
      console.log(
        `  scroll ${index + 1} through 10,000 rows: ${scroll.frames.length} frames, median ${fixed(median(scroll.frames))} ms, p99 ${fixed(p99)} ms, longest ${fixed(sorted.at(-1) ?? 0)} ms, frames over 50 ms: ${scroll.frames.filter((f) => f > 50).length}, long tasks: ${scroll.longTasks.length}${scroll.longTasks.length > 0 ? ` (longest ${fixed(Math.max(...scroll.longTasks))} ms)` : ''}, rows in the page: ${scroll.rowsShown}; goal no frame over 50 ms`,
      );
    }
    console.log(`  page JavaScript heap with the attendee table open: ${fixed(heapMiB)} MiB`);
  } finally {
    await browser.close();
    serve.child.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
