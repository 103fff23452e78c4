import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callServe } from './serveApi';

const seriesFile = {
  version: 1,
  series: [
    {
      key: 'standup',
      name: 'Engineering Standup',
      timezone: 'America/New_York',
      event_type: 'RECURRING',
      start_time: '2027-03-02T15:00:00Z',
      recurrence: { type: 2, weekly_days: [3], end_times: 4, duration: 30 },
      occurrence_changes: [{ occurrence: 2, action: 'cancel' }],
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

/** Chooses a format in an Export menu and answers the downloaded file's name and text. */
async function exportAs(page: Page, menu: string, format: string): Promise<{ name: string; text: string }> {
  await page.getByRole('button', { name: menu }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('list', { name: menu }).getByRole('button', { name: format }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('exports every series as a calendar from the list, and one series as CSV from its page', async ({
  shell,
  page,
  serve,
}) => {
  await callServe(serve, 'drafts.import', { file: seriesFile, dryRun: false });
  await page.reload();
  await expect(shell.title).toBeVisible();
  await expect(page.getByRole('table', { name: 'Series' }).getByRole('row')).toHaveCount(3);

  await page.getByRole('button', { name: 'Export all series' }).click();
  await expect(page.getByText('A calendar entry is not a registration')).toBeVisible();
  await shell.keepScreenshot('series-export-menu');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('list', { name: 'Export all series' })).toBeHidden();
  const calendar = await exportAs(page, 'Export all series', 'Calendar (.ics)');
  expect(calendar.name).toBe('Cadence.ics');
  expect(calendar.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(calendar.text).toContain('SUMMARY:Engineering Standup\r\n');
  expect(calendar.text).toContain('SUMMARY:Product Launch\r\n');
  expect(calendar.text).toContain('EXDATE;TZID=America/New_York:20270309T100000\r\n');

  await page.getByRole('link', { name: 'Engineering Standup' }).click();
  await expect(page.getByRole('heading', { name: 'Engineering Standup' })).toBeVisible();
  await shell.keepScreenshot('series-export');
  const sessions = await exportAs(page, 'Export Engineering Standup', 'CSV (sessions)');
  expect(sessions.name).toBe('Engineering Standup sessions.csv');
  const rows = sessions.text.trimEnd().split('\r\n');
  expect(rows).toHaveLength(1 + 4);
  expect(rows[2]).toContain(',2,,cancelled,2027-03-09T15:00:00Z,');
});

test("a series page's Export menu opens whole inside the page, wherever the header puts its button", async ({
  shell,
  page,
  serve,
}) => {
  // A short name: the header's first line holds all but the button, which starts the second line.
  const [standup] = seriesFile.series;
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [{ ...standup, name: 'Daily standup' }] } });
  await page.reload();
  await page.getByRole('link', { name: 'Daily standup' }).click();
  await page.getByRole('button', { name: 'Export Daily standup' }).click();
  const menu = await page.getByRole('list', { name: 'Export Daily standup' }).boundingBox();
  const content = await page.getByRole('main').boundingBox();
  expect(menu).not.toBeNull();
  expect(content).not.toBeNull();
  if (menu === null || content === null) return;
  expect(menu.x).toBeGreaterThanOrEqual(content.x);
  expect(menu.x + menu.width).toBeLessThanOrEqual(content.x + content.width);
  await shell.keepScreenshot('series-export-menu-whole');
});
