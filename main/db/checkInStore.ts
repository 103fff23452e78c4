import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  checkInSchema,
  checkInStateSchema,
  type CheckIn,
  type CheckInScope,
  type CheckInState,
} from '../../shared/checkin/checkIn';
import { emailKey } from './checkInListStore';

const checkInRowSchema = z.object({
  id: z.string(),
  event_id: z.string(),
  session_id: z.string().nullable(),
  email: z.string(),
  recorded_at: z.string().nullable(),
  desk: z.string().nullable(),
  origin: z.enum(['here', 'elsewhere']),
  walk_in: z.union([z.literal(0), z.literal(1)]),
  state: checkInStateSchema,
  refusal: z.string().nullable(),
  uploaded_at: z.string().nullable(),
  first_name: z.string(),
  last_name: z.string(),
  organisation: z.string(),
});

/** A check-in with what the desk wrote down for a walk-in (empty for everyone else). */
export interface StoredCheckIn extends CheckIn {
  walkInDetails: { firstName: string; lastName: string; organisation: string };
}

/** A check-in about to be recorded at this desk. */
export interface NewCheckIn {
  id: string;
  scope: CheckInScope;
  email: string;
  recordedAt: string;
  desk: string;
  walkIn: boolean;
  firstName: string;
  lastName: string;
  organisation: string;
}

/** States in which a check-in counts: the person is in (here, on its way to Zoom, or on Zoom). */
export const countingStates = ['waiting', 'sending', 'uploaded'] as const satisfies readonly CheckInState[];
const counting = `state IN (${countingStates.map((state) => `'${state}'`).join(', ')})`;

function fromRow(raw: unknown): StoredCheckIn {
  const row = checkInRowSchema.parse(raw);
  return {
    id: row.id,
    eventId: row.event_id,
    sessionId: row.session_id,
    email: row.email,
    recordedAt: row.recorded_at,
    desk: row.desk,
    origin: row.origin,
    walkIn: row.walk_in === 1,
    state: row.state,
    refusal: row.refusal,
    uploadedAt: row.uploaded_at,
    walkInDetails: { firstName: row.first_name, lastName: row.last_name, organisation: row.organisation },
  };
}

/**
 * Check-ins recorded at this desk and seen from elsewhere (`check_in`). Recording is an insert;
 * undo is a state; nothing recorded here is ever deleted. Moving check-ins into upload batches
 * belongs to the upload's own module.
 */
export class CheckInStore {
  private readonly insert;
  private readonly currentFor;
  private readonly lastRefusedFor;
  private readonly byId;
  private readonly markUndone;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO check_in (id, event_id, session_id, email_key, email, recorded_at, desk, origin, walk_in, state,
         first_name, last_name, organisation)
       VALUES (@id, @eventId, @sessionId, @emailKey, @email, @recordedAt, @desk, 'here', @walkIn, 'waiting',
         @firstName, @lastName, @organisation)`,
    );
    // The first check-in that counts, by time; one seen only on Zoom (no time) after those with one.
    this.currentFor = db.prepare(
      `SELECT * FROM check_in WHERE event_id = ? AND session_id IS ? AND email_key = ? AND ${counting}
       ORDER BY recorded_at IS NULL, recorded_at, rowid LIMIT 1`,
    );
    this.lastRefusedFor = db.prepare(
      `SELECT * FROM check_in WHERE event_id = ? AND session_id IS ? AND email_key = ? AND state = 'refused'
       ORDER BY rowid DESC LIMIT 1`,
    );
    this.byId = db.prepare('SELECT * FROM check_in WHERE id = ?');
    this.markUndone = db.prepare(
      "UPDATE check_in SET state = 'undone' WHERE id = ? AND origin = 'here' AND state = 'waiting'",
    );
  }

  /** Runs `work` in one write transaction, taken at once so that no other desk process slips between. */
  inTransaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** Records a check-in as waiting for upload. */
  add(checkIn: NewCheckIn): StoredCheckIn {
    this.insert.run({
      ...checkIn,
      eventId: checkIn.scope.eventId,
      sessionId: checkIn.scope.sessionId,
      emailKey: emailKey(checkIn.email),
      walkIn: checkIn.walkIn ? 1 : 0,
    });
    const stored = this.get(checkIn.id);
    if (stored === undefined) throw new Error(`The check-in ${checkIn.id} was not written.`);
    return stored;
  }

  get(id: string): StoredCheckIn | undefined {
    const row = this.byId.get(id);
    return row === undefined ? undefined : fromRow(row);
  }

  /** The check-in that counts for the person in the scope, from this desk or another; the earliest. */
  current(scope: CheckInScope, email: string): StoredCheckIn | undefined {
    const row = this.currentFor.get(scope.eventId, scope.sessionId, emailKey(email));
    return row === undefined ? undefined : fromRow(row);
  }

  /** What the desk shows for a person: the check-in that counts, else the last one Zoom refused. */
  shown(scope: CheckInScope, email: string): StoredCheckIn | undefined {
    const current = this.current(scope, email);
    if (current !== undefined) return current;
    const refused = this.lastRefusedFor.get(scope.eventId, scope.sessionId, emailKey(email));
    return refused === undefined ? undefined : fromRow(refused);
  }

  /** Takes back a check-in still waiting; answers whether it did. */
  undo(id: string): boolean {
    return this.markUndone.run(id).changes === 1;
  }

  /** Check-ins recorded here and waiting for upload, oldest first; of one event, or of all. */
  waiting(eventId?: string): StoredCheckIn[] {
    const rows =
      eventId === undefined
        ? this.db.prepare("SELECT * FROM check_in WHERE state = 'waiting' ORDER BY recorded_at, rowid").all()
        : this.db
            .prepare("SELECT * FROM check_in WHERE state = 'waiting' AND event_id = ? ORDER BY recorded_at, rowid")
            .all(eventId);
    return rows.map(fromRow);
  }

  /** Every check-in of an event that was not taken back, in the order recorded (those seen on Zoom last). */
  ofEvent(eventId: string): StoredCheckIn[] {
    return this.db
      .prepare(
        "SELECT * FROM check_in WHERE event_id = ? AND state != 'undone' ORDER BY recorded_at IS NULL, recorded_at, rowid",
      )
      .all(eventId)
      .map(fromRow);
  }
}

/** The check-in as the contract carries it, without the walk-in's details. */
export function publicCheckIn(stored: StoredCheckIn): CheckIn {
  return checkInSchema.parse(stored);
}
