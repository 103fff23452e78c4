import type Database from 'better-sqlite3';
import { scanParts } from '../../shared/checkin/scanText';
import { emailKey, registrantRowSchema, type RegistrantRow } from './checkInListStore';
import { nameMatch } from './nameMatch';

/** People matching a search: how many in all, and the first few in list order. */
export interface SearchHits {
  total: number;
  rows: RegistrantRow[];
}

/** The largest character, so that `prefix <= key < prefix + top` holds every key starting with `prefix`. */
const top = '\u{10FFFF}';

/**
 * Finds people on a downloaded list as the staffer types: a ticket ID or a scanned code exactly,
 * an email by its beginning, a name by the beginning of any of its words (accents and case
 * ignored). Exact matches come first, then the list order.
 */
export class CheckInSearchQueries {
  private readonly everyone;
  private readonly count;
  private readonly byRowid;
  private readonly byTicketOrCode;
  private readonly byEmail;
  private readonly byEmailPrefix;
  private readonly byName;

  constructor(db: Database.Database) {
    this.everyone = db.prepare('SELECT rowid, * FROM checkin_registrant WHERE event_id = ? ORDER BY rowid LIMIT ?');
    this.count = db.prepare<[string], number>('SELECT count(*) FROM checkin_registrant WHERE event_id = ?').pluck();
    this.byRowid = db.prepare('SELECT rowid, * FROM checkin_registrant WHERE rowid = ?');
    this.byTicketOrCode = db
      .prepare<[string, string, string, string, string], number>(
        `SELECT r.rowid FROM checkin_ticket t JOIN checkin_registrant r ON r.event_id = t.event_id AND r.email_key = t.email_key
         WHERE t.event_id = ? AND (t.ticket_id = ? OR t.qr_code_url = ?)
         UNION SELECT rowid FROM checkin_registrant WHERE event_id = ? AND email_key = ?`,
      )
      .pluck();
    this.byEmail = db
      .prepare<[string, string], number>('SELECT rowid FROM checkin_registrant WHERE event_id = ? AND email_key = ?')
      .pluck();
    this.byEmailPrefix = db
      .prepare<[string, string, string], number>(
        'SELECT rowid FROM checkin_registrant WHERE event_id = ? AND email_key >= ? AND email_key < ?',
      )
      .pluck();
    this.byName = db
      .prepare<[string, string], number>(
        'SELECT rowid FROM checkin_search WHERE checkin_search MATCH ? AND event_id = ?',
      )
      .pluck();
  }

  /** Everyone matching `typed` in the event; the list in its order when nothing is typed. */
  search(eventId: string, typed: string, limit: number): SearchHits {
    const text = typed.trim();
    if (text === '') {
      return { total: this.count.get(eventId) ?? 0, rows: this.everyone.all(eventId, limit).map(parseRow) };
    }
    const exact = this.exactRowids(eventId, text);
    const rest = new Set<number>();
    if (!/\s/.test(text)) {
      const prefix = emailKey(text);
      for (const rowid of this.byEmailPrefix.all(eventId, prefix, prefix + top)) rest.add(rowid);
    }
    const match = nameMatch(text);
    if (match !== undefined) for (const rowid of this.byName.all(match, eventId)) rest.add(rowid);
    for (const rowid of exact) rest.delete(rowid);
    const ordered = [...exact, ...[...rest].sort((a, b) => a - b)];
    return { total: ordered.length, rows: this.rows(ordered.slice(0, limit)) };
  }

  /**
   * The person a scan names, if exactly one does: its text as a ticket ID, a QR code's URL or an
   * email, else a ticket ID or an email found inside it.
   */
  scanned(eventId: string, text: string): RegistrantRow | undefined {
    const found = this.exactRowids(eventId, text.trim());
    return found.length === 1 ? this.rows(found)[0] : undefined;
  }

  private exactRowids(eventId: string, text: string): number[] {
    const whole = this.byTicketOrCode.all(eventId, text, text, eventId, emailKey(text));
    if (whole.length > 0) return whole;
    const parts = scanParts(text);
    const found = new Set<number>();
    for (const piece of parts.pieces) {
      for (const rowid of this.byTicketOrCode.all(eventId, piece, piece, eventId, '')) found.add(rowid);
    }
    for (const email of parts.emails) for (const rowid of this.byEmail.all(eventId, email)) found.add(rowid);
    return [...found];
  }

  private rows(rowids: readonly number[]): RegistrantRow[] {
    return rowids.flatMap((rowid) => {
      const row = this.byRowid.get(rowid);
      return row === undefined ? [] : [parseRow(row)];
    });
  }
}

function parseRow(row: unknown): RegistrantRow {
  return registrantRowSchema.parse(row);
}
