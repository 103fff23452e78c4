import { expect, test } from './fixtures';
import { Planner } from './planner';
import { callServe, connectedSandbox, dropRefusedCalls } from './serveApi';

interface Changed {
  events: { event_id: string; name: string; status: string; cancel_message?: string }[];
  tickets: { event_id: string; email: string; session_ids?: string[] }[];
  sessions: { event_id: string; session_id: string; start_time: string }[];
}

const message = 'The course moves to Tuesdays and Thursdays. You are registered for the new dates.';

test('a published series gets a new pattern: previewed, confirmed, a new event with every registration, the old one cancelled', async ({
  shell,
  page,
  serve,
  pageErrors,
}) => {
  test.slow();
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  // Monday, Wednesday and Friday at 13:00 in New York, six sessions from 1 March 2027.
  const imported = await callServe<{ series: { id: string }[] }>(serve, 'drafts.import', {
    file: {
      version: 1,
      series: [
        {
          name: 'Onboarding course',
          timezone: 'America/New_York',
          event_type: 'RECURRING',
          start_time: '2027-03-01T18:00:00Z',
          recurrence: { type: 2, weekly_days: [2, 4, 6], end_times: 6, duration: 60 },
          ticket_type: { name: 'Course seat', free: true, quantity: 100 },
          registration: { link_name: 'Course registration', recurring_registration_option: 'multiple_sessions' },
          attendees: [
            { email: 'ada@example.com', occurrences: [1, 2] },
            { email: 'bob@example.com', occurrences: [2] },
            { email: 'cy@example.com', occurrences: [1, 3] },
          ],
          publish: true,
        },
      ],
    },
  });
  const oldId = imported.series[0]?.id ?? '';
  await planner.syncNow();
  await expect(page.getByText(/everything is in sync/).first()).toBeVisible();

  await shell.link('Series').click();
  await page.getByRole('link', { name: 'Onboarding course' }).click();
  await page.getByRole('button', { name: 'Change the pattern…' }).click();
  const days = page.getByRole('group', { name: 'On these days' });
  await days.getByRole('checkbox', { name: 'Monday' }).uncheck();
  await days.getByRole('checkbox', { name: 'Friday' }).uncheck();
  await days.getByRole('checkbox', { name: 'Tuesday' }).check();
  // Wednesday stays: Ada's and Bob's Wednesday session maps; Monday 1 and Friday 5 March do not.
  const plan = page.getByRole('region', { name: 'What will happen' });
  await expect(plan).toContainText('weekly on Tuesday and Wednesday, 6 sessions');
  await expect(plan).toContainText('3 registrations carried over; Zoom emails each person a ticket');
  const unmapped = plan.getByRole('table', { name: 'Sessions that cannot be mapped' });
  await expect(unmapped.getByRole('row')).toHaveCount(4);
  await expect(unmapped.getByRole('row', { name: /cy@example.com/ }).first()).toContainText('Nearest session');
  // Nothing is written before the planner confirms.
  expect(await callServe<unknown[]>(serve, 'drafts.list')).toHaveLength(1);

  const box = plan.getByRole('textbox', { name: "Message to the old event's registrants" });
  await box.fill('');
  await expect(plan.getByText('Write the message Zoom sends')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Change the pattern', exact: true })).toBeDisabled();
  await box.fill(message);
  await page.getByRole('button', { name: 'Change the pattern', exact: true }).click();

  const linked = page.getByRole('note', { name: 'Linked series' });
  await expect(linked).toContainText('Continues Onboarding course with a new pattern');
  await expect(page).not.toHaveURL(new RegExp(oldId));
  await planner.syncNow();
  // The second sync's own line, not the first one's still in the list.
  const recent = page.getByRole('region', { name: 'Recent syncs' });
  await expect(recent.getByText(/everything is in sync/)).toHaveCount(2, { timeout: 60_000 });

  const state = await connectedSandbox(serve).then((sandbox) => sandbox.state<Changed>());
  const events = state.events.filter((event) => event.name === 'Onboarding course');
  expect(events.map((event) => event.status).sort()).toEqual(['CANCELLED', 'PUBLISHED']);
  const cancelled = events.find((event) => event.status === 'CANCELLED');
  const live = events.find((event) => event.status === 'PUBLISHED');
  expect(cancelled?.cancel_message).toBe(message);
  const tickets = state.tickets.filter((ticket) => ticket.event_id === live?.event_id);
  expect(tickets.map((ticket) => ticket.email).sort()).toEqual([
    'ada@example.com',
    'bob@example.com',
    'cy@example.com',
  ]);
  const sessions = state.sessions.filter((session) => session.event_id === live?.event_id);
  expect(sessions.map((session) => new Date(session.start_time).getUTCDay())).toEqual([2, 3, 2, 3, 2, 3]);

  // The old series stays, read-only, linked to its successor both ways.
  await page.evaluate((id) => (window.location.hash = `#series/${id}`), oldId);
  await expect(linked).toContainText('this series continues as Onboarding course');
  await expect(linked).toContainText('Its event on Zoom was cancelled');
  await expect(page.getByLabel('Series name')).toBeDisabled();
  // Nothing on its page changes it: no session control, no weekday, no readiness, no new pattern.
  await expect(page.getByRole('heading', { name: 'Sessions', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Move|Cancel|Restore) session/ })).toHaveCount(0);
  const oldDays = page.getByRole('group', { name: 'On these days' });
  await expect(oldDays.getByRole('checkbox', { name: 'Monday' })).toBeDisabled();
  await expect(oldDays.getByRole('checkbox', { name: 'Tuesday' })).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: /^Not ready/ })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Change the pattern…', disabled: false })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Refresh from Zoom' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Attendees' }).click();
  await expect(page.getByRole('table', { name: 'Attendees' })).toContainText('ada@example.com');
  await expect(page.getByRole('button', { name: /^(Add attendee|Import CSV|Edit |Change sessions of )/ })).toHaveCount(
    0,
  );
  await expect(page.getByRole('checkbox', { name: 'Select ada@example.com' })).toBeDisabled();
  // Reading stays: its export.
  await expect(page.getByRole('button', { name: /^Export Onboarding course/ })).toBeEnabled();
  await page.getByRole('tab', { name: 'Details' }).click();

  await linked.getByRole('link', { name: 'Onboarding course' }).click();
  await expect(page.getByRole('note', { name: 'Linked series' })).toContainText('The old event is cancelled on Zoom.');

  // The list tells the two apart: the current one first, the replaced one after it, marked.
  await shell.link('Series').click();
  const rows = page.getByRole('table', { name: 'Series' }).getByRole('row', { name: /Onboarding course/ });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).not.toContainText('Replaced');
  await expect(rows.nth(1)).toContainText('Replaced Continues as Onboarding course');
  await expect(rows.nth(1)).toContainText('Replaced — old event cancelled on Zoom');
  await expect(rows.nth(1).getByRole('cell').nth(1)).toHaveText('—');
  await expect(rows.nth(1).getByRole('button', { name: 'Delete Onboarding course' })).toHaveCount(0);
  await expect(rows.nth(1).getByRole('checkbox', { name: /^Not ready/ })).toHaveCount(0);
  await rows.nth(1).getByRole('link', { name: 'Onboarding course' }).last().click();
  await expect(page.getByRole('note', { name: 'Linked series' })).toContainText('The old event is cancelled on Zoom.');
  dropRefusedCalls(pageErrors);
});

