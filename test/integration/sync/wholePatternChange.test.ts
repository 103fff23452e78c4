import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecurringSeriesDraft } from '../../../shared/drafts/seriesDraft';
import { ZoneClock } from '../../../shared/recurrence/zoneClock';
import type { SandboxData } from '../../../main/sandbox/sandboxData';
import { bundleWorker } from '../../support/bundleWorker';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// A series longer than one Zoom event, on Zoom in parts, gets a new pattern: the parts still to
// come are cancelled once the new series holds every registration, the parts that have ended stay
// as they are, and a sync killed right after each of Zoom's answers leaves nothing doubled.
let harness: Awaited<ReturnType<typeof syncHarness>>;
let workerFile: string;
// Cadence and the sandbox share one clock: the real one, until a test sets it on (only ever
// forward, as the sandbox's rate limits count in its windows); it keeps running from there.
let offset = 0;
const now = () => Date.now() + offset;
const setClock = (iso: string) => (offset = Date.parse(iso) - Date.now());

const message = 'The standup now meets on Mondays, Wednesdays and Fridays; your registration moves with it.';
const newYork = new ZoneClock('America/New_York');

beforeAll(async () => {
  [harness, workerFile] = await Promise.all([
    syncHarness({ clock: now }, { now }),
    bundleWorker('test/support/killingSyncWorker.ts', 'killingSyncWorker.mjs'),
  ]);
});

afterAll(async () => {
  await harness.close();
});

/** A daily standup at 09:00 New York from Monday 2027-01-04. */
function dailyStandup(sessions: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return standupSeries(0, {
    name: 'Daily standup',
    start_time: '2027-01-04T14:00:00Z',
    recurrence: { type: 1, repeat_interval: 1, end_times: sessions, duration: 15 },
    ...overrides,
  });
}

/** The stored series with a weekly pattern on Mondays, Wednesdays and Fridays, without its attendees. */
function onMondayWednesdayFriday(id: string, sessions: number): Record<string, unknown> {
  const { draft } = harness.drafts.get(id, { withAttendees: false });
  const recurring = draft as RecurringSeriesDraft;
  const details: Record<string, unknown> = {
    ...recurring,
    recurrence: { type: 2, repeat_interval: 1, weekly_days: [2, 4, 6], end_times: sessions, duration: 15 },
  };
  delete details.attendees;
  return details;
}

async function syncUntilDone(): Promise<void> {
  for (let run = 0; run < 4 && harness.services.drafts.status().waiting > 0; run += 1) {
    const report = await harness.services.sync.run();
    expect(
      report.conflicts,
      JSON.stringify(harness.services.stores.conflicts.open().map((c) => [c.kind, c.message])),
    ).toBe(0);
  }
  expect(harness.services.drafts.status().waiting).toBe(0);
}

/** The weekdays (0 = Sunday) of an event's sessions in New York, and how many. */
function weekdaysOf(state: SandboxData, eventId: string | undefined) {
  const sessions = state.sessions.filter((session) => session.event_id === eventId);
  const days = new Set(
    sessions.map((session) => new Date(newYork.toLocal(Date.parse(session.start_time))).getUTCDay()),
  );
  return { count: sessions.length, days: [...days].sort() };
}

/** One sync process, killed by itself right after Zoom answered `killAfter`. */
function runSync(killAfter: string): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerFile], {
      env: {
        ...process.env,
        CADENCE_SYNC_DATA_DIR: harness.dataDir,
        CADENCE_ZOOM_API_URL: harness.sandbox.sandbox.apiUrl,
        CADENCE_ZOOM_OAUTH_URL: harness.sandbox.sandbox.oauthUrl,
        CADENCE_KILL_AFTER: killAfter,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killed: true, output });
      else if (code === 0) resolve({ killed: false, output });
      else reject(new Error(`the sync process failed (${String(code)}): ${errors}`));
    });
  });
}

