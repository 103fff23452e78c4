import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

const picked = [
  { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', occurrences: [2] },
  { email: 'bo@example.com', first_name: 'Bo', last_name: 'Builder', occurrences: [2] },
  { email: 'cy@example.com', occurrences: [2] },
  { email: 'di@example.com', first_name: 'Di', occurrences: [2] },
  { email: 'ed@example.com', first_name: 'Ed', occurrences: [2] },
  { email: 'fay@example.com', first_name: 'Fay', occurrences: [3] },
];

test('opening a series puts the focus on its name; Move puts it on the new date', async ({ page, serve, shell }) => {
  await openTraining(page, serve);
  await expect(page.getByRole('heading', { level: 2, name: 'Onboarding Training' })).toBeFocused();
  await new Planner(page, shell).preview.getByRole('button', { name: 'Move session 1', exact: true }).click();
  const moveForm = page.getByRole('form', { name: 'Move session 1' });
  // The first field of the form (the date, however it is drawn) has the focus.
  expect(
    await moveForm.evaluate((form) => {
      const first = form.querySelector('input, [role="spinbutton"], select');
      return first !== null && first === document.activeElement && first.closest('[aria-label], label') !== null;
    }),
  ).toBe(true);
  // The date's first segment, ready to type.
  await expect(moveForm.getByRole('group', { name: 'New date' }).getByRole('spinbutton').first()).toBeFocused();
});

test('cancelling a session attendees chose names them and moves them to another session first', async ({
  page,
  serve,
  shell,
}) => {
  const summary = await callServe<{ series: { id: string }[] }>(serve, 'drafts.import', {
    file: { version: 1, series: [{ ...training, attendees: picked }] },
    dryRun: false,
  });
  const seriesId = summary.series[0]?.id ?? '';
  await page.reload();
  await page.getByRole('link', { name: 'Onboarding Training' }).click();
  const planner = new Planner(page, shell);

  await planner.preview.getByRole('button', { name: 'Cancel session 2' }).click();
  const panel = planner.preview.getByRole('group', { name: 'Attendees of session 2' });
  await expect(panel).toContainText(
    '5 attendees chose session 2: Ada Lovelace, Bo Builder, cy@example.com and 2 more. Move them to another session before it is cancelled.',
  );
  await expect(panel.getByText(/^5 attendees chose session 2/)).toBeFocused();
  // Nothing is cancelled yet.
  await expect(planner.preview.getByRole('listitem', { name: /^Session 2,/ })).not.toContainText('Cancelled');
  await panel.getByRole('button', { name: 'Keep session 2' }).click();
  await expect(panel).toHaveCount(0);

  await planner.preview.getByRole('button', { name: 'Cancel session 2' }).click();
  await panel.getByLabel('Move them to').selectOption('3');
  await panel.getByRole('button', { name: 'Move them and cancel session 2' }).click();
  await expect(planner.preview.getByRole('listitem', { name: /^Session 2,/ })).toContainText('Cancelled');
  await planner.expectSaved();
  await expect(page.getByText(/does not fit/)).toHaveCount(0);

  const rows = await callServe<{ email: string; occurrences?: number[] }[]>(serve, 'attendees.list', { seriesId });
  expect(rows.map((row) => [row.email, row.occurrences])).toEqual([
    ['ada@example.com', [3]],
    ['bo@example.com', [3]],
    ['cy@example.com', [3]],
    ['di@example.com', [3]],
    ['ed@example.com', [3]],
    ['fay@example.com', [3]],
  ]);
  // A session nobody chose is cancelled at once.
  await planner.preview.getByRole('button', { name: 'Cancel session 5' }).click();
  await expect(planner.preview.getByRole('listitem', { name: /^Session 5,/ })).toContainText('Cancelled');
});

test('a refused save in the attendee dialog puts the focus on the first field with a problem', async ({
  shell,
  page,
  serve,
  pageErrors,
}) => {
  expect(shell.page).toBe(page);
  await openTraining(page, serve);
  await page.getByRole('tab', { name: 'Attendees' }).click();
  await page.getByRole('button', { name: 'Add attendee' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add attendee' });
  const save = dialog.getByRole('button', { name: 'Add attendee' });

  // Two problems: the first one in the form takes the focus.
  await dialog.getByLabel('Email').fill(`${'a'.repeat(120)}@example.com`);
  await save.click();
  await expect(dialog.getByLabel('Email')).toBeFocused();
  await expect(dialog.getByLabel('Email')).toHaveAccessibleDescription('An email address is at most 128 characters.');

  // The session list sits between the summary and this problem.
  await dialog.getByLabel('Email').fill('ada@example.com');
  await save.click();
  const sessions = dialog.getByRole('group', { name: 'Session' });
  await expect(sessions.getByRole('radio').first()).toBeFocused();
  await expect(sessions.getByRole('radio').first()).toHaveAccessibleDescription(
    'Choose the session this person attends.',
  );

  // A problem inside the folded "More details" opens them.
  await sessions.getByRole('radio').nth(1).check();
  await dialog.getByText('More details').click();
  await dialog.getByLabel('Phone').fill('0'.repeat(60));
  await dialog.getByText('More details').click();
  await save.click();
  await expect(dialog.getByLabel('Phone')).toBeFocused();
  await expect(dialog.getByLabel('Phone')).toBeVisible();
  dropRefusedCalls(pageErrors);
});

test('a CSV file over 64 MB is refused before it is read, naming the limit', async ({
  shell,
  page,
  serve,
  dataDir,
}) => {
  await openTraining(page, serve);
  await new Planner(page, shell).openTab('Attendees');
  // Sparse: its size is what counts, and nothing of it is read.
  const path = join(dataDir, 'everyone.csv');
  writeFileSync(path, '');
  truncateSync(path, 65 * 1024 * 1024);
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import attendees from CSV' });
  await dialog.getByLabel('CSV file').setInputFiles(path);
  await expect(dialog).toContainText(
    'everyone.csv is larger than 64 MB, the most Cadence reads of an attendee list; nothing was read.',
  );
});
