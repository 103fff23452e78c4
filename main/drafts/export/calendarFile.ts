import ical, { ICalCalendarMethod, type ICalEventData } from 'ical-generator';
import { DateTime } from 'luxon';
import type { CalendarEntry } from './calendarEntry';
import type { RecurrenceRule } from './recurrenceRule';
import { zoneBlock, type ZoneBlock } from './zoneBlocks';

/** How often a calendar subscribed to the file reads it again. */
export const calendarRefreshSeconds = 3600;

/** An instant in the entry's zone (or UTC when the zone has no VTIMEZONE), as the writer takes it. */
function at(instant: string, zone: ZoneBlock | undefined): DateTime {
  return DateTime.fromISO(instant, { zone: zone?.tzid ?? 'utc' });
}

/** A DATE-TIME value (RFC 5545 §3.3.5): local time with a TZID, or UTC. */
function dateTimeValue(instant: string, zone: ZoneBlock | undefined): string {
  return zone === undefined
    ? at(instant, zone).toFormat("yyyyLLdd'T'HHmmss'Z'")
    : at(instant, zone).toFormat("yyyyLLdd'T'HHmmss");
}

/** The RRULE property (RFC 5545 §3.3.10); UNTIL in UTC, as the RFC requires beside a DTSTART with a zone. */
export function rruleProperty(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.freq}`, `INTERVAL=${String(rule.interval)}`, `WKST=${rule.weekStart}`];
  if (rule.byDay !== undefined) parts.push(`BYDAY=${rule.byDay.join(',')}`);
  if (rule.byMonthDay !== undefined) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.bySetPos !== undefined) parts.push(`BYSETPOS=${rule.bySetPos.join(',')}`);
  if (rule.count !== undefined) parts.push(`COUNT=${String(rule.count)}`);
  if (rule.until !== undefined) parts.push(`UNTIL=${dateTimeValue(rule.until, undefined)}`);
  return `RRULE:${parts.join(';')}`;
}

/** A DATE-TIME list property: with the zone's TZID, or in UTC. */
function dateTimeList(name: string, instants: readonly string[], zone: ZoneBlock | undefined): string {
  const values = instants.map((instant) => dateTimeValue(instant, zone)).join(',');
  return zone === undefined ? `${name}:${values}` : `${name};TZID=${zone.tzid}:${values}`;
}

/** The RRULE, the RDATE of what it cannot say, and the EXDATE of the cancelled occurrences' pattern starts. */
function recurrenceLines(entry: CalendarEntry, rule: RecurrenceRule, zone: ZoneBlock | undefined): string {
  const lines = [rruleProperty(rule)];
  if (entry.added.length > 0) lines.push(dateTimeList('RDATE', entry.added, zone));
  if (entry.cancelled.length > 0) lines.push(dateTimeList('EXDATE', entry.cancelled, zone));
  return lines.join('\n');
}

/**
 * Writes series' calendar entries as one iCalendar file (RFC 5545): per series a VEVENT with its
 * RRULE and EXDATEs, then a VEVENT with RECURRENCE-ID for each moved occurrence; a VTIMEZONE for
 * each zone; REFRESH-INTERVAL and X-PUBLISHED-TTL for calendars subscribed to the file.
 */
export function calendarFile(
  entries: readonly { entry: CalendarEntry; sequence: number }[],
  options: { now: number },
): string {
  const zones = new Map<string, ZoneBlock | undefined>();
  const zoneOf = (name: string) => {
    if (!zones.has(name)) zones.set(name, zoneBlock(name));
    return zones.get(name);
  };
  const calendar = ical({
    prodId: { company: 'Cadence', product: 'Cadence series', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    name: 'Cadence series',
    description: 'Sessions planned in Cadence. A calendar entry is not a registration: register on Zoom to attend.',
    ttl: calendarRefreshSeconds,
  });
  // No calendar-wide zone: DTSTAMP and UNTIL stay in UTC; each event's zone gets its VTIMEZONE.
  const blocks = new Map<string, string>();
  calendar.timezone({ name: null, generator: (tzid) => blocks.get(tzid) ?? null });
  const stamp = DateTime.fromMillis(options.now, { zone: 'utc' });

  for (const { entry, sequence } of entries) {
    const zone = zoneOf(entry.timezone);
    if (zone !== undefined) blocks.set(zone.tzid, zone.vtimezone);
    const common: Omit<ICalEventData, 'start'> = {
      id: entry.uid,
      sequence,
      stamp,
      timezone: zone?.tzid ?? null,
      summary: entry.summary,
      description: entry.description,
      location: entry.joinUrl ?? 'Zoom Events',
      url: entry.joinUrl,
    };
    calendar.createEvent({
      ...common,
      start: at(entry.start, zone),
      end: at(entry.end, zone),
      ...(entry.rule === null ? {} : { repeating: recurrenceLines(entry, entry.rule, zone) }),
    });
    for (const moved of entry.moved) {
      calendar.createEvent({
        ...common,
        recurrenceId: at(moved.recurrenceId, zone),
        start: at(moved.start, zone),
        end: at(moved.end, zone),
      });
    }
  }
  // The writer leaves off the last line's CRLF, which RFC 5545 requires.
  return `${calendar.toString()}\r\n`;
}
