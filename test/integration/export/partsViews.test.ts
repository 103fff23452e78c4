import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportText } from '../../../main/cli/reportCommand';
import { reportCsv } from '../../../main/reports/attendanceReports';
import { readCalendar } from '../../support/icalReader';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// A daily series of 130 sessions synced to the sandbox over HTTP, where it is three events (60, 60
// and 10 sessions): the attendee list, the exports and the attendance report show it as one series.
// Cadence's clock and the sandbox's are one clock, running at real speed from a time the test
// sets: first before the series starts (to sync it), then in its 70th day (to read attendance).
let offset = 0;
const setClock = (at: string) => {
  offset = Date.parse(at) - Date.now();
};
const clock = () => Date.now() + offset;
setClock('2027-01-01T12:00:00Z');
let h: Awaited<ReturnType<typeof syncHarness>>;
let seriesId = '';

const rowsOf = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

beforeAll(async () => {
  h = await syncHarness({ clock, seed: 3 }, { now: clock });
  const imported = h.importSeries([
    standupSeries(0, {
      key: 'daily-standup',
      name: 'Daily standup',
      start_time: '2027-01-05T15:00:00Z',
      recurrence: { type: 1, repeat_interval: 1, end_times: 130, duration: 15 },
      occurrence_changes: [
        { occurrence: 5, action: 'cancel' },
        { occurrence: 70, action: 'move', start_time: '2027-03-15T17:00:00Z' },
      ],
      registration: {
        link_name: 'Standup registration',
        recurring_registration_option: 'multiple_sessions',
        authentication_method: 'bypass_auth',
      },
      attendees: [
        { email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', occurrences: [1, 61, 130] },
        { email: 'bob@example.com', first_name: 'Bob', last_name: 'Byte', occurrences: [61, 62] },
        { email: 'cy@example.com', first_name: 'Cy', last_name: 'Clock', occurrences: [2, 125] },
      ],
      publish: true,
    }),
  ]);
  seriesId = imported.series[0]?.id ?? '';
  const report = await h.services.sync.run();
  expect(report.outcome).toBe('succeeded');
}, 60_000);
afterAll(async () => {
  await h.close();
});

/** The sandbox's events of the series, in the order of their first session. */
function partEvents() {
  const { data } = h.sandbox.sandbox;
  return data.events
    .filter((event) => event.name.startsWith('Daily standup'))
    .map((event) => ({
      event,
      sessions: data.sessions
        .filter((session) => session.event_id === event.event_id)
        .sort((a, b) => a.start_time.localeCompare(b.start_time)),
    }))
    .sort((a, b) => (a.sessions[0]?.start_time ?? '').localeCompare(b.sessions[0]?.start_time ?? ''));
}

describe('a series in parts, as the planner sees it', () => {
  it('is one entry of the series list, and its parts say where each is on Zoom', () => {
    const entries = h.services.drafts.list();
    expect(entries.map((entry) => [entry.name, entry.sessions, entry.parts])).toEqual([['Daily standup', 129, 3]]);
    const parts = partEvents();
    // Zoom lists no cancelled session: part 1 has 59 of its 60.
    expect(parts.map(({ sessions }) => sessions.length)).toEqual([59, 60, 10]);
  });

  it('lists each person once, with their sessions across parts and where Zoom holds their tickets', () => {
    const rows = h.services.attendees.list(seriesId);
    expect(rows.map((row) => [row.email, row.occurrences, row.parts.map((p) => p.part), row.on_zoom])).toEqual([
      ['ada@example.com', [1, 61, 130], [0, 1, 2], true],
      ['bob@example.com', [61, 62], [1], true],
      ['cy@example.com', [2, 125], [0, 2], true],
    ]);
  });

  it("exports sessions numbered 1 to 130, each with its own event's IDs and links", () => {
    const parts = partEvents();
    const { data } = h.sandbox.sandbox;
    const rows = rowsOf(h.services.exporter.export({ format: 'csv', seriesIds: [seriesId] }).content);
    expect(rows.map((row) => Number(row.session))).toEqual(Array.from({ length: 130 }, (_, i) => i + 1));
    expect(new Set(rows.map((row) => row.series_name))).toEqual(new Set(['Daily standup']));
    for (const [index, { event, sessions }] of parts.entries()) {
      const inPart = rows.filter((row) => row.part === `part ${String(index + 1)} of 3`);
      const link = data.accessLinks.find((candidate) => candidate.event_id === event.event_id);
      expect(inPart.length).toBe(index === 2 ? 10 : 60);
      for (const row of inPart) {
        expect(row).toMatchObject({
          zoom_event_id: event.event_id,
          join_url: `https://events.zoom.us/ev/${event.event_id}`,
          registration_url: link?.url,
        });
      }
      // Zoom's sessions of the part are the rows' sessions there, in order (a cancelled one not listed).
      const held = inPart.filter((row) => row.status !== 'cancelled');
      expect(held.map((row) => [row.start_utc, row.zoom_session_id])).toEqual(
        sessions.map((session) => [session.start_time.replace('.000', ''), session.session_id]),
      );
    }
    expect(rows.find((row) => row.session === '70')).toMatchObject({ status: 'moved', part: 'part 2 of 3' });
  });

  it("exports a person once, with every part's registration and tickets", () => {
    const { data } = h.sandbox.sandbox;
    const parts = partEvents();
    const rows = rowsOf(h.services.exporter.export({ format: 'attendees_csv', seriesIds: [seriesId] }).content);
    expect(rows.map((row) => row.email)).toEqual(['ada@example.com', 'bob@example.com', 'cy@example.com']);
    const eventsOf = (...indexes: number[]) => indexes.map((i) => parts[i]?.event.event_id).join(' ');
    expect(rows.map((row) => row.zoom_event_id)).toEqual([eventsOf(0, 1, 2), eventsOf(1), eventsOf(0, 2)]);
    expect(rows[1]?.sessions).toBe('61; 62');
    expect(rows[2]?.sessions).toBe('2; 125');
    for (const row of rows) {
      const tickets = data.tickets.filter((ticket) => ticket.email === row.email);
      expect((row.zoom_ticket_ids ?? '').split(' ').sort()).toEqual(tickets.map((ticket) => ticket.ticket_id).sort());
      expect((row.registration_id ?? '').split(' ').sort()).toEqual(
        tickets.map((ticket) => ticket.external_ticket_id ?? '').sort(),
      );
    }
  });

  it('is one calendar series, and a series file of the whole that imports as the whole', () => {
    const calendar = readCalendar(h.services.exporter.export({ format: 'ics', seriesIds: [seriesId] }).content);
    expect([...calendar.series.keys()]).toEqual([`${seriesId}@cadence.series`]);
    const entry = calendar.series.get(`${seriesId}@cadence.series`);
    // 130 planned, one cancelled; the moved one at its new time.
    expect(entry?.instances).toHaveLength(129);
    expect(entry?.instances.some((instance) => instance.start === '2027-03-15T17:00:00Z')).toBe(true);
    expect(entry?.url).toBeNull();
    for (const { event } of partEvents()) expect(entry?.description).toContain(`/ev/${event.event_id}`);

    const file = JSON.parse(h.services.exporter.export({ format: 'series', seriesIds: [seriesId] }).content) as {
      series: { name: string; recurrence: { end_times: number }; attendees: unknown[] }[];
    };
    expect(file.series.map((series) => [series.name, series.recurrence.end_times, series.attendees.length])).toEqual([
      ['Daily standup', 130, 3],
    ]);
    const again = h.services.drafts.importFile(file, { dryRun: true });
    expect(again.series.map((series) => [series.action, series.sessions])).toEqual([['update', 129]]);
  });

  it("reports the attendance of every part's sessions as one series, each person counted once", async () => {
    setClock('2027-03-15T12:00:00Z');
    const report = await h.services.reports.download({ seriesId });
    expect(report.name).toBe('Daily standup');
    expect(report.parts.map((part) => [part.firstPosition, part.sessions])).toEqual([
      [1, 59],
      [60, 60],
      [120, 10],
    ]);
    expect(report.sessions.map((s) => s.position)).toEqual(Array.from({ length: 129 }, (_, i) => i + 1));
    const starts = report.sessions.map((s) => s.startTime);
    expect([...starts].sort()).toEqual(starts);
    expect(report.totals.registered).toBe(3);
    // Session 1 is Ada's, 2 is Cy's, 3 nobody's; part 2's first (session 61) is Ada's and Bob's.
    expect(report.sessions.slice(0, 3).map((s) => s.registered)).toEqual([1, 1, 0]);
    expect(report.sessions[59]?.registered).toBe(2);
    const held = report.sessions.filter((s) => s.state === 'downloaded');
    expect(held.length).toBeGreaterThan(60);
    expect(report.sessions.filter((s) => s.state === 'upcoming').length).toBeGreaterThan(0);
    // Kept for offline reading: the same report, and `cadence report`'s table names the whole.
    expect(h.services.reports.kept({ seriesId })).toEqual(report);
    const text = reportText(report);
    expect(text.split('\n')[0]).toContain('Daily standup (3 events on Zoom:');
    expect(text).toContain('-- part 2 of 3 --');
    // The CSV names each session's part last.
    const csvRows = reportCsv(report).trimEnd().split('\r\n');
    expect(csvRows[0]?.endsWith(',state,part')).toBe(true);
    const partColumn = csvRows.slice(1).map((row) => row.split(',').at(-1));
    expect([partColumn[0], partColumn[58], partColumn[59], partColumn.at(-1)]).toEqual(['1', '1', '2', '3']);
  });

  it('refuses a report while a part is not on Zoom, and an export of a part on its own, changing nothing', async () => {
    const [longer] = h.importSeries([
      standupSeries(0, {
        key: 'evening-standup',
        name: 'Evening standup',
        start_time: '2027-04-05T22:00:00Z',
        recurrence: { type: 1, repeat_interval: 1, end_times: 70, duration: 15 },
      }),
    ]).series;
    const id = longer?.id ?? '';
    expect(h.services.drafts.list().find((entry) => entry.id === id)?.parts).toBe(2);
    await expect(h.services.reports.download({ seriesId: id })).rejects.toMatchObject({
      code: 'conflict',
      issues: [{ path: 'seriesId', message: 'Part of this series is not on Zoom yet.' }],
    });
    expect(h.services.reports.kept({ seriesId: id })).toBeUndefined();
    // The daily standup's report is as it was.
    expect(h.services.reports.kept({ seriesId })?.parts).toHaveLength(3);

    const [part] = h.services.drafts.parts(seriesId);
    expect(() => h.services.exporter.export({ format: 'csv', seriesIds: [part?.series_id ?? ''] })).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        issues: [
          {
            path: 'seriesIds[0]',
            message: `"${part?.series_id ?? ''}" is part 1 of "Daily standup" on Zoom: export "Daily standup", which holds every part.`,
          },
        ],
      }),
    );
  });
});
