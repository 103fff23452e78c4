import { DateTime } from 'luxon';
import Papa from 'papaparse';

/**
 * RFC 4180 text with a header row and CRLF line ends, the last line's too. Cells a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) are prefixed with ' by papaparse.
 */
export function csvText(fields: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const text = Papa.unparse(
    { fields: [...fields], data: rows.map((row) => [...row]) },
    { escapeFormulae: true, newline: '\r\n' },
  );
  // With no rows papaparse ends the header with its line break already.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/**
 * A UTC instant in a zone, as ISO 8601 with its offset ("2025-03-10T10:00:00-04:00"): read as text
 * by spreadsheets, unambiguous across a DST change.
 */
export function localTime(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toISO({ suppressMilliseconds: true }) ?? instant;
}
