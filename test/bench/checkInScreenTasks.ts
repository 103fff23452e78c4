// The data the scan-to-result benchmark opens, bundled by test/bench/checkInScreenBench.mjs.
import { databaseFile, openDatabase } from '../../main/db/database';
import { CheckInListStore } from '../../main/db/checkInListStore';

/** The ticket ID printed on person `index`'s ticket. */
export function ticketId(index: number): string {
  return `T${String(index).padStart(6, '0')}`;
}

/** An in-person event downloaded with `people` registrants, one ticket each; answers its event ID. */
export function populate(dataDir: string, people: number): string {
  const { db } = openDatabase(databaseFile(dataDir));
  try {
    const eventId = 'bench-event';
    new CheckInListStore(db).replace({
      eventId,
      seriesId: null,
      name: 'Bench Conference',
      timezone: 'UTC',
      attendanceType: 'IN_PERSON',
      sessions: [],
      downloadedAt: new Date().toISOString(),
      registrants: Array.from({ length: people }, (_, i) => ({
        email: `person${String(i)}@example.com`,
        firstName: 'Person',
        lastName: String(i),
        organisation: `Company ${String(i % 97)}`,
        ticketType: 'Conference pass',
        tickets: [{ ticketId: ticketId(i), sessionId: null, qrCodeUrl: null }],
      })),
    });
    return eventId;
  } finally {
    db.close();
  }
}
