import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Planner } from './planner';
import { callServe, connectedSandbox } from './serveApi';

/** The serious and critical problems axe-core finds on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const training = {
  name: 'Git & GitHub Training Series',
  hub_id: 'hub-sandbox-main',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  start_time: '2027-01-06T18:00:00Z',
  recurrence: { type: 2, weekly_days: [4], end_times: 4, duration: 60 },
  occurrence_changes: [{ occurrence: 4, action: 'cancel' }],
  ticket_type: { name: 'Seat', free: true },
  registration: { link_name: 'Register', recurring_registration_option: 'multiple_sessions' },
  attendees: Array.from({ length: 40 }, (_, i) => ({
    email: `learner${String(i)}@example.com`,
    first_name: 'Learner',
    last_name: String(i),
    occurrences: [1 + (i % 3)],
  })),
  publish: true,
};

test('every screen passes axe-core with no serious or critical violations, and is kept as a picture', async ({
  shell,
  page,
  serve,
}) => {
  // axe-core on every screen, pictures included: on a busy two-core machine this takes longer than one screen's test.
  test.slow();
  const checked: Record<string, string[]> = {};
  const check = async (name: string) => {
    await shell.keepScreenshot(`a11y-${name}`);
    checked[name] = await seriousViolations(page);
  };

  await check('series-empty');
  await new Planner(page, shell).trySandbox();
  await check('settings');
  await shell.link('Check-in').click();
  await check('check-in');

  await callServe(serve, 'drafts.import', { file: { version: 1, series: [training] }, dryRun: false });
  await shell.link('Sync').click();
  await expect(page.getByRole('list', { name: 'Changes waiting' })).toBeVisible();
  await check('sync-waiting');
  const planner = new Planner(page, shell);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(planner.publicChanges).toBeVisible();
  await check('sync-public-changes');
  await planner.publicChanges.getByRole('button', { name: 'Sync and make public' }).click();
  await expect(page.getByRole('status').filter({ hasText: /everything is in sync/ })).toBeVisible();

  // Another planner renames the event while it is renamed here: a conflict to look at.
  const sandbox = await connectedSandbox(serve);
  const [event] = (await sandbox.state()).events.filter((candidate) => candidate.name === training.name);
  await sandbox.edit({ kind: 'rename-event', event_id: event?.event_id, name: 'Their training' });
  const [summary] = await callServe<{ id: string }[]>(serve, 'drafts.list');
  const { draft } = await callServe<{ draft: Record<string, unknown> }>(serve, 'drafts.get', { id: summary?.id });
  const details = Object.fromEntries(Object.entries(draft).filter(([field]) => field !== 'attendees'));
  await callServe(serve, 'drafts.saveDetails', { id: summary?.id, draft: { ...details, name: 'My training' } });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('listitem', { name: 'My training: Changed here and on Zoom' })).toBeVisible();
  await check('sync-conflict');

  await shell.link('Series').click();
  await expect(page.getByRole('table', { name: 'Series' })).toBeVisible();
  await check('series-list');
  await page.getByRole('link', { name: 'My training' }).click();
  await expect(page.getByRole('region', { name: 'Sessions' }).getByRole('listitem')).toHaveCount(4);
  await check('series-editor');
  await page.getByRole('tab', { name: 'Attendees' }).click();
  await expect(page.getByRole('table', { name: 'Attendees' })).toContainText('learner0@example.com');
  await check('attendees');
  await page.getByRole('button', { name: 'Add attendee' }).click();
  await expect(page.getByRole('dialog', { name: 'Add attendee' })).toBeVisible();
  await check('attendee-dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  await page.getByLabel('CSV file').setInputFiles({
    name: 'people.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Email,Name\nann@example.com,Ann\n'),
  });
  await expect(page.getByRole('table', { name: 'Column mapping' })).toBeVisible();
  await check('csv-import');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await check('shortcuts');

  expect(checked).toEqual(Object.fromEntries(Object.keys(checked).map((name) => [name, []])));
  expect(Object.keys(checked)).toHaveLength(12);
});

test('the check finds serious problems where there are some', async ({ page }) => {
  await page.setContent(
    '<html lang="en"><head><title>Bad</title></head><body><main><button></button><img src="data:,"><input type="text"></main></body></html>',
  );
  const found = await seriousViolations(page);
  expect(found.map((line) => line.split(':')[0]).sort()).toEqual(['button-name', 'image-alt', 'label']);
});
