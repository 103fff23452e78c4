import type { ExportAttendeeRow, ExportSeriesRow, ExportSession } from '../../db/exportQueries';
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
function sessionsOf(attendee: ExportAttendeeRow, sessions: readonly ExportSession[]): ExportSession[] {
  const named = attendee.attendee.occurrences;
  if (named === undefined) return sessions.filter((session) => session.status !== 'cancelled');
  const chosen = new Set(named);
  return sessions.filter((session) => chosen.has(session.number));
}

/** What Zoom holds of a registration: its events, registration IDs and tickets, across a long series' parts. */
function onZoom(row: ExportSeriesRow, registration: ExportAttendeeRow) {
  if (registration.inParts.length === 0) {
    return {
      events: row.zoom_event_id ?? '',
      registrationIds: registration.registrationId,
      ticketIds: registration.ticketIds.join(' '),
    };
  }
  const { inParts } = registration;
  return {
    events: inParts.flatMap(({ part }) => (part.row.zoom_event_id === null ? [] : [part.row.zoom_event_id])).join(' '),
    registrationIds: inParts.map((entry) => entry.registrationId).join(' '),
    ticketIds: inParts.flatMap((entry) => entry.ticketIds).join(' '),
  };
}

/**
 * One row per attendee of each series: who, the sessions they are registered for (numbers, and
 * starts in the event's zone, separated by "; "), the registration ID Cadence sends to Zoom as
 * `external_ticket_id`, and Zoom's ticket IDs (one per session for a per-session registration).
 * A person of a series longer than one Zoom event is one row, numbered as the whole; their
 * events, registration IDs (one per part) and tickets are those of every part that admits them,
 * in part order, separated by spaces.
 */
export function attendeesCsv(
  series: readonly {
    row: ExportSeriesRow;
    sessions: readonly ExportSession[];
    attendees: readonly ExportAttendeeRow[];
  }[],
): string {
  const rows = series.flatMap(({ row, sessions, attendees }) =>
    attendees.map((registration) => {
      const attending = sessionsOf(registration, sessions);
      const { attendee } = registration;
      const zoom = onZoom(row, registration);
      return [
        row.key ?? '',
        row.name,
        zoom.events,
        attendee.email,
        attendee.first_name ?? '',
        attendee.last_name ?? '',
        attendee.organization ?? '',
        attending.map((session) => String(session.number)).join('; '),
        attending.map((session) => localTime(session.start_time, row.timezone)).join('; '),
        zoom.registrationIds,
        zoom.ticketIds,
      ];
    }),
  );
  return csvText(attendeeColumns, rows);
}
