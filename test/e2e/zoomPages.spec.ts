import { expect, test } from './fixtures';
import { Planner } from './planner';
import { callServe, connectedSandbox } from './serveApi';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const series = {
  key: 'e2e-zoom-pages',
  name: 'Monthly Webinar',
  timezone: 'Europe/London',
  event_type: 'RECURRING',
  start_time: '2027-02-04T10:00:00Z',
  recurrence: { type: 2, repeat_interval: 1, weekly_days: [5], end_times: 3, duration: 60 },
  ticket_type: { name: 'Seat', free: true, currency: 'USD' },
  registration: { link_name: 'Sign up' },
  attendees: [],
  publish: true,
};

test("after a sync, the series shows its hub's name, the registration link and the event's page, to open or copy", async ({
  shell,
  page,
  serve,
}) => {
  await new Planner(page, shell).trySandbox();
  await callServe(serve, 'drafts.import', { file: { version: 1, series: [series] }, dryRun: false });
  await shell.link('Series').click();
  const row = page.getByRole('row', { name: /Monthly Webinar/ });
  await expect(row).not.toContainText('Sandbox Hub');

  await new Planner(page, shell).syncNow();
  await expect(page.getByRole('region', { name: 'Recent syncs' }).getByRole('listitem').first()).toContainText('Done');
  const state = await (
    await connectedSandbox(serve)
  ).state<{
    events: { event_id: string; name: string; event_url?: string }[];
    accessLinks: { event_id: string; name: string; url: string }[];
  }>();
  const link = state.accessLinks.find((candidate) => candidate.name === 'Sign up');
  expect(link?.url).toMatch(/^https:\/\//);

  await shell.link('Series').click();
  await expect(row).toContainText('Sandbox Hub');
  await row.getByRole('link', { name: 'Monthly Webinar' }).click();
  const onZoom = page.getByRole('region', { name: 'On Zoom' });
  await expect(onZoom.getByRole('definition').first()).toHaveText('Sandbox Hub');
  const registration = onZoom.getByRole('link', { name: 'Open the registration link' });
  await expect(registration).toHaveAttribute('href', link?.url ?? '');
  await expect(registration).toHaveAttribute('target', '_blank');
  await expect(onZoom.getByRole('link', { name: 'Open the event page' })).toHaveAttribute(
    'href',
    `https://events.zoom.us/ev/${link?.event_id ?? ''}`,
  );
  await shell.keepScreenshot('series-on-zoom');

  await onZoom.getByRole('button', { name: 'Copy the registration link' }).click();
  await expect(onZoom.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link?.url);
});
