import type { ExportAttendeeRow, ExportSeriesRow, ExportSessionRow } from '../../db/exportQueries';
import { csvText, localTime } from './csvText';

/** The columns of the CSV of attendees, in order. */
export const attendeeColumns = [
  'series_key',
  'series_name',
  'zoom_event_id',
  'email',
  'first_name',
  'last_name',
  'organization',
  'sessions',
  'session_starts',
  'registration_id',
  'zoom_ticket_ids',
] as const;

/** The sessions a registration admits to: those it names, or every session not cancelled. */
function sessionsOf(attendee: ExportAttendeeRow, sessions: readonly ExportSessionRow[]): ExportSessionRow[] {
  const named = attendee.attendee.occurrences;
  if (named === undefined) return sessions.filter((session) => session.status !== 'cancelled');
  const chosen = new Set(named);
  return sessions.filter((session) => chosen.has(session.number));
}

/**
 * One row per attendee of each series: who, the sessions they are registered for (numbers, and
 * starts in the event's zone, separated by "; "), the registration ID Cadence sends to Zoom as
 * `external_ticket_id`, and Zoom's ticket IDs (one per session for a per-session registration).
 */
export function attendeesCsv(
  series: readonly {
    row: ExportSeriesRow;
    sessions: readonly ExportSessionRow[];
    attendees: readonly ExportAttendeeRow[];
  }[],
): string {
  const rows = series.flatMap(({ row, sessions, attendees }) =>
    attendees.map((registration) => {
      const attending = sessionsOf(registration, sessions);
      const { attendee } = registration;
      return [
        row.key ?? '',
        row.name,
        row.zoom_event_id ?? '',
        attendee.email,
        attendee.first_name ?? '',
        attendee.last_name ?? '',
        attendee.organization ?? '',
        attending.map((session) => String(session.number)).join('; '),
        attending.map((session) => localTime(session.start_time, row.timezone)).join('; '),
        registration.registrationId,
        registration.ticketIds.join(' '),
      ];
    }),
  );
  return csvText(attendeeColumns, rows);
}
