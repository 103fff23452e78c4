import type { ExportSeriesRow, ExportSessionRow } from '../../db/exportQueries';
import { csvText, localTime } from './csvText';

/** The columns of the CSV of sessions, in order. */
export const sessionColumns = [
  'series_key',
  'series_name',
  'event_type',
  'zoom_event_id',
  'session',
  'zoom_session_id',
  'status',
  'start_utc',
  'end_utc',
  'timezone',
  'start_local',
  'end_local',
  'join_url',
  'registration_url',
  'hub_id',
  'hub_name',
] as const;

/**
 * One row per planned session of each series (cancelled ones too, marked), with the Zoom IDs and
 * links Cadence has: the event's page is where attendees join, the registration link where they
 * register. Empty where Zoom has not given a value yet.
 */
export function sessionsCsv(
  series: readonly { row: ExportSeriesRow; sessions: readonly ExportSessionRow[] }[],
): string {
  const rows = series.flatMap(({ row, sessions }) =>
    sessions.map((session) => [
      row.key ?? '',
      row.name,
      row.event_type,
      row.zoom_event_id ?? '',
      session.number,
      session.zoom_session_id ?? '',
      session.status,
      session.start_time,
      session.end_time,
      row.timezone,
      localTime(session.start_time, row.timezone),
      localTime(session.end_time, row.timezone),
      row.event_url ?? '',
      row.registration_url ?? '',
      row.hub_id ?? '',
      row.hub_name ?? '',
    ]),
  );
  return csvText(sessionColumns, rows);
}
