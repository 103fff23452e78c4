import type { CheckInNumbers } from '../../../shared/checkin/checkIn';
import { clockTime } from '../../lib/checkInTimes';

const width = 480;
const height = 120;
const gap = 2;

/**
 * Check-ins per quarter hour as bars: a picture for the eye, with the same numbers in a table
 * beside it for screen readers and for anyone who wants the figures.
 */
export function CheckInChart({ overTime }: { overTime: CheckInNumbers['overTime'] }) {
  if (overTime.length === 0) return <p className="muted">No check-ins with a time yet.</p>;
  const most = Math.max(1, ...overTime.map((quarter) => quarter.checkedIn));
  // A bar is at most a tenth of the width, so a single quarter hour does not read as a full chart.
  const barWidth = Math.min(width / overTime.length, width / 10);
  const first = overTime[0];
  const last = overTime[overTime.length - 1];
  const summary =
    first === undefined || last === undefined
      ? ''
      : `Check-ins per quarter hour from ${clockTime(first.from)} to ${clockTime(last.from)}, at most ${String(most)} in one quarter hour.`;
  return (
    <figure className="checkin-chart">
      <svg viewBox={`0 0 ${String(width)} ${String(height)}`} role="img" aria-label={summary}>
        {overTime.map((quarter, index) => {
          const barHeight = (quarter.checkedIn / most) * (height - 4);
          return (
            <rect
              key={quarter.from}
              x={index * barWidth + gap / 2}
              y={height - barHeight}
              width={Math.max(1, barWidth - gap)}
              height={barHeight}
            />
          );
        })}
      </svg>
      <details>
        <summary>The numbers as a table</summary>
        <table className="data-table">
          <caption className="visually-hidden">Check-ins per quarter hour</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col" className="numeric">
                Checked in
              </th>
            </tr>
          </thead>
          <tbody>
            {overTime.map((quarter) => (
              <tr key={quarter.from}>
                <th scope="row">{clockTime(quarter.from)}</th>
                <td className="numeric">{quarter.checkedIn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
