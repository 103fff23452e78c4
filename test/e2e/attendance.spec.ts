import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { Planner } from './planner';
import { callServe, connectedSandbox, dropRefusedCalls } from './serveApi';

interface Session {
  sessionId: string;
  state: string;
}

test("a series' attendance per session: downloaded from Zoom's reports, with onsite check-ins, a chart beside its table, a CSV; shown again without Zoom; axe finds nothing serious", async ({
  shell,
  page,
  serve,
  pageErrors,
}) => {
  // Two syncs, a report download paced as Zoom's HEAVY calls, and an axe pass.
  test.slow();
  await new Planner(page, shell).trySandbox();
  const sandbox = await connectedSandbox(serve);
  // The tutorial's weekly standup as made in Zoom's console four weeks ago: its first Mondays are over.
  const [standup] = await sandbox.seed({ scenarios: ['weekly-standup'], registrants: 20, startedWeeksAgo: 4 });
  if (standup === undefined) throw new Error('The sandbox seeded nothing.');
  const opened = await callServe<{ results: { series_id: string | null }[] }>(serve, 'zoom.open', {
    event_ids: [standup.event_id],
  });
  const seriesId = opened.results[0]?.series_id ?? '';

  await shell.link('Series').click();
  await page.getByRole('table', { name: 'Series' }).getByRole('link', { name: standup.name }).click();
  await page.getByRole('tab', { name: 'Attendance' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Attendance' });
  await expect(panel.getByText('No report yet.')).toBeVisible();
  await panel.getByRole('button', { name: 'Download report' }).click();

  const table = panel.getByRole('table', { name: 'Attendance per session' });
  const rows = table.locator('tbody').getByRole('row');
  await expect(rows).toHaveCount(11);
  await expect(panel.getByRole('status')).toContainText('20 people registered');
  const first = rows.first();
  await expect(first.getByRole('rowheader')).toContainText(/^1\. Mon, .+, 10:00\s?AM E[SD]T$/);
  await expect(first.getByRole('cell').nth(0)).toHaveText('20');
  await expect(first.getByRole('cell').nth(1)).toHaveText(/^\d+$/);
  await expect(first.getByRole('cell').nth(3)).toHaveText(/^\d+%$/);
  await expect(rows.last().getByRole('cell').nth(1)).toHaveText('To come');
  await expect(rows.last().getByRole('cell').nth(3)).toHaveText('–');
  await expect(panel.getByRole('img')).toHaveAttribute(
    'aria-label',
    /^Attendance of \d+ of 11 sessions, from \d+% to \d+% of those registered\.$/,
  );

  // Two people checked in at the door to the first session (never uploaded: the standup is virtual).
  await callServe(serve, 'checkin.changeSettings', { uploadAutomatically: false });
  await callServe(serve, 'checkin.download', { from: { seriesId } });
  const report = await callServe<{ eventId: string; sessions: Session[] }>(serve, 'reports.get', {
    source: { seriesId },
  });
  const sessionId = report.sessions[0]?.sessionId ?? '';
  const state = await sandbox.state();
  const people = state.tickets.filter((t) => t.event_id === report.eventId).slice(0, 2);
  for (const person of people) {
    await callServe(serve, 'checkin.record', {
      eventId: report.eventId,
      sessionId,
      who: { kind: 'person', email: person.email },
    });
  }
  await page.reload();
  await page.getByRole('tab', { name: 'Attendance' }).click();
  await expect(rows.first().getByRole('cell').nth(2)).toHaveText('2');
  await expect(panel.getByRole('status')).toContainText('2 checked in onsite');

  const results = await new AxeBuilder({ page }).include('#panel-attendance').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await shell.keepScreenshot('attendance');

  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export CSV' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('engineering-team-weekly-standup-attendance.csv');
  const lines = readFileSync(await saved.path(), 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe(
    'session,name,start_time,end_time,registered,attended,checked_in_onsite,attendance_rate,state,part',
  );
  expect(lines).toHaveLength(12);
  expect(lines[1]).toMatch(/^1,Engineering Team Weekly Standup,.+,20,\d+,2,[\d.]+,downloaded,$/);

  // Zoom failing: "Download again" says so, and the kept report stays on screen.
  const downloadedAt = await panel.getByRole('status').textContent();
  await sandbox.setFaults({ failNextRequests: 1000 });
  await panel.getByRole('button', { name: 'Download again' }).click();
  await expect(panel.getByRole('alert')).toBeVisible();
  await expect(rows).toHaveCount(11);
  await expect(panel.getByRole('status')).toHaveText(downloadedAt ?? '');
  await sandbox.setFaults({ failNextRequests: 0 });
  // The browser logs the bridge's answer for Zoom being unavailable; the page shows it as above.
  dropRefusedCalls(pageErrors, [503]);
});
