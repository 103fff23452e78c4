import { expect, test } from './fixtures';
import { Planner, typeTime } from './planner';
import { callServe, connectedSandbox, dropRefusedCalls, type SandboxState } from './serveApi';

type Ticketed = SandboxState & { tickets: { event_id: string; email: string; session_ids?: string[] }[] };

const hourLater = (instant: string) => new Date(Date.parse(instant) + 3_600_000).toISOString().replace('.000Z', 'Z');

test('a published training series moved an hour later: every session moves on Zoom and every ticket stays valid', async ({
  shell,
  page,
  serve,
  pageErrors,
}) => {
  // From an empty app to a published series, changed and synced again: more than one screen's test.
  test.slow();
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  await planner.newSeries();
  await planner.fillSeries({
    name: 'Onboarding course',
    timeZone: 'America/New_York',
    startDate: '2027-03-01',
    startTime: '13:00',
    duration: 60,
    repeats: 'Weekly',
    weekdays: ['Monday', 'Wednesday', 'Friday'],
    sessions: 6,
    ticketName: 'Course seat',
    linkName: 'Course registration',
    registersFor: 'Several sessions',
  });
  await page.getByRole('checkbox', { name: /Publish on Zoom/ }).check();
  await planner.expectSaved();
  await planner.openTab('Attendees');
  await planner.addAttendee({ email: 'ada@example.com', first: 'Ada', sessions: [1, 2] });
  await planner.addAttendee({ email: 'bob@example.com', first: 'Bob', sessions: [3, 6] });
  await planner.addAttendee({ email: 'cy@example.com', first: 'Cy', sessions: [5] });
  await planner.syncNow();
  await expect(page.getByText(/everything is in sync/).first()).toBeVisible();
  const sandbox = await connectedSandbox(serve);
  const before = await sandbox.state<Ticketed>();
  const eventId = before.events.find((event) => event.name === 'Onboarding course')?.event_id;
  expect(before.events.find((event) => event.event_id === eventId)?.status).toBe('PUBLISHED');
  const sessionsBefore = before.sessions.filter((session) => session.event_id === eventId);
  expect(sessionsBefore).toHaveLength(6);

  await shell.link('Series').click();
  await page.getByRole('link', { name: 'Onboarding course' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'published on Zoom' })).toContainText(
    'A new start time or duration moves every session still to come',
  );
  await typeTime(page.getByRole('group', { name: 'Start time' }), '14:00');
  await planner.expectSaved();
  await expect(planner.preview.getByRole('listitem', { name: /^Session 1,/ })).toContainText('2:00');
  // Moving sessions makes nothing new public: Sync now asks nothing.
  await planner.syncNow('nothing asked');
  await expect(page.getByRole('region', { name: 'Recent syncs' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('list', { name: 'Changes waiting' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /To settle/ })).toHaveCount(0);

  const after = await sandbox.state<Ticketed>();
  const sessionsAfter = after.sessions.filter((session) => session.event_id === eventId);
  expect(sessionsAfter.map((session) => session.session_id)).toEqual(sessionsBefore.map((s) => s.session_id));
  expect(sessionsAfter.map((session) => session.start_time)).toEqual(
    sessionsBefore.map((session) => hourLater(session.start_time)),
  );
  const liveSessions = new Set(sessionsAfter.map((session) => session.session_id));
  const tickets = after.tickets.filter((ticket) => ticket.event_id === eventId);
  expect(tickets.map((ticket) => ticket.email).sort()).toEqual([
    'ada@example.com',
    'bob@example.com',
    'cy@example.com',
  ]);
  for (const ticket of tickets) {
    expect(ticket.session_ids?.length ?? 0).toBeGreaterThan(0);
    for (const id of ticket.session_ids ?? []) expect(liveSessions.has(id)).toBe(true);
  }
  dropRefusedCalls(pageErrors);
});

test('keep mine that Zoom cannot do is refused at the conflict, in words', async ({
  shell,
  page,
  serve,
  pageErrors,
}) => {
  const planner = new Planner(page, shell);
  await planner.trySandbox();
  const series = {
    key: 'standup',
    hub_id: 'hub-sandbox-main',
    name: 'Weekly Standup',
    timezone: 'America/New_York',
    event_type: 'RECURRING',
    start_time: '2027-01-05T15:00:00Z',
    recurrence: { type: 2, repeat_interval: 1, weekly_days: [3], end_times: 4, duration: 30 },
    ticket_type: { name: 'Pass', free: true, currency: 'USD' },
    registration: { link_name: 'Register' },
    publish: true,
  };
  const [imported] = (
    await callServe<{ series: { id: string }[] }>(serve, 'drafts.import', {
      file: { version: 1, series: [series] },
      dryRun: false,
    })
  ).series;
  await planner.syncNow();
  await expect(page.getByText(/everything is in sync/).first()).toBeVisible();
  const sandbox = await connectedSandbox(serve);
  const zoom = await sandbox.state();
  const second = zoom.sessions.sort((a, b) => a.start_time.localeCompare(b.start_time))[1];
  await sandbox.edit({ kind: 'delete-session', event_id: second?.event_id, session_id: second?.session_id });
  const { draft } = await callServe<{ draft: Record<string, unknown> }>(serve, 'drafts.get', { id: imported?.id });
  await callServe(serve, 'drafts.save', {
    id: imported?.id,
    draft: {
      ...draft,
      occurrence_changes: [
        { occurrence: 2, action: 'move', start_time: '2027-01-14T15:00:00Z', end_time: '2027-01-14T15:30:00Z' },
      ],
    },
  });

  await shell.link('Series').click();
  await planner.syncNow('nothing asked');
  const card = page.getByRole('listitem', { name: 'Weekly Standup: Session deleted on Zoom' });
  await card.getByRole('button', { name: 'Keep mine' }).click();
  await expect(card.getByRole('alert')).toContainText('Zoom cannot bring back a deleted session');
  await expect(card.getByRole('alert')).toBeFocused();
  await card.getByRole('button', { name: 'Take theirs' }).click();
  await expect(page.getByRole('heading', { name: /To settle/ })).toHaveCount(0);
  dropRefusedCalls(pageErrors, [409]);
});
