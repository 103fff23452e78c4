import type Database from 'better-sqlite3';
import { z } from 'zod';
import { matchAttendance, type AttendanceSpan, type SessionSpan } from '../../shared/reports/attendanceMatch';
import {
  attendanceReportSchema,
  sessionAttendanceStateSchema,
  type AttendanceReport,
  type SessionAttendanceState,
} from '../../shared/reports/attendanceReport';
import { countingStates } from './checkInStore';

/** A session as downloaded, with whether its attendance came. */
export interface DownloadedSession extends SessionSpan {
  position: number;
  name: string;
  state: SessionAttendanceState;
  unavailableReason: string | null;
}

export interface DownloadedRegistrant {
  email: string;
  firstName: string;
  lastName: string;
  registeredAt: string | null;
  /** Zoom session IDs their tickets admit to; empty: every session. */
  sessionIds: readonly string[];
}

/** Everything one download read from Zoom; written as a whole. */
export interface DownloadedReport {
  eventId: string;
  seriesId: string | null;
  name: string;
  timezone: string;
  downloadedAt: string;
  sessions: readonly DownloadedSession[];
  registrants: readonly DownloadedRegistrant[];
  attendance: readonly AttendanceSpan[];
}

const eventRowSchema = z.object({
  event_id: z.string(),
  series_id: z.string().nullable(),
  name: z.string(),
  timezone: z.string(),
  downloaded_at: z.string(),
});
const sessionRowSchema = z.object({
  session_id: z.string(),
  position: z.number().int(),
  name: z.string(),
  start_time: z.string(),
  end_time: z.string(),
  state: sessionAttendanceStateSchema,
  unavailable_reason: z.string().nullable(),
});
const admissionRowSchema = z.object({ email_key: z.string(), session_id: z.string() });
const attendanceRowSchema = z.object({
  email_key: z.string(),
  joined_at: z.string(),
  left_at: z.string(),
  minutes: z.number().nullable(),
});
const checkInRowSchema = z.object({
  email_key: z.string(),
  session_id: z.string().nullable(),
  recorded_at: z.string().nullable(),
});

/** Who an event's report counts, by lower-cased email. */
interface EventPeople {
  registered: ReadonlySet<string>;
  attended: ReadonlySet<string>;
  onsite: ReadonlySet<string>;
}

const counting = `state IN (${countingStates.map((state) => `'${state}'`).join(', ')})`;
const everySession = '';

/**
 * The attendance reports kept on this laptop. A download replaces an event's report in one
 * transaction, so one cut short leaves the previous report whole; the per-session numbers are
 * derived when read, from the kept records and the check-ins recorded onsite.
 */
export class AttendanceReportStore {
  constructor(
    private readonly db: Database.Database,
    private readonly toleranceMinutes: number,
  ) {}

