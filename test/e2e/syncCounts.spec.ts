import type { Page } from '@playwright/test';
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
  attendees: [{ email: 'ada@example.com', first_name: 'Ada' }],
  publish: true,
};

/** Every count of changes waiting and conflicts to settle the Sync screen shows, as numbers. */
async function shownCounts(page: Page) {
  const numberIn = (text: string, pattern: RegExp): number | undefined => {
    const match = pattern.exec(text);
    return match?.[1] === undefined ? undefined : Number(match[1].replace(/,/g, ''));
  };
  const texts = await page.getByRole('status').allInnerTexts();
  const heading = await page.getByRole('heading', { name: /^To settle/ }).allInnerTexts();
  return {
    waiting: texts.flatMap((text) => numberIn(text, /([\d,]+) changes? waiting/) ?? []),
    toSettle: [
      ...texts.flatMap((text) => numberIn(text, /([\d,]+) conflicts? to settle/) ?? []),
      ...heading.flatMap((text) => numberIn(text, /\((\d+)\)/) ?? []),
    ],
  };
}

async function expectOneCount(page: Page, expected: { toSettle: number }): Promise<void> {
  const counts = await shownCounts(page);
  expect(new Set(counts.waiting).size, `waiting counts ${JSON.stringify(counts.waiting)}`).toBe(1);
  expect(counts.toSettle.length).toBeGreaterThan(0);
  expect(new Set(counts.toSettle), `conflict counts ${JSON.stringify(counts.toSettle)}`).toEqual(
    new Set([expected.toSettle]),
  );
}

test('after a sync with conflicts, every count on the Sync screen agrees', async ({ shell, page, serve }) => {
  test.slow();
  await new Planner(page, shell).trySandbox();
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [series] }, dryRun: false });
  const { apiUrl } = await callServe<{ apiUrl: string }>(serve, 'zoom.status');
  // Zoom generates one session fewer than planned (a conflict); another planner caps the tickets.
  await fetch(`${apiUrl.replace(/\/v2$/, '')}/_sandbox/faults`, {
    method: 'PUT',
    body: JSON.stringify({ dropGeneratedSessions: 1 }),
  });
  await new Planner(page, shell).syncNow();
  await expect(page.getByRole('heading', { name: 'To settle (1)' })).toBeVisible();
  await expectOneCount(page, { toSettle: 1 });

  // A second sync opens no new conflict; the one still open is counted the same everywhere.
  const sandbox = await connectedSandbox(serve);
  const [ticketType] = (await sandbox.state<{ ticketTypes: { event_id: string; ticket_type_id: string }[] }>())
    .ticketTypes;
  await sandbox.edit({
    kind: 'update-ticket-type',
    event_id: ticketType?.event_id,
    ticket_type_id: ticketType?.ticket_type_id,
    fields: { quantity: 1 },
  });
  const [summary] = await callServe<{ id: string }[]>(serve, 'drafts.list');
  await callServe(serve, 'attendees.save', { seriesId: summary?.id, attendee: { email: 'cy@example.com' } });
  await page.reload();
  await page.getByRole('button', { name: 'Sync now' }).click();
  // Read back at the sync's start, Zoom's quantity of 1 cannot hold two attendees (a conflict of its
  // own), and Zoom refuses the second registration.
  await expect(page.getByRole('heading', { name: 'To settle (3)' })).toBeVisible();
  await expect(page.locator('.sync-report')).toBeVisible();
  await expectOneCount(page, { toSettle: 3 });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('region', { name: 'Recent syncs' }).getByRole('listitem')).toHaveCount(3);
  await expectOneCount(page, { toSettle: 3 });

  // Settling one changes every count at once, the last sync's words included.
  const drift = page.getByRole('listitem', { name: 'Weekly Standup: Zoom scheduled other sessions' });
  await drift.getByRole('button', { name: 'Take theirs' }).click();
  await expect(page.getByRole('heading', { name: 'To settle (2)' })).toBeVisible();
  await expectOneCount(page, { toSettle: 2 });
});
