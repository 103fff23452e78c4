// The work the store benchmark measures, bundled by test/bench/storeBench.mjs.
import { databaseFile, openDatabase } from '../../main/db/database';
import { createServices } from '../../main/services';

/** A series file of `seriesCount` weekly series with `attendeeCount` attendees each. */
export function benchmarkFile(seriesCount: number, attendeeCount: number) {
  return {
    version: 1,
    series: Array.from({ length: seriesCount }, (_, s) => ({
      key: `bench-${String(s)}`,
      name: `Training ${String(s)}`,
      timezone: 'America/New_York',
      event_type: 'RECURRING',
      start_time: '2026-01-05T15:00:00Z',
      recurrence: { type: 2, weekly_days: [2, 4], end_times: 24, duration: 60 },
      occurrence_changes: [{ occurrence: 5, action: 'cancel' }],
      ticket_type: { name: 'Seat', quantity: attendeeCount },
      registration: { link_name: 'Register', recurring_registration_option: 'multiple_sessions' },
      attendees: Array.from({ length: attendeeCount }, (_, i) => ({
        email: `person${String(i)}@example.com`,
        first_name: 'Person',
        last_name: String(i),
        organization: 'Example Corp',
        occurrences: [1 + (i % 4), 10 + (i % 12)],
      })),
      publish: true,
    })),
  };
}

/** Opens the data directory's database; milliseconds. */
export function timeOpen(dataDir: string): number {
  const started = performance.now();
  const { db } = openDatabase(databaseFile(dataDir));
  const ms = performance.now() - started;
  db.close();
  return ms;
}

/** Imports `file` (parsed JSON) into the data directory; milliseconds, database open excluded. */
export function timeImport(dataDir: string, file: unknown): number {
  const { db } = openDatabase(databaseFile(dataDir));
  try {
    const started = performance.now();
    createServices({ db }).drafts.importFile(file, { dryRun: false });
    return performance.now() - started;
  } finally {
    db.close();
  }
}

/** Lists the drafts `times` times on one open database; milliseconds per list. */
export function timeList(dataDir: string, times: number): number[] {
  const { db } = openDatabase(databaseFile(dataDir));
  try {
    const drafts = createServices({ db }).drafts;
    return Array.from({ length: times }, () => {
      const started = performance.now();
      const list = drafts.list();
      const ms = performance.now() - started;
      if (list.length === 0) throw new Error('nothing listed');
      return ms;
    });
  } finally {
    db.close();
  }
}
