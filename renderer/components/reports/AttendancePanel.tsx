import { Fragment, useEffect } from 'react';
import type { AttendanceReport, SessionReportRow } from '../../../shared/reports/attendanceReport';
import { partTitle } from '../../lib/previewParts';
import { saveTextFile } from '../../lib/saveTextFile';
import { plural } from '../../lib/words';
import { formatClock, formatDay, formatMoment, plannerTimeZone } from '../../lib/zonedTime';
import { useAppStore } from '../../stores/useAppStore';
import { useReportStore } from '../../stores/useReportStore';
import { ErrorBanner } from '../ErrorBanner';
import { AttendanceChart } from './AttendanceChart';

function rateWords(rate: number | null): string {
  return rate === null ? '–' : `${String(Math.round(rate * 100))}%`;
}

function attendedWords(session: SessionReportRow): string {
  if (session.attended !== null) return String(session.attended);
  return session.state === 'upcoming' ? 'To come' : 'Not yet from Zoom';
}

function SessionTable({ report }: { report: AttendanceReport }) {
  const { parts } = report;
  // A series in parts: each part's sessions under a heading row naming the part and its Zoom event.
  const partAt = new Map(
    parts.map((part, index) => [part.firstPosition, `${partTitle(index, parts.length)} · Zoom event ${part.eventId}`]),
  );
  return (
    <table className="data-table attendance-table">
      <caption className="visually-hidden">Attendance per session</caption>
      <thead>
        <tr>
          <th scope="col">Session</th>
          <th scope="col" className="numeric">
            Registered
          </th>
          <th scope="col" className="numeric">
            Attended
          </th>
          <th scope="col" className="numeric">
            Checked in onsite
          </th>
          <th scope="col" className="numeric">
            Attendance rate
          </th>
        </tr>
      </thead>
      <tbody>
        {report.sessions.map((s) => (
          <Fragment key={s.sessionId}>
            {partAt.has(s.position) && (
              <tr className="part-row">
                <th scope="rowgroup" colSpan={5}>
                  {partAt.get(s.position)}
                </th>
              </tr>
            )}
            <tr>
              <th scope="row">
                {String(s.position)}. {formatDay(s.startTime, report.timezone)},{' '}
                {formatClock(s.startTime, report.timezone)}
              </th>
              <td className="numeric">{s.registered}</td>
              <td className="numeric" title={s.unavailableReason ?? undefined}>
                {attendedWords(s)}
              </td>
              <td className="numeric">{s.checkedInOnsite}</td>
              <td className="numeric">{rateWords(s.attendanceRate)}</td>
            </tr>
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A series' attendance per session, as last downloaded from Zoom's reports: read from this
 * laptop, so it shows without a network; "Download again" asks Zoom for the latest.
 */
export function AttendancePanel({ seriesId }: { seriesId: string }) {
  const api = useAppStore((state) => state.api);
  const { report, isDownloading, error, open, download } = useReportStore();

  useEffect(() => {
    if (api !== undefined) void open(api, seriesId);
  }, [api, open, seriesId]);

  if (api === undefined || report === undefined) return <p className="muted">Reading the report…</p>;

  const exportCsv = async () => {
    const result = await api.reports.exportCsv({ source: { seriesId } });
    if (result.ok) saveTextFile(result.value.fileName, result.value.csv, 'text/csv');
  };
  const unavailable = report?.sessions.filter((s) => s.state === 'unavailable') ?? [];
  return (
    <section className="attendance-panel" aria-labelledby="attendance-heading">
      <div className="panel-head">
        <h3 id="attendance-heading">Attendance per session</h3>
        <button type="button" className="button-primary" disabled={isDownloading} onClick={() => void download(api)}>
          {isDownloading ? 'Downloading…' : report === null ? 'Download report' : 'Download again'}
        </button>
        {report !== null && (
          <button type="button" className="button-quiet" onClick={() => void exportCsv()}>
            Export CSV
          </button>
        )}
      </div>
      <ErrorBanner error={error} />
      {report === null ? (
        <p className="muted">
          No report yet. Download it from Zoom once sessions have taken place: it is kept on this laptop and shows
          without a network.
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            Downloaded {formatMoment(report.downloadedAt, plannerTimeZone())}.{' '}
            {plural(report.totals.registered, 'person', 'people')} registered, {String(report.totals.attended)} attended
            at least one session, {String(report.totals.checkedInOnsite)} checked in onsite.
          </p>
          {unavailable.length > 0 && (
            <p className="banner" role="note">
              Zoom has no report yet for {plural(unavailable.length, 'session')} that ended; download again later.
            </p>
          )}
          {report.totals.unmatchedRecords > 0 && (
            <p className="muted">
              {plural(report.totals.unmatchedRecords, 'attendance record')} fit no session’s time (within{' '}
              {String(report.toleranceMinutes)} minutes) and are not counted.
            </p>
          )}
          <div className="attendance-body">
            <AttendanceChart sessions={report.sessions} parts={report.parts} />
            <SessionTable report={report} />
          </div>
        </>
      )}
    </section>
  );
}
