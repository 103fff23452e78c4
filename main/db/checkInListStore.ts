import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { CheckInSession } from '../../shared/checkin/checkIn';

/** A ticket of a downloaded registrant; `sessionId` null when it admits to every session. */
export interface ListedTicket {
  ticketId: string;
  sessionId: string | null;
  qrCodeUrl: string | null;
}

/** A person on a downloaded list, with what Cadence or Zoom knows of their name. */
export interface ListedRegistrant {
  email: string;
  firstName: string;
  lastName: string;
  organisation: string;
  ticketType: string;
  tickets: ListedTicket[];
}

/** Everything one download of an event brings, written at once. */
export interface DownloadedList {
  eventId: string;
  seriesId: string | null;
  name: string;
  timezone: string;
  attendanceType: 'IN_PERSON' | 'HYBRID' | 'VIRTUAL';
  sessions: CheckInSession[];
  registrants: ListedRegistrant[];
  downloadedAt: string;
}

const eventRowSchema = z.object({
  event_id: z.string(),
  series_id: z.string().nullable(),
  name: z.string(),
  timezone: z.string(),
  attendance_type: z.enum(['IN_PERSON', 'HYBRID', 'VIRTUAL']),
  downloaded_at: z.string(),
  first_rowid: z.number().int(),
  last_rowid: z.number().int(),
  last_upload_at: z.string().nullable(),
  last_check_ins_read_at: z.string().nullable(),
});
export type CheckInEventRow = z.output<typeof eventRowSchema>;

const sessionRowSchema = z.object({
  session_id: z.string(),
  position: z.number().int(),
  name: z.string(),
  start_time: z.string(),
  end_time: z.string(),
});

