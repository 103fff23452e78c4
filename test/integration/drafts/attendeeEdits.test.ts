import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttendeeService } from '../../../main/drafts/attendeeService';
import { recentSyncRuns } from '../../../main/db/syncOverviewQueries';
import { CadenceError } from '../../../shared/errors';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// The attendee table's and series editor's writes on a real SQLite file, synced to the sandbox
// over HTTP: one row at a time, without rewriting the series.

let harness: Awaited<ReturnType<typeof syncHarness>>;
let attendees: AttendeeService;
let seriesId: string;

beforeEach(async () => {
  harness = await syncHarness();
  attendees = harness.services.attendees;
  seriesId = harness.importSeries([standupSeries(2)]).series[0]?.id ?? '';
});
afterEach(async () => {
  await harness.close();
});

function refusal(work: () => unknown): CadenceError {
  try {
    work();
  } catch (error) {
    if (error instanceof CadenceError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const sandboxTickets = async () => (await harness.sandbox.control.state()).tickets.map((ticket) => ticket.email).sort();

describe('attendee edits', () => {
  it('adds, changes and removes one person, and sync sends exactly those changes', async () => {
    await harness.sync();
    expect(await sandboxTickets()).toEqual(['person0@example.com', 'person1@example.com']);

    const { id } = attendees.save(seriesId, undefined, { email: 'ada@example.com', first_name: 'Ada' });
    const [first] = attendees.list(seriesId);
    attendees.save(seriesId, first?.id, { email: 'person0@example.com', first_name: 'Zero', last_name: 'Renamed' });
    const second = attendees.list(seriesId)[1];
    attendees.remove(seriesId, [second?.id ?? '']);

    expect(harness.services.sync.pending().map((change) => change.sentence)).toEqual([
      'Register 1 person for "Engineering Team Weekly Standup"',
      'Update 1 registration for "Engineering Team Weekly Standup"',
      'Remove 1 registration from "Engineering Team Weekly Standup"',
    ]);
    const report = await harness.sync();
    expect(report.outcome).toBe('succeeded');
    expect(await sandboxTickets()).toEqual(['ada@example.com', 'person0@example.com']);
    const renamed = (await harness.sandbox.control.state()).tickets.find(
      (ticket) => ticket.email === 'person0@example.com',
    );
    expect(renamed?.first_name).toBe('Zero');
    expect(attendees.list(seriesId).map((row) => [row.email, row.on_zoom])).toEqual([
      ['person0@example.com', true],
      ['ada@example.com', true],
    ]);
    expect(attendees.list(seriesId)[1]?.id).toBe(id);
    expect(harness.services.sync.pending()).toEqual([]);
  });

  it('names the field of a bad attendee and writes nothing', () => {
    const error = refusal(() => attendees.save(seriesId, undefined, { email: 'not-an-email', first_name: 'X' }));
    expect(error.code).toBe('invalid_input');
    expect(error.issues.map((issue) => issue.path)).toEqual(['attendee.email']);
    expect(attendees.list(seriesId)).toHaveLength(2);
  });

  it('refuses an email that is already on the list, in a new row or an edited one', () => {
    const added = refusal(() => attendees.save(seriesId, undefined, { email: 'PERSON1@example.com' }));
    expect(added.issues[0]?.path).toBe('attendee.email');
    const [first] = attendees.list(seriesId);
    const edited = refusal(() => attendees.save(seriesId, first?.id, { email: 'person1@example.com' }));
    expect(edited.message).toContain('already on the list');
    expect(attendees.list(seriesId).map((row) => row.email)).toEqual(['person0@example.com', 'person1@example.com']);
  });

  it('imports many at once, matching by email, or nothing with every bad row named', () => {
    const error = refusal(() =>
      attendees.importMany(
        seriesId,
        [{ email: 'ok@example.com' }, { email: 'bad' }, { email: 'ok@example.com' }, { first_name: 'No email' }],
        false,
      ),
    );
    expect(error.message).toBe('3 attendees of 4 have problems; nothing was added.');
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'attendees[1].email',
      'attendees[3].email',
      'attendees[2].email',
    ]);
    expect(attendees.list(seriesId)).toHaveLength(2);

    const rows = [{ email: 'person1@example.com', first_name: 'One' }, { email: 'new@example.com' }];
    expect(attendees.importMany(seriesId, rows, true)).toEqual({ dry_run: true, added: 1, updated: 1 });
    expect(attendees.list(seriesId)).toHaveLength(2);
    expect(attendees.importMany(seriesId, rows, false)).toEqual({ dry_run: false, added: 1, updated: 1 });
    expect(attendees.list(seriesId).map((row) => [row.email, row.first_name])).toEqual([
      ['person0@example.com', 'Person0'],
      ['person1@example.com', 'One'],
      ['new@example.com', undefined],
    ]);
  });

  it("checks sessions against the series' registration option", () => {
    const details = withoutAttendees(harness.drafts.get(seriesId).draft);
    const perSession = {
      ...details,
      registration: { link_name: 'Register', recurring_registration_option: 'multiple_sessions' },
    };
    // The people already listed chose no sessions, which the new option needs: refused, nothing saved.
    const error = refusal(() => harness.drafts.saveDetails(seriesId, perSession));
    expect(error.issues.map((issue) => issue.path)).toEqual(['attendees[0].occurrences', 'attendees[1].occurrences']);
    expect(harness.drafts.get(seriesId).draft.registration?.recurring_registration_option).toBe('all_sessions');

    attendees.remove(
      seriesId,
      attendees.list(seriesId).map((row) => row.id),
    );
    harness.drafts.saveDetails(seriesId, perSession);
    const noSessions = refusal(() => attendees.save(seriesId, undefined, { email: 'ada@example.com' }));
    expect(noSessions.issues[0]?.path).toBe('attendee.occurrences');
    const tooLate = refusal(() => attendees.save(seriesId, undefined, { email: 'ada@example.com', occurrences: [13] }));
    expect(tooLate.issues[0]?.path).toBe('attendee.occurrences[0]');
    attendees.save(seriesId, undefined, { email: 'ada@example.com', occurrences: [1, 3] });
    expect(attendees.list(seriesId)[0]?.occurrences).toEqual([1, 3]);
  });
});

describe("a session's attendees", () => {
  it('are named, and their choice moves to another session so that the first can be cancelled', () => {
    attendees.remove(
      seriesId,
      attendees.list(seriesId).map((row) => row.id),
    );
    const details = withoutAttendees(harness.drafts.get(seriesId).draft);
    const perSession = {
      ...details,
      registration: { link_name: 'Register', recurring_registration_option: 'multiple_sessions' },
      occurrence_changes: [{ occurrence: 5, action: 'cancel' }],
    };
    harness.drafts.saveDetails(seriesId, perSession);
    attendees.save(seriesId, undefined, { email: 'ada@example.com', first_name: 'Ada', occurrences: [2, 3] });
    attendees.save(seriesId, undefined, { email: 'bo@example.com', occurrences: [2] });
    attendees.save(seriesId, undefined, { email: 'cy@example.com', occurrences: [4] });
    expect(attendees.pickers(seriesId, 2)).toEqual({ count: 2, names: ['Ada', 'bo@example.com'] });

    // A cancelled session takes nobody: refused in words, nothing moved.
    const refused = refusal(() => attendees.movePicks(seriesId, 2, 5));
    expect(refused.issues.map((issue) => issue.message)).toEqual([
      'Session 5 is cancelled; choose another session.',
      'Session 5 is cancelled; choose another session.',
    ]);
    expect(attendees.pickers(seriesId, 2).count).toBe(2);

    expect(attendees.movePicks(seriesId, 2, 3)).toEqual({ moved: 2 });
    expect(attendees.list(seriesId).map((row) => [row.email, row.occurrences])).toEqual([
      ['ada@example.com', [3]],
      ['bo@example.com', [3]],
      ['cy@example.com', [4]],
    ]);
    harness.drafts.saveDetails(seriesId, {
      ...perSession,
      occurrence_changes: [...perSession.occurrence_changes, { occurrence: 2, action: 'cancel' }],
    });
    expect(harness.drafts.get(seriesId).draft).toMatchObject({
      occurrence_changes: [
        { occurrence: 2, action: 'cancel' },
        { occurrence: 5, action: 'cancel' },
      ],
    });
  });
});

describe('series details', () => {
  it('saves the fields without touching the attendees, and refuses attendees sent along', () => {
    const before = attendees.list(seriesId);
    const details = withoutAttendees(harness.drafts.get(seriesId).draft);
    harness.drafts.saveDetails(seriesId, { ...details, name: 'Daily Sync' });
    expect(harness.drafts.get(seriesId).draft.name).toBe('Daily Sync');
    expect(attendees.list(seriesId)).toEqual(before);
    const error = refusal(() => harness.drafts.saveDetails(seriesId, { ...details, attendees: [] }));
    expect(error.issues[0]?.path).toBe('attendees');
  });

  it('checks the attendees again when a change could make one of them wrong', () => {
    const details = withoutAttendees(harness.drafts.get(seriesId).draft);
    const fewer = refusal(() =>
      harness.drafts.saveDetails(seriesId, { ...details, ticket_type: { name: 'Team Member Pass', quantity: 1 } }),
    );
    expect(fewer.issues.map((issue) => issue.path)).toEqual(['ticket_type.quantity']);

    attendees.remove(
      seriesId,
      attendees.list(seriesId).map((row) => row.id),
    );
    const perSession = {
      ...details,
      registration: { link_name: 'Register', recurring_registration_option: 'multiple_sessions' },
    };
    harness.drafts.saveDetails(seriesId, perSession);
    attendees.save(seriesId, undefined, { email: 'ada@example.com', occurrences: [2] });
    const cancelled = refusal(() =>
      harness.drafts.saveDetails(seriesId, {
        ...perSession,
        occurrence_changes: [{ occurrence: 2, action: 'cancel' }],
      }),
    );
    expect(cancelled.issues.map((issue) => issue.path)).toEqual(['attendees[0].occurrences[0]']);
    // A change the attendee rules do not read is saved without reading the attendees again.
    harness.drafts.saveDetails(seriesId, { ...perSession, name: 'Renamed' });
    expect(harness.drafts.get(seriesId).draft.name).toBe('Renamed');
  });

  it("refuses a key another series has, at the key's field", () => {
    const other = harness.importSeries([standupSeries(0, { key: 'other', name: 'Other' })]).series[0]?.id ?? '';
    const details = withoutAttendees(harness.drafts.get(other).draft);
    const error = refusal(() => harness.drafts.saveDetails(other, { ...details, key: 'standup-2' }));
    expect(error.issues.map((issue) => issue.path)).toEqual(['key']);
    expect(error.message).toContain('Another series has the key "standup-2"');
    expect(harness.drafts.get(other).draft.key).toBe('other');
  });

  it('duplicates a series without its attendees, key or publishing', () => {
    const { id } = harness.drafts.duplicate(seriesId);
    const copy = harness.drafts.get(id).draft;
    expect(copy.name).toBe('Engineering Team Weekly Standup (copy)');
    expect(copy.key).toBeUndefined();
    expect(copy.attendees).toEqual([]);
    expect(copy.publish).toBe(false);
    expect(harness.drafts.list()).toHaveLength(2);
  });
});

describe('sync overview', () => {
  it('lists the waiting changes in plain words and keeps a log of runs', async () => {
    expect(harness.services.sync.pending().map((change) => change.sentence)).toEqual([
      'Create "Engineering Team Weekly Standup" with 12 sessions',
      'Add the ticket type "Team Member Pass" to "Engineering Team Weekly Standup"',
      'Create the registration link "Team Registration Link" for "Engineering Team Weekly Standup"',
      'Publish "Engineering Team Weekly Standup"',
      'Register 2 people for "Engineering Team Weekly Standup"',
    ]);
    await harness.sync();
    const [run] = recentSyncRuns(harness.db, 5);
    expect(run).toMatchObject({ outcome: 'succeeded', done: 6, conflicts: 0 });
    expect(run?.message).toContain('everything is in sync');
    expect(run?.requests).toBeGreaterThan(5);
  });
});

function withoutAttendees(draft: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(draft).filter(([field]) => field !== 'attendees'));
}

