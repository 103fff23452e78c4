import type { ServeProcess } from '../support/serveProcess';
import { expect, test } from './fixtures';

/** A call to Cadence as the page makes it, for setting the scene from the test. */
async function call<T>(serve: ServeProcess, channel: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${serve.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `cadence_session_${String(serve.port)}=${serve.secret}`,
      origin: serve.origin,
    },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T };
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result)}`);
  return result.value;
}

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

test('syncs with the built-in sandbox, then shows a conflict and settles it', async ({ shell, page, serve }) => {
  await shell.link('Settings').click();
  await page.getByRole('button', { name: 'Try without a Zoom account' }).click();
  await expect(page.getByText('sandbox-account')).toBeVisible();
  const { apiUrl } = await call<{ apiUrl: string }>(serve, 'zoom.status');
  await call(serve, 'drafts.import', { file: { version: 1, series: [series] }, dryRun: false });

  await shell.link('Sync').click();
  await expect(page.getByRole('status').filter({ hasText: 'changes waiting' })).toContainText('5 changes waiting');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText('Sent 5 changes to Zoom; everything is in sync.')).toBeVisible();

  // Another planner renames the event on Zoom while the name is changed here too.
  const sandboxUrl = apiUrl.replace(/\/v2$/, '');
  const state = (await (await fetch(`${sandboxUrl}/_sandbox/state`)).json()) as {
    events: { event_id: string; name: string }[];
  };
  const eventId = state.events.find((e) => e.name === 'Weekly Standup')?.event_id ?? '';
  await fetch(`${sandboxUrl}/_sandbox/edits`, {
    method: 'POST',
    body: JSON.stringify({ kind: 'rename-event', event_id: eventId, name: 'Their name' }),
  });
  const [summary] = await call<{ id: string }[]>(serve, 'drafts.list');
  const { draft } = await call<{ draft: object }>(serve, 'drafts.get', { id: summary?.id });
  await call(serve, 'drafts.save', { id: summary?.id, draft: { ...draft, name: 'My name' } });
  await page.reload();
  await page.getByRole('button', { name: 'Sync now' }).click();
  const card = page.getByRole('listitem', { name: 'My name: Changed here and on Zoom' });
  await expect(card).toContainText('name changed both here and on Zoom');
  await expect(card).toContainText('"Their name"');
  await shell.keepScreenshot('sync-conflict');
  await card.getByRole('button', { name: 'Keep mine' }).click();
  await expect(card).toHaveCount(0);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText(/everything is in sync/)).toBeVisible();
  const after = (await (await fetch(`${sandboxUrl}/_sandbox/state`)).json()) as {
    events: { event_id: string; name: string }[];
  };
  expect(after.events.find((e) => e.event_id === eventId)?.name).toBe('My name');
});
