import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startSandboxProcess } from '../support/sandboxProcess';
import { expect, test } from './fixtures';
import { Planner } from './planner';
import { callServe, connectedSandbox } from './serveApi';

/** The On Zoom screen as a planner uses it. */
class OnZoomScreen {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.getByRole('table', { name: 'Events on Zoom' });
  }

  /** The rows of events (the heading row left out). */
  get rows() {
    return this.table.locator('tbody').getByRole('row');
  }

  row(name: string) {
    return this.rows.filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  async chooseHub(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Hub' }).selectOption({ label: name });
  }

  get results() {
    return this.page.getByRole('region', { name: 'Opened from Zoom' });
  }

  result(name: string) {
    return this.results.getByRole('listitem').filter({ hasText: name }).first();
  }
}

const standup = 'Engineering Team Weekly Standup';
const webinar = 'Product Updates Webinar Series';
const training = 'Git & GitHub Training Series';

test("browsing Zoom's events: every hub page by page, one hub, each with its sessions and registrations; axe finds nothing serious", async ({
  shell,
  page,
  serve,
}) => {
  test.slow();
  await new Planner(page, shell).trySandbox();
  const sandbox = await connectedSandbox(serve);
  const firstRound = await sandbox.seed({ registrants: 6 });
  // Ten more rounds with nobody registered: 33 events, more than one page of 30.
  for (let round = 0; round < 10; round += 1) await sandbox.seed({ registrants: 0 });

  await shell.link('On Zoom').click();
  await expect(shell.title).toHaveText('On Zoom');
  const screen = new OnZoomScreen(page);
  await expect(screen.rows).toHaveCount(30);
  const first = screen.row(standup).first();
  await expect(first).toContainText('Recurring');
  await expect(first).toContainText('Published');
  await expect(first).toContainText('Engineering Team Hub');
  // Twelve Mondays on Zoom, one deleted there; 10:00 in New York whatever the planner's zone.
  await expect(first).toContainText('11 sessions');
  await expect(first).toContainText(/10:00\s?AM E[SD]T/);
  await expect(first.getByRole('cell').nth(5)).toHaveText('6');
  await expect(first).toContainText('Not yet');
  await expect(page.getByText('30 events listed, more on Zoom.')).toBeVisible();
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(screen.rows).toHaveCount(33);
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  await expect(page.getByText('33 events listed.')).toBeVisible();

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await shell.keepScreenshot('on-zoom');

  await screen.chooseHub('Sandbox Hub');
  await expect(screen.rows).toHaveCount(11);
  await expect(screen.row(training)).toHaveCount(11);
  // The keyboard reaches a row's box and ticks it.
  await screen.row(training).first().getByRole('checkbox').focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Open 1 event in Cadence' })).toBeEnabled();

  // Deleted on Zoom meanwhile: the result says it was not opened, and why.
  const gone = firstRound.find((event) => event.name === training)?.event_id ?? '';
  await sandbox.edit({ kind: 'delete-event', event_id: gone });
  await page.getByRole('button', { name: 'Open 1 event in Cadence' }).click();
  await expect(screen.results.getByRole('status')).toHaveText('0 of 1 event in Cadence now.');
  await expect(screen.result(training)).toContainText('Not opened');
  await expect(screen.result(training).locator('.field-problem')).not.toBeEmpty();
});

