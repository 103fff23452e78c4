import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import { CadenceError } from '../../../shared/errors';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// A published series' start time or duration changes as moves of its sessions on Zoom, never as a
// new recurrence: session IDs, and with them every registration, stay valid. Its pattern is fixed.
let h: Awaited<ReturnType<typeof syncHarness>>;
let clock = Date.now();

beforeEach(async () => {
  clock = Date.now();
  h = await syncHarness(undefined, { now: () => clock });
});
afterEach(async () => {
  await h.close();
});

const hour = 3_600_000;
const later = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString().replace('.000Z', 'Z');

/** A Mon/Wed/Fri training course of 12 sessions where each of 20 people chose sessions. */
function trainingCourse(): Record<string, unknown> {
  return standupSeries(0, {
    key: 'training',
    name: 'Onboarding course',
    start_time: '2027-03-01T13:00:00Z',
    timezone: 'UTC',
    recurrence: { type: 2, repeat_interval: 1, weekly_days: [2, 4, 6], end_times: 12, duration: 60 },
    registration: { link_name: 'Course registration', recurring_registration_option: 'multiple_sessions' },
    attendees: Array.from({ length: 20 }, (_, i) => ({
      email: `learner${String(i)}@example.com`,
      first_name: `Learner${String(i)}`,
      last_name: 'Example',
      occurrences: [(i % 12) + 1, ((i + 5) % 12) + 1],
    })),
  });
}

async function publishedSeries(series: Record<string, unknown>) {
  const seriesId = h.importSeries([series]).series[0]?.id ?? '';
  expect(await h.sync()).toMatchObject({ outcome: 'succeeded' });
  const event = h.sandbox.sandbox.data.events.find((e) => e.name === series.name);
  expect(event?.status).toBe('PUBLISHED');
  return { seriesId, eventId: event?.event_id ?? '' };
}

function edit(seriesId: string, change: (draft: SeriesDraft & { event_type: 'RECURRING' }) => SeriesDraft) {
  const { draft } = h.drafts.get(seriesId);
  if (draft.event_type !== 'RECURRING') throw new Error('not a recurring series');
  h.drafts.save(seriesId, change(draft));
}

/** Copies of Zoom's sessions of an event, in time order (the sandbox changes its own in place). */
const sessionsOf = (eventId: string) =>
  h.sandbox.sandbox.data.sessions
    .filter((s) => s.event_id === eventId)
    .map((s) => ({ ...s }))
    .sort((a, b) => a.start_time.localeCompare(b.start_time));

