import { defineConfig } from '@playwright/test';

/** Debian's Chromium; Playwright never downloads a browser of its own here. */
const chromiumPath = process.env.CADENCE_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  forbidOnly: true,
  // On a loaded two-core machine a click can, rarely, be lost to a re-render; a test that passes on
  // its second try is reported as flaky (the list names it), one that fails twice fails the run.
  retries: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    // A trace for the second try of a failing test. Recording one for every test and keeping it only
    // on failure cost 15% of the e2e CPU (3 specs, 15 tests: 120 vs 102 CPU-s, medians of 2), and
    // on CI's two cores the e2e run is bound by CPU.
    trace: 'on-first-retry',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromiumPath,
      // The machine's network is closed: keep Chromium from phoning home at start.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
