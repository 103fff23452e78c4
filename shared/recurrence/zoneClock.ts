import { IANAZone } from 'luxon';
import { msPerDay } from './civilDate';

const knownZones = new Set<string>();

/** Whether the time-zone library can resolve an IANA name (links such as Asia/Calcutta included). */
export function isKnownTimeZone(name: string): boolean {
  // Asking the library builds a formatter each time (tens of microseconds); the editor asks per keystroke.
  if (knownZones.has(name)) return true;
  const isKnown = IANAZone.isValidZone(name);
  if (isKnown) knownZones.add(name);
  return isKnown;
}

/**
 * A known zone's name as the zone database spells it ("america/new_york" → "America/New_York").
 * Only the case changes: a link such as Asia/Calcutta stays the name the planner chose.
 */
export function canonicalZoneName(name: string): string {
  // Validation asks per keystroke, and a formatter costs tens of microseconds to build.
  const known = canonicalNames.get(name);
  if (known !== undefined) return known;
  let canonical = name;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    if (resolved.toLowerCase() === name.toLowerCase()) canonical = resolved;
  } catch {
    return name;
  }
  if (canonicalNames.size >= rememberedZones) canonicalNames.clear();
  canonicalNames.set(name, canonical);
  return canonical;
}

/** Bounds the per-zone memories below: a zone database holds about 600 names. */
const rememberedZones = 1_000;
const canonicalNames = new Map<string, string>();

/** Bounds each zone's remembered offsets; a few thousand sessions' worth, forgotten all at once when full. */
const rememberedOffsets = 50_000;
const offsetsByZone = new Map<string, Map<number, number>>();

/** A zone's offsets already read, kept across clocks: the editor builds a clock per keystroke. */
function offsetsOf(name: string): Map<number, number> {
  let offsets = offsetsByZone.get(name);
  if (offsets === undefined) {
    if (offsetsByZone.size >= rememberedZones) offsetsByZone.clear();
    offsets = new Map();
    offsetsByZone.set(name, offsets);
  }
  return offsets;
}

/**
 * Converts between UTC instants and wall-clock times of one zone, using the zone data of the
 * time-zone library and the disambiguation of docs/recurrence.md: a wall time in a spring-forward
 * gap moves forward by the gap; a wall time that happens twice takes the earlier instant.
 * Wall times are "local milliseconds": the wall clock read as if it were UTC.
 */
export class ZoneClock {
  private readonly zone: IANAZone;
  private readonly offsets: Map<number, number>;

  constructor(name: string) {
    this.zone = IANAZone.create(name);
    this.offsets = offsetsOf(name);
  }

  /** The zone's UTC offset at an instant, in milliseconds. */
  offsetAt(instant: number): number {
    let offset = this.offsets.get(instant);
    if (offset === undefined) {
      offset = Math.round(this.zone.offset(instant) * 60_000);
      if (this.offsets.size >= rememberedOffsets) this.offsets.clear();
      this.offsets.set(instant, offset);
    }
    return offset;
  }

  /** The wall-clock time at an instant. */
  toLocal(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  /** The instant of a wall-clock time, disambiguated as the rules say. */
  toInstant(local: number): number {
    const before = this.offsetAt(local - msPerDay);
    const after = this.offsetAt(local + msPerDay);
    if (before === after) return local - before;
    // A transition is near: keep the readings of the wall time that are real, earliest first.
    const candidates = [local - before, local - after].filter((instant) => this.toLocal(instant) === local);
    if (candidates.length > 0) return Math.min(...candidates);
    // In a gap: reading the wall time with the offset from before the jump moves it forward by the gap.
    return local - before;
  }

  /**
   * Like `toInstant`, but first tries the offset of a nearby earlier wall time (one zone lookup
   * instead of two). If that offset still holds at the result, no transition lies between the
   * two, and a wall time repeated by a later fall-back is read with the earlier offset, as the
   * rules want; only a change of offset needs the full analysis. Callers pass a hint no more than
   * a month back, where no zone has two transitions.
   */
  toInstantNear(local: number, hintOffset: number): number {
    const guess = local - hintOffset;
    return this.offsetAt(guess) === hintOffset ? guess : this.toInstant(local);
  }
}
