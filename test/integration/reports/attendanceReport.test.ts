import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { createServices, type Services } from '../../../main/services';
import type { AttendanceReport } from '../../../shared/reports/attendanceReport';
import type { SeededEvent } from '../../../shared/zoom/sandboxSeed';
import { sandboxHarness, type SandboxHarness } from '../../support/sandbox';
import { makeTempDir } from '../../support/tempDir';

// Zoom's reports over HTTP from the sandbox, kept in a real SQLite file. The sandbox's clock and
// Cadence's run a fixed distance ahead of real time, so which sessions are over is the same each run.
const now = Date.parse('2027-03-01T18:00:00Z');
const offset = now - Date.now();
const clock = () => Date.now() + offset;

let dir: ReturnType<typeof makeTempDir>;
let harness: SandboxHarness;
let services: Services;
let standup: SeededEvent;
let training: SeededEvent;

function openServices(name: string, cadenceNow: () => number = clock): Services {
  const { db } = openDatabase(databaseFile(join(dir.path, name)));
  return createServices({ db, now: cadenceNow, zoom: () => Promise.resolve(harness.client) });
}

const attendanceRequests = () =>
  harness.sandbox.requests.filter((r) => r.operationId === 'SessionAttendanceReport' && r.status === 200).length;
const numbers = (report: AttendanceReport) =>
  report.sessions.map((s) => ({ state: s.state, registered: s.registered, attended: s.attended }));

beforeAll(async () => {
  dir = makeTempDir();
  harness = await sandboxHarness({ clock, seed: 7 });
  // The standup (weekly, 12 sessions, the 3rd moved an hour, the 5th deleted) and the per-session
  // training (4 sessions, each person registered for one), made five weeks before "now".
  const seeded = await harness.control.seed({
    scenarios: ['weekly-standup', 'per-session-training'],
    registrants: 40,
    startedWeeksAgo: 5,
  });
  const [first, second] = seeded;
  if (first === undefined || second === undefined) throw new Error('The sandbox seeded no events.');
  [standup, training] = [first, second];
  services = openServices('desk');
});
afterAll(async () => {
  services.db.close();
  await harness.close();
  dir.remove();
});

