import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plannedSessions } from '../../../shared/drafts/plannedSessions';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { SandboxData } from '../../../main/sandbox/sandboxData';
import { ZoomApiError } from '../../../main/zoom/zoomErrors';
import { bundleWorker } from '../../support/bundleWorker';
import { weeklyStandupBody } from '../../support/sandbox';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// Series longer than the 60 sessions one Zoom event holds reach the sandbox, over real HTTP, as
// linked events of at most 60 sessions each, through the sync every series goes through.
let harness: Awaited<ReturnType<typeof syncHarness>>;
let workerFile: string;

beforeAll(async () => {
  [harness, workerFile] = await Promise.all([
    syncHarness(),
    bundleWorker('test/support/killingSyncWorker.ts', 'killingSyncWorker.mjs'),
  ]);
});

afterAll(async () => {
  await harness.close();
});

/** A daily standup at 09:00 New York from Monday 2027-01-04, across both DST changes. */
function dailyStandup(sessions: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return standupSeries(0, {
    name: 'Daily standup',
    start_time: '2027-01-04T14:00:00Z',
    recurrence: { type: 1, repeat_interval: 1, end_times: sessions, duration: 15 },
    ...overrides,
  });
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

/** The sandbox's live events of a whole, by part name, each with its sessions in time order. */
function partsOnZoom(state: SandboxData, name: string) {
  const events = state.events
    .filter((event) => event.name.startsWith(`${name} (part `) && event.status !== 'CANCELLED')
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  return events.map((event) => ({
    event,
    sessions: state.sessions
      .filter((session) => session.event_id === event.event_id)
      .sort((a, b) => a.start_time.localeCompare(b.start_time))
      .map((session) => ({ start_time: session.start_time, end_time: session.end_time })),
    emails: state.tickets.filter((ticket) => ticket.event_id === event.event_id).map((ticket) => ticket.email),
  }));
}

function heldSessions(draft: SeriesDraft) {
  return plannedSessions(draft)
    .filter((session) => session.status !== 'cancelled')
    .map((session) => ({ start_time: session.start_time, end_time: session.end_time }));
}

describe('a series of more than 60 sessions on Zoom', () => {
  it('is refused by the sandbox as one event of 61 sessions, as Zoom refuses it', async () => {
    const tooLong = { ...weeklyStandupBody, recurrence: { ...weeklyStandupBody.recurrence, end_times: 61 } };
    const refusal = await harness.sandbox.client.api.createEvent(tooLong).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ZoomApiError);
    expect((refusal as ZoomApiError).status).toBe(400);
  });

  it('syncs a 260-session daily series as five events, once each though the sync is killed after every create', async () => {
    const attendees = [{ email: 'ada@example.com' }, { email: 'bob@example.com' }];
    const summary = harness.importSeries([dailyStandup(260, { key: 'daily', attendees })]);
    const wholeId = summary.series[0]?.id ?? '';
    expect(summary.series[0]).toMatchObject({ sessions: 260, attendees: 2 });
    expect(harness.drafts.list()).toMatchObject([{ id: wholeId, sessions: 260, parts: 5, sync_state: 'draft' }]);

    let kills = 0;
    for (let run = 0; run < 8; run += 1) {
      const { killed, output } = await runSync('createEvent');
      if (!killed) {
        expect(JSON.parse(output)).toMatchObject({ outcome: 'succeeded', waiting: 0, conflicts: 0 });
        break;
      }
      kills += 1;
    }
    expect(kills).toBeGreaterThanOrEqual(1);

    const parts = partsOnZoom(await harness.sandbox.control.state(), 'Daily standup');
    expect(parts.map((part) => part.event.name)).toEqual(
      [1, 2, 3, 4, 5].map((n) => `Daily standup (part ${String(n)} of 5)`),
    );
    expect(parts.map((part) => part.sessions.length)).toEqual([60, 60, 60, 60, 20]);
    expect(parts.every((part) => part.event.status === 'PUBLISHED')).toBe(true);
    expect(parts.flatMap((part) => part.sessions)).toEqual(heldSessions(harness.drafts.get(wholeId).draft));
    for (const part of parts) expect(part.emails.sort()).toEqual(['ada@example.com', 'bob@example.com']);

    const listed = harness.drafts.list();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: wholeId, sessions: 260, parts: 5, attendees: 2, sync_state: 'published' });
    const summaries = harness.drafts.parts(wholeId);
    expect(summaries.map((part) => [part.index, part.first_occurrence, part.count, part.sync_state])).toEqual([
      [0, 1, 60, 'published'],
      [1, 61, 60, 'published'],
      [2, 121, 60, 'published'],
      [3, 181, 60, 'published'],
      [4, 241, 20, 'published'],
    ]);
    expect(summaries.map((part) => part.zoom_event_id)).toEqual(parts.map((part) => part.event.event_id));
    // Check-in by the series' key downloads the part whose sessions come next: part 1, before it starts.
    expect(harness.services.checkIn.eventIdNamed('daily')).toBe(parts[0]?.event.event_id);
  }, 90_000);

  it('keeps a published whole’s pattern and its parts as Zoom has them; deleting the whole deletes every part', async () => {
    const [whole] = harness.drafts.list();
    const wholeId = whole?.id ?? '';
    const { draft } = harness.drafts.get(wholeId, { withAttendees: false });
    const details: Record<string, unknown> = {
      ...draft,
      recurrence: { type: 1, repeat_interval: 1, end_times: 300, duration: 15 },
    };
    delete details.attendees;
    expect(() => harness.drafts.saveDetails(wholeId, details)).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        issues: [expect.objectContaining({ path: 'recurrence.end_times' })],
      }) as Error,
    );
    const [part] = harness.drafts.parts(wholeId);
    expect(() => harness.drafts.delete(part?.series_id ?? '')).toThrow(/part 1 of "Daily standup"/);

    expect(harness.drafts.delete(wholeId)).toBe('queued');
    expect(harness.drafts.list()).toEqual([]);
    const report = await harness.services.sync.run();
    expect(report).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    expect(partsOnZoom(await harness.sandbox.control.state(), 'Daily standup')).toEqual([]);
  }, 60_000);

  it('registers a chosen-session attendee only in the parts of their sessions, and a removal in every part', async () => {
    const summary = harness.importSeries([
      dailyStandup(130, {
        key: 'chosen',
        name: 'Office hours',
        registration: { link_name: 'Choose', recurring_registration_option: 'multiple_sessions' },
        attendees: [
          { email: 'ada@example.com', occurrences: [5, 70] },
          { email: 'bob@example.com', occurrences: [95] },
          { email: 'cy@example.com', occurrences: [1, 61, 121] },
        ],
      }),
    ]);
    const wholeId = summary.series[0]?.id ?? '';
    expect(await harness.services.sync.run()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    // A refresh from Zoom of the whole reads each of its parts back.
    expect(await harness.services.zoomRefresh.refresh(wholeId)).toMatchObject({
      series_id: wholeId,
      changes: 0,
      conflicts: 0,
      is_gone: false,
    });
    let parts = partsOnZoom(await harness.sandbox.control.state(), 'Office hours');
    expect(parts.map((part) => part.emails.sort())).toEqual([
      ['ada@example.com', 'cy@example.com'],
      ['ada@example.com', 'bob@example.com', 'cy@example.com'],
      ['cy@example.com'],
    ]);

    const cy = harness.services.attendees.list(wholeId).find((row) => row.email === 'cy@example.com');
    harness.services.attendees.remove(wholeId, [cy?.id ?? '']);
    expect(await harness.services.sync.run()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    parts = partsOnZoom(await harness.sandbox.control.state(), 'Office hours');
    expect(parts.map((part) => part.emails.sort())).toEqual([
      ['ada@example.com'],
      ['ada@example.com', 'bob@example.com'],
      [],
    ]);

    // Choosing other sessions moves the registration to the parts that hold them.
    const ada = harness.services.attendees.list(wholeId).find((row) => row.email === 'ada@example.com');
    harness.services.attendees.save(wholeId, ada?.id, { email: 'ada@example.com', occurrences: [125] });
    expect(await harness.services.sync.run()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    parts = partsOnZoom(await harness.sandbox.control.state(), 'Office hours');
    expect(parts.map((part) => part.emails.sort())).toEqual([[], ['bob@example.com'], ['ada@example.com']]);

    // A change made on Zoom to part 2 and here to the whole is a conflict on the whole, naming the part.
    const second = parts[1]?.event.event_id ?? '';
    await harness.sandbox.control.edit({
      kind: 'update-event',
      event_id: second,
      fields: { description: 'Their words' },
    });
    const { draft } = harness.drafts.get(wholeId, { withAttendees: false });
    const details: Record<string, unknown> = { ...draft, description: 'My words' };
    delete details.attendees;
    harness.drafts.saveDetails(wholeId, details);
    expect(await harness.services.sync.run()).toMatchObject({ outcome: 'needs_attention', conflicts: 1 });
    expect(harness.services.stores.conflicts.open()).toMatchObject([
      { series_name: 'Office hours (part 2 of 3)', kind: 'event_fields', subject: 'description' },
    ]);
    expect(harness.drafts.list().find((entry) => entry.id === wholeId)).toMatchObject({
      sync_state: 'conflict',
      conflicts: 1,
    });
    expect(harness.drafts.parts(wholeId).map((part) => part.sync_state)).toEqual([
      'published',
      'conflict',
      'published',
    ]);
    const descriptions = partsOnZoom(await harness.sandbox.control.state(), 'Office hours').map(
      (part) => part.event.description,
    );
    expect(descriptions).toEqual(['My words', 'Their words', 'My words']);
    // Keeping the planner's words sends them to part 2 as well.
    const [conflict] = harness.services.conflicts.list();
    harness.services.conflicts.resolve(conflict?.id ?? 0, 'local');
    expect(await harness.services.sync.run()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    const settled = partsOnZoom(await harness.sandbox.control.state(), 'Office hours');
    expect(settled.map((part) => part.event.description)).toEqual(['My words', 'My words', 'My words']);
  }, 60_000);

  it('applies a pattern edit to every part not yet published: split again, moved on Zoom, a part no longer needed deleted', async () => {
    const summary = harness.importSeries([dailyStandup(130, { key: 'unpublished', name: 'Planning', publish: false })]);
    const wholeId = summary.series[0]?.id ?? '';
    const before = harness.drafts.parts(wholeId).map((part) => part.series_id);
    expect(before).toHaveLength(3);
    expect(await harness.services.sync.run()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    expect(partsOnZoom(await harness.sandbox.control.state(), 'Planning').map((part) => part.sessions.length)).toEqual([
      60, 60, 10,
    ]);
    const { draft } = harness.drafts.get(wholeId, { withAttendees: false });
    const details: Record<string, unknown> = {
      ...draft,
      start_time: '2027-01-04T15:00:00Z',
      recurrence: { type: 1, end_times: 100, duration: 30 },
    };
    delete details.attendees;
    harness.drafts.saveDetails(wholeId, details);
    const after = harness.drafts.parts(wholeId);
    expect(after.map((part) => [part.series_id, part.name, part.first_occurrence, part.count])).toEqual([
      [before[0], 'Planning (part 1 of 2)', 1, 60],
      [before[1], 'Planning (part 2 of 2)', 61, 40],
    ]);
    expect(harness.drafts.list().find((entry) => entry.id === wholeId)).toMatchObject({ sessions: 100, parts: 2 });

    expect(await harness.services.sync.run()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    const state = await harness.sandbox.control.state();
    const parts = partsOnZoom(state, 'Planning');
    expect(parts.map((part) => part.event.name)).toEqual(['Planning (part 1 of 2)', 'Planning (part 2 of 2)']);
    expect(parts.flatMap((part) => part.sessions)).toEqual(heldSessions(harness.drafts.get(wholeId).draft));
    expect(parts[0]?.sessions[0]).toEqual({ start_time: '2027-01-04T15:00:00Z', end_time: '2027-01-04T15:30:00Z' });
    expect(state.events.filter((event) => event.name.startsWith('Planning'))).toHaveLength(2);
  }, 60_000);

  it('continues a published series past 60 sessions in parts, cancelling its event once every part holds its people', async () => {
    const attendees = [{ email: 'ada@example.com' }, { email: 'bob@example.com' }];
    const summary = harness.importSeries([dailyStandup(30, { key: 'grows', name: 'Grows', attendees })]);
    const oldId = summary.series[0]?.id ?? '';
    expect(await harness.services.sync.run()).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    const { draft } = harness.drafts.get(oldId, { withAttendees: false });
    const details: Record<string, unknown> = { ...draft, recurrence: { type: 1, end_times: 130, duration: 15 } };
    delete details.attendees;
    // Zoom keeps a published pattern: the plain save refuses, the guided change makes a new series in parts.
    expect(() => harness.drafts.saveDetails(oldId, details)).toThrow(
      expect.objectContaining({
        issues: expect.arrayContaining([expect.objectContaining({ path: 'recurrence.end_times' })]) as unknown,
      }) as Error,
    );
    const message = 'The standup now runs for 130 days; your registration moves with it.';
    const { id: newId } = harness.services.patternChange.confirm({ id: oldId, draft: details, cancelMessage: message });
    expect(harness.drafts.parts(newId).map((part) => part.count)).toEqual([60, 60, 10]);

    for (let run = 0; run < 3 && harness.services.drafts.status().waiting > 0; run += 1) {
      expect((await harness.services.sync.run()).conflicts).toBe(0);
    }
    const state = await harness.sandbox.control.state();
    const old = state.events.filter((event) => event.name === 'Grows');
    expect(old.map((event) => [event.status, event.cancel_message])).toEqual([['CANCELLED', message]]);
    const parts = partsOnZoom(state, 'Grows');
    expect(parts.map((part) => [part.event.status, part.sessions.length, part.emails.sort()])).toEqual([
      ['PUBLISHED', 60, ['ada@example.com', 'bob@example.com']],
      ['PUBLISHED', 60, ['ada@example.com', 'bob@example.com']],
      ['PUBLISHED', 10, ['ada@example.com', 'bob@example.com']],
    ]);
    const requests = await harness.sandbox.control.requests();
    const cancelAt = requests.findLastIndex(
      (request) => request.operationId === 'EventActions' && request.path.includes(old[0]?.event_id ?? '-'),
    );
    const lastTicketAt = requests.findLastIndex((request) => request.operationId === 'createTickets');
    expect(cancelAt).toBeGreaterThan(lastTicketAt);
    expect(harness.services.stores.links.linksOf(oldId).replaced_by[0]?.settled_at).not.toBeNull();
    // A whole's pattern stays as its published parts have it.
    const whole = harness.drafts.get(newId, { withAttendees: false }).draft;
    const longer: Record<string, unknown> = { ...whole, recurrence: { type: 1, end_times: 140, duration: 15 } };
    delete longer.attendees;
    expect(() => harness.drafts.saveDetails(newId, longer)).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({
            path: 'recurrence.end_times',
            message: expect.stringContaining('published parts (part 1 of 3, part 2 of 3, part 3 of 3)') as unknown,
          }),
        ],
      }) as Error,
    );
    // A new pattern for it is the guided change, which cancels each part still to come.
    const change = harness.services.patternChange.preview({ id: newId, draft: longer });
    expect(change.cancelled_events.map((event) => event.part)).toEqual([
      { position: 1, of: 3 },
      { position: 2, of: 3 },
      { position: 3, of: 3 },
    ]);
  }, 60_000);

  it('makes a whole that shrinks to 60 sessions before reaching Zoom an ordinary series again', () => {
    const summary = harness.importSeries([dailyStandup(100, { key: 'shrinks', name: 'Shrinks' })]);
    const id = summary.series[0]?.id ?? '';
    expect(harness.drafts.parts(id)).toHaveLength(2);
    harness.importSeries([dailyStandup(60, { key: 'shrinks', name: 'Shrinks' })]);
    expect(harness.drafts.parts(id)).toEqual([]);
    expect(harness.drafts.list().find((entry) => entry.id === id)).toMatchObject({ parts: 1, sessions: 60 });
    const kinds = harness.services.stores.outbox
      .work()
      .filter((operation) => operation.seriesId === id)
      .map((operation) => operation.kind);
    expect(kinds).toContain('event.create');
  });

  it('lists a person who registered on one part’s own Zoom page with the whole, and removes them from Zoom on request', async () => {
    const summary = harness.importSeries([
      dailyStandup(70, { key: 'zoom-page', name: 'Page standup', attendees: [{ email: 'ada@example.com' }] }),
    ]);
    const wholeId = summary.series[0]?.id ?? '';
    expect((await harness.services.sync.run()).outcome).toBe('succeeded');
    const secondPart = harness.drafts.parts(wholeId)[1]?.zoom_event_id ?? '';
    await harness.sandbox.control.edit({ kind: 'register', event_id: secondPart, email: 'zoe@example.com' });
    await harness.sandbox.control.edit({ kind: 'register', event_id: secondPart, email: 'yan@example.com' });
    expect((await harness.services.sync.run()).outcome).toBe('succeeded');

    const rows = harness.services.attendees.list(wholeId);
    expect(rows.map((row) => [row.email, row.origin, row.in_parts_only, row.parts])).toEqual([
      [
        'ada@example.com',
        'here',
        false,
        [
          { part: 0, on_zoom: true },
          { part: 1, on_zoom: true },
        ],
      ],
      ['zoe@example.com', 'zoom', true, [{ part: 1, on_zoom: true }]],
      ['yan@example.com', 'zoom', true, [{ part: 1, on_zoom: true }]],
    ]);
    expect(harness.drafts.list().find((entry) => entry.id === wholeId)?.attendees).toBe(3);
    // The attendee CSV lists them too, with the part's event and ticket.
    const csv = harness.services.exporter.export({ format: 'attendees_csv', seriesIds: [wholeId] }).content;
    const zoeLine = csv.split('\r\n').find((line) => line.includes('zoe@example.com')) ?? '';
    expect(zoeLine).toContain(secondPart);

    // The planner adds one to the series as a whole, and removes the other.
    harness.services.attendees.save(wholeId, undefined, { email: 'yan@example.com' });
    const zoe = rows.find((row) => row.email === 'zoe@example.com');
    expect(harness.services.attendees.remove(wholeId, [zoe?.id ?? ''])).toEqual({ removed: 1 });
    expect(harness.services.attendees.list(wholeId).map((row) => [row.email, row.in_parts_only])).toEqual([
      ['ada@example.com', false],
      ['yan@example.com', false],
    ]);
    expect((await harness.services.sync.run()).outcome).toBe('succeeded');
    const state = await harness.sandbox.control.state();
    const emailsIn = (eventId: string | null | undefined) =>
      state.tickets
        .filter((ticket) => ticket.event_id === eventId)
        .map((ticket) => ticket.email)
        .sort();
    const firstPart = harness.drafts.parts(wholeId)[0]?.zoom_event_id;
    expect(emailsIn(firstPart)).toEqual(['ada@example.com', 'yan@example.com']);
    expect(emailsIn(secondPart)).toEqual(['ada@example.com', 'yan@example.com']);
  }, 60_000);

  it('takes a change made on Zoom to one part into the whole, so that no later edit sends it back', async () => {
    const summary = harness.importSeries([dailyStandup(70, { key: 'zoom-edit', name: 'Edited standup' })]);
    const wholeId = summary.series[0]?.id ?? '';
    expect((await harness.services.sync.run()).outcome).toBe('succeeded');
    const events = harness.drafts.parts(wholeId).map((part) => part.zoom_event_id ?? '');
    const sessions = (await harness.sandbox.control.state()).sessions
      .filter((session) => session.event_id === events[1])
      .sort((a, b) => a.start_time.localeCompare(b.start_time));
    // On Zoom: part 2's description, and its third session (session 63 of the whole) an hour later.
    await harness.sandbox.control.edit({
      kind: 'update-event',
      event_id: events[1] ?? '',
      fields: { description: 'Their words' },
    });
    const third = sessions[2];
    const later = (iso: string) => new Date(Date.parse(iso) + 3_600_000).toISOString().replace('.000Z', 'Z');
    await harness.sandbox.control.edit({
      kind: 'move-session',
      event_id: events[1] ?? '',
      session_id: third?.session_id ?? '',
      start_time: later(third?.start_time ?? ''),
      end_time: later(third?.end_time ?? ''),
    });
    expect(await harness.services.sync.run()).toMatchObject({ outcome: 'succeeded', conflicts: 0 });
    const { draft } = harness.drafts.get(wholeId, { withAttendees: false });
    expect(draft.description).toBe('Their words');
    expect(draft.event_type === 'RECURRING' ? draft.occurrence_changes : []).toEqual([
      {
        occurrence: 63,
        action: 'move',
        start_time: later(third?.start_time ?? ''),
        end_time: later(third?.end_time ?? ''),
      },
    ]);

    // A later edit of the whole keeps Zoom's words and moved session on part 2, and brings the words to part 1.
    const renamed: Record<string, unknown> = { ...draft, name: 'Renamed standup' };
    delete renamed.attendees;
    harness.drafts.saveDetails(wholeId, renamed);
    expect(await harness.services.sync.run()).toMatchObject({ outcome: 'succeeded', conflicts: 0 });
    const state = await harness.sandbox.control.state();
    expect(events.map((id) => state.events.find((event) => event.event_id === id))).toMatchObject([
      { name: 'Renamed standup (part 1 of 2)', description: 'Their words' },
      { name: 'Renamed standup (part 2 of 2)', description: 'Their words' },
    ]);
    expect(state.sessions.find((session) => session.session_id === third?.session_id)?.start_time).toBe(
      later(third?.start_time ?? ''),
    );
  }, 60_000);
});
