import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { startFakeZoomHost } from '../support/fakeZoomHost';
import { startServeProcess, type ServeProcess } from '../support/serveProcess';
import { makeTempDir } from '../support/tempDir';

/** The app frame as a planner sees it: navigation, title, Zoom's reachability. */
export class AppShell {
  constructor(readonly page: Page) {}

  get navigation() {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  link(name: string) {
    return this.navigation.getByRole('link', { name });
  }

  get title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  get connection() {
    return this.page.getByRole('status');
  }

  get checkConnection() {
    return this.page.getByRole('button', { name: 'Check connection' });
  }

  /** Keeps a picture of the current screen among the test artifacts. */
  async keepScreenshot(name: string): Promise<void> {
    mkdirSync('test-results/screens', { recursive: true });
    await this.page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
  }
}

interface Fixtures {
  /** Whether `cadence serve` finds a Secret Service; `test.use({ keychain: 'none' })` starts it on a D-Bus that is not there. */
  keychain: 'available' | 'none';
  zoom: Awaited<ReturnType<typeof startFakeZoomHost>>;
  dataDir: string;
  serve: ServeProcess;
  shell: AppShell;
  /** Console errors and uncaught exceptions (CSP violations among them) seen during the test. */
  pageErrors: string[];
}

/** An environment in which no keychain can be reached: the session bus points at nothing, and no X display could start one. */
export const noKeychainEnv: NodeJS.ProcessEnv = {
  DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/cadence-no-keychain',
  DISPLAY: '',
};

export const test = base.extend<Fixtures>({
  keychain: ['available', { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  zoom: async ({}, use) => {
    const zoom = await startFakeZoomHost();
    await use(zoom);
    await zoom.stop();
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  dataDir: async ({}, use) => {
    const dir = makeTempDir('cadence-e2e-');
    await use(dir.path);
    dir.remove();
  },
  serve: async ({ zoom, dataDir, keychain }, use) => {
    // A keychain service of the test's own, so that parallel tests and a planner's own keychain never meet.
    const serve = await startServeProcess({
      dataDir,
      env: {
        CADENCE_ZOOM_API_URL: zoom.apiUrl,
        CADENCE_KEYCHAIN_SERVICE: `Cadence e2e ${randomUUID()}`,
        ...(keychain === 'none' ? noKeychainEnv : {}),
      },
    });
    await use(serve);
    await serve.stop();
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
  shell: async ({ page, serve, pageErrors }, use) => {
    await page.goto(serve.url);
    const shell = new AppShell(page);
    await use(shell);
    expect(pageErrors, 'the page logged errors').toEqual([]);
  },
});

export { expect };