  replace(report: DownloadedReport): void {
    const { eventId } = report;
    const keyOf = (email: string) => email.trim().toLowerCase();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM report_event WHERE event_id = ?').run(eventId);
      this.db
        .prepare(
          `INSERT INTO report_event (event_id, series_id, name, timezone, downloaded_at)
           VALUES (?, ?, ?, ?, ?)`,
        )
        .run(eventId, report.seriesId, report.name, report.timezone, report.downloadedAt);
      const session = this.db.prepare(
        `INSERT INTO report_session (event_id, session_id, position, name, start_time, end_time, state, unavailable_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const s of report.sessions) {
        session.run(eventId, s.sessionId, s.position, s.name, s.startTime, s.endTime, s.state, s.unavailableReason);
      }
      // A person on the report twice (two tickets) is one registrant admitted to the sessions of both.
      const registrant = this.db.prepare(
        `INSERT INTO report_registrant (event_id, email_key, email, first_name, last_name, registered_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      );
      const admission = this.db.prepare(
        `INSERT INTO report_registrant_session (event_id, email_key, session_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
      );
      for (const r of report.registrants) {
        const key = keyOf(r.email);
        if (key === '') continue;
        registrant.run(eventId, key, r.email.trim(), r.firstName, r.lastName, r.registeredAt);
        for (const sessionId of r.sessionIds.length === 0 ? [everySession] : r.sessionIds) {
          admission.run(eventId, key, sessionId);
        }
      }
      const attendance = this.db.prepare(
        `INSERT INTO report_attendance (event_id, email_key, joined_at, left_at, minutes)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      );
      for (const a of report.attendance) {
        attendance.run(eventId, keyOf(a.email), a.joinedAt ?? '', a.leftAt ?? '', a.minutes ?? null);
      }
    })();
  }

  /** The Zoom event IDs with a kept report. */
  eventIds(): string[] {
    return this.db.prepare<[], string>('SELECT event_id FROM report_event ORDER BY name').pluck().all();
  }

  /** The kept report of an event, its numbers derived now; undefined when none was downloaded. */
  read(eventId: string): AttendanceReport | undefined {
    return this.readEvent(eventId)?.report;
  }

  /**
   * The kept reports of a long series' parts as one report of the whole: every session of every
   * part, numbered on from part to part, and each person counted once in the totals however many
   * parts they are registered in. Parts never downloaded are left out; undefined when none was.
   */
  readWhole(whole: { seriesId: string; name: string }, eventIds: readonly string[]): AttendanceReport | undefined {
    const kept = eventIds.flatMap((eventId) => {
      const found = this.readEvent(eventId);
      return found === undefined ? [] : [found];
    });
    const first = kept[0];
    if (first === undefined) return undefined;
    const union = (of: (people: EventPeople) => ReadonlySet<string>) =>
      new Set(kept.flatMap(({ people }) => [...of(people)])).size;
    let before = 0;
    const parts = kept.map(({ report }) => {
      const firstPosition = before + 1;
      before += report.sessions.length;
      return { report, firstPosition };
    });
    return attendanceReportSchema.parse({
      eventId: first.report.eventId,
      seriesId: whole.seriesId,
      name: whole.name,
      timezone: first.report.timezone,
      // The oldest part's: the whole is as fresh as its least fresh part.
      downloadedAt: kept.map(({ report }) => report.downloadedAt).sort()[0],
      toleranceMinutes: this.toleranceMinutes,
      sessions: parts.flatMap(({ report, firstPosition }) =>
        report.sessions.map((s) => ({ ...s, position: firstPosition + s.position - 1 })),
      ),
      totals: {
        registered: union((people) => people.registered),
        attended: union((people) => people.attended),
        checkedInOnsite: union((people) => people.onsite),
        unmatchedRecords: kept.reduce((sum, { report }) => sum + report.totals.unmatchedRecords, 0),
      },
      parts: parts.map(({ report, firstPosition }) => ({
        eventId: report.eventId,
        name: report.name,
        firstPosition,
        sessions: report.sessions.length,
        downloadedAt: report.downloadedAt,
      })),
    });
  }

  /** One event's kept report, with who it counts (by lower-cased email) for the totals of a whole. */
  private readEvent(eventId: string): { report: AttendanceReport; people: EventPeople } | undefined {
    const found = this.db.prepare('SELECT * FROM report_event WHERE event_id = ?').get(eventId);
    if (found === undefined) return undefined;
    const event = eventRowSchema.parse(found);
    const sessions = z
      .array(sessionRowSchema)
      .parse(this.db.prepare('SELECT * FROM report_session WHERE event_id = ? ORDER BY position').all(eventId));
    const spans: SessionSpan[] = sessions.map((s) => ({
      sessionId: s.session_id,
      startTime: s.start_time,
      endTime: s.end_time,
    }));
    const registered = this.registeredBySession(eventId, sessions.length);
    const attendance = matchAttendance(
      spans,
      z
        .array(attendanceRowSchema)
        .parse(this.db.prepare('SELECT * FROM report_attendance WHERE event_id = ?').all(eventId))
        .map((row) => ({
          email: row.email_key,
          joinedAt: row.joined_at === '' ? null : row.joined_at,
          leftAt: row.left_at === '' ? null : row.left_at,
          minutes: row.minutes,
        })),
      this.toleranceMinutes,
    );
    const onsite = this.checkedInBySession(eventId, spans);
    const rows = sessions.map((s) => {
      const count = registered.everySession + (registered.bySession.get(s.session_id) ?? 0);
      const attended = s.state === 'downloaded' ? (attendance.bySession.get(s.session_id)?.size ?? 0) : null;
      return {
        position: s.position,
        sessionId: s.session_id,
        name: s.name,
        startTime: s.start_time,
        endTime: s.end_time,
        state: s.state,
        unavailableReason: s.unavailable_reason,
        registered: count,
        attended,
        checkedInOnsite: onsite.bySession.get(s.session_id)?.size ?? 0,
        attendanceRate: attended === null || count === 0 ? null : attended / count,
      };
    });
    const attendedAny = new Set([...attendance.bySession.values()].flatMap((people) => [...people]));
    const report = attendanceReportSchema.parse({
      eventId: event.event_id,
      seriesId: event.series_id,
      name: event.name,
      timezone: event.timezone,
      downloadedAt: event.downloaded_at,
      toleranceMinutes: this.toleranceMinutes,
      sessions: rows,
      totals: {
        registered: registered.total,
        attended: attendedAny.size,
        checkedInOnsite: onsite.people.size,
        unmatchedRecords: attendance.unmatched,
      },
      parts: [],
    });
    const registrants = this.db
      .prepare<[string], string>('SELECT email_key FROM report_registrant WHERE event_id = ?')
      .pluck()
      .all(eventId);
    return { report, people: { registered: new Set(registrants), attended: attendedAny, onsite: onsite.people } };
  }

  /** Per session, who may come: those admitted to every session plus those with a ticket for it. */
  private registeredBySession(
    eventId: string,
    sessionCount: number,
  ): { total: number; everySession: number; bySession: Map<string, number> } {
    const rows = z
      .array(admissionRowSchema)
      .parse(
        this.db.prepare('SELECT email_key, session_id FROM report_registrant_session WHERE event_id = ?').all(eventId),
      );
    const total =
      this.db
        .prepare<[string], number>('SELECT count(*) FROM report_registrant WHERE event_id = ?')
        .pluck()
        .get(eventId) ?? 0;
    const everyone = new Set(rows.filter((r) => r.session_id === everySession).map((r) => r.email_key));
    const bySession = new Map<string, number>();
    for (const row of rows) {
      if (row.session_id === everySession || everyone.has(row.email_key)) continue;
      bySession.set(row.session_id, (bySession.get(row.session_id) ?? 0) + 1);
    }
    // A single-session event has no sessions to choose: everyone registered may come.
    return { total, everySession: sessionCount <= 1 ? total : everyone.size, bySession };
  }

  /**
   * Who was checked in onsite, per session: check-ins to the session, and check-ins to the whole
   * event placed in the session by when they were recorded (the same time windows as attendance).
   */
  private checkedInBySession(
    eventId: string,
    spans: readonly SessionSpan[],
  ): { people: Set<string>; bySession: Map<string, Set<string>> } {
    const rows = z
      .array(checkInRowSchema)
      .parse(
        this.db
          .prepare(`SELECT email_key, session_id, recorded_at FROM check_in WHERE event_id = ? AND ${counting}`)
          .all(eventId),
      );
    const known = new Set(spans.map((s) => s.sessionId));
    const placed = matchAttendance(
      spans,
      rows
        .filter((row) => row.session_id === null)
        .map((row) => ({ email: row.email_key, joinedAt: row.recorded_at, leftAt: row.recorded_at })),
      this.toleranceMinutes,
    ).bySession;
    for (const row of rows) {
      if (row.session_id !== null && known.has(row.session_id)) placed.get(row.session_id)?.add(row.email_key);
    }
    return { people: new Set(rows.map((row) => row.email_key)), bySession: placed };
  }
}
