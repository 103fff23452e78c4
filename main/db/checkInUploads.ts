import { randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { CheckInRefusal } from '../../shared/checkin/checkIn';
import { refusalColumns, toRefusal } from './checkInRefusalRows';

/**
 * The one module that changes a check-in's upload state and the upload batches. A batch is made,
 * and its check-ins marked `sending`, in one transaction before its request leaves; Zoom's answer
 * (or, when the answer was lost, Zoom's list of who is checked in) settles it in another. So a
 * crash at any moment leaves each check-in either waiting, or in a batch that is checked on Zoom
 * before anything is sent again.
 */

/** Where check-ins go on Zoom: the whole event (`sessionId` null) or one session. */
export interface UploadScope {
  eventId: string;
  sessionId: string | null;
}

/** A batch of at most 300 check-ins of one scope, sent under its own `source`. */
export interface UploadBatch extends UploadScope {
  id: string;
  source: string;
  checkIns: { id: string; email: string; emailKey: string }[];
}

/** Someone Zoom lists as checked in to a scope, with the `source` that did it. */
export interface ZoomCheckedIn {
  email: string;
  source: string | undefined;
}

/** What settling a batch did, for the upload's report. */
export interface BatchSettlement {
  uploaded: number;
  /** Of those, people Zoom had already (another desk, or a batch whose answer was lost). */
  alreadyOnZoom: number;
  /** Check-ins Zoom refused, by ID, kept with Zoom's words. */
  refusedIds: string[];
  /** Put back to wait for a new batch: Zoom's list did not have them. */
  backToWaiting: number;
}

const separator = ' · ';
const batchRowSchema = z.object({
  id: z.string(),
  event_id: z.string(),
  session_id: z.string().nullable(),
  sender_pid: z.number().int().nullable(),
});
const scopeRowSchema = z.object({ event_id: z.string(), session_id: z.string().nullable(), desk: z.string() });
const memberRowSchema = z.object({ id: z.string(), email: z.string(), email_key: z.string() });

/** The `source` Zoom keeps for a batch: the desk and the batch, so a lost answer can be recognised. */
export function batchSource(desk: string, batchId: string): string {
  return `${desk}${separator}${batchId}`;
}

/** The desk a `source` names: "<desk> · <batch>" from Cadence, else the whole source; null when empty. */
export function deskOfSource(source: string | undefined): string | null {
  const text = (source ?? '').trim();
  if (text === '') return null;
  const at = text.lastIndexOf(separator);
  return at > 0 ? text.slice(0, at) : text;
}

export class CheckInUploads {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  /** Scopes and desks with check-ins recorded here that wait to go, of one event or all. */
  waitingScopes(eventId?: string): (UploadScope & { desk: string })[] {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT c.event_id, c.session_id, coalesce(c.desk, s.desk, '') AS desk
           FROM check_in c LEFT JOIN checkin_settings s ON s.id = 1
          WHERE c.origin = 'here' AND c.state = 'waiting' AND (? IS NULL OR c.event_id = ?)
          ORDER BY c.event_id, c.session_id`,
      )
      .all(eventId ?? null, eventId ?? null);
    return z
      .array(scopeRowSchema)
      .parse(rows)
      .map((row) => ({ eventId: row.event_id, sessionId: row.session_id, desk: row.desk }));
  }

  /**
   * Batches sent whose answer has not been taken in (a crash, a lost answer, a timeout, or a
   * request still on its way), oldest first, with the process that sent each.
   */
  unsettledBatches(eventId?: string): (UploadScope & { id: string; senderPid: number | null })[] {
    const rows = this.db
      .prepare(
        `SELECT id, event_id, session_id, sender_pid FROM checkin_batch
          WHERE state = 'sending' AND (? IS NULL OR event_id = ?) ORDER BY created_at, id`,
      )
      .all(eventId ?? null, eventId ?? null);
    return z
      .array(batchRowSchema)
      .parse(rows)
      .map((row) => ({ id: row.id, eventId: row.event_id, sessionId: row.session_id, senderPid: row.sender_pid }));
  }

  /** Events with check-ins recorded here waiting or on their way. */
  eventsWithWork(): string[] {
    const rows = this.db
      .prepare(`SELECT DISTINCT event_id FROM check_in WHERE origin = 'here' AND state IN ('waiting', 'sending')`)
      .pluck()
      .all();
    return z.array(z.string()).parse(rows);
  }

  /** Check-ins recorded here not yet on Zoom (waiting or in a batch not settled), of one event or all. */
  waitingCount(eventId?: string): number {
    const count = this.db
      .prepare(
        `SELECT count(*) FROM check_in
          WHERE origin = 'here' AND state IN ('waiting', 'sending') AND (? IS NULL OR event_id = ?)`,
      )
      .pluck()
      .get(eventId ?? null, eventId ?? null);
    return z.number().parse(count);
  }

  /**
   * Makes a batch of up to `limit` waiting check-ins of one scope and desk, and marks them
   * `sending`, in one transaction: from here on, Zoom's list decides what became of them.
   */
  openBatch(scope: UploadScope, desk: string, limit: number): UploadBatch | undefined {
    return this.db.transaction(() => {
      const members = z.array(memberRowSchema).parse(
        this.db
          .prepare(
            `SELECT c.id, c.email, c.email_key FROM check_in c LEFT JOIN checkin_settings s ON s.id = 1
              WHERE c.origin = 'here' AND c.state = 'waiting' AND c.event_id = ? AND c.session_id IS ?
                AND coalesce(c.desk, s.desk, '') = ?
              ORDER BY c.recorded_at, c.id LIMIT ?`,
          )
          .all(scope.eventId, scope.sessionId, desk, limit),
      );
      // Zoom keeps a person once per scope: one row each, the others settle with it.
      const firstByPerson = new Map<string, (typeof members)[number]>();
      for (const member of members)
        if (!firstByPerson.has(member.email_key)) firstByPerson.set(member.email_key, member);
      if (members.length === 0) return undefined;
      const id = randomBytes(6).toString('hex');
      const source = batchSource(desk, id);
      this.db
        .prepare(
          `INSERT INTO checkin_batch (id, event_id, session_id, source, state, sender_pid, created_at)
           VALUES (?, ?, ?, ?, 'sending', ?, ?)`,
        )
        .run(id, scope.eventId, scope.sessionId, source, process.pid, this.now());
      const mark = this.db.prepare(`UPDATE check_in SET state = 'sending', batch_id = ? WHERE id = ?`);
      for (const member of members) mark.run(id, member.id);
      return {
        id,
        source,
        ...scope,
        checkIns: [...firstByPerson.values()].map((m) => ({ id: m.id, email: m.email, emailKey: m.email_key })),
      };
    })();
  }

  /**
   * Settles a batch with Zoom's answer: everyone not in `refusals` is uploaded; the others are
   * refused with Zoom's words (matched by email, as Zoom answers).
   */
  settleAnswer(batchId: string, refusals: readonly { email: string; message: string }[]): BatchSettlement {
    const words = new Map(refusals.map((r) => [r.email.toLowerCase(), r.message]));
    return this.db.transaction(() => {
      const at = this.now();
      const refusedIds: string[] = [];
      let uploaded = 0;
      for (const member of this.members(batchId)) {
        const refusal = words.get(member.email_key);
        if (refusal === undefined) {
          this.db
            .prepare(`UPDATE check_in SET state = 'uploaded', uploaded_at = ?, refusal = NULL WHERE id = ?`)
            .run(at, member.id);
          uploaded += 1;
        } else {
          this.db.prepare(`UPDATE check_in SET state = 'refused', refusal = ? WHERE id = ?`).run(refusal, member.id);
          refusedIds.push(member.id);
        }
      }
      this.closeBatch(batchId, at);
      return { uploaded, alreadyOnZoom: 0, refusedIds, backToWaiting: 0 };
    })();
  }

  /** Settles a batch Zoom refused as a whole (the event not published, not found): each keeps Zoom's words. */
  refuseBatch(batchId: string, message: string): BatchSettlement {
    return this.settleAnswer(
      batchId,
      this.members(batchId).map((m) => ({ email: m.email_key, message })),
    );
  }

  /** Puts a batch's check-ins back to waiting: its request never left this laptop. */
  withdrawBatch(batchId: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(`UPDATE check_in SET state = 'waiting', batch_id = NULL WHERE batch_id = ? AND state = 'sending'`)
        .run(batchId);
      this.db.prepare('DELETE FROM checkin_batch WHERE id = ?').run(batchId);
    })();
  }

  /**
   * Settles a batch whose answer never came by what Zoom lists for its scope: people Zoom has
   * checked in (from any source) are uploaded; the others wait for a new batch.
   */
  settleByListing(batchId: string, checkedIn: ReadonlySet<string>): BatchSettlement {
    return this.db.transaction(() => {
      const at = this.now();
      let uploaded = 0;
      let backToWaiting = 0;
      for (const member of this.members(batchId)) {
        if (checkedIn.has(member.email_key)) {
          this.db
            .prepare(`UPDATE check_in SET state = 'uploaded', uploaded_at = ?, refusal = NULL WHERE id = ?`)
            .run(at, member.id);
          uploaded += 1;
        } else {
          this.db.prepare(`UPDATE check_in SET state = 'waiting', batch_id = NULL WHERE id = ?`).run(member.id);
          backToWaiting += 1;
        }
      }
      this.closeBatch(batchId, at);
      return { uploaded, alreadyOnZoom: uploaded, refusedIds: [], backToWaiting };
    })();
  }

  /**
   * Takes in what Zoom lists for a scope: a refused check-in of a person Zoom has checked in
   * counts as done, and people checked in elsewhere are kept as such. Answers how many refusals
   * turned out done, and whether anything changed.
   */
  takeZoomList(scope: UploadScope, listed: readonly ZoomCheckedIn[]): { doneAfterRefusal: string[]; changed: boolean } {
    return this.db.transaction(() => {
      const at = this.now();
      const keys = new Set(listed.map((l) => l.email.toLowerCase()));
      const refused = z.array(z.object({ id: z.string(), email_key: z.string() })).parse(
        this.db
          .prepare(
            `SELECT id, email_key FROM check_in
              WHERE origin = 'here' AND state = 'refused' AND event_id = ? AND session_id IS ?`,
          )
          .all(scope.eventId, scope.sessionId),
      );
      const doneAfterRefusal = refused.filter((r) => keys.has(r.email_key)).map((r) => r.id);
      const markDone = this.db.prepare(
        `UPDATE check_in SET state = 'uploaded', uploaded_at = ?, refusal = NULL WHERE id = ?`,
      );
      for (const id of doneAfterRefusal) markDone.run(at, id);
      const hereKeys = new Set(
        z.array(z.string()).parse(
          this.db
            .prepare(
              `SELECT email_key FROM check_in
                WHERE event_id = ? AND session_id IS ? AND (origin = 'elsewhere' OR state <> 'undone')`,
            )
            .pluck()
            .all(scope.eventId, scope.sessionId),
        ),
      );
      const insert = this.db.prepare(
        `INSERT OR IGNORE INTO check_in (id, event_id, session_id, email_key, email, recorded_at, desk, origin, walk_in, state, uploaded_at)
         VALUES (?, ?, ?, ?, ?, NULL, ?, 'elsewhere', 0, 'uploaded', ?)`,
      );
      let seen = 0;
      for (const person of listed) {
        const key = person.email.toLowerCase();
        if (hereKeys.has(key)) continue;
        hereKeys.add(key);
        seen += insert.run(
          randomUUID(),
          scope.eventId,
          scope.sessionId,
          key,
          person.email,
          deskOfSource(person.source),
          at,
        ).changes;
      }
      return { doneAfterRefusal, changed: doneAfterRefusal.length > 0 || seen > 0 };
    })();
  }

  /**
   * The scopes whose check-ins a desk reads back: the event, and each session with a check-in
   * known here or happening within a day of now (where desks are at work).
   */
  readBackScopes(eventId: string, nowIso: string): UploadScope[] {
    const sessions = z.array(z.string()).parse(
      this.db
        .prepare(
          `SELECT session_id FROM checkin_session s
            WHERE s.event_id = @eventId
              AND (EXISTS (SELECT 1 FROM check_in c WHERE c.event_id = @eventId AND c.session_id = s.session_id)
                   OR (julianday(s.start_time) - 1 <= julianday(@now) AND julianday(@now) <= julianday(s.end_time) + 1))
            ORDER BY s.position`,
        )
        .pluck()
        .all({ eventId, now: nowIso }),
    );
    const known = z
      .array(z.string())
      .parse(
        this.db
          .prepare(`SELECT DISTINCT session_id FROM check_in WHERE event_id = ? AND session_id IS NOT NULL`)
          .pluck()
          .all(eventId),
      );
    const all = [...new Set([...sessions, ...known])];
    return [{ eventId, sessionId: null }, ...all.map((sessionId) => ({ eventId, sessionId }))];
  }

  /** Events downloaded on this laptop, for reading everyone's check-ins back. */
  downloadedEvents(): string[] {
    return z.array(z.string()).parse(this.db.prepare('SELECT event_id FROM checkin_event').pluck().all());
  }

  /** Notes this desk's last upload to the event, and its last read of everyone's check-ins. */
  noteUploaded(eventId: string): void {
    this.db.prepare('UPDATE checkin_event SET last_upload_at = ? WHERE event_id = ?').run(this.now(), eventId);
  }

  noteCheckInsRead(eventId: string): void {
    this.db.prepare('UPDATE checkin_event SET last_check_ins_read_at = ? WHERE event_id = ?').run(this.now(), eventId);
  }

  /** When this desk last read everyone's check-ins of the event, or null. */
  lastCheckInsReadAt(eventId: string): string | null {
    const value = this.db
      .prepare('SELECT last_check_ins_read_at FROM checkin_event WHERE event_id = ?')
      .pluck()
      .get(eventId);
    return z.string().nullable().optional().parse(value) ?? null;
  }

  /** Refusals by check-in ID, with what the report shows of each. */
  refusals(ids: readonly string[]): CheckInRefusal[] {
    if (ids.length === 0) return [];
    const rows: unknown[] = [];
    const select = this.db.prepare(`SELECT ${refusalColumns} FROM check_in WHERE id = ? AND state = 'refused'`);
    for (const id of ids) {
      const row = select.get(id);
      if (row !== undefined) rows.push(row);
    }
    return rows.map(toRefusal);
  }

  private members(batchId: string): z.output<typeof memberRowSchema>[] {
    return z
      .array(memberRowSchema)
      .parse(
        this.db
          .prepare(`SELECT id, email, email_key FROM check_in WHERE batch_id = ? AND state = 'sending'`)
          .all(batchId),
      );
  }

  private closeBatch(batchId: string, at: string): void {
    this.db.prepare(`UPDATE checkin_batch SET state = 'answered', answered_at = ? WHERE id = ?`).run(at, batchId);
  }
}
