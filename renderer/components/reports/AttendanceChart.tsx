import type { ReportPart, SessionReportRow } from '../../../shared/reports/attendanceReport';

const width = 640;
const height = 160;
const gap = 0.25;

/**
 * Each session as a pair of bars, registered behind attended, with a tick for those checked in
 * onsite: a picture for the eye. The table beside it holds the same numbers for screen readers.
 */
export function AttendanceChart({
  sessions,
  parts = [],
}: {
  sessions: readonly SessionReportRow[];
  /** A series in parts: a line marks where each part after the first begins. */
  parts?: readonly ReportPart[];
}) {
  if (sessions.length === 0) return null;
  const most = Math.max(1, ...sessions.map((s) => Math.max(s.registered, s.attended ?? 0, s.checkedInOnsite)));
  const slot = width / sessions.length;
  const barWidth = Math.max(1, Math.min(slot * (1 - gap), 48));
  const heightOf = (count: number) => (count / most) * (height - 4);
  const reported = sessions.filter((s) => s.attended !== null);
  const rates = reported.flatMap((s) => (s.attendanceRate === null ? [] : [s.attendanceRate]));
  const summary =
    reported.length === 0
      ? `${String(sessions.length)} sessions; no attendance reported yet.`
      : `Attendance of ${String(reported.length)} of ${String(sessions.length)} sessions, from ${String(Math.round(Math.min(...rates) * 100))}% to ${String(Math.round(Math.max(...rates) * 100))}% of those registered.`;
  return (
    <figure className="attendance-chart">
      <svg viewBox={`0 0 ${String(width)} ${String(height)}`} role="img" aria-label={summary}>
        {sessions.map((s, index) => {
          const x = index * slot + (slot - barWidth) / 2;
          return (
            <g key={s.sessionId}>
              <rect
                className="registered"
                x={x}
                y={height - heightOf(s.registered)}
                width={barWidth}
                height={heightOf(s.registered)}
              />
              {s.attended !== null && (
                <rect
                  className="attended"
                  x={x}
                  y={height - heightOf(s.attended)}
                  width={barWidth}
                  height={heightOf(s.attended)}
                />
              )}
              {s.checkedInOnsite > 0 && (
                <rect
                  className="onsite"
                  x={x}
                  y={height - heightOf(s.checkedInOnsite) - 1}
                  width={barWidth}
                  height={2}
                />
              )}
            </g>
          );
        })}
        {parts.slice(1).map((part) => (
          <line
            key={part.eventId}
            className="part-boundary"
            x1={(part.firstPosition - 1) * slot}
            x2={(part.firstPosition - 1) * slot}
            y1={0}
            y2={height}
          />
        ))}
      </svg>
      <figcaption className="chart-legend">
        <span className="key registered">Registered</span>
        <span className="key attended">Attended</span>
        <span className="key onsite">Checked in onsite</span>
        {parts.length > 0 && (
          <span className="key part-boundary">Start of a part ({String(parts.length)} events on Zoom)</span>
        )}
      </figcaption>
    </figure>
  );
}
