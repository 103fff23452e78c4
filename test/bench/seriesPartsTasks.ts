// The work the series-parts benchmark measures, bundled by test/bench/seriesPartsBench.mjs.
import { databaseFile, openDatabase } from '../../main/db/database';
import { createServices } from '../../main/services';
import { seriesDraftSchema } from '../../shared/drafts/seriesDraft';
import { splitIntoParts } from '../../shared/drafts/seriesParts';

/** A daily standup of `sessions` sessions for `attendees` people, every session each. */
export function dailyStandup(sessions: number, attendees: number) {
  return {
    key: 'daily',
    name: 'Daily standup',
    timezone: 'America/New_York',
    event_type: 'RECURRING',
    start_time: '2027-01-04T14:00:00Z',
    recurrence: { type: 1, repeat_interval: 1, end_times: sessions, duration: 15 },
    ticket_type: { name: 'Seat', quantity: attendees + 10 },
    registration: { link_name: 'Register' },
    attendees: Array.from({ length: attendees }, (_, i) => ({ email: `person${String(i)}@example.com` })),
  };
}

/** Splits a parsed whole into its parts; milliseconds. */
export function timeSplit(sessions: number, attendees: number): number {
  const draft = seriesDraftSchema.parse(dailyStandup(sessions, attendees));
  const started = performance.now();
  splitIntoParts(draft);
  return performance.now() - started;
}

/**
 * In a new data directory: imports the whole (its parts derived and planned), then adds one
 * attendee and renames the series, as the attendee table and the editor do; milliseconds each.
 */
export function timeEdits(dataDir: string, sessions: number, attendees: number) {
  const { db } = openDatabase(databaseFile(dataDir));
  try {
    const services = createServices({ db });
    let started = performance.now();
    const summary = services.drafts.importFile(
      { version: 1, series: [dailyStandup(sessions, attendees)] },
      { dryRun: false },
    );
    const importMs = performance.now() - started;
    const id = summary.series[0]?.id ?? '';
    started = performance.now();
    services.attendees.save(id, undefined, { email: 'newcomer@example.com' });
    const addMs = performance.now() - started;
    const details: Record<string, unknown> = { ...services.drafts.get(id, { withAttendees: false }).draft };
    delete details.attendees;
    details.name = 'Daily standup (renamed)';
    started = performance.now();
    services.drafts.saveDetails(id, details);
    const renameMs = performance.now() - started;
    return { importMs, addMs, renameMs };
  } finally {
    db.close();
  }
}
