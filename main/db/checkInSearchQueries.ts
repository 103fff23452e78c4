import type Database from 'better-sqlite3';
import { scanParts } from '../../shared/checkin/scanText';
import { emailKey, registrantRowSchema, type RegistrantRow } from './checkInListStore';
import { nameMatch } from './nameMatch';

/** People matching a search: how many in all, and the first few in list order. */
export interface SearchHits {
  total: number;
  rows: RegistrantRow[];
}

/**
 * Finds people on a downloaded list as the staffer types: a ticket ID, a scanned code or an
 * email exactly, an email by its beginning once an "@" is typed, and otherwise any word of the
 * name or of the email before its "@" by its beginning (accents and case ignored). Exact matches come first, then the list order, which is the search table's rowid
 * order: FTS5 reads matches in that order, so a page is read without sorting every match.
 */
export class CheckInSearchQueries {
  private readonly range;
  private readonly everyone;
  private readonly count;
  private readonly byRowid;
  private readonly byTicket;
  private readonly byCode;
  private readonly byEmail;
  private readonly byEmailPrefix;
  private readonly wordsCount;
  private readonly wordsPage;
  private readonly wordsHas;

  constructor(db: Database.Database) {
    this.range = db.prepare<[string], { first_rowid: number; last_rowid: number }>(
      'SELECT first_rowid, last_rowid FROM checkin_event WHERE event_id = ?',
    );
    this.everyone = db.prepare<[number, number, number]>(
      'SELECT rowid, * FROM checkin_registrant WHERE rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ?',
    );
    this.count = db
      .prepare<[number, number], number>('SELECT count(*) FROM checkin_registrant WHERE rowid BETWEEN ? AND ?')
      .pluck();
    this.byRowid = db.prepare('SELECT rowid, * FROM checkin_registrant WHERE rowid = ?');
    // Separate look-ups, so that each uses its own index.
    this.byTicket = db
      .prepare<[string, string], number>(
        `SELECT r.rowid FROM checkin_ticket t JOIN checkin_registrant r ON r.event_id = t.event_id AND r.email_key = t.email_key
         WHERE t.event_id = ? AND t.ticket_id = ?`,
      )
      .pluck();
    this.byCode = db
      .prepare<[string, string], number>(
        `SELECT r.rowid FROM checkin_ticket t JOIN checkin_registrant r ON r.event_id = t.event_id AND r.email_key = t.email_key
         WHERE t.qr_code_url = ? AND t.event_id = ?`,
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
    // Within the event's rowid range: FTS5 narrows to it in its index, without reading each row.
    this.wordsCount = db
      .prepare<[string, number, number], number>(
        'SELECT count(*) FROM checkin_search WHERE checkin_search MATCH ? AND rowid BETWEEN ? AND ?',
      )
      .pluck();
    this.wordsPage = db
      .prepare<[string, number, number, number], number>(
        'SELECT rowid FROM checkin_search WHERE checkin_search MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ?',
      )
      .pluck();
    this.wordsHas = db
      .prepare<[string, number], number>('SELECT 1 FROM checkin_search WHERE checkin_search MATCH ? AND rowid = ?')
      .pluck();
  }

  /** Everyone matching `typed` in the event; the list in its order when nothing is typed. */
  search(eventId: string, typed: string, limit: number): SearchHits {
    const text = typed.trim();
    const range = this.range.get(eventId);
    if (range === undefined) return { total: 0, rows: [] };
    const from = range.first_rowid;
    const to = range.last_rowid;
    if (text === '') {
      return { total: this.count.get(from, to) ?? 0, rows: this.everyone.all(from, to, limit).map(parseRow) };
    }
    const exact = this.exactRowids(eventId, text);
    if (text.includes('@')) return this.byEmailBeginning(eventId, text, exact, limit);
    const match = nameMatch(text);
    if (match === undefined) return { total: exact.length, rows: this.rows(exact.slice(0, limit)) };
    const alsoWords = exact.filter((rowid) => this.wordsHas.get(match, rowid) !== undefined).length;
    const total = exact.length + (this.wordsCount.get(match, from, to) ?? 0) - alsoWords;
    const exactSet = new Set(exact);
    const words = this.wordsPage.all(match, from, to, limit + exact.length).filter((rowid) => !exactSet.has(rowid));
    return { total, rows: this.rows([...exact, ...words].slice(0, limit)) };
  }

  /** People whose email begins with what was typed (with its "@", so few), after the exact matches. */
  private byEmailBeginning(eventId: string, text: string, exact: number[], limit: number): SearchHits {
    const prefix = emailKey(text);
    const exactSet = new Set(exact);
    const rest = this.byEmailPrefix
      .all(eventId, prefix, `${prefix}\u{10FFFF}`)
      .filter((rowid) => !exactSet.has(rowid))
      .sort((a, b) => a - b);
    return { total: exact.length + rest.length, rows: this.rows([...exact, ...rest].slice(0, limit)) };
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
    const whole = new Set([
      ...this.byTicket.all(eventId, text),
      ...this.byCode.all(text, eventId),
      ...this.byEmail.all(eventId, emailKey(text)),
    ]);
    if (whole.size > 0) return [...whole];
    const parts = scanParts(text);
    if (parts.pieces.length === 1 && parts.pieces[0] === text && parts.emails.length === 0) return [];
    const found = new Set<number>();
    for (const piece of parts.pieces) for (const rowid of this.byTicket.all(eventId, piece)) found.add(rowid);
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