test('the example events added from the app, a whole hub and then one event opened: results with what stays on Zoom, the series says so, people registered on Zoom are marked', async ({
  shell,
  page,
  serve,
}) => {
  test.slow();
  await new Planner(page, shell).trySandbox();
  const sandbox = await connectedSandbox(serve);
  await shell.link('On Zoom').click();
  const screen = new OnZoomScreen(page);
  await expect(page.getByText('No upcoming or draft events on Zoom.')).toBeVisible();
  await page.getByRole('button', { name: 'Add example events to the sandbox' }).click();
  await expect(screen.rows).toHaveCount(3);
  await expect(page.getByRole('combobox', { name: 'Hub' }).getByRole('option')).toHaveText([
    'Every hub',
    'Sandbox Hub',
    'Engineering Team Hub',
  ]);

  await screen.chooseHub('Engineering Team Hub');
  await expect(screen.rows).toHaveCount(2);
  // Zoom answering slowly, so the progress of opening can be seen.
  await sandbox.setFaults({ latencyMs: [100, 100] });
  await page.getByRole('button', { name: 'Open all of Engineering Team Hub' }).click();
  await expect(page.getByRole('progressbar', { name: 'Opening progress' })).toBeVisible();
  await expect(page.getByText(/^Reading from Zoom…$|^[12] of 2 · /)).toBeVisible();
  await expect(screen.results.getByRole('status')).toHaveText('2 of 2 events in Cadence now.', { timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'Opening progress' })).toHaveCount(0);
  await sandbox.setFaults({ latencyMs: [0, 0] });
  await expect(screen.result(standup)).toContainText('Opened as a new series');
  await expect(screen.result(webinar)).toContainText('Opened as a new series');
  // The tutorial's standup has a second ticket type on Zoom, which Cadence leaves there.
  await expect(screen.result(standup).getByRole('list', { name: `Kept on Zoom for ${standup}` })).toContainText(
    'Guest Ticket',
  );
  // The webinar's speaker and its registration form's question stay on Zoom too.
  const webinarKept = screen.result(webinar).getByRole('list', { name: `Kept on Zoom for ${webinar}` });
  await expect(webinarKept).toContainText('Jane Doe');
  await expect(webinarKept).toContainText('What is your role?');
  await expect(screen.row(webinar).getByRole('link', { name: `Open in Cadence: ${webinar}` })).toBeVisible();

  await screen.chooseHub('Every hub');
  await expect(screen.rows).toHaveCount(3);
  await expect(screen.row(standup).getByRole('link', { name: `Open in Cadence: ${standup}` })).toBeVisible();
  await screen
    .row(training)
    .getByRole('checkbox', { name: `Select ${training}` })
    .check();
  await page.getByRole('button', { name: 'Open 1 event in Cadence' }).click();
  await expect(screen.results.getByRole('status')).toHaveText('1 of 1 event in Cadence now.');
  await expect(screen.result(training)).toContainText('Opened as a new series');

  // Opened series are as Zoom holds them: nothing waits to be sent.
  await shell.link('Sync').click();
  await expect(page.getByRole('heading', { name: 'Nothing waiting to sync' })).toBeVisible();
  await shell.link('Series').click();
  await expect(page.getByRole('table', { name: 'Series' }).getByRole('link', { name: standup })).toBeVisible();

  await shell.link('On Zoom').click();
  await screen
    .row(standup)
    .getByRole('link', { name: `Open in Cadence: ${standup}` })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: standup })).toBeVisible();
  const fromZoom = page.getByRole('region', { name: 'From Zoom' });
  await expect(fromZoom).toContainText(/Opened from Zoom · last read from Zoom/);
  await expect(fromZoom.getByRole('list', { name: 'Kept on Zoom' })).toContainText('Guest Ticket');
  await expect(fromZoom.getByRole('button', { name: 'Refresh from Zoom' })).toBeEnabled();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await new Planner(page, shell).openTab('Attendees');
  await expect(page.getByRole('row').filter({ hasText: 'registered on Zoom' })).toHaveCount(6);
});

