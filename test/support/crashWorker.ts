// Imports and edits drafts in a loop, printing a line after each commit, until it is killed.
// Run by test/integration/db/crash.test.ts, bundled with esbuild, with CADENCE_CRASH_DATA_DIR set.
import { databaseFile, openDatabase } from '../../main/db/database';
import { createServices } from '../../main/services';

/** Round `round` of the file: series A's name and attendee count both say which round wrote it. */
export function crashRoundFile(round: number) {
  const attendees = (round % 7) + 1;
  return {
    version: 1,
    series: [
      {
        key: 'crash-a',
        name: `A ${String(round)}`,
        timezone: 'Europe/Berlin',
        event_type: 'RECURRING',
        start_time: '2027-03-01T09:00:00Z',
        recurrence: { type: 2, weekly_days: [2, 5], end_times: 20, duration: 45 },
        ticket_type: { name: 'Seat', quantity: 100 },
        registration: { link_name: 'Register' },
        attendees: Array.from({ length: attendees }, (_, i) => ({ email: `person${String(i)}@example.com` })),
      },
      {
        key: 'crash-b',
        name: `B ${String(round)}`,
        timezone: 'UTC',
        event_type: 'SIMPLE_EVENT',
        start_time: '2027-06-10T17:00:00Z',
        end_time: '2027-06-10T18:00:00Z',
      },
    ],
  };
}

function main(dataDir: string): void {
  const { db } = openDatabase(databaseFile(dataDir));
  const { drafts } = createServices({ db });
  process.stdout.write('ready\n');
  for (let round = 1; ; round += 1) {
    const summary = drafts.importFile(crashRoundFile(round), { dryRun: false });
    process.stdout.write(`import ${String(round)}\n`);
    const id = summary.series[0]?.id;
    if (id === undefined || id === null) throw new Error('no id');
    const { draft } = drafts.get(id);
    drafts.save(id, { ...draft, name: `A ${String(round)} edited` });
    process.stdout.write(`edit ${String(round)}\n`);
  }
}

const dataDir = process.env.CADENCE_CRASH_DATA_DIR;
if (dataDir !== undefined) main(dataDir);
