// The data the UI benchmark opens, bundled by test/bench/uiBench.mjs.
import { databaseFile, openDatabase } from '../../main/db/database';
import { createServices } from '../../main/services';

function weekly(index: number, attendees: number) {
  return {
    key: `ui-bench-${String(index)}`,
    name: `${['Weekly Standup', 'Monthly Webinar', 'Training'][index % 3] ?? ''} ${String(index)}`,
    timezone: ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo'][index % 3],
    event_type: 'RECURRING',
    start_time: '2027-01-05T15:00:00Z',
    recurrence: { type: 2, weekly_days: [3], end_times: 12, duration: 30 },
    ticket_type: { name: 'Pass' },
    registration: { link_name: 'Register' },
    attendees: Array.from({ length: attendees }, (_, i) => ({
      email: `p${String(index)}-${String(i)}@example.com`,
      first_name: 'Person',
      last_name: String(i),
      organization: `Company ${String(i % 97)}`,
    })),
    publish: true,
  };
}

/** 500 series of 5 attendees and one of `bigAttendees`; answers the big series' ID. */
export function populate(dataDir: string, bigAttendees: number): string {
  const { db } = openDatabase(databaseFile(dataDir));
  try {
    const drafts = createServices({ db }).drafts;
    const series = [weekly(0, bigAttendees), ...Array.from({ length: 499 }, (_, i) => weekly(i + 1, 5))];
    const summary = drafts.importFile({ version: 1, series }, { dryRun: false });
    return summary.series[0]?.id ?? '';
  } finally {
    db.close();
  }
}

/** One weekly series of 60 sessions (Zoom's maximum), for the keystroke → preview benchmark; answers its ID. */
export function populatePreview(dataDir: string): string {
  const { db } = openDatabase(databaseFile(dataDir));
  try {
    const drafts = createServices({ db }).drafts;
    const series = {
      ...weekly(0, 0),
      key: 'preview-bench',
      recurrence: { type: 2, weekly_days: [2, 4], end_times: 60, duration: 45 },
    };
    const summary = drafts.importFile({ version: 1, series: [series] }, { dryRun: false });
    return summary.series[0]?.id ?? '';
  } finally {
    db.close();
  }
}
