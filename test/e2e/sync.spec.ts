import { expect, test } from './fixtures';
import { Planner } from './planner';
import { callServe, connectedSandbox } from './serveApi';

const series = {
  key: 'e2e-standup',
  hub_id: 'hub-sandbox-main',
  name: 'Weekly Standup',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  start_time: '2027-01-05T15:00:00Z',
  recurrence: { type: 2, repeat_interval: 1, weekly_days: [3], end_times: 4, duration: 30 },
  ticket_type: { name: 'Pass', free: true, currency: 'USD' },
  registration: { link_name: 'Register' },
  attendees: [
    { email: 'ada@example.com', first_name: 'Ada' },
    { email: 'bob@example.com', first_name: 'Bob' },
  ],
  publish: true,
};

test("lists the waiting changes in plain words, syncs, and shows both schedules and Zoom's own refusal", async ({
  shell,
  page,
  serve,
}) => {
  await new Planner(page, shell).trySandbox();
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [series] }, dryRun: false });
  const { apiUrl } = await callServe<{ apiUrl: string }>(serve, 'zoom.status');
  // Zoom generates one session fewer than planned: schedule drift.
  await fetch(`${apiUrl.replace(/\/v2$/, '')}/_sandbox/faults`, {
    method: 'PUT',
    body: JSON.stringify({ dropGeneratedSessions: 1 }),
  });

  await shell.link('Sync').click();
  await expect(page.getByRole('status').filter({ hasText: 'changes waiting' })).toContainText('6 changes waiting');
  await expect(page.getByRole('list', { name: 'Changes waiting' }).getByRole('listitem')).toHaveText([
    'Create "Weekly Standup" with 4 sessions',
    'Add the ticket type "Pass" to "Weekly Standup"',
    'Create the registration link "Register" for "Weekly Standup"',
    'Publish "Weekly Standup"',
    'Register 2 people for "Weekly Standup"',
  ]);
  const planner = new Planner(page, shell);
  await planner.pressSyncNow();

  const drift = page.getByRole('listitem', { name: 'Weekly Standup: Zoom scheduled other sessions' });
  const schedules = drift.getByRole('table', { name: 'Both schedules' });
  await expect(schedules.getByRole('row')).toHaveCount(5);
  await expect(schedules.getByRole('row').nth(4)).toContainText('Tue, Jan 26, 2027, 10:00 AM EST');
  await expect(schedules.getByRole('row').nth(4)).toContainText('—');

  const runs = page.getByRole('region', { name: 'Recent syncs' });
  await expect(runs.getByRole('listitem').first()).toContainText('Needs you');

  // Another planner caps the tickets at the two sold; a third person added here is refused, in Zoom's words.
  const sandbox = await connectedSandbox(serve);
  const [ticketType] = (await sandbox.state<{ ticketTypes: { event_id: string; ticket_type_id: string }[] }>())
    .ticketTypes;
  await sandbox.edit({
    kind: 'update-ticket-type',
    event_id: ticketType?.event_id,
    ticket_type_id: ticketType?.ticket_type_id,
    fields: { quantity: 2 },
  });
  const [summary] = await callServe<{ id: string }[]>(serve, 'drafts.list');
  await callServe(serve, 'attendees.save', { seriesId: summary?.id, attendee: { email: 'cy@example.com' } });
  await page.reload();
  await planner.pressSyncNow('nothing asked');
  const refused = page.getByRole('listitem', { name: /^Weekly Standup: (Registration refused|Refused) by Zoom$/ });
  await expect(refused.getByRole('blockquote', { name: "Zoom's answer" })).toContainText('Not enough stock');
  await shell.keepScreenshot('sync-conflicts');

  await drift.getByRole('button', { name: 'Take theirs' }).click();
  await expect(drift).toHaveCount(0);
  await refused.getByRole('button', { name: 'Take theirs' }).click();
  await expect(refused).toHaveCount(0);
  const zoom = await sandbox.state();
  expect(zoom.tickets.map((ticket) => ticket.email)).toEqual(['ada@example.com', 'bob@example.com']);
  await shell.link('Series').click();
  await page.getByRole('link', { name: 'Weekly Standup' }).click();
  await expect(
    page.getByRole('region', { name: 'Sessions' }).getByRole('listitem', { name: /^Session 4,/ }),
  ).toContainText('Cancelled');
});

test('shows progress with the time left, and Stop syncing leaves the rest waiting for the next sync', async ({
  shell,
  page,
  serve,
}) => {
  await new Planner(page, shell).trySandbox();
  const many = Array.from({ length: 120 }, (_, i) => ({ email: `person${String(i)}@example.com` }));
  const big = { ...series, key: 'big', name: 'Big Standup', attendees: many };
  const training = { ...series, key: 'training', name: 'Training', attendees: many };
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [big, training] }, dryRun: false });
  const { apiUrl } = await callServe<{ apiUrl: string }>(serve, 'zoom.status');
  await fetch(`${apiUrl.replace(/\/v2$/, '')}/_sandbox/faults`, {
    method: 'PUT',
    body: JSON.stringify({ latencyMs: [400, 400] }),
  });

  await shell.link('Sync').click();
  await expect(page.getByRole('list', { name: 'Changes waiting' })).toContainText(
    'Register 120 people for "Big Standup"',
  );
  const planner = new Planner(page, shell);
  await planner.pressSyncNow();
  await expect(page.getByRole('progressbar', { name: 'Sync progress' })).toBeVisible();
  await expect(page.locator('.sync-progress')).toContainText(/about \d+ s left/);
  await shell.keepScreenshot('sync-progress');
  await page.getByRole('button', { name: 'Stop syncing' }).click();
  const report = page.getByRole('status').filter({ hasText: /^Stopped after/ });
  await expect(report).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^[\d,]+ changes waiting$/ })).toHaveText(
    /^[1-9][\d,]* changes waiting$/,
  );

  await fetch(`${apiUrl.replace(/\/v2$/, '')}/_sandbox/faults`, { method: 'PUT', body: JSON.stringify({}) });
  // Where the stop fell decides whether an event still waits to be created or published.
  const left = await callServe<{ public_effect: string | null; state: string }[]>(serve, 'sync.pending');
  const isAsked = left.some(
    (change) => change.public_effect !== null && (change.state === 'pending' || change.state === 'in_flight'),
  );
  await planner.pressSyncNow(isAsked ? 'make public' : 'nothing asked');
  await expect(page.locator('.sync-report')).toHaveText(/everything is in sync/, { timeout: 20_000 });
  const zoom = await (await connectedSandbox(serve)).state();
  expect(zoom.tickets).toHaveLength(240);
  await expect(page.getByRole('region', { name: 'Recent syncs' })).toContainText('Stopped');
});

test('offline: the changes wait on this computer, counted, until Zoom is back', async ({
  shell,
  page,
  serve,
  zoom,
}) => {
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [series] }, dryRun: false });
  await zoom.stop();
  await shell.checkConnection.click();
  await expect(shell.connection).toContainText('Offline');
  await shell.link('Sync').click();
  await expect(page.getByRole('status').filter({ hasText: 'changes waiting' })).toHaveText(
    'Offline — 6 changes waiting',
  );
  await expect(page.getByRole('list', { name: 'Changes waiting' })).toContainText(
    'Register 2 people for "Weekly Standup"',
  );
  await shell.keepScreenshot('sync-offline');
});
