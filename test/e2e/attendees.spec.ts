import type { Request } from '@playwright/test';
import { expect, test } from './fixtures';
import { Planner } from './planner';
import { callServe, dropRefusedCalls } from './serveApi';

// The attendee list of a training series whose attendees choose their sessions: large imports,
// problems in the planner's words, and where the focus goes.

const training = {
  key: 'training',
  name: 'Onboarding Training',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  start_time: '2027-01-04T14:00:00Z',
  recurrence: { type: 2, weekly_days: [2, 4, 6], end_times: 12, duration: 60 },
  ticket_type: { name: 'Seat' },
  registration: { link_name: 'Sign up', recurring_registration_option: 'single_session' },
};

async function openTraining(
  page: import('@playwright/test').Page,
  serve: import('../support/serveProcess').ServeProcess,
) {
  const summary = await callServe<{ series: { id: string }[] }>(serve, 'drafts.import', {
    file: { version: 1, series: [training] },
    dryRun: false,
  });
  await page.reload();
  await page.getByRole('link', { name: 'Onboarding Training' }).click();
  return summary.series[0]?.id ?? '';
}

/** A CSV file of `count` people, each in one session; lines 5 and 10 have a problem. */
function trainingCsv(count: number): string {
  const lines = ['Email,First Name,Last Name,Sessions'];
  for (let i = 0; i < count; i += 1)
    lines.push(`person${String(i)}@example.com,Person,${String(i)},${String(1 + (i % 12))}`);
  lines[4] = 'not-an-email,Bad,Email,1';
  lines[9] = 'late@example.com,Late,Comer,99';
  return `${lines.join('\n')}\n`;
}

test('imports 30,000 attendees from one CSV file, in parts with a progress bar, and all of them at once', async ({
  shell,
  page,
  serve,
}) => {
  // 30,000 rows checked in the page, then sent in parts and written by main.
  test.slow();
  const seriesId = await openTraining(page, serve);
  const planner = new Planner(page, shell);
  await planner.openTab('Attendees');

  const parts: Request[] = [];
  // Each part waits a moment on its way, so that the progress bar can be seen.
  await page.route('**/api/call/attendees.importRows', async (route) => {
    parts.push(route.request());
    await new Promise((resolve) => setTimeout(resolve, 150));
    await route.continue();
  });
  await planner.importCsv(trainingCsv(30_000));
  const dialog = page.getByRole('dialog', { name: 'Import attendees from CSV' });
  await expect(dialog).toContainText('people.csv: 30,000 rows.');
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    '29,998 rows ready (29,998 new attendees, 0 updates); 2 rows with problems will not be imported.',
  );
  const problems = dialog.getByRole('list', { name: 'Rows with problems' });
  await expect(problems.getByRole('listitem')).toHaveCount(2);
  await expect(problems.getByRole('listitem').nth(0)).toContainText('Line 5: Email:');
  await expect(problems.getByRole('listitem').nth(1)).toHaveText(
    'Line 10: Sessions: This series has 12 sessions, numbered 1 to 12.',
  );

  await dialog.getByRole('button', { name: 'Import 29,998 attendees' }).click();
  const progress = dialog.getByRole('progressbar');
  await expect(progress).toBeVisible();
  await expect(dialog.getByText(/^Sending [\d,]+ of 29,998 rows…$/)).toBeVisible();
  await expect(
    dialog.getByText('Imported: 29,998 new attendees, 0 updates. 2 rows with problems were left out'),
  ).toBeVisible({
    timeout: 60_000,
  });
  expect(parts.length).toBeGreaterThan(1);
  for (const part of parts) expect(part.postDataBuffer()?.length ?? 0).toBeLessThan(1024 * 1024);

  await dialog.getByRole('button', { name: 'Close' }).click();
  const rows = await callServe<unknown[]>(serve, 'attendees.list', { seriesId });
  expect(rows).toHaveLength(29_998);
});

test('an import interrupted half-way leaves the list as it was, says so, and can be done again', async ({
  shell,
  page,
  serve,
  pageErrors,
}) => {
  test.slow();
  const seriesId = await openTraining(page, serve);
  const planner = new Planner(page, shell);
  await planner.openTab('Attendees');

  let sent = 0;
  // The third part never arrives: the connection drops.
  await page.route('**/api/call/attendees.importRows', async (route) => {
    sent += 1;
    if (sent === 3) await route.abort('connectionreset');
    else await route.continue();
  });
  await planner.importCsv(trainingCsv(20_000));
  const dialog = page.getByRole('dialog', { name: 'Import attendees from CSV' });
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  await dialog.getByRole('button', { name: 'Import 19,998 attendees' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The import stopped and nothing was imported.');
  expect(await callServe<unknown[]>(serve, 'attendees.list', { seriesId })).toHaveLength(0);

  await dialog.getByRole('button', { name: 'Import 19,998 attendees' }).click();
  await expect(dialog.getByText('Imported: 19,998 new attendees, 0 updates.')).toBeVisible({ timeout: 60_000 });
  expect(await callServe<unknown[]>(serve, 'attendees.list', { seriesId })).toHaveLength(19_998);
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((message) => !message.includes('ERR_CONNECTION_RESET')));
  dropRefusedCalls(pageErrors);
});
