/**
 * Which session each attendance belongs to. Zoom's attendance records carry no occurrence ID, so
 * a record is placed by its join–leave span:
 *
 * - it belongs to every session whose own start–end it overlaps (someone who stays through two
 *   back-to-back sessions attended both);
 * - a record that overlaps no session belongs to the nearest session whose span widened by the
 *   tolerance it overlaps (someone who joined early and left before the start, or came in just
 *   after the end); with none, it is unmatched;
 * - a record without a leave time lasts its reported minutes, or is an instant at its join;
 * - a record without a join time, or that leaves before it joins, is unmatched;
 * - a person (by email, any case) counts once per session however many times they joined.
 */

/** Minutes around a session within which a join still counts for it. */
export const defaultToleranceMinutes = 15;

export interface SessionSpan {
  sessionId: string;
  /** ISO instants. */
  startTime: string;
  endTime: string;
}

export interface AttendanceSpan {
  email: string;
  joinedAt: string | null;
  leftAt: string | null;
  /** Minutes spent, for a record without a leave time. */
  minutes?: number | null;
}

export interface AttendanceMatch {
  /** Lower-cased emails of the people who attended, per session ID. */
  bySession: Map<string, Set<string>>;
  /** Records that fit no session. */
  unmatched: number;
}

const minute = 60_000;

function spanOf(record: AttendanceSpan): { from: number; to: number } | undefined {
  const from = record.joinedAt === null ? Number.NaN : Date.parse(record.joinedAt);
  if (Number.isNaN(from)) return undefined;
  const left = record.leftAt === null ? Number.NaN : Date.parse(record.leftAt);
  const to = Number.isNaN(left) ? from + Math.max(0, record.minutes ?? 0) * minute : left;
  return to < from ? undefined : { from, to };
}

/** Whether [from, to] and [start, end] share a moment; a zero-length record inside counts. */
function overlaps(from: number, to: number, start: number, end: number): boolean {
  return from === to ? from >= start && from < end : from < end && to > start;
}

/** Places each record in its sessions by time window; see the module's rules. */
export function matchAttendance(
  sessions: readonly SessionSpan[],
  records: readonly AttendanceSpan[],
  toleranceMinutes = defaultToleranceMinutes,
): AttendanceMatch {
  const tolerance = toleranceMinutes * minute;
  const spans = sessions.map((session) => ({
    sessionId: session.sessionId,
    start: Date.parse(session.startTime),
    end: Date.parse(session.endTime),
  }));
  const bySession = new Map(sessions.map((session) => [session.sessionId, new Set<string>()]));
  let unmatched = 0;
  for (const record of records) {
    const span = spanOf(record);
    const email = record.email.trim().toLowerCase();
    if (span === undefined || email === '') {
      unmatched += 1;
      continue;
    }
    const within = spans.filter((s) => overlaps(span.from, span.to, s.start, s.end));
    const chosen =
      within.length > 0
        ? within
        : spans
            .filter((s) => overlaps(span.from, span.to, s.start - tolerance, s.end + tolerance))
            .map((s) => ({ s, distance: Math.min(Math.abs(span.to - s.start), Math.abs(span.from - s.end)) }))
            .sort((a, b) => a.distance - b.distance)
            .slice(0, 1)
            .map(({ s }) => s);
    if (chosen.length === 0) unmatched += 1;
    for (const s of chosen) bySession.get(s.sessionId)?.add(email);
  }
  return { bySession, unmatched };
}