test('a series on Zoom in parts gets a new pattern: the parts it cancels named, then a new series in parts with everyone', async ({
  shell,
  page,
  serve,
  pageErrors,
}) => {
  test.slow();
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  // Every day at 09:00 in New York for 70 days from 4 January 2027: two events on Zoom, of 60 and 10.
  await callServe(serve, 'drafts.import', {
    file: {
      version: 1,
      series: [
        {
          name: 'Daily check-in',
          timezone: 'America/New_York',
          event_type: 'RECURRING',
          start_time: '2027-01-04T14:00:00Z',
          recurrence: { type: 1, end_times: 70, duration: 15 },
          ticket_type: { name: 'Check-in seat', free: true, quantity: 100 },
          registration: { link_name: 'Check-in registration' },
          attendees: [{ email: 'ada@example.com' }, { email: 'bob@example.com' }],
          publish: true,
        },
      ],
    },
  });
  await planner.syncNow();
  await expect(page.getByText(/everything is in sync/).first()).toBeVisible({ timeout: 60_000 });

  await shell.link('Series').click();
  await page.getByRole('link', { name: 'Daily check-in' }).click();
  await page.getByRole('button', { name: 'Change the pattern…' }).click();
  await page.getByRole('spinbutton', { name: 'Every how many days' }).fill('2');
  const plan = page.getByRole('region', { name: 'What will happen' });
  await expect(plan).toContainText('A new series “Daily check-in”');
  await expect(plan).toContainText('70 sessions from');
  await expect(plan).toContainText('as 2 linked events on Zoom');
  // Until the change is confirmed, the parts on Zoom show their own dates; the sessions beside the
  // plan are the new series', which is not on Zoom yet.
  const onZoom = page.getByRole('table', { name: 'Parts on Zoom' });
  await expect(onZoom.getByRole('row', { name: /Part 2 of 2/ })).toContainText('Fri, Mar 5 – Sun, Mar 14, 2027');
  await expect(planner.preview.getByRole('note', { name: 'Parts on Zoom' })).toHaveText(/^Will become 2 linked events/);
  await expect(planner.preview.getByRole('heading', { name: /^Part 1 of 2/ })).toHaveText(
    'Part 1 of 2 · sessions 1–60 · becomes its own event on Zoom',
  );
  await expect(plan).toContainText('2 registrations carried over');
  await expect(plan).toContainText(
    /part 1 \(.+\) and part 2 \(.+\) of “Daily check-in” \(daily\) are cancelled on Zoom/,
  );
  await page.getByRole('button', { name: 'Change the pattern', exact: true }).click();
  await expect(page.getByRole('note', { name: 'Linked series' })).toContainText('Continues Daily check-in');
  // The new series' parts are not on Zoom before the sync, and its page does not say they are.
  await expect(page.getByRole('heading', { name: /2 parts/, level: 2 })).toHaveText(
    'In 2 parts on Zoom after the next sync',
  );

  await planner.syncNow();
  const recent = page.getByRole('region', { name: 'Recent syncs' });
  await expect(recent.getByText(/everything is in sync/)).toHaveCount(2, { timeout: 60_000 });
  const state = await connectedSandbox(serve).then((sandbox) => sandbox.state<Changed>());
  const parts = state.events.filter((event) => event.name.startsWith('Daily check-in (part '));
  expect(parts.map((event) => [event.name, event.status]).sort()).toEqual([
    ['Daily check-in (part 1 of 2)', 'CANCELLED'],
    ['Daily check-in (part 1 of 2)', 'PUBLISHED'],
    ['Daily check-in (part 2 of 2)', 'CANCELLED'],
    ['Daily check-in (part 2 of 2)', 'PUBLISHED'],
  ]);
  for (const event of parts.filter((part) => part.status === 'PUBLISHED')) {
    const emails = state.tickets.filter((ticket) => ticket.event_id === event.event_id).map((ticket) => ticket.email);
    expect(emails.sort()).toEqual(['ada@example.com', 'bob@example.com']);
  }

  await shell.link('Series').click();
  const rows = page.getByRole('table', { name: 'Series' }).getByRole('row', { name: /Daily check-in/ });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('in 2 parts');
  await expect(rows.nth(1)).toContainText('Replaced — old event cancelled on Zoom');
  // The old series' page says that its parts' events were cancelled, not that they are in sync.
  await rows.nth(1).getByRole('link', { name: 'Daily check-in' }).first().click();
  const oldParts = page.getByRole('table', { name: 'Parts on Zoom' });
  await expect(oldParts.getByRole('row', { name: /^Part 1 of 2/ })).toContainText('Cancelled on Zoom');
  await expect(oldParts.getByRole('row', { name: /^Part 2 of 2/ })).toContainText('Cancelled on Zoom');
  dropRefusedCalls(pageErrors);
});
