import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { Planner } from './planner';
import { callServe, connectedSandbox } from './serveApi';

const series = {
  key: 'e2e-history',
  hub_id: 'hub-sandbox-main',
  name: 'Weekly sync',
  meeting_type: 'MEETING',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  start_time: '2027-01-05T15:00:00Z',
  recurrence: { type: 2, repeat_interval: 1, weekly_days: [3], end_times: 4, duration: 30 },
  ticket_type: { name: 'Pass', free: true, currency: 'USD' },
  registration: { link_name: 'Register' },
  publish: true,
};

test('the history shows an edit here, a change on Zoom and a resolution, filters them, and undoes the resolution', async ({
  shell,
  page,
  serve,
}) => {
  test.slow();
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [series] }, dryRun: false });
  await planner.syncNow('make public');
  const runs = page.getByRole('region', { name: 'Recent syncs' });
  await expect(runs.getByRole('listitem').first()).toContainText('Done');

  // The planner renames the series here, letter by letter as anyone types.
  await shell.link('Series').click();
  await page.getByRole('link', { name: 'Weekly sync' }).click();
  const name = page.getByLabel('Series name');
  await name.fill('');
  await name.pressSequentially('Team sync');
  await planner.expectSaved();

  // Meanwhile on Zoom, another planner renames it too and writes a description.
  const sandbox = await connectedSandbox(serve);
  const event = (await sandbox.state()).events.find((candidate) => candidate.name === 'Weekly sync');
  await sandbox.edit({ kind: 'rename-event', event_id: event?.event_id, name: 'Their sync' });
  await sandbox.edit({ kind: 'update-event', event_id: event?.event_id, fields: { description: 'Bring questions' } });
  await planner.syncNow('nothing asked');
  const card = page.getByRole('listitem', { name: /: Changed here and on Zoom$/ });
  await card.getByRole('button', { name: 'Take theirs' }).click();
  await expect(card).toHaveCount(0);

  await shell.link('Series').click();
  await page.getByRole('link', { name: 'Their sync' }).click();
  await page.getByRole('tab', { name: 'History' }).click();
  const changes = page.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem');
  await expect(changes).toHaveCount(4);
  await expect(changes.nth(0)).toContainText('Name: Team sync → Their sync');
  await expect(changes.nth(0)).toContainText('conflict settled: took Zoom’s');
  await expect(changes.nth(1)).toContainText('Description: — → Bring questions');
  await expect(changes.nth(1)).toContainText('on Zoom');
  await expect(changes.nth(2)).toContainText('Name: Weekly sync → Team sync');
  await expect(changes.nth(2)).toContainText('on this laptop');
  await expect(changes.nth(2)).toContainText('today');
  await expect(changes.nth(3)).toContainText('Series created: Weekly sync');
  await shell.keepScreenshot('history');
  const axe = await new AxeBuilder({ page }).include('#panel-history').analyze();
  expect(
    axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical'),
  ).toEqual([]);

  // Filters: who, what, and text.
  const who = page.getByRole('group', { name: 'Who' });
  await who.getByRole('checkbox', { name: 'Zoom' }).check();
  await expect(changes).toHaveText([/Description: — → Bring questions/]);
  await who.getByRole('checkbox', { name: 'Zoom' }).uncheck();
  await page.getByRole('group', { name: 'What' }).getByRole('checkbox', { name: 'Event' }).check();
  await page.getByLabel('Search the history').fill('team');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(1)).toContainText('Name: Weekly sync → Team sync');
  await page.getByLabel('Search the history').fill('');
  await expect(changes).toHaveCount(4);

  // Undo, by keyboard: the name is mine again and the conflict waits for the planner once more.
  const undo = changes.nth(0).getByRole('button', { name: /^Undo: Name: Team sync → Their sync/ });
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'back in the draft' })).toContainText(
    'the conflict is open again',
  );
  await expect(changes).toHaveCount(5);
  await expect(changes.nth(0)).toContainText('Name: Their sync → Team sync');
  await expect(changes.nth(0)).toContainText('conflict settled: undone');
  await expect(page.getByRole('button', { name: /^Undo:/ })).toHaveCount(0);
  await shell.link('Sync').click();
  await expect(page.getByRole('listitem', { name: 'Team sync: Changed here and on Zoom' })).toBeVisible();
});
