import type { ExportSeriesRow, ExportSession } from '../../db/exportQueries';
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
  'part',
] as const;

/**
 * One row per planned session of each series (cancelled ones too, marked), with the Zoom IDs and
 * links Cadence has: the event's page is where attendees join, the registration link where they
 * register. Empty where Zoom has not given a value yet. A series longer than one Zoom event is
 * numbered as one (1 to its last session); each session carries the IDs and links of the event
 * of its part, which `part` names ("part 2 of 5").
 */
export function sessionsCsv(series: readonly { row: ExportSeriesRow; sessions: readonly ExportSession[] }[]): string {
  const rows = series.flatMap(({ row, sessions }) =>
    sessions.map(({ event, ...session }) => [
      row.key ?? '',
      row.name,
      row.event_type,
      event.zoom_event_id ?? '',
      session.number,
      session.zoom_session_id ?? '',
      session.status,
      session.start_time,
      session.end_time,
      row.timezone,
      localTime(session.start_time, row.timezone),
      localTime(session.end_time, row.timezone),
      event.event_url ?? '',
      event.registration_url ?? '',
      event.hub_id ?? '',
      event.hub_name ?? '',
      session.part,
    ]),
  );
  return csvText(sessionColumns, rows);
}