describe('the attendance report', () => {
  it('downloads the registrations and every ended session’s attendance, and only those', async () => {
    const before = attendanceRequests();
    const report = await services.reports.download({ eventId: standup.event_id });
    const ended = report.sessions.filter((s) => Date.parse(s.endTime) <= now);
    expect(ended.length).toBeGreaterThanOrEqual(3);
    expect(report.sessions).toHaveLength(11);
    expect(attendanceRequests() - before).toBe(ended.length);
    expect(report.sessions.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const session of report.sessions) {
      const isOver = Date.parse(session.endTime) <= now;
      expect(session.state).toBe(isOver ? 'downloaded' : 'upcoming');
      expect(session.registered).toBe(40);
      if (isOver) {
        expect(session.attended).toBeGreaterThan(0);
        expect(session.attended).toBeLessThan(40);
        expect(session.attendanceRate).toBeCloseTo((session.attended ?? 0) / 40, 10);
      } else {
        expect(session.attended).toBeNull();
        expect(session.attendanceRate).toBeNull();
      }
    }
    expect(report.totals).toMatchObject({ registered: 40, checkedInOnsite: 0, unmatchedRecords: 0 });
    expect(report.totals.attended).toBeGreaterThanOrEqual(Math.max(...ended.map((s) => s.attended ?? 0)));
    expect(Math.abs(Date.parse(report.downloadedAt) - now)).toBeLessThan(60_000);
    // Every report call was paced as HEAVY, and none was refused for speed.
    const reportCalls = harness.sandbox.requests.filter((r) => r.operationId?.endsWith('Report') === true);
    expect(new Set(reportCalls.map((r) => r.label))).toEqual(new Set(['HEAVY']));
    expect(reportCalls.some((r) => r.status === 429)).toBe(false);
  });

  it('counts a per-session registration for its session only', async () => {
    const report = await services.reports.download({ eventId: training.event_id });
    expect(report.sessions).toHaveLength(4);
    expect(report.sessions.map((s) => s.registered)).toEqual([10, 10, 10, 10]);
    expect(report.totals.registered).toBe(40);
    for (const session of report.sessions.filter((s) => s.state === 'downloaded')) {
      expect(session.attended).toBeLessThanOrEqual(10);
    }
  });

  it('places records by time alike when Zoom lists the whole event’s attendance in every session’s report', async () => {
    const perSession = services.reports.kept({ eventId: standup.event_id });
    await harness.control.setBehaviour({ sessionAttendance: 'whole_event' });
    try {
      const other = openServices('whole-event');
      try {
        const wholeEvent = await other.reports.download({ eventId: standup.event_id });
        expect(perSession).toBeDefined();
        expect(numbers(wholeEvent)).toEqual(numbers(perSession ?? wholeEvent));
        expect(wholeEvent.totals.unmatchedRecords).toBe(0);
      } finally {
        other.db.close();
      }
    } finally {
      await harness.control.setBehaviour({ sessionAttendance: 'per_session' });
    }
  });

  it('adds onsite check-ins: to a session, and to the whole event by when they were recorded', () => {
    const report = services.reports.kept({ eventId: standup.event_id });
    const [first, second] = report?.sessions ?? [];
    if (report === undefined || first === undefined || second === undefined) throw new Error('no report');
    const insert = services.db.prepare(
      `INSERT INTO check_in (id, event_id, session_id, email_key, email, recorded_at, desk, origin, state)
       VALUES (?, ?, ?, ?, ?, ?, 'Door A', 'here', ?)`,
    );
    const during = new Date(Date.parse(second.startTime) + 60_000).toISOString();
    insert.run(randomUUID(), report.eventId, first.sessionId, 'a@x.org', 'A@x.org', during, 'uploaded');
    insert.run(randomUUID(), report.eventId, first.sessionId, 'a@x.org', 'A@x.org', during, 'waiting');
    insert.run(randomUUID(), report.eventId, first.sessionId, 'b@x.org', 'b@x.org', during, 'undone');
    insert.run(randomUUID(), report.eventId, null, 'c@x.org', 'c@x.org', during, 'waiting');
    const read = services.reports.kept({ eventId: report.eventId });
    expect(read?.sessions.slice(0, 3).map((s) => s.checkedInOnsite)).toEqual([1, 1, 0]);
    expect(read?.totals.checkedInOnsite).toBe(2);
  });

  it('reads offline as last downloaded, and a download that fails keeps it whole', async () => {
    const kept = services.reports.kept({ eventId: training.event_id });
    await harness.control.setFaults({ failNextRequests: 1000 });
    try {
      await expect(services.reports.download({ eventId: training.event_id })).rejects.toMatchObject({
        code: 'unavailable',
      });
    } finally {
      await harness.control.setFaults({ failNextRequests: 0 });
    }
    expect(services.reports.kept({ eventId: training.event_id })).toEqual(kept);
  });

  it('shows a session Zoom has no report for yet with Zoom’s words, and keeps the rest', async () => {
    // Cadence's clock a day ahead of Zoom's: the session that ends within that day is over here only.
    const ahead = openServices('ahead', () => clock() + 86_400_000 * 7);
    try {
      const report = await ahead.reports.download({ eventId: standup.event_id });
      const waiting = report.sessions.filter((s) => s.state === 'unavailable');
      expect(waiting).toHaveLength(1);
      expect(waiting[0]).toMatchObject({ attended: null, attendanceRate: null });
      expect(waiting[0]?.unavailableReason).toMatch(/not ended/);
      expect(report.sessions.filter((s) => s.state === 'downloaded').length).toBeGreaterThanOrEqual(3);
    } finally {
      ahead.db.close();
    }
  });

  it('names the field of an event Zoom does not have, and keeps nothing', async () => {
    await expect(services.reports.download({ eventId: 'no-such-event' })).rejects.toMatchObject({
      code: 'not_found',
      issues: [{ path: 'eventId' }],
    });
    expect(services.reports.kept({ eventId: 'no-such-event' })).toBeUndefined();
  });

  it('finds the report of a series opened from Zoom by its key or its name, in any case', async () => {
    const opened = await services.zoomOpener.open({ event_ids: [standup.event_id] });
    const seriesId = opened.results[0]?.series_id ?? '';
    expect(services.reports.sourceNamed('ENGINEERING TEAM WEEKLY STANDUP')).toEqual({ seriesId });
    expect(services.reports.sourceNamed(standup.event_id)).toEqual({ eventId: standup.event_id });
    expect(services.reports.kept({ seriesId })).toEqual(services.reports.kept({ eventId: standup.event_id }));
    await services.zoomOpener.open({ event_ids: [training.event_id] });
    services.db
      .prepare(`UPDATE series SET name = 'Engineering Team Weekly Standup' WHERE zoom_event_id = ?`)
      .run(training.event_id);
    expect(() => services.reports.sourceNamed('Engineering Team Weekly Standup')).toThrow(/2 series are named/);
  });

  it('exports the kept report as CSV, a session a line, times in the event’s zone', () => {
    const { fileName, text } = services.reports.csv({ eventId: training.event_id });
    expect(fileName).toBe('git-github-training-series-attendance.csv');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'session,name,start_time,end_time,registered,attended,checked_in_onsite,attendance_rate,state,part',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(
      /^1,Git & GitHub Training Series,20\d\d-\d\d-\d\dT13:00:00-0[45]:00,.*,10,\d+,0,[\d.]*,downloaded,$/,
    );
  });
});
