import { expect, test } from './fixtures';
import { Planner } from './planner';
import { callServe, dropRefusedCalls } from './serveApi';

const seriesFile = {
  version: 1,
  series: [
    {
      key: 'standup',
      name: 'Engineering Standup',
      timezone: 'America/New_York',
      event_type: 'RECURRING',
      start_time: '2027-01-04T15:00:00Z',
      recurrence: { type: 2, weekly_days: [2], end_times: 12, duration: 30 },
      ticket_type: { name: 'Pass' },
      registration: { link_name: 'Register' },
      attendees: [
        { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace' },
        { email: 'bob@example.com', first_name: 'Bob' },
      ],
    },
    {
      key: 'launch',
      name: 'Product Launch',
      timezone: 'Europe/Berlin',
      event_type: 'SIMPLE_EVENT',
      start_time: '2027-02-01T09:00:00Z',
      end_time: '2027-02-01T10:00:00Z',
    },
  ],
};

test('imports a series file, then searches, filters, duplicates and deletes from the list', async ({
  shell,
  page,
  pageErrors,
}) => {
  await page.getByLabel('Series file').setInputFiles({
    name: 'series.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(seriesFile)),
  });
  await expect(page.getByText('Imported 2 new series')).toBeVisible();
  const table = page.getByRole('table', { name: 'Series' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /Engineering Standup/ })).toContainText('Draft');
  await expect(table.getByRole('row', { name: /Engineering Standup/ })).toContainText('Mon, Jan 4, 2027, 10:00 AM EST');

  await page.getByLabel('Search series').fill('launch');
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Search series').fill('');
  await page.getByLabel('Show').selectOption({ label: 'Published' });
  await expect(page.getByText('No series match')).toBeVisible();
  await page.getByLabel('Show').selectOption({ label: 'All series' });

  await page.getByRole('button', { name: 'Duplicate Engineering Standup' }).click();
  await expect(page.getByLabel('Series name')).toHaveValue('Engineering Standup (copy)');
  await page.getByRole('tab', { name: 'Attendees' }).click();
  await expect(page.getByText('No attendees yet')).toBeVisible();
  await shell.link('Series').click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete Engineering Standup (copy)' }).click();
  await expect(table.getByRole('row')).toHaveCount(3);

  // A file that is not a series file names its problem and imports nothing.
  await page.getByLabel('Series file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ version: 1, series: [{ ...seriesFile.series[0], timezone: undefined }] })),
  });
  await expect(page.getByRole('alert')).toContainText('nothing was imported');
  await expect(page.getByRole('alert')).toContainText('series[0].timezone');
  await expect(table.getByRole('row')).toHaveCount(3);
  dropRefusedCalls(pageErrors);
});

test('shows each problem beside its field, saves nothing invalid, and saves at once when fixed', async ({
  shell,
  page,
  serve,
}) => {
  const planner = new Planner(page, shell);
  await planner.newSeries();
  await page.getByLabel('Series name').fill('');
  await expect(page.getByLabel('Series name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The series name cannot be empty.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Not saved yet' })).toHaveText(
    'Not saved yet: 1 problem to fix',
  );
  await page.getByRole('group', { name: 'On these days' }).getByRole('checkbox', { name: 'Tuesday' }).check();
  await page.getByRole('group', { name: 'On these days' }).getByRole('checkbox', { name: 'Monday' }).uncheck();
  await page.getByRole('group', { name: 'On these days' }).getByRole('checkbox', { name: 'Tuesday' }).uncheck();
  await expect(page.getByText('Choose at least one day.')).toBeVisible();
  await expect(planner.preview).toContainText('Fix the schedule to see its sessions.');
  await shell.keepScreenshot('series-editor-problems');
  const [stored] = await callServe<{ name: string }[]>(serve, 'drafts.list');
  expect(stored?.name).toBe('Untitled series');

  await page.getByRole('group', { name: 'On these days' }).getByRole('checkbox', { name: 'Thursday' }).check();
  await page.getByLabel('Series name').fill('Thursday Talks');
  await planner.expectSaved();
  await expect(planner.preview).toContainText('Weekly on Thursday · 10 sessions');
  const [saved] = await callServe<{ name: string }[]>(serve, 'drafts.list');
  expect(saved?.name).toBe('Thursday Talks');
  // Reloading shows what was saved: there is no Save button to forget.
  await page.reload();
  await expect(page.getByLabel('Series name')).toHaveValue('Thursday Talks');
});

