import { DateTime } from 'luxon';
import type { AttendanceReport } from '../../shared/reports/attendanceReport';
import { CadenceError } from '../../shared/errors';
import { partLabel } from '../../shared/drafts/seriesParts';
import { reportCsv } from '../reports/attendanceReports';
import { exitCodes } from './exitCodes';
import { withServices } from './withServices';

export interface ReportCommandContext {
  dataDir: string;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface ReportOptions {
  csv?: boolean;
  /** Print the report kept from the last download; never touch the network. */
  offline?: boolean;
}

function percent(rate: number | null): string {
  return rate === null ? '–' : `${String(Math.round(rate * 100))}%`;
}

function attendedText(session: AttendanceReport['sessions'][number]): string {
  if (session.attended !== null) return String(session.attended);
  return session.state === 'upcoming' ? 'to come' : 'not yet';
}

/** The report as a table, a session a line, times in the event's zone. */
export function reportText(report: AttendanceReport): string {
  const local = (instant: string) =>
    DateTime.fromISO(instant, { zone: report.timezone }).toFormat('ccc yyyy-LL-dd HH:mm');
  const header = ['#', `Starts (${report.timezone})`, 'Registered', 'Attended', 'Onsite', 'Rate'];
  const rows = report.sessions.map((s) => [
    String(s.position),
    local(s.startTime),
    String(s.registered),
    attendedText(s),
    String(s.checkedInOnsite),
    percent(s.attendanceRate),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 1 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ');
  const { totals, parts } = report;
  const events =
    parts.length === 0
      ? report.eventId
      : `${String(parts.length)} events on Zoom: ${parts.map((part) => part.eventId).join(', ')}`;
  // A series in parts: each part's first session is preceded by the part's name.
  const partAt = new Map(parts.map((part, index) => [part.firstPosition, partLabel(index, parts.length)]));
  return [
    `${report.name} (${events}), downloaded ${report.downloadedAt}`,
    line(header),
    ...report.sessions.flatMap((session, index) => {
      const part = partAt.get(session.position);
      const row = line(rows[index] ?? []);
      return part === undefined ? [row] : [`-- ${part} --`, row];
    }),
    `${String(totals.registered)} registered, ${String(totals.attended)} attended at least one session, ${String(totals.checkedInOnsite)} checked in onsite.`,
    ...(totals.unmatchedRecords > 0
      ? [`${String(totals.unmatchedRecords)} attendance records fit no session's time and are not counted.`]
      : []),
    '',
  ].join('\n');
}

function write(context: ReportCommandContext, report: AttendanceReport, options: ReportOptions): void {
  // The CSV is a file's content, written as bytes as `cadence export` writes one: its line ends stay.
  if (options.csv === true) context.stdout.write(Buffer.from(reportCsv(report), 'utf8'));
  else context.stdout.write(context.isJson ? `${JSON.stringify(report)}\n` : reportText(report));
}

/**
 * `cadence report EVENT [--csv] [--offline]`: downloads the event's reports from Zoom again and
 * prints them. When Zoom cannot be reached, the report kept from the last download is printed
 * with a note, and the exit status says Zoom was out of reach (4); `--offline` prints the kept one
 * without trying.
 */
export async function runReportCommand(
  context: ReportCommandContext,
  name: string,
  options: ReportOptions,
): Promise<number> {
  if (options.csv === true && context.isJson) {
    throw new CadenceError('invalid_input', 'Choose --csv or --json, not both.', [
      { path: 'csv', message: 'Not with --json.' },
    ]);
  }
  return withServices(context.dataDir, async ({ reports }) => {
    const source = reports.sourceNamed(name);
    if (options.offline === true) {
      const kept = reports.kept(source);
      if (kept === undefined) {
        throw new CadenceError('not_found', `No report of “${name}” is kept yet: run "cadence report" online first.`, [
          { path: 'EVENT', message: 'No report is kept for it.' },
        ]);
      }
      write(context, kept, options);
      return exitCodes.done;
    }
    try {
      write(context, await reports.download(source), options);
      return exitCodes.done;
    } catch (error) {
      const kept = reports.kept(source);
      // Zoom (or its sign-in) out of reach or busy: the kept report is the answer, said to be old.
      if (!(error instanceof CadenceError) || error.code !== 'unavailable' || kept === undefined) throw error;
      context.stderr.write(`${error.message}\nShowing the report downloaded at ${kept.downloadedAt}.\n`);
      write(context, kept, options);
      return exitCodes.zoomUnreachable;
    }
  });
}
