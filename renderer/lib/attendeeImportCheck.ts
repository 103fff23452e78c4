import { attendeeDraftSchema } from '../../shared/drafts/attendeeDraft';
import { draftIssues } from '../../shared/drafts/seriesFile';
import { seriesRuleIssues } from '../../shared/drafts/seriesRules';
import { formatIssuePath, type Issue } from '../../shared/ipc/envelope';
import type { SeriesDetails } from '../stores/useEditorStore';
import { attendeeIssueInWords } from './issues';

/** The problems of one row of the file, in words. */
export interface RowProblem {
  /** The row's line in the file (the heading is line 1). */
  line: number;
  messages: string[];
}

/** What importing the rows would do, and which rows it leaves out. */
export interface ImportCheck {
  good: Record<string, unknown>[];
  /** The file line of each good row, in the same order. */
  goodLines: number[];
  problems: RowProblem[];
  /** Problems of the rows as a whole (more people than tickets), which stop the import. */
  general: string[];
  added: number;
  updated: number;
}

/** The row and the rest of a path `attendees[i]…`, or undefined for a path elsewhere. */
function rowOf(path: string): { index: number; rest: string } | undefined {
  const match = /^attendees\[(\d+)\]\.?(.*)$/.exec(path);
  return match === null ? undefined : { index: Number(match[1]), rest: match[2] ?? '' };
}

/** Groups attendee problems by their row (an index into the list checked), in words. */
export function problemsByRow(issues: readonly Issue[]): { byRow: Map<number, string[]>; general: string[] } {
  const byRow = new Map<number, string[]>();
  const general: string[] = [];
  for (const issue of issues) {
    const row = rowOf(issue.path);
    if (row === undefined) general.push(issue.message);
    else byRow.set(row.index, [...(byRow.get(row.index) ?? []), attendeeIssueInWords(row.rest, issue.message)]);
  }
  return { byRow, general };
}

/**
 * The problems main would find in these rows on import: each row checked by the schema of a
 * single attendee, then the series' rules over them all (sessions that exist, each person once,
 * enough tickets). The same checks as the series' schema, without rebuilding the whole series
 * for each check, which took most of a second for 20,000 rows.
 */
function rowIssues(details: SeriesDetails, rows: readonly Record<string, unknown>[]): Issue[] {
  const issues: Issue[] = [];
  rows.forEach((row, index) => {
    const parsed = attendeeDraftSchema.safeParse(row);
    if (parsed.success) return;
    for (const issue of draftIssues(parsed.error)) {
      issues.push({
        path: `attendees[${String(index)}]${issue.path === '' ? '' : `.${issue.path}`}`,
        message: issue.message,
      });
    }
  });
  for (const issue of seriesRuleIssues({ ...details, attendees: rows })) {
    issues.push({ path: formatIssuePath(issue.path), message: issue.message });
  }
  return issues;
}

/**
 * Checks the rows as main will on import and counts who is new and who is matched by email.
 * `lines[i]` is the file line of row i.
 */
export function checkAttendeeRows(
  details: SeriesDetails,
  rows: readonly Record<string, unknown>[],
  knownEmails: ReadonlySet<string>,
  lines: readonly number[] = rows.map((_, index) => index + 2),
): ImportCheck {
  const { byRow, general } = problemsByRow(rowIssues(details, rows));
  const good: Record<string, unknown>[] = [];
  const goodLines: number[] = [];
  let updated = 0;
  rows.forEach((row, index) => {
    if (byRow.has(index)) return;
    good.push(row);
    goodLines.push(lines[index] ?? index + 2);
    if (typeof row.email === 'string' && knownEmails.has(row.email.trim().toLowerCase())) updated += 1;
  });
  const problems = [...byRow]
    .sort(([a], [b]) => a - b)
    .map(([index, messages]) => ({ line: lines[index] ?? index + 2, messages }));
  return { good, goodLines, problems, general, added: good.length - updated, updated };
}
