import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { databaseFile, openDatabase } from '../../../../main/db/database';
import { CheckInListStore, type ListedRegistrant } from '../../../../main/db/checkInListStore';
import { CheckInSearchQueries } from '../../../../main/db/checkInSearchQueries';
import { makeTempDir } from '../../../support/tempDir';

// The search as the staffer types, over a real SQLite file with the FTS5 table.
const qr = (ticketId: string) => `https://zoom.us/qr?t=9&ein=badge-${ticketId}`;

function person(
  email: string,
  firstName: string,
  lastName: string,
  tickets: [string, string | null][],
): ListedRegistrant {
  return {
    email,
    firstName,
    lastName,
    organisation: '',
    ticketType: '',
    tickets: tickets.map(([ticketId, sessionId]) => ({ ticketId, sessionId, qrCodeUrl: qr(ticketId) })),
  };
}

const people = [
  person('anna.muller@example.com', 'Anna', 'Müller', [['T-100', 's1']]),
  person('bjorn@example.com', 'Björn', 'Ångström', [['T-200', null]]),
  person('sean@example.ie', 'Seán', "O'Brien", [['T-300', 's2']]),
  person('and@example.com', 'Andy', 'Near', [['T-400', null]]),
  person('quote@example.com', 'Quinn', 'Star', [['T-500', null]]),
  person('annabel@example.com', 'Annabel', 'Lee', [['T-600', null]]),
];

let db: Database.Database;
let dir: ReturnType<typeof makeTempDir>;
let search: CheckInSearchQueries;

beforeAll(() => {
  dir = makeTempDir();
  db = openDatabase(databaseFile(join(dir.path, 'data'))).db;
  const list = new CheckInListStore(db);
  const base = {
    seriesId: null,
    timezone: 'Europe/Dublin',
    attendanceType: 'IN_PERSON' as const,
    sessions: [],
    downloadedAt: '2027-03-01T08:00:00Z',
  };
  list.replace({ ...base, eventId: 'e1', name: 'Summit', registrants: people });
  // Another event's people never show in this one's search.
  list.replace({
    ...base,
    eventId: 'e2',
    name: 'Other',
    registrants: [person('anna.other@example.com', 'Anna', 'Other', [['T-100', null]])],
  });
  search = new CheckInSearchQueries(db);
});
afterAll(() => {
  db.close();
  dir.remove();
});

const emails = (typed: string, limit = 50) => search.search('e1', typed, limit).rows.map((row) => row.email);

describe('searching a downloaded list', () => {
  it('finds a name by the beginning of any of its words, ignoring accents and case', () => {
    expect(emails('mull')).toEqual(['anna.muller@example.com']);
    expect(emails('MÜLLER')).toEqual(['anna.muller@example.com']);
    expect(emails('angst')).toEqual(['bjorn@example.com']);
    expect(emails('bjo ang')).toEqual(['bjorn@example.com']);
    expect(emails('sean')).toEqual(['sean@example.ie']);
    expect(emails("o'bri")).toEqual(['sean@example.ie']);
    expect(emails('brien')).toEqual(['sean@example.ie']);
  });

  it('lists people in the list order (last name, first name), with the total of all matches', () => {
    expect(emails('ann')).toEqual(['annabel@example.com', 'anna.muller@example.com']);
    expect(search.search('e1', 'ann', 1)).toMatchObject({ total: 2, rows: [{ email: 'annabel@example.com' }] });
    expect(search.search('e1', '', 2)).toMatchObject({ total: 6 });
    expect(emails('')).toEqual([
      'bjorn@example.com',
      'annabel@example.com',
      'anna.muller@example.com',
      'and@example.com',
      'sean@example.ie',
      'quote@example.com',
    ]);
  });

  it('finds an email by its beginning', () => {
    expect(emails('anna.m')).toEqual(['anna.muller@example.com']);
    expect(emails('SEAN@example')).toEqual(['sean@example.ie']);
  });

  it('finds a ticket ID exactly, first, and not by its beginning', () => {
    expect(emails('T-300')).toEqual(['sean@example.ie']);
    expect(emails('T-30')).toEqual([]);
  });

  it("finds a scanned badge's QR code URL, or a ticket ID or email inside a scanned link", () => {
    expect(search.scanned('e1', qr('T-500'))?.email).toBe('quote@example.com');
    expect(search.scanned('e1', 'https://tickets.example.com/check/T-200?via=scan')?.email).toBe('bjorn@example.com');
    expect(search.scanned('e1', 'mailto:and@example.com')?.email).toBe('and@example.com');
    expect(search.scanned('e1', 'https://zoom.us/qr?t=9&ein=unknown')).toBeUndefined();
    expect(search.scanned('e2', qr('T-100'))?.email).toBe('anna.other@example.com');
  });

  it.each([
    '"',
    '""',
    '*',
    'AND',
    'OR',
    'NOT',
    'NEAR(',
    'an*',
    '"an',
    'a AND',
    '^and',
    'words:an',
    '(',
    ')',
    '-',
    '+',
    '{',
    "'",
    'a"b',
  ])('takes FTS5 syntax as text, never as an error: %s', (typed) => {
    expect(() => search.search('e1', typed, 10)).not.toThrow();
  });

  it("keeps each event's people apart after another event is downloaded again", () => {
    const list = new CheckInListStore(db);
    const e2 = { seriesId: null, timezone: 'UTC', attendanceType: 'HYBRID' as const, sessions: [] };
    list.replace({
      ...e2,
      eventId: 'e2',
      name: 'Other',
      downloadedAt: '2027-03-02T08:00:00Z',
      registrants: [
        person('anna.other@example.com', 'Anna', 'Other', [['T-100', null]]),
        person('annika@example.com', 'Annika', 'New', [['T-900', null]]),
      ],
    });
    expect(search.search('e2', 'ann', 10).rows.map((row) => row.email)).toEqual([
      'annika@example.com',
      'anna.other@example.com',
    ]);
    expect(emails('ann')).toEqual(['annabel@example.com', 'anna.muller@example.com']);
    expect(search.search('e1', '', 50).total).toBe(6);
    expect(search.search('e3', 'ann', 10)).toEqual({ total: 0, rows: [] });
  });

  it('reads operators as words to look for', () => {
    expect(emails('AND')).toEqual(['and@example.com']);
    expect(emails('near')).toEqual(['and@example.com']);
    expect(emails('"quinn"')).toEqual(['quote@example.com']);
    expect(emails('st*')).toEqual(['quote@example.com']);
  });
});
