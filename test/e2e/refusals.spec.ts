import { databaseFile, openDatabase } from '../../main/db/database';
import { createServices } from '../../main/services';
import { seriesDraftSchema } from '../../shared/drafts/seriesDraft';
import { expect, test } from './fixtures';
import { Planner } from './planner';

/** A draft an earlier Cadence kept, before a start in the past was refused: its sessions were in 2001. */
const series = {
  key: 'e2e-office-hours',
  hub_id: 'hub-sandbox-main',
  name: 'Office Hours',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  start_time: '2001-10-08T15:00:00Z',
  recurrence: { type: 2, weekly_days: [2], end_times: 4, duration: 30 },
  ticket_type: { name: 'Pass', free: true, currency: 'USD' },
};

test('a change Zoom refuses shows what was sent in words, never as JSON; a series Zoom has keeps its past start', async ({
  shell,
  page,
  dataDir,
}) => {
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  // Written as the earlier version did, beside the running app: today's rules would refuse it.
  const { db } = openDatabase(databaseFile(dataDir));
  try {
    createServices({ db }).stores.series.save(seriesDraftSchema.parse(series));
  } finally {
    db.close();
  }
  await planner.syncNow();

  const card = page.getByRole('listitem', { name: 'Office Hours: Refused by Zoom' });
  await expect(card.getByRole('blockquote', { name: "Zoom's answer" })).toContainText('ticket sale dates');
  const versions = card.getByRole('table', { name: 'Versions side by side' });
  await expect(versions).toContainText('Name: Pass');
  await expect(versions).not.toContainText('{');

  // Zoom has the event now: its past start is what it is, and is not flagged in the editor.
  await shell.link('Series').click();
  await page.getByRole('link', { name: 'Office Hours' }).click();
  await expect(page.getByRole('group', { name: 'Start date' })).toBeVisible();
  await expect(page.getByText(/starts in the past/)).toHaveCount(0);
  await page.getByLabel('Series name').fill('Office Hours (2001)');
  await planner.expectSaved();
});
