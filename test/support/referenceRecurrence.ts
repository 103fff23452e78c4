/**
 * A second, deliberately plain reading of docs/recurrence.md, written without any of the engine's
 * code or its time-zone library: the calendar is walked one day at a time with Date.UTC, and
 * every wall-clock question is asked of Intl directly. Slow and obvious, so that the engine can be
 * compared with it on generated series.
 */

const hour = 3_600_000;
const day = 24 * hour;

/** A recurrence that has passed validation, in the draft's own field names. */
export interface ReferenceSeries {
  timezone: string;
  start_time: string;
  recurrence: {
    type: 1 | 2 | 3;
    repeat_interval?: number;
    weekly_days?: number[];
    monthly_days?: number[];
    monthly_week?: number;
    monthly_week_day?: number;
    end_times?: number;
    end_date_time?: string;
    duration: number;
  };
}

export interface ReferenceOccurrence {
  index: number;
  start_time: string;
  end_time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `zone` at `instant`, written as if it were a UTC time. */
function wallClock(zone: string, instant: number): number {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(instant))) parts[part.type] = part.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return wall.getTime() + (((instant % 1000) + 1000) % 1000);
}

/**
 * The zone's offsets that could apply to a wall time. Every real offset lies between -12 and +14
 * hours, so every reading of the wall time lies within this window, and no zone changes its
 * offset twice within it.
 */
function nearbyOffsets(zone: string, wall: number): number[] {
  const offsets = new Set<number>();
  for (const t of [wall - 15 * hour, wall - hour, wall + 13 * hour]) offsets.add(wallClock(zone, t) - t);
  return [...offsets];
}

/** Whether any instant falls on the calendar date that starts at `midnight` (wall time). */
function dateExists(zone: string, midnight: number): boolean {
  for (let t = midnight - 16 * hour; t <= midnight + day + 16 * hour; t += hour / 4) {
    const wall = wallClock(zone, t);
    if (wall >= midnight && wall < midnight + day) return true;
  }
  return false;
}

/** The instant of a wall time by the rules: earliest reading; in a gap, forward by the gap. */
export function instantOf(zone: string, wall: number): number | undefined {
  const offsets = nearbyOffsets(zone, wall);
  const readings = offsets.map((offset) => wall - offset).filter((t) => wallClock(zone, t) === wall);
  if (readings.length > 0) return Math.min(...readings);
  const midnight = Math.floor(wall / day) * day;
  if (!dateExists(zone, midnight)) return undefined;
  // In a gap the offset grows; reading the wall time with the smaller one moves it forward by the gap.
  return wall - Math.min(...offsets);
}

function format(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19)}Z`;
}

function civil(date: number) {
  const d = new Date(date);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, dayOfMonth: d.getUTCDate(), weekday: d.getUTCDay() };
}

function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/**
 * Expands a valid series, stopping after `limit` occurrences (61 tells "more than 60").
 * Walks at most 20 years of days, enough for 60 occurrences of any allowed pattern.
 */
export function referenceExpand(series: ReferenceSeries, limit = 61): ReferenceOccurrence[] {
  const { timezone, recurrence } = series;
  const startInstant = Date.parse(series.start_time);
  const startWall = wallClock(timezone, startInstant);
  const startDate = Math.floor(startWall / day) * day;
  const timeOfDay = startWall - startDate;
  const interval = recurrence.repeat_interval ?? 1;
  const start = civil(startDate);
  const weeklyDays = recurrence.weekly_days ?? [start.weekday + 1];
  const endBy = recurrence.end_date_time === undefined ? Infinity : Date.parse(recurrence.end_date_time);
  const wanted = Math.min(recurrence.end_times ?? Infinity, limit);

  const isPatternDay = (date: number): boolean => {
    const c = civil(date);
    const daysApart = Math.round((date - startDate) / day);
    if (recurrence.type === 1) return daysApart % interval === 0;
    if (recurrence.type === 2) {
      const weeksApart = Math.floor((daysApart + start.weekday) / 7);
      return weeksApart % interval === 0 && weeklyDays.includes(c.weekday + 1);
    }
    const monthsApart = (c.year - start.year) * 12 + c.month - start.month;
    if (monthsApart % interval !== 0) return false;
    const length = daysInMonth(c.year, c.month);
    const dayOfMonth = recurrence.monthly_days?.[0];
    if (dayOfMonth !== undefined) return c.dayOfMonth === Math.min(dayOfMonth, length);
    if (c.weekday + 1 !== recurrence.monthly_week_day) return false;
    return recurrence.monthly_week === -1
      ? c.dayOfMonth + 7 > length
      : Math.ceil(c.dayOfMonth / 7) === recurrence.monthly_week;
  };

  const occurrences: ReferenceOccurrence[] = [];
  for (let date = startDate; date < startDate + 20 * 366 * day; date += day) {
    if (occurrences.length >= wanted) break;
    if (!isPatternDay(date)) continue;
    const instant = instantOf(timezone, date + timeOfDay);
    if (instant === undefined || instant < startInstant) continue;
    if (instant > endBy) break;
    occurrences.push({
      index: occurrences.length + 1,
      start_time: format(instant),
      end_time: format(instant + recurrence.duration * 60_000),
    });
  }
  return occurrences;
}