/** A registrant as stored; `rowid` orders the list (by last name, first name, email). */
export const registrantRowSchema = z.object({
  rowid: z.number().int(),
  email_key: z.string(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  organisation: z.string(),
  ticket_type: z.string(),
});
export type RegistrantRow = z.output<typeof registrantRowSchema>;

const ticketRowSchema = z.object({
  ticket_id: z.string(),
  session_id: z.string().nullable(),
  qr_code_url: z.string().nullable(),
});

/** The key Zoom matches people on. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

const byName = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The list order the desk reads: last name, first name, then email for people with no name. */
function listOrder(a: ListedRegistrant, b: ListedRegistrant): number {
  return (
    byName.compare(a.lastName, b.lastName) ||
    byName.compare(a.firstName, b.firstName) ||
    byName.compare(a.email, b.email)
  );
}

/**
 * The downloaded events, sessions, registrants, tickets and the search table (`checkin_search`,
 * whose rowid is the registrant's). A download replaces an event's list as a whole in one
 * transaction; check-ins live apart (`checkInStore.ts`) and are never touched by it.
 */
export class CheckInListStore {
  private readonly eventById;
  private readonly sessionsOf;
  private readonly registrantByEmail;
  private readonly ticketsOf;

  constructor(private readonly db: Database.Database) {
    this.eventById = db.prepare('SELECT * FROM checkin_event WHERE event_id = ?');
    this.sessionsOf = db.prepare(
      'SELECT session_id, position, name, start_time, end_time FROM checkin_session WHERE event_id = ? ORDER BY position',
    );
    this.registrantByEmail = db.prepare('SELECT rowid, * FROM checkin_registrant WHERE event_id = ? AND email_key = ?');
    this.ticketsOf = db.prepare(
      'SELECT ticket_id, session_id, qr_code_url FROM checkin_ticket WHERE event_id = ? AND email_key = ? ORDER BY rowid',
    );
  }

  /** Replaces the event's sessions and registrants with `list`; its upload times are kept. */
  replace(list: DownloadedList): void {
    const db = this.db;
    const upsertEvent = db.prepare(
      `INSERT INTO checkin_event (event_id, series_id, name, timezone, attendance_type, downloaded_at)
       VALUES (@eventId, @seriesId, @name, @timezone, @attendanceType, @downloadedAt)
       ON CONFLICT (event_id) DO UPDATE SET series_id = excluded.series_id, name = excluded.name,
         timezone = excluded.timezone, attendance_type = excluded.attendance_type,
         downloaded_at = excluded.downloaded_at`,
    );
    const insertSession = db.prepare(
      `INSERT OR IGNORE INTO checkin_session (event_id, session_id, position, name, start_time, end_time)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insertRegistrant = db.prepare(
      `INSERT OR IGNORE INTO checkin_registrant (event_id, email_key, email, first_name, last_name, organisation, ticket_type)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertWords = db.prepare(
      'INSERT INTO checkin_search (rowid, event_id, email_key, words) VALUES (?, ?, ?, ?)',
    );
    const insertTicket = db.prepare(
      `INSERT OR IGNORE INTO checkin_ticket (event_id, ticket_id, email_key, session_id, qr_code_url) VALUES (?, ?, ?, ?, ?)`,
    );
    const registrants = [...list.registrants].sort(listOrder);
    db.transaction(() => {
      const { eventId } = list;
      db.prepare(
        'DELETE FROM checkin_search WHERE rowid IN (SELECT rowid FROM checkin_registrant WHERE event_id = ?)',
      ).run(eventId);
      db.prepare('DELETE FROM checkin_ticket WHERE event_id = ?').run(eventId);
      db.prepare('DELETE FROM checkin_registrant WHERE event_id = ?').run(eventId);
      db.prepare('DELETE FROM checkin_session WHERE event_id = ?').run(eventId);
      upsertEvent.run(list);
      for (const session of list.sessions) {
        insertSession.run(
          eventId,
          session.sessionId,
          session.position,
          session.name,
          session.startTime,
          session.endTime,
        );
      }
      // Inserted in list order, so that the rowid order is the order the desk reads.
      let firstRowid: number | bigint | undefined;
      let lastRowid: number | bigint = -1;
      for (const person of registrants) {
        const key = emailKey(person.email);
        const written = insertRegistrant.run(
          eventId,
          key,
          person.email,
          person.firstName,
          person.lastName,
          person.organisation,
          person.ticketType,
        );
        if (written.changes === 1) {
          firstRowid ??= written.lastInsertRowid;
          lastRowid = written.lastInsertRowid;
          // The email's local part only: a domain that everyone shares would match the whole list.
          const localPart = key.slice(0, Math.max(0, key.lastIndexOf('@')));
          insertWords.run(written.lastInsertRowid, eventId, key, `${person.firstName} ${person.lastName} ${localPart}`);
        }
        for (const ticket of person.tickets) {
          insertTicket.run(eventId, ticket.ticketId, key, ticket.sessionId, ticket.qrCodeUrl);
        }
      }
      db.prepare('UPDATE checkin_event SET first_rowid = ?, last_rowid = ? WHERE event_id = ?').run(
        firstRowid ?? 0,
        lastRowid,
        eventId,
      );
    })();
  }

  /** The downloaded events, newest download first. */
  events(): CheckInEventRow[] {
    return this.db
      .prepare('SELECT * FROM checkin_event ORDER BY downloaded_at DESC, event_id')
      .all()
      .map((row) => eventRowSchema.parse(row));
  }

  event(eventId: string): CheckInEventRow | undefined {
    const row = this.eventById.get(eventId);
    return row === undefined ? undefined : eventRowSchema.parse(row);
  }

  sessions(eventId: string): CheckInSession[] {
    return this.sessionsOf.all(eventId).map((raw) => {
      const row = sessionRowSchema.parse(raw);
      return {
        sessionId: row.session_id,
        position: row.position,
        name: row.name,
        startTime: row.start_time,
        endTime: row.end_time,
      };
    });
  }

  registrant(eventId: string, email: string): RegistrantRow | undefined {
    const row = this.registrantByEmail.get(eventId, emailKey(email));
    return row === undefined ? undefined : registrantRowSchema.parse(row);
  }

  tickets(eventId: string, key: string): ListedTicket[] {
    return this.ticketsOf.all(eventId, key).map((raw) => {
      const row = ticketRowSchema.parse(raw);
      return { ticketId: row.ticket_id, sessionId: row.session_id, qrCodeUrl: row.qr_code_url };
    });
  }
}
