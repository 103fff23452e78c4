import { expect, test } from './fixtures';
import { Planner } from './planner';
import { callServe, connectedSandbox } from './serveApi';

// A planner limits the places of a published series in the editor; people beyond wait in a list
// they can see and reorder; a cancellation gives the place to the next person, who is registered
// on Zoom at the next sync.

const series = {
  key: 'e2e-clay',
  hub_id: 'hub-sandbox-main',
  name: 'Clay Evenings',
  timezone: 'Europe/Lisbon',
  event_type: 'RECURRING',
  start_time: '2027-03-02T18:00:00Z',
  recurrence: { type: 2, weekly_days: [3], end_times: 6, duration: 90 },
  ticket_type: { name: 'Seat', free: true, currency: 'EUR' },
  registration: { link_name: 'Join the evenings' },
  attendees: [
    { email: 'rui@example.com', first_name: 'Rui', last_name: 'Costa' },
    { email: 'mei@example.com', first_name: 'Mei', last_name: 'Chen' },
    { email: 'ana@example.com', first_name: 'Ana', last_name: 'Lima' },
    { email: 'eva@example.com', first_name: 'Eva', last_name: 'Berg' },
  ],
  publish: true,
};

test('places, the waiting list in order, and a freed place registered on Zoom', async ({ shell, page, serve }) => {
  // Two syncs and a waiting list walked through: two thirds of the usual limit in CI.
  test.slow();
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [series] } });
  await shell.link('Series').click();
  await page.getByRole('link', { name: 'Clay Evenings' }).click();

  // The series' capacity, set in the editor: two people hold places, two wait in their order.
  await page.getByLabel('Places in the series').fill('2');
  await planner.expectSaved();
  await planner.openTab('Attendees');
  const panel = page.getByRole('region', { name: 'Places and waiting list' });
  await expect(panel.getByRole('list', { name: 'Places' })).toHaveText('The series: 2 of 2 places taken, 2 waiting');
  const waiting = panel.getByRole('list', { name: 'Waiting list' }).getByRole('listitem');
  await expect(waiting).toHaveText([/^Ana Lima/, /^Eva Berg/]);
  await expect(page.getByRole('row').filter({ hasText: 'eva@example.com' })).toContainText('Waiting list, #2');

  // Moved up, and back: the order is the planner's.
  await panel.getByRole('button', { name: 'Move eva@example.com up' }).click();
  await expect(waiting).toHaveText([/^Eva Berg/, /^Ana Lima/]);
  await panel.getByRole('button', { name: 'Move ana@example.com up' }).click();
  await expect(waiting).toHaveText([/^Ana Lima/, /^Eva Berg/]);

  await planner.syncNow();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /Synced|Sync finished|up to date/i })
      .first(),
  ).toBeVisible();
  const zoom = await connectedSandbox(serve);
  await expect
    .poll(async () => (await zoom.state()).tickets.map((ticket) => ticket.email).sort())
    .toEqual(['mei@example.com', 'rui@example.com']);

  // Mei cancels: her place goes to Ana at once, and the sync says why before it sends.
  await shell.link('Series').click();
  await page.getByRole('link', { name: 'Clay Evenings' }).click();
  await planner.openTab('Attendees');
  await page.getByRole('checkbox', { name: 'Select mei@example.com' }).check();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Remove 1 attendee' }).click();
  await expect(waiting).toHaveText([/^Eva Berg/]);
  await expect(page.getByRole('row').filter({ hasText: 'ana@example.com' })).toContainText('Place freed, to send');
  await shell.keepScreenshot('waiting-list');

  await shell.link('Sync').click();
  await expect(page.getByRole('region', { name: 'Waiting for Zoom' })).toContainText(
    'Ana Lima will be registered: a place freed',
  );
  await planner.pressSyncNow('nothing asked');
  await expect
    .poll(async () => (await zoom.state()).tickets.map((ticket) => ticket.email).sort())
    .toEqual(['ana@example.com', 'rui@example.com']);

  // The history says who was promoted, and why.
  await shell.link('Series').click();
  await page.getByRole('link', { name: 'Clay Evenings' }).click();
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByText(/registered: a place freed/).first()).toBeVisible();
});