describe('a published series', () => {
  it('moves every session when its start time changes, and every ticket stays valid', async () => {
    const { seriesId, eventId } = await publishedSeries(trainingCourse());
    const before = sessionsOf(eventId);
    expect(before).toHaveLength(12);

    edit(seriesId, (draft) => ({ ...draft, start_time: later(draft.start_time, hour) }));
    const report = await h.sync();

    expect(report.outcome).toBe('succeeded');
    expect(h.services.conflicts.list()).toEqual([]);
    const after = sessionsOf(eventId);
    expect(after.map((s) => s.session_id)).toEqual(before.map((s) => s.session_id));
    expect(after.map((s) => s.start_time)).toEqual(before.map((s) => later(s.start_time, hour)));
    const sessionIds = new Set(after.map((s) => s.session_id));
    const tickets = h.sandbox.sandbox.data.tickets.filter((t) => t.event_id === eventId);
    expect(tickets).toHaveLength(20);
    for (const ticket of tickets) {
      expect(ticket.session_ids?.length).toBe(2);
      for (const id of ticket.session_ids ?? []) expect(sessionIds.has(id)).toBe(true);
    }
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });

  it('moves every session when its duration changes', async () => {
    const { seriesId, eventId } = await publishedSeries(trainingCourse());
    const before = sessionsOf(eventId);

    edit(seriesId, (draft) => ({ ...draft, recurrence: { ...draft.recurrence, duration: 90 } }));
    expect(await h.sync()).toMatchObject({ outcome: 'succeeded' });

    const after = sessionsOf(eventId);
    expect(after.map((s) => s.session_id)).toEqual(before.map((s) => s.session_id));
    expect(after.map((s) => s.end_time)).toEqual(before.map((s) => later(s.start_time, 90 * 60_000)));
  });

  it('renamed, moved an hour and one session cancelled offline: all three reach Zoom, no conflict', async () => {
    const { seriesId, eventId } = await publishedSeries(standupSeries(3, { name: 'Weekly standup' }));
    const before = sessionsOf(eventId);
    expect(before).toHaveLength(12);

    edit(seriesId, (draft) => ({
      ...draft,
      name: 'Weekly standup (new time)',
      start_time: later(draft.start_time, hour),
      occurrence_changes: [{ occurrence: 4, action: 'cancel' }],
    }));
    const report = await h.sync();

    expect(report.outcome).toBe('succeeded');
    expect(h.services.conflicts.list()).toEqual([]);
    const event = h.sandbox.sandbox.data.events.find((e) => e.event_id === eventId);
    expect(event?.name).toBe('Weekly standup (new time)');
    const after = sessionsOf(eventId);
    const kept = before.filter((_, i) => i !== 3);
    expect(after.map((s) => s.session_id)).toEqual(kept.map((s) => s.session_id));
    expect(after.map((s) => s.start_time)).toEqual(kept.map((s) => later(s.start_time, hour)));
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });

  it('keeps the sessions that already took place where they were, and moves the ones to come', async () => {
    const { seriesId, eventId } = await publishedSeries(trainingCourse());
    const before = sessionsOf(eventId);
    clock = Date.parse(before[3]?.start_time ?? '') + 10 * 60_000;

    edit(seriesId, (draft) => ({ ...draft, start_time: later(draft.start_time, hour) }));
    expect(await h.sync()).toMatchObject({ outcome: 'succeeded' });

    const after = sessionsOf(eventId);
    expect(after.map((s) => s.session_id)).toEqual(before.map((s) => s.session_id));
    expect(after.map((s) => s.start_time)).toEqual(
      before.map((s, i) => (i <= 3 ? s.start_time : later(s.start_time, hour))),
    );
    expect(h.services.conflicts.list()).toEqual([]);
  });

  it('refuses a change of its pattern with the reason, and keeps the draft as it was', () => {
    return publishedSeries(trainingCourse()).then(({ seriesId }) => {
      const stored = h.drafts.get(seriesId).draft;
      let refusal: unknown;
      try {
        edit(seriesId, (draft) => ({ ...draft, recurrence: { ...draft.recurrence, weekly_days: [3, 5] } }));
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(CadenceError);
      expect((refusal as CadenceError).issues).toEqual([
        { path: 'recurrence.weekly_days', message: expect.stringMatching(/published/) as unknown },
      ]);
      expect(h.drafts.get(seriesId).draft).toEqual(stored);
    });
  });
});

describe('a series synced but not published', () => {
  it('takes a new pattern: Zoom generates the sessions anew and the cancelled one is cancelled on the new ones', async () => {
    const seriesId = h.importSeries([
      standupSeries(0, {
        name: 'Draft standup',
        publish: false,
        occurrence_changes: [{ occurrence: 2, action: 'cancel' }],
      }),
    ]).series[0]?.id;
    expect(await h.sync()).toMatchObject({ outcome: 'succeeded' });
    const eventId = h.sandbox.sandbox.data.events.find((e) => e.name === 'Draft standup')?.event_id ?? '';
    expect(sessionsOf(eventId)).toHaveLength(11);

    edit(seriesId ?? '', (draft) => ({ ...draft, recurrence: { ...draft.recurrence, end_times: 8 } }));
    const report = await h.sync();

    expect(report.outcome).toBe('succeeded');
    expect(h.services.conflicts.list()).toEqual([]);
    const after = sessionsOf(eventId);
    expect(after).toHaveLength(7);
    const { draft } = h.drafts.get(seriesId ?? '');
    const planned = draft.event_type === 'RECURRING' ? draft : undefined;
    expect(after.map((s) => s.start_time)).not.toContain(
      new Date(Date.parse(planned?.start_time ?? '') + 7 * 24 * hour).toISOString().replace('.000Z', 'Z'),
    );
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });
});

describe('a session deleted on Zoom that attendees chose', () => {
  it('take theirs is refused with the reason and the series stays valid and syncing', async () => {
    const { seriesId, eventId } = await publishedSeries(trainingCourse());
    const third = sessionsOf(eventId)[2];
    await h.sandbox.control.edit({ kind: 'delete-session', event_id: eventId, session_id: third?.session_id ?? '' });
    edit(seriesId, (draft) => ({ ...draft, start_time: later(draft.start_time, hour) }));
    await h.sync();
    const conflicts = h.services.conflicts.list();
    expect(conflicts.map((c) => c.kind)).toEqual(['session_deleted']);
    const [conflict] = conflicts;

    expect(() => h.services.conflicts.resolve(conflict?.id ?? 0, 'local')).toThrow(
      /cannot bring back a deleted session/,
    );
    let refusal: unknown;
    try {
      h.services.conflicts.resolve(conflict?.id ?? 0, 'remote');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(CadenceError);
    expect((refusal as CadenceError).message).toBe(
      'Zoom’s version cancels a session that these 3 attendees chose: learner2@example.com, learner9@example.com, ' +
        'learner14@example.com. Choose other sessions for them in the attendee list, then take Zoom’s version.',
    );
    expect(() => h.drafts.get(seriesId)).not.toThrow();
    expect(h.services.conflicts.list()).toHaveLength(1);
  });
});
