import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { Planner } from './planner';
import { connectedSandbox } from './serveApi';

interface PartsState {
  events: { event_id: string; name: string }[];
  sessions: { event_id: string; start_time: string }[];
}

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/**
 * A session's row of the preview, jumped to as a planner drags the scroll bar: to where the row
 * should be, then a screen up or down until it is drawn (the list draws only the rows in view).
 */
async function sessionRow(preview: Locator, occurrence: number): Promise<Locator> {
  const row = preview.getByRole('listitem', { name: new RegExp(`^Session ${String(occurrence)},`) });
  const scroller = preview.getByTestId('sessions-scroll');
  for (let step = 0; step < 40 && (await row.count()) === 0; step += 1) {
    await scroller.evaluate(
      (element, { wanted, isFirst }) => {
        const shown = [...element.querySelectorAll<HTMLElement>('li[data-occurrence]')].map((li) =>
          Number(li.dataset.occurrence),
        );
        const total = Number(element.querySelector('li')?.getAttribute('aria-setsize') ?? '1');
        if (isFirst || shown.length === 0) element.scrollTop = (element.scrollHeight * (wanted - 1)) / total;
        else if (wanted < Math.min(...shown)) element.scrollTop -= element.clientHeight;
        else element.scrollTop += element.clientHeight;
      },
      { wanted: occurrence, isFirst: step === 0 },
    );
    await scroller.evaluate(
      () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
    );
  }
  await row.scrollIntoViewIfNeeded();
  return row;
}

test('a standup every weekday for a year: previewed as one series in five parts, synced as five events, listed once', async ({
  shell,
  page,
  serve,
}) => {
  // 260 sessions in five events: a sync of 20 operations, on a machine shared with other runs.
  test.setTimeout(120_000);
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  await planner.newSeries();
  await planner.fillSeries({
    name: 'Daily standup',
    timeZone: 'America/New_York',
    startDate: '2027-01-04',
    startTime: '09:30',
    duration: 15,
    repeats: 'Weekly',
    weekdays,
    sessions: 260,
    ticketName: 'Team pass',
    linkName: 'Standup registration',
    publish: true,
  });

  const preview = planner.preview;
  await expect(preview.getByText(/260 sessions · 5 parts/)).toBeVisible();
  await expect(preview.getByRole('note', { name: 'Parts on Zoom' })).toHaveText(
    'Will become 5 linked events on Zoom (Zoom allows 60 sessions in one); Cadence keeps them as one series.',
  );
  await expect(preview.getByRole('heading', { name: /^Part 1 of 5/ })).toHaveText(
    'Part 1 of 5 · sessions 1–60 · becomes its own event on Zoom',
  );
  await expect(preview.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '260');
  // Part 2 begins on the next working day after part 1's last session: Friday 26 March, then Monday 29 March.
  const sixtieth = await sessionRow(preview, 60);
  await expect(sixtieth).toHaveAttribute('aria-label', /^Session 60, .*Mar 26/);
  const sixtyFirst = await sessionRow(preview, 61);
  await expect(sixtyFirst).toHaveAttribute('aria-label', /^Session 61, .*Mar 29/);
  await expect(sixtyFirst.getByRole('heading')).toHaveText(
    'Part 2 of 5 · sessions 61–120 · becomes its own event on Zoom',
  );
  const last = await sessionRow(preview, 260);
  await expect(last).toHaveAttribute('aria-label', /^Session 260, .*Dec 31/);
  await expect((await sessionRow(preview, 241)).getByRole('heading')).toHaveText(
    'Part 5 of 5 · sessions 241–260 · becomes its own event on Zoom',
  );

  // One person for every session: registered in each of the five events.
  await planner.openTab('Attendees');
  await planner.addAttendee({ email: 'ada@example.com', first: 'Ada', last: 'Lovelace' });
  await planner.syncNow();
  await expect(page.getByText(/everything is in sync/).first()).toBeVisible({ timeout: 60_000 });

  await shell.link('Series').click();
  const table = page.getByRole('table', { name: 'Series' });
  await expect(table.getByRole('row')).toHaveCount(2);
  const row = table.getByRole('row', { name: /Daily standup/ });
  await expect(row).toContainText('260');
  await expect(row).toContainText('in 5 parts');

  const state = await connectedSandbox(serve).then((sandbox) => sandbox.state<PartsState>());
  const events = state.events.filter((event) => event.name.startsWith('Daily standup'));
  expect(events.map((event) => event.name).sort()).toEqual(
    [1, 2, 3, 4, 5].map((n) => `Daily standup (part ${String(n)} of 5)`),
  );
  const counts = events.map((event) => state.sessions.filter((s) => s.event_id === event.event_id).length);
  expect(counts.sort((a, b) => b - a)).toEqual([60, 60, 60, 60, 20]);

  await row.getByRole('link', { name: 'Daily standup' }).click();
  const parts = page.getByRole('table', { name: 'Parts on Zoom' });
  await expect(parts.getByRole('row')).toHaveCount(6);
  for (const event of events) await expect(parts).toContainText(event.event_id);
  const second = parts.getByRole('row', { name: /Part 2 of 5/ });
  await expect(second).toContainText('61–120');
  const secondEvent = events.find((event) => event.name.endsWith('(part 2 of 5)'))?.event_id ?? '';
  await expect(second).toContainText(secondEvent);
  await expect(second.getByRole('link', { name: 'Open the event page of part 2 of 5' })).toHaveAttribute(
    'href',
    new RegExp(`/ev/${secondEvent}$`),
  );
  await expect(page.getByRole('note', { name: 'Parts on Zoom' })).toHaveText(
    'On Zoom as 5 linked events (Zoom allows 60 sessions in one); Cadence keeps them as one series.',
  );
  await expect(page.getByRole('heading', { name: /^Part 1 of 5/ })).toHaveText(
    'Part 1 of 5 · sessions 1–60 · its own event on Zoom',
  );

  await planner.openTab('Attendees');
  await expect(page.getByRole('row', { name: /ada@example.com/ })).toContainText('Registered in parts 1–5');
  // The attendance of the whole: every part's event read, its sessions numbered on under each part.
  await page.getByRole('tab', { name: 'Attendance' }).click();
  await page.getByRole('button', { name: 'Download report' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText('1 person registered');
  const sessions = page.getByRole('table').filter({ hasText: 'Attendance per session' });
  await expect(sessions.getByRole('rowheader', { name: `Part 2 of 5 · Zoom event ${secondEvent}` })).toBeVisible();
  await expect(sessions.getByRole('rowheader', { name: /^61\. / })).toContainText('Mar 29');
  // The parts' table, the preview's part headings and the report's part rows: nothing serious for axe.
  const results = await new AxeBuilder({ page }).include('.series-parts').include('#panel-attendance').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await shell.keepScreenshot('series-parts');
});
