import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { createServices, type Services } from '../../../main/services';
import { seriesDraftSchema, type SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { HistoryEntry, HistoryQuery } from '../../../shared/history/seriesHistory';
import { makeTempDir } from '../../support/tempDir';

// A series' history on a real SQLite file: what the planner's saves record, typing coalesced,
// attendees per person (or one summary for an import), filters and pages.

let dir: ReturnType<typeof makeTempDir>;
let db: Database.Database;
let services: Services;
let clock = Date.parse('2026-12-30T12:00:00Z');
let seriesId: string;

const series = {
  name: 'Weekly sync',
  timezone: 'Europe/Berlin',
  event_type: 'RECURRING',
  start_time: '2027-01-04T09:00:00Z',
  recurrence: { type: 2, weekly_days: [2], end_times: 6, duration: 30 },
  ticket_type: { name: 'Seat' },
  registration: { link_name: 'Sign up', recurring_registration_option: 'multiple_sessions' },
};

beforeEach(() => {
  dir = makeTempDir();
  clock = Date.parse('2026-12-30T12:00:00Z');
  db = openDatabase(databaseFile(dir.path)).db;
  services = createServices({ db, now: () => clock });
  seriesId = services.drafts.save(undefined, series).id;
});
afterEach(() => {
  db.close();
  dir.remove();
});

/** The series as the editor saves it: everything but the attendees. */
function details(): Partial<SeriesDraft> {
  const draft: Partial<SeriesDraft> = { ...services.drafts.get(seriesId, { withAttendees: false }).draft };
  delete draft.attendees;
  return draft;
}
function saveDetails(change: Record<string, unknown>, afterMs = 500): void {
  clock += afterMs;
  services.drafts.saveDetails(seriesId, { ...details(), ...change });
}
const list = (query: Omit<HistoryQuery, 'series_id'> = {}) =>
  services.stores.history.list({ series_id: seriesId, ...query });
const brief = (entries: readonly HistoryEntry[]) =>
  entries.map((entry) => [entry.source, entry.item, entry.subject, entry.field, entry.old, entry.new]);

describe('saves from this laptop', () => {
  it('record a new series once, then each field changed old → new', () => {
    saveDetails({ description: 'Fifteen minutes' });
    saveDetails({ ticket_type: { name: 'Seat', quantity: 20 } }, 120_000);
    expect(brief(list().entries)).toEqual([
      ['here', 'ticket_type', null, 'quantity', null, 20],
      ['here', 'event', null, 'description', null, 'Fifteen minutes'],
      ['here', 'series', null, '*', null, { name: 'Weekly sync', attendees: 0 }],
    ]);
  });

  it('make a name typed letter by letter one entry, from the first old to the last new', () => {
    for (const name of ['T', 'Te', 'Tea', 'Team', 'Team ', 'Team s', 'Team sync']) saveDetails({ name }, 300);
    expect(brief(list({ item: ['event'] }).entries)).toEqual([
      ['here', 'event', null, 'name', 'Weekly sync', 'Team sync'],
    ]);
    // Typed back to what it was: no change is left to tell.
    saveDetails({ name: 'Weekly sync' }, 300);
    expect(list({ item: ['event'] }).entries).toEqual([]);
    // A pause longer than the window starts a new entry.
    saveDetails({ name: 'Team sync' }, 300);
    saveDetails({ name: 'Team sync!' }, 5 * 60_000);
    expect(brief(list({ item: ['event'] }).entries)).toEqual([
      ['here', 'event', null, 'name', 'Team sync', 'Team sync!'],
      ['here', 'event', null, 'name', 'Weekly sync', 'Team sync'],
    ]);
  });

  it('record a session moved and cancelled by its number', () => {
    saveDetails({ occurrence_changes: [{ occurrence: 3, action: 'cancel' }] });
    expect(brief(list({ item: ['session'] }).entries)).toEqual([
      ['here', 'session', 'session 3', 'change', null, { action: 'cancel' }],
    ]);
  });
});

describe('a series opened from Zoom', () => {
  it('is one entry, not one per field or person', () => {
    const draft = seriesDraftSchema.parse({
      ...series,
      name: 'Made in the console',
      attendees: [{ email: 'ada@example.com', occurrences: [1] }],
    });
    const opened = services.stores.series.save(draft, undefined, { source: 'opened' });
    const entries = services.stores.history.list({ series_id: opened.id }).entries;
    expect(brief(entries)).toEqual([
      ['opened', 'series', null, '*', null, { name: 'Made in the console', attendees: 1 }],
    ]);
  });
});

describe('attendee writes', () => {
  it('record each person added, changed and removed by email, with who made them', () => {
    const { attendees } = services;
    const { id } = attendees.save(seriesId, undefined, {
      email: 'Ada@example.com',
      first_name: 'Ada',
      occurrences: [1],
    });
    attendees.save(seriesId, id, { email: 'Ada@example.com', first_name: 'Adelaide', occurrences: [1] });
    attendees.movePicks(seriesId, 1, 2);
    services.stores.attendees.write(seriesId, [{ attendee: { email: 'bo@example.com', occurrences: [2] } }], {
      source: 'zoom',
    });
    attendees.remove(seriesId, [id]);
    expect(brief(list({ item: ['attendee'] }).entries)).toEqual([
      [
        'here',
        'attendee',
        'ada@example.com',
        '*',
        { email: 'Ada@example.com', first_name: 'Adelaide', occurrences: [2] },
        null,
      ],
      ['zoom', 'attendee', 'bo@example.com', '*', null, { email: 'bo@example.com', occurrences: [2] }],
      ['here', 'attendee', 'ada@example.com', 'occurrences', [1], [2]],
      ['here', 'attendee', 'ada@example.com', 'first_name', 'Ada', 'Adelaide'],
      [
        'here',
        'attendee',
        'ada@example.com',
        '*',
        null,
        { email: 'Ada@example.com', first_name: 'Ada', occurrences: [1] },
      ],
    ]);
    // Someone who came from Zoom says so in the attendee table.
    expect(attendees.list(seriesId).map((row) => [row.email, row.origin])).toEqual([['bo@example.com', 'zoom']]);
  });

  it('make an import of thousands one summary entry', () => {
    const people = Array.from({ length: 2_000 }, (_, i) => ({ email: `p${String(i)}@example.com`, occurrences: [1] }));
    services.attendees.importMany(seriesId, people, false);
    services.attendees.importMany(seriesId, people.slice(0, 10), false);
    expect(brief(list({ item: ['attendee'] }).entries)).toEqual([
      ['here', 'attendee', null, '*', null, { added: 2_000, changed: 0, removed: 0 }],
    ]);
  });
});

describe('the list', () => {
  beforeEach(() => {
    for (let i = 1; i <= 7; i += 1) saveDetails({ description: `Version ${String(i)}` }, 120_000);
    services.stores.attendees.write(seriesId, [{ attendee: { email: 'zoe@example.com', occurrences: [1] } }], {
      source: 'zoom',
    });
  });

  it('filters by who, what and text, in the field, the subject or a value', () => {
    expect(brief(list({ source: ['zoom'] }).entries)).toEqual([
      ['zoom', 'attendee', 'zoe@example.com', '*', null, { email: 'zoe@example.com', occurrences: [1] }],
    ]);
    expect(list({ source: ['here'], item: ['event'] }).entries).toHaveLength(7);
    expect(list({ text: 'ZOE' }).entries.map((entry) => entry.subject)).toEqual(['zoe@example.com']);
    expect(list({ text: 'version 3' }).entries.map((entry) => entry.new)).toEqual(['Version 4', 'Version 3']);
    expect(list({ text: '100%' }).entries).toEqual([]);
  });

  it('pages newest first until the end', () => {
    const first = list({ limit: 3 });
    expect(first.entries.map((entry) => entry.new)).toEqual([
      { email: 'zoe@example.com', occurrences: [1] },
      'Version 7',
      'Version 6',
    ]);
    const second = list({ limit: 3, before: first.next_before });
    expect(second.entries.map((entry) => entry.new)).toEqual(['Version 5', 'Version 4', 'Version 3']);
    const last = list({ limit: 10, before: second.next_before });
    expect(last.entries).toHaveLength(3);
    expect(last.next_before).toBeUndefined();
  });

  it('is refused in words for a series that is gone', () => {
    services.drafts.delete(seriesId);
    expect(() => list()).toThrow('This series no longer exists.');
  });
});
