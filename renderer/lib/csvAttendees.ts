import Papa from 'papaparse';
import { attendeeProfileFields } from '../../shared/drafts/attendeeDraft';
import { attendeeFieldLabels } from './attendeeFields';

/** Where a CSV column goes: an attendee field, the sessions, or nowhere. */
export type ColumnTarget =
  'skip' | 'email' | 'first_name' | 'last_name' | 'occurrences' | (typeof attendeeProfileFields)[number];

export const columnTargetLabels: Readonly<Record<ColumnTarget, string>> = {
  skip: "Don't import",
  occurrences: 'Sessions (numbers)',
  ...attendeeFieldLabels,
};

/** A parsed CSV file: its header row and data rows, as text. */
export interface CsvTable {
  header: string[];
  rows: string[][];
  /** Problems the parser met, with their line numbers. */
  problems: string[];
}

export function parseCsv(text: string): CsvTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header = [], ...rows] = parsed.data;
  return {
    header: header.map((cell) => cell.trim()),
    rows,
    problems: parsed.errors.map((error) => `Line ${String((error.row ?? 0) + 1)}: ${error.message}`),
  };
}

const synonyms: readonly [RegExp, ColumnTarget][] = [
  [/^e-?mail( address)?$/, 'email'],
  [/^(first|given)( ?name)?$|^firstname$|^first_name$/, 'first_name'],
  [/^(last|family|sur)( ?name)?$|^lastname$|^last_name$/, 'last_name'],
  [/^(sessions?|occurrences?)$/, 'occurrences'],
  [/^(organi[sz]ation|company|employer)$/, 'organization'],
  [/^(job ?title|title|role|job_title)$/, 'job_title'],
  [/^(phone|phone number|mobile|telephone)$/, 'phone'],
  [/^(address|street)$/, 'address'],
  [/^(city|town)$/, 'city'],
  [/^(state|region|province)$/, 'state'],
  [/^(zip|postal ?code|postcode|zip ?code)$/, 'zip'],
  [/^country$/, 'country'],
  [/^industry$/, 'industry'],
  [/^(comments?|notes?)$/, 'comments'],
];

/** The likely field of each column, from its heading; each field taken once. */
export function guessColumns(header: readonly string[]): ColumnTarget[] {
  const taken = new Set<ColumnTarget>();
  return header.map((heading) => {
    const words = heading.toLowerCase().trim();
    const found = synonyms.find(([pattern, target]) => !taken.has(target) && pattern.test(words))?.[1];
    if (found === undefined) return 'skip';
    taken.add(found);
    return found;
  });
}

/**
 * The attendees the rows describe, one per row in file order. Sessions are read from "1; 3",
 * "1,3" or "1 3"; anything else is passed on as written, for the checks to name.
 */
export function attendeesFromRows(
  rows: readonly string[][],
  columns: readonly ColumnTarget[],
): Record<string, unknown>[] {
  return rows.map((row) => {
    const attendee: Record<string, unknown> = {};
    columns.forEach((target, index) => {
      const value = row[index]?.trim() ?? '';
      if (target === 'skip' || value === '') return;
      if (target === 'occurrences') {
        const parts = value.split(/[;,\s]+/).filter(Boolean);
        attendee.occurrences = parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
      } else {
        attendee[target] = value;
      }
    });
    return attendee;
  });
}
