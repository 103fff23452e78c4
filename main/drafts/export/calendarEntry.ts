import { createHash } from 'node:crypto';
import { plannedSessions } from '../../../shared/drafts/plannedSessions';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import { formatInstant } from '../../../shared/recurrence/expandRecurrence';
import { planSeriesTiming } from '../../../shared/recurrence/seriesTiming';
import type { ExportSeriesRow } from '../../db/exportQueries';
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

function describe(draft: SeriesDraft, series: ExportSeriesRow): string {
  const parts = [notARegistration(series.registration_url)];
  if (series.event_url !== null) parts.push(`Join on Zoom: ${series.event_url}`);
  if (draft.description !== undefined && draft.description.trim() !== '') parts.push(draft.description);
  return parts.join('\n\n');
}

/** A series' calendar entry: its pattern as an RRULE with the changes to single occurrences. */
export function calendarEntry(draft: SeriesDraft, series: ExportSeriesRow): CalendarEntry {
  const common = {
    // From the series' ID, so a re-export or another laptop's export names the same entry.
    uid: `${series.id}@cadence.series`,
    summary: draft.name,
    description: describe(draft, series),
    timezone: draft.timezone,
    joinUrl: series.event_url,
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