test('works from the keyboard: N for a new series, / to search, ? for the list of shortcuts, S to sync', async ({
  shell,
  page,
  pageErrors,
}) => {
  await page.keyboard.press('n');
  await expect(page.getByLabel('Series name')).toBeFocused();
  await page.keyboard.type('Keyboard Series');
  await expect(page.getByLabel('Series name')).toHaveValue('Keyboard Series');
  await page.getByRole('link', { name: '← All series' }).click();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search series')).toBeFocused();
  await page.keyboard.type('keyboard');
  await expect(page.getByRole('table', { name: 'Series' }).getByRole('row')).toHaveCount(2);
  await page.getByLabel('Search series').blur();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('New series');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.keyboard.press('s');
  await expect(shell.title).toHaveText('Sync');
  await new Planner(page, shell).publicChanges.getByRole('button', { name: 'Sync and make public' }).click();
  // Not connected yet: the sync says what to do, and the changes keep waiting (a new series is
  // created unpublished: event, ticket type, registration link).
  await expect(page.getByRole('alert')).toContainText('Cadence is not connected to Zoom. Connect in Settings');
  await expect(page.getByRole('status').filter({ hasText: 'changes waiting' })).toContainText('3 changes waiting');
  // The way forward is on the same screen.
  const prompt = page.getByRole('region', { name: 'Not connected to Zoom' });
  await prompt.getByRole('button', { name: 'Try without a Zoom account' }).click();
  await expect(prompt).toHaveCount(0);
  await new Planner(page, shell).pressSyncNow();
  await expect(page.locator('.sync-report')).toHaveText('Sent 3 changes to Zoom; everything is in sync.');
  dropRefusedCalls(pageErrors, [404]);
});

test('edits and removes attendees, and filters the table', async ({ shell, page, serve, pageErrors }) => {
  await callServe(serve, 'drafts.import', { file: seriesFile, dryRun: false });
  await page.reload();
  await page.getByRole('link', { name: 'Engineering Standup' }).click();
  await page.getByRole('tab', { name: 'Attendees' }).click();
  const table = page.getByRole('table', { name: 'Attendees' });
  await expect(table.getByRole('row')).toHaveCount(3);

  await page.getByRole('button', { name: 'Edit bob@example.com' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit bob@example.com' });
  await dialog.getByLabel('Last name').fill('Builder');
  await dialog.getByLabel('Organization').fill('Acme');
  await dialog.getByLabel('Email').fill('ada@example.com');
  await dialog.getByRole('button', { name: 'Save attendee' }).click();
  await expect(dialog.getByText('ada@example.com is already on the list.').first()).toBeVisible();
  await dialog.getByLabel('Email').fill('bob@example.com');
  await dialog.getByRole('button', { name: 'Save attendee' }).click();
  await expect(table.getByRole('row', { name: /bob@example.com/ })).toContainText('Bob Builder');
  await expect(table.getByRole('row', { name: /bob@example.com/ })).toContainText('Acme');

  await expect(table.getByRole('row').nth(1)).toContainText('ada@example.com');
  await table.getByRole('button', { name: 'Email' }).click();
  await table.getByRole('button', { name: 'Email' }).click();
  await expect(table.getByRole('columnheader', { name: 'Email' })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(1)).toContainText('bob@example.com');

  await page.getByLabel('Search attendees').fill('lovelace');
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Search attendees').fill('');
  page.once('dialog', (confirm) => void confirm.accept());
  await page.getByLabel('Select ada@example.com').check();
  await page.getByRole('button', { name: 'Remove 1 attendee' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  const rows = await callServe<{ email: string; last_name?: string }[]>(serve, 'attendees.list', {
    seriesId: (await callServe<{ id: string }[]>(serve, 'drafts.list'))[0]?.id,
  });
  expect(rows).toMatchObject([{ email: 'bob@example.com', last_name: 'Builder' }]);
  await shell.keepScreenshot('attendees-edited');
  dropRefusedCalls(pageErrors);
});
