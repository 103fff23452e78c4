import { CadenceError } from '../../shared/errors';
import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import type { AttendanceSpan } from '../../shared/reports/attendanceMatch';
import type { ZoomRegistrant, ZoomSession } from '../../shared/zoom/zoomReadShapes';
import type { ZoomAttendanceRecord } from '../../shared/zoom/zoomReportShapes';
import type { DownloadedRegistrant, DownloadedReport, DownloadedSession } from '../db/attendanceReportStore';
import type { ZoomEventsApi } from '../zoom/zoomEventsApi';
import { ZoomApiError } from '../zoom/zoomErrors';

/** The calls a report download makes: all reads, none through the outbox. */
export type ReportApi = Pick<
  ZoomEventsApi,
  'getEvent' | 'listSessions' | 'eachRegistrantPage' | 'eachRegistrationReportPage' | 'listSessionAttendance'
>;

function instant(text: string, what: string): string {
  const at = Date.parse(text);
  if (Number.isNaN(at)) throw new CadenceError('unavailable', `Zoom answered ${what} that is not a time: “${text}”.`);
  return formatInstant(at);
}

/** A time of an attendance record, or null when Zoom gave none or something that is not a time. */
function optionalInstant(text: string | undefined): string | null {
  const at = text === undefined ? Number.NaN : Date.parse(text);
  return Number.isNaN(at) ? null : formatInstant(at);
}

function sessionsInOrder(eventName: string, sessions: readonly ZoomSession[]) {
  return sessions
    .map((session) => ({
      sessionId: session.session_id,
      name: session.name ?? eventName,
      startTime: instant(session.start_time, "a session's start"),
      endTime: instant(session.end_time, "a session's end"),
    }))
    .sort((a, b) => a.startTime.localeCompare(b.startTime))
    .map((session, index) => ({ ...session, position: index + 1 }));
}

/** The sessions each person's tickets admit to, by lower-cased email; absent: every session. */
function admissionsOf(registrants: readonly ZoomRegistrant[]): Map<string, string[]> {
  const admissions = new Map<string, string[]>();
  for (const registrant of registrants) {
    const key = registrant.email.trim().toLowerCase();
    const sessionIds = registrant.tickets.flatMap((ticket) =>
      ticket.session_id !== undefined ? [ticket.session_id] : (ticket.session_ids ?? [null]),
    );
    // One ticket for every session outweighs per-session ones.
    const isEverySession = sessionIds.length === 0 || sessionIds.includes(null);
    const known = admissions.get(key);
    if (isEverySession || known?.length === 0) admissions.set(key, []);
    else admissions.set(key, [...(known ?? []), ...sessionIds.filter((id): id is string => id !== null)]);
  }
  return admissions;
}

/** Zoom's records that say someone was there; an "absent" record is not attendance. */
function attendanceOf(records: readonly ZoomAttendanceRecord[]): AttendanceSpan[] {
  return records
    .filter((record) => record.session_attendance?.toLowerCase() !== 'absent')
    .map((record) => ({
      email: record.email,
      joinedAt: optionalInstant(record.start_time),
      leftAt: optionalInstant(record.end_time),
      minutes: record.duration_spent_in_session ?? null,
    }));
}

/** Zoom declined one session's report (not held, not ready): that session waits, the rest is kept. */
function isSessionRefusal(error: unknown): error is ZoomApiError {
  return error instanceof ZoomApiError && (error.status === 400 || error.status === 404);
}

/**
 * Reads an event's report from Zoom: its sessions, the registrations report with each person's
 * sessions (from the registrants list's tickets), and the attendance report of every session that
 * has ended. Nothing is written here: the caller replaces the kept report in one transaction.
 */
export async function downloadReport(
  api: ReportApi,
  target: { eventId: string; seriesId: string | null; field: string },
  now: number,
): Promise<DownloadedReport> {
  const { eventId } = target;
  const registrations: DownloadedRegistrant[] = [];
  const registrants: ZoomRegistrant[] = [];
  const [event, zoomSessions] = await Promise.all([
    api.getEvent(eventId),
    api.listSessions(eventId),
    api.eachRegistrantPage(eventId, (page) => registrants.push(...page)),
    api.eachRegistrationReportPage(eventId, (page) => {
      for (const record of page) {
        registrations.push({
          email: record.email,
          firstName: record.first_name ?? '',
          lastName: record.last_name ?? '',
          registeredAt: optionalInstant(record.register_date),
          sessionIds: [],
        });
      }
    }),
  ]).catch((error: unknown) => {
    // A wrong ID is Zoom's 404, or its 403 for an event of another account; a missing scope says so itself.
    const isWrongEvent = error instanceof ZoomApiError && (error.code === 'not_found' || error.status === 403);
    if (isWrongEvent && error.missingScopes.length === 0) {
      throw new CadenceError(error.code, `Zoom has no event ${eventId} whose reports this account can read.`, [
        { path: target.field, message: `Zoom answered: ${error.message}` },
      ]);
    }
    throw error;
  });
  const sessions = sessionsInOrder(event.name, zoomSessions);
  const attendance: AttendanceSpan[] = [];
  const downloaded: DownloadedSession[] = await Promise.all(
    sessions.map(async (session): Promise<DownloadedSession> => {
      // Zoom holds a report only once a session is over.
      if (Date.parse(session.endTime) > now) return { ...session, state: 'upcoming', unavailableReason: null };
      try {
        attendance.push(...attendanceOf(await api.listSessionAttendance(eventId, session.sessionId)));
        return { ...session, state: 'downloaded', unavailableReason: null };
      } catch (error) {
        if (!isSessionRefusal(error)) throw error;
        return { ...session, state: 'unavailable', unavailableReason: error.zoomMessage ?? error.message };
      }
    }),
  );
  const admissions = admissionsOf(registrants);
  return {
    eventId,
    seriesId: target.seriesId,
    name: event.name,
    timezone: event.timezone,
    downloadedAt: formatInstant(now),
    sessions: downloaded,
    registrants: registrations.map((r) => ({ ...r, sessionIds: admissions.get(r.email.trim().toLowerCase()) ?? [] })),
    attendance,
  };
}
