import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CadenceError } from '../../../shared/errors';
import type { RecurringSeriesDraft } from '../../../shared/drafts/seriesDraft';
import { bundleWorker } from '../../support/bundleWorker';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// A published weekly series with 120 registrants changes its pattern: one new event, 120
// registrations on it, the old one cancelled with the planner's message, nothing doubled, though
// the sync is killed (SIGKILL) right after Zoom answered each step and before Cadence recorded it.
let harness: Awaited<ReturnType<typeof syncHarness>>;
let workerFile: string;
let oldId: string;

const message = 'The standup moves to Tuesdays and Thursdays; your registration moves with it.';

beforeAll(async () => {
  [harness, workerFile] = await Promise.all([
    syncHarness(),
    bundleWorker('test/support/killingSyncWorker.ts', 'killingSyncWorker.mjs'),
  ]);
  const summary = harness.importSeries([standupSeries(120, { key: 'standup', publish: true })]);
  oldId = summary.series[0]?.id ?? '';
  const report = await harness.services.sync.run();
  expect(report.outcome).toBe('succeeded');
});

afterAll(async () => {
  await harness.sandbox.close();
});

function editedDetails(): Record<string, unknown> {
  const { draft } = harness.drafts.get(oldId, { withAttendees: false });
  const recurring = draft as RecurringSeriesDraft;
  const details: Record<string, unknown> = {
    ...recurring,
    recurrence: { ...recurring.recurrence, weekly_days: [3, 5] },
  };
  delete details.attendees;
  return details;
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

describe('changing the pattern of a published series', () => {
  it('previews the change and writes nothing until the planner confirms', () => {
    const before = harness.drafts.list().length;
    const preview = harness.services.patternChange.preview({ id: oldId, draft: editedDetails() });
    expect(preview).toMatchObject({
      old_pattern: 'Weekly on Monday',
      new_pattern: 'Weekly on Tuesday and Thursday',
      registrations: 120,
      sessions: 12,
      skipped_past: 0,
      unmapped: [],
    });
    expect(preview.cancel_message).toContain('registration moves');
    expect(harness.drafts.list()).toHaveLength(before);
    // A plain save still refuses the new pattern, naming the field.
    expect(() => harness.drafts.saveDetails(oldId, editedDetails())).toThrow(CadenceError);
  });

  it('refuses an empty message to registrants, naming the field', () => {
    try {
      harness.services.patternChange.preview({ id: oldId, draft: editedDetails(), cancelMessage: '  ' });
      expect.unreachable();
    } catch (error) {
      expect((error as CadenceError).issues.map((issue) => issue.path)).toEqual(['cancel_message']);
    }
  });

  it('makes one new event with every registration and cancels the old one, through a kill at each step', async () => {
    const oldEventId = harness.services.stores.outbox.zoomState(oldId).eventId ?? '';
    const { id: newId, preview } = harness.services.patternChange.confirm({
      id: oldId,
      draft: editedDetails(),
      cancelMessage: message,
    });
    expect(preview.registrations).toBe(120);
    expect(harness.services.attendees.list(newId)).toHaveLength(120);
    expect(harness.services.stores.links.linksOf(newId).replaces).toMatchObject([
      { series_id: oldId, kind: 'pattern_change', settled_at: null },
    ]);
    // The old series stays as it was: a change to it is refused.
    const { draft: stored } = harness.drafts.get(oldId, { withAttendees: false });
    const storedDetails: Record<string, unknown> = { ...stored, name: 'Renamed' };
    delete storedDetails.attendees;
    expect(() => harness.drafts.saveDetails(oldId, storedDetails)).toThrow(/continues as/);
    expect(() => harness.services.patternChange.confirm({ id: oldId, draft: editedDetails() })).toThrow(/continues as/);
    expect(() => harness.drafts.setReady(oldId, false)).toThrow(/continues as/);
    // Nor is it read back from Zoom: its event is being cancelled, and what it held is carried over.
    await expect(harness.services.zoomRefresh.refresh(oldId)).rejects.toThrow(/continues as/);
    // The list marks the old series as replaced, after the current one, with no session to come.
    const waiting = harness.drafts.list();
    expect(waiting.map((entry) => entry.id).slice(-2)).toEqual([newId, oldId]);
    expect(waiting.find((entry) => entry.id === oldId)).toMatchObject({
      replaced_by: { series_id: newId, name: preview.old_name, settled_at: null },
      next_occurrence: null,
    });
    expect(waiting.find((entry) => entry.id === newId)?.replaced_by).toBeNull();
    expect(waiting.find((entry) => entry.id === newId)?.next_occurrence).not.toBeNull();

    const steps = [
      'createEvent',
      'createTicketType',
      'createAccessLink',
      'eventAction:publish',
      'createTickets',
      'eventAction:cancel',
    ];
    for (const step of steps) {
      const run = await runSync(step);
      expect(run.killed, `killed after ${step}`).toBe(true);
    }
    const last = await runSync('none');
    expect(last.killed).toBe(false);
    expect(JSON.parse(last.output)).toMatchObject({ outcome: 'succeeded', waiting: 0 });

    const state = await harness.sandbox.control.state();
    const named = state.events.filter((event) => event.name === preview.old_name);
    expect(named).toHaveLength(2);
    const [cancelled, live] = [
      named.filter((event) => event.status === 'CANCELLED'),
      named.filter((event) => event.status === 'PUBLISHED'),
    ];
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]?.cancel_message).toBe(message);
    expect(live).toHaveLength(1);
    const tickets = state.tickets.filter((ticket) => ticket.event_id === live[0]?.event_id);
    expect(tickets).toHaveLength(120);
    expect(new Set(tickets.map((ticket) => ticket.email)).size).toBe(120);
    expect(state.ticketTypes.filter((type) => type.event_id === live[0]?.event_id)).toHaveLength(1);
    expect(state.accessLinks.filter((link) => link.event_id === live[0]?.event_id)).toHaveLength(1);
    const sessions = state.sessions.filter((session) => session.event_id === live[0]?.event_id);
    expect(sessions).toHaveLength(12);
    expect(new Set(sessions.map((session) => new Date(session.start_time).getUTCDay()))).toEqual(new Set([2, 4]));

    // The cancel went only after the last registration was on the new event.
    const requests = await harness.sandbox.control.requests();
    const cancelAt = requests.findLastIndex(
      (request) => request.operationId === 'EventActions' && request.path.includes(oldEventId),
    );
    const lastTicketAt = requests.findLastIndex((request) => request.operationId === 'createTickets');
    expect(cancelAt).toBeGreaterThan(lastTicketAt);

    const links = harness.services.stores.links.linksOf(oldId);
    expect(links.replaced_by).toMatchObject([{ series_id: newId, kind: 'pattern_change' }]);
    expect(links.replaced_by[0]?.settled_at).not.toBeNull();
    const listed = harness.drafts.list();
    expect(listed.find((entry) => entry.id === newId)).toMatchObject({ is_published: true, attendees: 120 });
    expect(listed.find((entry) => entry.id === oldId)?.replaced_by).toEqual({
      series_id: newId,
      name: preview.old_name,
      settled_at: links.replaced_by[0]?.settled_at,
    });
  }, 120_000);

  it('carries people who registered on the old event after the change, before cancelling it', async () => {
    // Mondays and Wednesdays, sessions chosen per person; the new pattern keeps Wednesday, drops Monday.
    const summary = harness.importSeries([
      standupSeries(2, {
        key: 'course',
        name: 'Course',
        publish: true,
        attendees: [
          { email: 'person0@example.com', occurrences: [1, 2] },
          { email: 'person1@example.com', occurrences: [2] },
        ],
        recurrence: { type: 2, repeat_interval: 1, weekly_days: [2, 4], end_times: 8, duration: 30 },
        registration: {
          link_name: 'Course seats',
          recurring_registration_option: 'multiple_sessions',
          authentication_method: 'bypass_auth',
        },
      }),
    ]);
    const courseId = summary.series[0]?.id ?? '';
    expect((await harness.services.sync.run()).outcome).toBe('succeeded');
    const oldEventId = harness.services.stores.outbox.zoomState(courseId).eventId ?? '';
    const { draft } = harness.drafts.get(courseId, { withAttendees: false });
    const details: Record<string, unknown> = {
      ...draft,
      recurrence: { ...(draft as RecurringSeriesDraft).recurrence, weekly_days: [3, 4] },
    };
    delete details.attendees;
    const { id: newId } = harness.services.patternChange.confirm({ id: courseId, draft: details });

    // Before the sync, two people register on the old event's page: one for the first Monday and
    // Wednesday, one for that Wednesday only.
    const oldSessions = (await harness.sandbox.control.state()).sessions
      .filter((session) => session.event_id === oldEventId)
      .sort((a, b) => a.start_time.localeCompare(b.start_time));
    const monday = oldSessions.find((session) => new Date(session.start_time).getUTCDay() === 1);
    const wednesday = oldSessions.find((session) => new Date(session.start_time).getUTCDay() === 3);
    await harness.sandbox.control.edit({
      kind: 'register',
      event_id: oldEventId,
      email: 'late@example.com',
      session_ids: [monday?.session_id ?? '', wednesday?.session_id ?? ''],
    });
    await harness.sandbox.control.edit({
      kind: 'register',
      event_id: oldEventId,
      email: 'wednesday@example.com',
      session_ids: [wednesday?.session_id ?? ''],
    });

    const report = await harness.services.sync.run();
    expect(report.outcome).toBe('succeeded');
    const state = await harness.sandbox.control.state();
    expect(state.events.find((event) => event.event_id === oldEventId)?.status).toBe('CANCELLED');
    const newEventId = harness.services.stores.outbox.zoomState(newId).eventId;
    const emails = (eventId: string | undefined) =>
      state.tickets.filter((ticket) => ticket.event_id === eventId).map((ticket) => ticket.email);
    expect(new Set(emails(newEventId))).toEqual(
      new Set(['person0@example.com', 'person1@example.com', 'late@example.com', 'wednesday@example.com']),
    );
    // Each holds the new event's session on the day they chose, and only it.
    const newSessions = new Map(
      state.sessions.filter((session) => session.event_id === newEventId).map((s) => [s.session_id, s.start_time]),
    );
    const held = (email: string) =>
      state.tickets
        .filter((ticket) => ticket.event_id === newEventId && ticket.email === email)
        .flatMap((ticket) => ticket.session_ids ?? [])
        .map((id) => newSessions.get(id));
    expect(held('wednesday@example.com')).toEqual([wednesday?.start_time]);
    // Monday has no session on the same day any more; the Wednesday carries over.
    expect(held('late@example.com')).toEqual([wednesday?.start_time]);
    const carried = harness.services.attendees.list(newId).filter((row) => row.email.endsWith('late@example.com'));
    expect(carried).toMatchObject([{ origin: 'zoom', on_zoom: true }]);

    // Nothing is carried twice: another sync sends nothing.
    expect(await harness.services.sync.run()).toMatchObject({ outcome: 'succeeded', done: 0 });
    const after = await harness.sandbox.control.state();
    expect(after.tickets.filter((ticket) => ticket.event_id === newEventId)).toHaveLength(
      state.tickets.filter((ticket) => ticket.event_id === newEventId).length,
    );
  }, 60_000);
});
