import type { PreviewSession } from '../lib/schedulePreview';
import {
  describeJump,
  formatClock,
  formatClockBeside,
  formatDay,
  formatWallTime,
  plannerTimeZone,
} from '../lib/zonedTime';

const formatOffset = (minutes: number) => {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60))}${abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`}`;
};

/**
 * When one occurrence of a preview happens: its day and time in the schedule's zone, the planner's
 * own time beside it (and another zone's, if given), and the clocks' changes that touch it.
 */
export function OccurrenceTimes({
  session,
  timezone,
  otherZone,
}: {
  session: PreviewSession;
  timezone: string;
  /** Another zone whose time is shown too, with what to call it. */
  otherZone?: { zone: string; name: string } | undefined;
}) {
  const mine = plannerTimeZone();
  return (
    <>
      <span className="session-day">{formatDay(session.start_time, timezone)}</span>
      <span>
        {formatClock(session.start_time, timezone)}
        {mine !== timezone && (
          <span className="muted"> · your time {formatClockBeside(session.start_time, mine, timezone)}</span>
        )}
        {otherZone !== undefined && otherZone.zone !== timezone && (
          <span className="muted">
            {' '}
            · {otherZone.name} {formatClockBeside(session.start_time, otherZone.zone, timezone)}
          </span>
        )}
      </span>
      {session.skipped !== undefined && (
        <span className="tag tag-dst">
          Moved to {formatWallTime(session.skipped.actual)}: {formatWallTime(session.skipped.intended)} does not exist
          that day, {describeJump(session.skipped)}
        </span>
      )}
      {session.clocksChanged && (
        <span className="tag tag-dst" title="The clocks change before this occurrence; it keeps its local time.">
          Clocks change: {formatOffset(session.offsetMinutes)}
        </span>
      )}
    </>
  );
}