describe('a new pattern for a series on Zoom in parts', () => {
  it('continues a series in parts as a new one in parts exactly once, though the sync is killed after each step', async () => {
    const attendees = Array.from({ length: 40 }, (_, i) => ({ email: `person${String(i)}@example.com` }));
    const summary = harness.importSeries([dailyStandup(70, { key: 'standup', name: 'Standup', attendees })]);
    const wholeId = summary.series[0]?.id ?? '';
    await syncUntilDone();
    const oldEvents = harness.drafts.parts(wholeId).map((part) => part.zoom_event_id ?? '');

    const { id: newId, preview } = harness.services.patternChange.confirm({
      id: wholeId,
      draft: onMondayWednesdayFriday(wholeId, 90),
      cancelMessage: message,
    });
    expect(preview).toMatchObject({ sessions: 90, registrations: 40, kept_events: [] });
    expect(preview.cancelled_events.map((event) => event.event_id)).toEqual(oldEvents);
    expect(harness.drafts.parts(newId).map((part) => part.count)).toEqual([60, 30]);
    // What waits, and what Sync now asks to make public, names each old event it cancels.
    const cancels = harness.services.sync.pending().filter((change) => change.sentence.includes('old event'));
    expect(cancels.map((change) => [change.sentence, change.operations, change.public_effect])).toEqual([
      [
        'Cancel the old events "Standup (part 1 of 2)" and "Standup (part 2 of 2)" (replaced by a new pattern), with a message to their registrants',
        2,
        'cancellation',
      ],
    ]);

    const steps = [
      'createEvent',
      'createTicketType',
      'createAccessLink',
      'eventAction:publish',
      'createTickets',
      'eventAction:cancel',
      'eventAction:cancel',
    ];
    for (const [index, step] of steps.entries()) {
      const run = await runSync(step);
      expect(run.killed, `killed after ${step} (run ${String(index + 1)}): ${run.output}`).toBe(true);
    }
    const last = await runSync('none');
    expect(JSON.parse(last.output)).toMatchObject({ outcome: 'succeeded', waiting: 0, conflicts: 0 });

    const state = await harness.sandbox.control.state();
    const named = state.events.filter((event) => event.name.startsWith('Standup'));
    expect(named.filter((event) => event.status === 'CANCELLED').map((event) => event.event_id)).toEqual(oldEvents);
    expect(named.filter((event) => event.status === 'CANCELLED').map((event) => event.cancel_message)).toEqual([
      message,
      message,
    ]);
    const live = named.filter((event) => event.status === 'PUBLISHED');
    expect(live.map((event) => event.name).sort()).toEqual(['Standup (part 1 of 2)', 'Standup (part 2 of 2)']);
    expect(named).toHaveLength(4);
    for (const event of live) {
      const tickets = state.tickets.filter((ticket) => ticket.event_id === event.event_id);
      expect(new Set(tickets.map((ticket) => ticket.email)).size).toBe(40);
      expect(tickets).toHaveLength(40);
      expect(state.ticketTypes.filter((type) => type.event_id === event.event_id)).toHaveLength(1);
      expect(state.accessLinks.filter((link) => link.event_id === event.event_id)).toHaveLength(1);
    }
    expect(live.map((event) => weekdaysOf(state, event.event_id)).sort((a, b) => b.count - a.count)).toEqual([
      { count: 60, days: [1, 3, 5] },
      { count: 30, days: [1, 3, 5] },
    ]);
    const successor = harness.services.stores.links
      .linksOf(wholeId)
      .replaced_by.find((link) => link.kind === 'pattern_change');
    expect(successor?.settled_at).not.toBeNull();
  }, 120_000);

  it('cancels the parts still to come, keeps the part that has ended, and carries every registration', async () => {
    setClock('2027-01-01T00:00:00Z');
    const summary = harness.importSeries([
      dailyStandup(130, {
        key: 'course',
        registration: {
          link_name: 'Standup seats',
          recurring_registration_option: 'multiple_sessions',
          authentication_method: 'bypass_auth',
        },
        attendees: [
          // Wednesday 10 March.
          { email: 'ada@example.com', occurrences: [66] },
          // Sunday 14 March, a day the new pattern has no session.
          { email: 'bob@example.com', occurrences: [70] },
          // Wednesday 6 January (ended with part 1), Monday 15 March (part 2), Wednesday 5 May (part 3).
          { email: 'chooser@example.com', occurrences: [3, 71, 122] },
        ],
      }),
    ]);
    const wholeId = summary.series[0]?.id ?? '';
    await syncUntilDone();
    const partEvents = harness.drafts.parts(wholeId).map((part) => part.zoom_event_id ?? '');
    expect(partEvents).toHaveLength(3);

    // Wednesday 10 March, 07:00 in New York: part 1 (4 January to 4 March) has ended; part 2 is under way.
    setClock('2027-03-10T12:00:00Z');
    // A series under way, whose first part has ended, still takes an ordinary edit.
    const { draft: underWay } = harness.drafts.get(wholeId, { withAttendees: false });
    const described: Record<string, unknown> = { ...underWay, description: 'Fifteen minutes, cameras on.' };
    delete described.attendees;
    expect(harness.drafts.saveDetails(wholeId, described)).toEqual({ id: wholeId, isNew: false });
    const details = onMondayWednesdayFriday(wholeId, 60);
    const preview = harness.services.patternChange.preview({ id: wholeId, draft: details, cancelMessage: message });
    expect(preview).toMatchObject({
      old_pattern: 'Daily',
      new_pattern: 'Weekly on Monday, Wednesday and Friday',
      registrations: 3,
      skipped_past: 28,
      sessions: 32,
      first_start: '2027-03-10T14:00:00Z',
      unmapped: [
        {
          email: 'bob@example.com',
          from: { occurrence: 70 },
          replacement: { start_time: '2027-03-15T13:00:00Z' },
        },
        { email: 'chooser@example.com', from: { occurrence: 3 }, replacement: null },
      ],
      cancelled_events: [
        { event_id: partEvents[1], part: { position: 2, of: 3 }, first_start: '2027-03-05T14:00:00Z' },
        { event_id: partEvents[2], part: { position: 3, of: 3 }, last_start: '2027-05-13T13:00:00Z' },
      ],
      kept_events: [{ event_id: partEvents[0], part: { position: 1, of: 3 }, last_start: '2027-03-04T14:00:00Z' }],
    });
    const { id: newId } = harness.services.patternChange.confirm({
      id: wholeId,
      draft: details,
      cancelMessage: message,
    });
    expect(harness.drafts.parts(newId)).toEqual([]);

    // Before the sync, someone registers on part 3's own page for Friday 7 May.
    const before = await harness.sandbox.control.state();
    const friday = before.sessions.find(
      (session) => session.event_id === partEvents[2] && session.start_time === '2027-05-07T13:00:00Z',
    );
    await harness.sandbox.control.edit({
      kind: 'register',
      event_id: partEvents[2] ?? '',
      email: 'late@example.com',
      session_ids: [friday?.session_id ?? ''],
    });
    await syncUntilDone();

    const state = await harness.sandbox.control.state();
    const statusOf = (eventId: string | undefined) => state.events.find((event) => event.event_id === eventId);
    expect(statusOf(partEvents[0])).toMatchObject({ status: 'PUBLISHED' });
    expect(statusOf(partEvents[0])?.cancel_message).toBeUndefined();
    for (const eventId of partEvents.slice(1)) {
      expect(statusOf(eventId)).toMatchObject({ status: 'CANCELLED', cancel_message: message });
    }
    const newEventId = harness.services.stores.outbox.zoomState(newId).eventId;
    expect(statusOf(newEventId)).toMatchObject({ status: 'PUBLISHED', name: 'Daily standup' });
    expect(weekdaysOf(state, newEventId)).toEqual({ count: 32, days: [1, 3, 5] });
    const sessionStarts = new Map(state.sessions.map((session) => [session.session_id, session.start_time]));
    const held = (email: string) =>
      state.tickets
        .filter((ticket) => ticket.event_id === newEventId && ticket.email === email)
        .flatMap((ticket) => ticket.session_ids ?? [])
        .map((id) => sessionStarts.get(id))
        .sort();
    expect(new Set(state.tickets.filter((t) => t.event_id === newEventId).map((t) => t.email))).toEqual(
      new Set(['ada@example.com', 'bob@example.com', 'chooser@example.com', 'late@example.com']),
    );
    expect(held('ada@example.com')).toEqual(['2027-03-10T14:00:00Z']);
    expect(held('bob@example.com')).toEqual(['2027-03-15T13:00:00Z']);
    expect(held('chooser@example.com')).toEqual(['2027-03-15T13:00:00Z', '2027-05-05T13:00:00Z']);
    expect(held('late@example.com')).toEqual(['2027-05-07T13:00:00Z']);
    // Part 1's registration stays as it was.
    expect(state.tickets.filter((ticket) => ticket.event_id === partEvents[0]).map((t) => t.email)).toEqual([
      'chooser@example.com',
    ]);

    // Each cancel went only after the last registration was on the new event.
    const requests = await harness.sandbox.control.requests();
    const lastTicketAt = requests.findLastIndex((request) => request.operationId === 'createTickets');
    for (const eventId of partEvents.slice(1)) {
      const cancelAt = requests.findLastIndex(
        (request) => request.operationId === 'EventActions' && request.path.includes(eventId),
      );
      expect(cancelAt).toBeGreaterThan(lastTicketAt);
    }
    // Part 1 was published once, and never cancelled.
    expect(
      requests.filter((r) => r.operationId === 'EventActions' && r.path.includes(partEvents[0] ?? '-')),
    ).toHaveLength(1);

    // One series is named on each side; the old one is settled once its last part is cancelled.
    const links = harness.services.stores.links;
    expect(links.linksOf(newId).replaces.map((link) => link.series_id)).toEqual([wholeId]);
    const successor = links.linksOf(wholeId).replaced_by.find((link) => link.kind === 'pattern_change');
    expect(successor?.settled_at).not.toBeNull();
    expect(harness.drafts.list().find((entry) => entry.id === wholeId)?.replaced_by).toMatchObject({
      series_id: newId,
      settled_at: expect.any(String) as unknown,
    });
    const renamed = { ...onMondayWednesdayFriday(wholeId, 60), ...harness.drafts.get(wholeId).draft, name: 'Renamed' };
    delete (renamed as { attendees?: unknown }).attendees;
    expect(() => harness.drafts.saveDetails(wholeId, renamed)).toThrow(/continues as/);
  }, 60_000);

  it('cancels the old event in the same sync when only the first part of the new series holds registrations', async () => {
    // Ten Thursdays from 3 June 2027, lengthened to seventy: two parts, the people all in the first.
    const summary = harness.importSeries([
      standupSeries(0, {
        key: 'retro',
        name: 'Retro',
        start_time: '2027-06-03T14:00:00Z',
        recurrence: { type: 2, repeat_interval: 1, weekly_days: [5], end_times: 10, duration: 60 },
        registration: {
          link_name: 'Retro seats',
          recurring_registration_option: 'multiple_sessions',
          authentication_method: 'bypass_auth',
        },
        attendees: [
          { email: 'ada@example.com', occurrences: [1, 2] },
          { email: 'bob@example.com', occurrences: [3] },
        ],
      }),
    ]);
    const oldId = summary.series[0]?.id ?? '';
    await syncUntilDone();
    const oldEvent = harness.services.stores.outbox.zoomState(oldId).eventId;
    const { draft } = harness.drafts.get(oldId, { withAttendees: false });
    const longer: Record<string, unknown> = {
      ...draft,
      recurrence: { type: 2, repeat_interval: 1, weekly_days: [5], end_times: 70, duration: 60 },
    };
    delete longer.attendees;
    const { id: newId } = harness.services.patternChange.confirm({ id: oldId, draft: longer, cancelMessage: message });
    expect(harness.drafts.parts(newId).map((part) => part.count)).toEqual([60, 10]);

    const report = await harness.services.sync.run();
    expect(report.conflicts).toBe(0);
    expect(harness.services.sync.pending().map((change) => change.sentence)).toEqual([]);
    const state = await harness.sandbox.control.state();
    expect(state.events.find((event) => event.event_id === oldEvent)).toMatchObject({ status: 'CANCELLED' });
  }, 60_000);
});
