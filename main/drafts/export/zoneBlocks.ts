import { tzlib_get_ical_block } from 'timezones-ical-library';

/** A zone's VTIMEZONE component and the TZID it defines. */
export interface ZoneBlock {
  tzid: string;
  vtimezone: string;
}

/**
 * The VTIMEZONE of an IANA zone from the zone database the library ships (kept current with the
 * IANA releases), or undefined for a zone it does not have. A link (Asia/Calcutta) answers its
 * zone's TZID (Asia/Kolkata), which the calendar's times then name.
 */
export function zoneBlock(zone: string): ZoneBlock | undefined {
  const block = tzlib_get_ical_block(zone);
  if (!Array.isArray(block)) return undefined;
  const [vtimezone, tzidLine] = block;
  const tzid = tzidLine?.startsWith('TZID=') === true ? tzidLine.slice('TZID='.length) : undefined;
  if (vtimezone === undefined || tzid === undefined || !vtimezone.startsWith('BEGIN:VTIMEZONE')) return undefined;
  return { tzid, vtimezone };
}