test('refreshing from Zoom after changes there: the series takes them, says what it took, and marks who registered on Zoom; opening again refreshes', async ({
  shell,
  page,
  serve,
}) => {
  test.slow();
  await new Planner(page, shell).trySandbox();
  const sandbox = await connectedSandbox(serve);
  const [seeded] = await sandbox.seed({ scenarios: ['weekly-standup'], registrants: 2 });
  const eventId = seeded?.event_id ?? '';
  await shell.link('On Zoom').click();
  const screen = new OnZoomScreen(page);
  await screen
    .row(standup)
    .getByRole('checkbox', { name: `Select ${standup}` })
    .check();
  await page.getByRole('button', { name: 'Open 1 event in Cadence' }).click();
  await expect(screen.result(standup)).toContainText('Opened as a new series');
  await screen.result(standup).getByRole('link', { name: 'Go to the series' }).click();
  await expect(page.getByRole('heading', { level: 2, name: standup })).toBeVisible();

  // Someone renames the event in Zoom's console, and a colleague registers on its page.
  await sandbox.edit({ kind: 'rename-event', event_id: eventId, name: 'Engineering Team Monday Sync' });
  await sandbox.edit({ kind: 'register', event_id: eventId, email: 'new.colleague@example.com', first_name: 'Nia' });
  // Another planner's Cadence registers someone too: its ticket carries that Cadence's registration ID.
  await sandbox.edit({ kind: 'register', event_id: eventId, email: 'guest@example.com', first_name: 'Gus' });
  const { tickets } = await sandbox.state<{ tickets: { ticket_id: string; email: string }[] }>();
  const guestTicket = tickets.find((ticket) => ticket.email === 'guest@example.com')?.ticket_id ?? '';
  await sandbox.edit({
    kind: 'update-ticket',
    event_id: eventId,
    ticket_id: guestTicket,
    fields: { external_ticket_id: 'registration-from-another-laptop' },
  });
  const fromZoom = page.getByRole('region', { name: 'From Zoom' });
  await fromZoom.getByRole('button', { name: 'Refresh from Zoom' }).click();
  await expect(fromZoom.getByText(/^Read from Zoom: /)).toHaveText(
    'Read from Zoom: 1 change taken into the series; 2 new registrations from Zoom, now attendees.',
  );
  await expect(page.getByRole('heading', { level: 2, name: 'Engineering Team Monday Sync' })).toBeVisible();
  await expect(fromZoom).toContainText(/Opened from Zoom · last read from Zoom/);
  await new Planner(page, shell).openTab('Attendees');
  await expect(page.getByRole('row').filter({ hasText: 'registered on Zoom' })).toHaveCount(3);
  await expect(page.getByRole('row').filter({ hasText: 'new.colleague@example.com' })).toContainText(
    'registered on Zoom',
  );
  await expect(page.getByRole('row').filter({ hasText: 'guest@example.com' })).toContainText(
    'added by another planner',
  );

  // Nothing more changed on Zoom: opening the event again reads it back and takes nothing.
  await shell.link('On Zoom').click();
  await screen.row('Engineering Team Monday Sync').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Open 1 event in Cadence' }).click();
  await expect(screen.result('Engineering Team Monday Sync')).toContainText(
    'Already here, refreshed: nothing new on Zoom',
  );
  await shell.link('Sync').click();
  await expect(page.getByRole('heading', { name: 'Nothing waiting to sync' })).toBeVisible();
});

test('Zoom out of reach: the On Zoom screen says so plainly and the series stay', async ({ shell, page, serve }) => {
  const sandbox = await startSandboxProcess(['--seed']);
  try {
    await callServe(serve, 'zoom.connect', {
      account_id: sandbox.account_id,
      client_id: sandbox.client_id,
      client_secret: sandbox.client_secret,
      api_url: sandbox.api_url,
      oauth_url: sandbox.oauth_url,
    });
    await page.reload();
    await shell.link('On Zoom').click();
    const screen = new OnZoomScreen(page);
    await expect(screen.rows).toHaveCount(3);
    // A sandbox run elsewhere stands for a real account: Cadence never adds example events to it.
    await expect(page.getByRole('button', { name: 'Add example events to the sandbox' })).toHaveCount(0);
    await expect(callServe(serve, 'zoom.seedSandbox')).rejects.toThrow(/"code":"forbidden"/);
    await sandbox.stop();
    await screen.chooseHub('Engineering Team Hub');
    await expect(
      page.getByRole('status').filter({ hasText: 'its events cannot be listed or opened now' }),
    ).toContainText('The series already in Cadence stay here');
    await shell.link('Series').click();
    await expect(shell.title).toHaveText('Series');
  } finally {
    await sandbox.stop();
  }
});
