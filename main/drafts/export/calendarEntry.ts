import { createHash } from 'node:crypto';
import { plannedSessions } from '../../../shared/drafts/plannedSessions';
import { maxSessionsPerPart } from '../../../shared/drafts/seriesParts';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import { formatInstant } from '../../../shared/recurrence/expandRecurrence';
import { planSeriesTiming } from '../../../shared/recurrence/seriesTiming';
import type { ExportPart, ExportSeriesRow } from '../../db/exportQueries';
import { localTime } from './csvText';
import { recurrencePattern, type RecurrenceRule } from './recurrenceRule';

/** One moved occurrence: where the series would have put it, and where it is. */
export interface MovedOccurrence {
  /** The occurrence's start as the pattern gives it (its RECURRENCE-ID). */
  recurrenceId: string;
  start: string;
  end: string;
}

/**
 * What a series' calendar entry says, before it is written as iCalendar: everything that, when
 * it changes, must raise the entry's SEQUENCE. Instants are UTC `YYYY-MM-DDTHH:MM:SSZ`.
 */
export interface CalendarEntry {
  uid: string;
  summary: string;
  description: string;
  timezone: string;
  /** The first occurrence as the pattern gives it (moved or cancelled or not), or the single session. */
  start: string;
  end: string;
  rule: RecurrenceRule | null;
  /** Occurrences the rule cannot say (RDATE). */
  added: string[];
  /** Pattern starts of the cancelled occurrences. */
  cancelled: string[];
  moved: MovedOccurrence[];
  /** Where attendees join: the event's page on Zoom, once Zoom has given it. */
  joinUrl: string | null;
}

/** The words that keep a calendar entry from being taken for a seat at the event. */
export function notARegistration(registrationUrl: string | null): string {
  return registrationUrl === null
    ? 'This calendar entry is not a registration. To attend, register for the event on Zoom; its registration link is added here once the series is on Zoom.'
    : `This calendar entry is not a registration. To attend, register at ${registrationUrl}`;
}

/**
 * Where each part of a long series is on Zoom: its own event, with its own registration link and
 * page, for the sessions it holds ("Sessions 61–120, from 2027-05-01 09:00: …").
 */
function describeParts(draft: SeriesDraft, parts: readonly ExportPart[]): string[] {
  const lines = parts.map((part) => {
    const last = part.firstOccurrence + part.sessions.length - 1;
    const start = part.sessions[0]?.start_time;
    const from = start === undefined ? '' : `, from ${localTime(start, draft.timezone)}`;
    const where = [
      part.row.registration_url === null ? undefined : `register at ${part.row.registration_url}`,
      part.row.event_url === null ? undefined : `join at ${part.row.event_url}`,
    ].filter((text) => text !== undefined);
    const onZoom = where.length === 0 ? 'its links are added here once it is on Zoom' : where.join('; ');
    return `Sessions ${String(part.firstOccurrence)}–${String(last)}${from}: ${onZoom}.`;
  });
  return [
    `This calendar entry is not a registration. Zoom holds this series as ${String(parts.length)} linked events (one event holds at most ${String(maxSessionsPerPart)} sessions); register for each:`,
    lines.join('\n'),
  ];
}

function describe(draft: SeriesDraft, series: ExportSeriesRow, parts: readonly ExportPart[]): string {
  const lines = parts.length > 0 ? describeParts(draft, parts) : [notARegistration(series.registration_url)];
  if (parts.length === 0 && series.event_url !== null) lines.push(`Join on Zoom: ${series.event_url}`);
  if (draft.description !== undefined && draft.description.trim() !== '') lines.push(draft.description);
  return lines.join('\n\n');
}

/**
 * A series' calendar entry: its pattern as an RRULE with the changes to single occurrences. A
 * series longer than one Zoom event is one entry all the same, so calendars see one series; its
 * description says where each part is on Zoom, and it has no single join address.
 */
export function calendarEntry(
  draft: SeriesDraft,
  series: ExportSeriesRow,
  parts: readonly ExportPart[] = [],
): CalendarEntry {
  const common = {
    // From the series' ID, so a re-export or another laptop's export names the same entry.
    uid: `${series.id}@cadence.series`,
    summary: draft.name,
    description: describe(draft, series, parts),
    timezone: draft.timezone,
    joinUrl: parts.length > 0 ? null : series.event_url,
  };
  if (draft.event_type === 'SIMPLE_EVENT') {
    return { ...common, start: draft.start_time, end: draft.end_time, rule: null, added: [], cancelled: [], moved: [] };
  }
  const plan = planSeriesTiming(draft);
  // A stored draft has passed these rules when it was saved.
  if (!plan.ok) throw new Error(`The series "${draft.name}" has no valid schedule.`);
  const patternStarts = new Map(plan.instants.map((instant) => [instant.index, formatInstant(instant.start)]));
  const first = plan.instants[0];
  if (first === undefined) throw new Error(`The series "${draft.name}" has no occurrence.`);
  const sessions = plannedSessions(draft);
  const pattern = recurrencePattern(draft, plan.instants);
  return {
    ...common,
    start: formatInstant(first.start),
    end: formatInstant(first.end),
    rule: pattern.rule,
    added: pattern.added,
    cancelled: sessions
      .filter((session) => session.status === 'cancelled')
      .map((session) => patternStarts.get(session.occurrence) ?? session.start_time),
    moved: sessions
      .filter((session) => session.status === 'moved')
      .map((session) => ({
        recurrenceId: patternStarts.get(session.occurrence) ?? session.start_time,
        start: session.start_time,
        end: session.end_time,
      })),
  };
}

/** A fingerprint of what the entry says; equal entries have equal hashes. */
export function calendarEntryHash(entry: CalendarEntry): string {
  return createHash('sha256').update(JSON.stringify(entry)).digest('hex');
}