describe('the limit on attendees', () => {
  it('takes a series up to 100,000 people, and refuses one more, naming the limit', () => {
    const people = Array.from({ length: 100_000 - 2 }, (_, i) => ({ email: `guest${String(i)}@example.com` }));
    // Enough tickets for everyone: only the count of people is in question here.
    const details: Record<string, unknown> = { ...harness.drafts.get(seriesId, { withAttendees: false }).draft };
    delete details.attendees;
    const ticketType = details.ticket_type as Record<string, unknown>;
    harness.drafts.saveDetails(seriesId, { ...details, ticket_type: { ...ticketType, quantity: 100_000 } });
    expect(attendees.importMany(seriesId, people, false)).toMatchObject({ added: 99_998 });

    const error = refusal(() => attendees.save(seriesId, undefined, { email: 'one-too-many@example.com' }));
    expect(error.message).toBe(
      "A series has at most 100,000 attendees, as many as Zoom's largest webinar admits; this would make 100,001. Nothing was added.",
    );
    expect(attendees.list(seriesId)).toHaveLength(100_000);
    // Someone already there can still be changed.
    expect(attendees.importMany(seriesId, [{ email: 'guest7@example.com', first_name: 'Seven' }], false)).toMatchObject(
      { added: 0, updated: 1 },
    );
  });
});
