import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { CheckInCounts, CheckInRefusal, CheckInScope } from '../../shared/checkin/checkIn';
import { toRefusal, refusalColumns } from './checkInRefusalRows';
import { countingStates } from './checkInStore';

const counting = `state IN (${countingStates.map((state) => `'${state}'`).join(', ')})`;

const deskRowSchema = z.object({
  desk: z.string(),
  checked_in: z.number().int(),
  waiting: z.number().int(),
  refused: z.number().int(),
});
const quarterRowSchema = z.object({ quarter: z.number().int(), checked_in: z.number().int() });

export interface DeskCount {
  desk: string;
  checkedIn: number;
  waiting: number;
  refused: number;
}

/** What a check-in seen on Zoom without a desk is counted under. */
export const unknownDesk = 'Another desk';

/**
 * Counts of a downloaded event or one of its sessions. For the event, a person counts as checked
 * in once whichever part of it they were checked in to; for a session, when checked in to it.
 */
export class CheckInCountQueries {
  constructor(private readonly db: Database.Database) {}

  counts(scope: CheckInScope): CheckInCounts {
    const { eventId, sessionId } = scope;
    const inScope = '(@sessionId IS NULL OR session_id = @sessionId)';
    const row = z.object({ checked_in: z.number().int(), waiting: z.number().int(), refused: z.number().int() }).parse(
      this.db
        .prepare(
          `SELECT count(DISTINCT CASE WHEN ${counting} THEN email_key END) AS checked_in,
               count(CASE WHEN origin = 'here' AND state IN ('waiting', 'sending') THEN 1 END) AS waiting,
               count(CASE WHEN state = 'refused' THEN 1 END) AS refused
             FROM check_in WHERE event_id = @eventId AND ${inScope}`,
        )
        .get({ eventId, sessionId }),
    );
    return {
      registered: this.registered(scope),
      checkedIn: row.checked_in,
      waiting: row.waiting,
      refused: row.refused,
    };
  }

  /** People on the list; for a session, those a ticket admits to it. */
  registered(scope: CheckInScope): number {
    if (scope.sessionId === null) return this.listSize(scope.eventId);
    const { everySession, bySession } = this.registeredBySession(scope.eventId);
    return everySession + (bySession.get(scope.sessionId) ?? 0);
  }

  private listSize(eventId: string): number {
    return (
      this.db
        .prepare<[string], number>('SELECT count(*) FROM checkin_registrant WHERE event_id = ?')
        .pluck()
        .get(eventId) ?? 0
    );
  }

  /**
   * The list's size and, for each session, who may come: everyone whose tickets admit to every
   * session (a ticket without a session, or no ticket), plus those with a ticket for that session.
   * One pass over the tickets in person order, whatever the number of sessions.
   */
  registeredBySession(eventId: string): { total: number; everySession: number; bySession: Map<string, number> } {
    const total = this.listSize(eventId);
    const tickets = this.db
      .prepare<[string], [string, string | null]>(
        'SELECT email_key, session_id FROM checkin_ticket WHERE event_id = ? ORDER BY email_key',
      )
      .raw()
      .iterate(eventId);
    const bySession = new Map<string, number>();
    let chosenPeople = 0;
    let person: string | undefined;
    let sessions = new Set<string>();
    let isEverySession = false;
    const settle = () => {
      if (person === undefined || isEverySession) return;
      chosenPeople += 1;
      for (const sessionId of sessions) bySession.set(sessionId, (bySession.get(sessionId) ?? 0) + 1);
    };
    for (const [key, sessionId] of tickets) {
      if (key !== person) {
        settle();
        person = key;
        sessions = new Set();
        isEverySession = false;
      }
      if (sessionId === null) isEverySession = true;
      else sessions.add(sessionId);
    }
    settle();
    return { total, everySession: total - chosenPeople, bySession };
  }

  /** People checked in to each session (once each), by session ID. */
  checkedInBySession(eventId: string): Map<string, number> {
    const rows = this.db
      .prepare<[string], { session_id: string; people: number }>(
        `SELECT session_id, count(DISTINCT email_key) AS people FROM check_in
         WHERE event_id = ? AND session_id IS NOT NULL AND ${counting} GROUP BY session_id`,
      )
      .all(eventId);
    return new Map(rows.map((row) => [row.session_id, row.people]));
  }

  desks(scope: CheckInScope): DeskCount[] {
    return this.db
      .prepare(
        `SELECT ifnull(desk, '${unknownDesk}') AS desk,
           count(DISTINCT CASE WHEN ${counting} THEN email_key || char(31) || ifnull(session_id, '') END) AS checked_in,
           count(CASE WHEN origin = 'here' AND state IN ('waiting', 'sending') THEN 1 END) AS waiting,
           count(CASE WHEN state = 'refused' THEN 1 END) AS refused
         FROM check_in WHERE event_id = @eventId AND (@sessionId IS NULL OR session_id = @sessionId) AND state != 'undone'
         GROUP BY 1 ORDER BY 1`,
      )
      .all({ eventId: scope.eventId, sessionId: scope.sessionId })
      .map((raw) => {
        const row = deskRowSchema.parse(raw);
        return { desk: row.desk, checkedIn: row.checked_in, waiting: row.waiting, refused: row.refused };
      });
  }

  /** Check-ins with a known time, per quarter hour (seconds since 1970 of its start), oldest first. */
  quarters(scope: CheckInScope): { quarterStart: number; checkedIn: number }[] {
    return this.db
      .prepare(
        `SELECT CAST(strftime('%s', recorded_at) AS INTEGER) / 900 AS quarter, count(*) AS checked_in
         FROM check_in WHERE event_id = @eventId AND (@sessionId IS NULL OR session_id = @sessionId) AND ${counting} AND recorded_at IS NOT NULL
         GROUP BY 1 ORDER BY 1`,
      )
      .all({ eventId: scope.eventId, sessionId: scope.sessionId })
      .map((raw) => {
        const row = quarterRowSchema.parse(raw);
        return { quarterStart: row.quarter * 900, checkedIn: row.checked_in };
      });
  }

  /** Zoom's refusals kept for the event, oldest first. */
  refusals(eventId: string): CheckInRefusal[] {
    return this.db
      .prepare(
        `SELECT ${refusalColumns} FROM check_in
         WHERE event_id = ? AND state = 'refused' ORDER BY recorded_at, rowid`,
      )
      .all(eventId)
      .map(toRefusal);
  }
}
