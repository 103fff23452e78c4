import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { AttendeeDraft } from '../../shared/drafts/attendeeDraft';
import {
  capacityRuleOf,
  hasLimit,
  placeCounts,
  placeFreedWords,
  sessionWords,
  settleWaiting,
  type CapacityRule,
  type PlaceCount,
  type PlaceHolder,
} from '../../shared/drafts/capacity';
import { sessionCapacitySchema } from '../../shared/drafts/capacity';
import { CadenceError } from '../../shared/errors';
import type { HistoryChange } from '../../shared/history/seriesChanges';
import { attendeeFromRow } from './seriesRows';

const ruleRowSchema = z.object({
  event_type: z.enum(['RECURRING', 'SIMPLE_EVENT']),
  capacity: z.number().nullable(),
  registration_option: z.string().nullable(),
});
const personRowSchema = z.object({
  id: z.string(),
  email_key: z.string(),
  occurrences_json: z.string().nullable(),
  wait_position: z.number().nullable(),
  waiting_for_json: z.string().nullable(),
  zoom_ticket_id: z.string().nullable(),
  origin: z.string(),
});
type PersonRow = z.output<typeof personRowSchema>;
const occurrencesSchema = z.array(z.number().int()).catch([]);

/** What settling the list changed, for the caller's outbox plan and history (in its transaction). */
export interface Settlement {
  /** People whose registration must be planned again: promoted, or joined the list. */
  changed: Map<string, AttendeeDraft>;
  history: HistoryChange[];
}

/** "1st", "2nd", "23rd": a place in the list. */
function ordinal(place: number): string {
  const tens = place % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][place % 10] ?? 'th');
  return `${String(place)}${suffix}`;
}

/** The full sessions a waiting person waits for, as last settled ([] for the series). */
function waitingForOf(row: PersonRow): number[] {
  return row.waiting_for_json === null ? [] : occurrencesSchema.parse(JSON.parse(row.waiting_for_json));
}

/** "waiting, 2nd, for session 3": a place in the list (0 is first) and what it waits for. */
function waitingWords(place: number, sessions: readonly number[]): string {
  const waiting = `waiting, ${ordinal(place + 1)}`;
  return sessions.length === 0 ? waiting : `${waiting}, for ${sessionWords(sessions)}`;
}

/**
 * Whether Zoom holds the person's registration: its ticket is recorded here, or they came from
 * Zoom (read back, their ticket being recorded in the same transaction just after).
 */
function isOnZoom(row: PersonRow): boolean {
  return row.zoom_ticket_id !== null || row.origin !== 'here';
}

function holderOf(row: PersonRow): PlaceHolder {
  return {
    id: row.id,
    occurrences: row.occurrences_json === null ? [] : occurrencesSchema.parse(JSON.parse(row.occurrences_json)),
  };
}

/**
 * A series' waiting list: who waits for a place, in order, and who gets one when a place frees.
 * It owns `attendee.wait_position` and the promotion columns. Every method joins the caller's
 * transaction, so a promotion and the registration the outbox plans for it commit together:
 * after a crash either both are there or neither.
 */
export class WaitingList {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
  ) {}

  /** The series' capacity rule, as stored. */
  rule(seriesId: string): CapacityRule {
    const row = ruleRowSchema.parse(
      this.db
        .prepare(
          `SELECT s.event_type, s.capacity, r.registration_option FROM series s
             LEFT JOIN registration_link r ON r.series_id = s.id WHERE s.id = ?`,
        )
        .get(seriesId) ?? { event_type: 'SIMPLE_EVENT', capacity: null, registration_option: null },
    );
    const sessions = z
      .array(sessionCapacitySchema)
      .parse(
        this.db
          .prepare('SELECT occurrence, capacity FROM session_capacity WHERE series_id = ? ORDER BY occurrence')
          .all(seriesId),
      );
    return capacityRuleOf({
      event_type: row.event_type,
      ...(row.capacity === null ? {} : { capacity: row.capacity }),
      session_capacities: sessions,
      ...(row.registration_option === null
        ? {}
        : { registration: { recurring_registration_option: row.registration_option } }),
    });
  }

  /**
   * Brings the list up to date after a change: `joining` (new people, in order) join its end
   * when the series limits places, then everyone not on Zoom yet takes a place in order while
   * one fits; the others wait. People with a ticket on Zoom always hold a place, even beyond the
   * capacity: nobody is taken off Zoom.
   */
  settle(seriesId: string, joining: readonly string[] = []): Settlement {
    const rule = this.rule(seriesId);
    // Most series limit nothing and have nobody waiting: nothing to read.
    if (!hasLimit(rule) && !this.hasWaiting(seriesId)) return { changed: new Map(), history: [] };
    const rows = this.people(seriesId);
    const joiningIds = new Set(joining);
    // Places are held on Zoom; people not sent yet take theirs in order (those already in, then
    // the waiting list, then newcomers), so a capacity lowered before a sync makes the last wait.
    const onZoom = rows.filter(isOnZoom);
    const unsent = rows.filter((row) => !isOnZoom(row) && row.wait_position === null && !joiningIds.has(row.id));
    const waitingBefore = rows
      .filter((row) => !isOnZoom(row) && row.wait_position !== null)
      .sort((a, b) => (a.wait_position ?? 0) - (b.wait_position ?? 0));
    const byId = new Map(rows.map((row) => [row.id, row]));
    const joiners = joining.flatMap((id) => {
      const row = byId.get(id);
      return row !== undefined && !isOnZoom(row) && row.wait_position === null ? [row] : [];
    });
    const queue = [...unsent, ...waitingBefore, ...joiners];
    const outcome = settleWaiting(rule, onZoom.map(holderOf), queue.map(holderOf));
    const promoted = new Set(outcome.promoted);
    const stillWaiting = new Map(outcome.waiting.map((entry, place) => [entry.id, { place, ...entry }]));

    const changed = new Map<string, AttendeeDraft>();
    const history: HistoryChange[] = [];
    const setPlace = this.db.prepare('UPDATE attendee SET wait_position = ?, waiting_for_json = ? WHERE id = ?');
    const promote = this.db.prepare('UPDATE attendee SET wait_position = NULL, promoted_at = ? WHERE id = ?');
    // Someone waiting here who registered on Zoom meanwhile holds a place there already.
    for (const row of onZoom) if (row.wait_position !== null) setPlace.run(null, null, row.id);

    queue.forEach((row, index) => {
      const wasWaiting = index >= unsent.length && index < unsent.length + waitingBefore.length;
      const waits = stillWaiting.get(row.id);
      if (waits !== undefined) {
        const waitingFor = JSON.stringify(waits.sessions);
        if (row.wait_position !== waits.place || row.waiting_for_json !== waitingFor)
          setPlace.run(waits.place, waitingFor, row.id);
        if (wasWaiting) return;
        changed.set(row.id, this.attendee(row.id));
        history.push({
          item: 'attendee',
          subject: row.email_key,
          field: 'waiting_list',
          old: index < unsent.length ? 'to be registered' : null,
          new: waitingWords(waits.place, waits.sessions),
        });
        return;
      }
      if (!promoted.has(row.id) || !wasWaiting) return;
      // What they waited for stays, as the reason their registration gives.
      promote.run(this.now(), row.id);
      changed.set(row.id, this.attendee(row.id));
      history.push({
        item: 'attendee',
        subject: row.email_key,
        // A field of its own, so that it stays an entry apart from the moves in the list before it.
        field: 'promotion',
        old: waitingWords(index - unsent.length, waitingForOf(row)),
        new: `registered: ${placeFreedWords(waitingForOf(row))}`,
      });
    });
    return { changed, history };
  }

  /**
   * Moves a waiting person to `place` (0 is first in line); the others keep their order. The
   * history entry says where they were and where they are now.
   */
  move(seriesId: string, attendeeId: string, place: number): HistoryChange {
    const waiting = this.waitingRows(seriesId);
    const from = waiting.findIndex((row) => row.id === attendeeId);
    const person = waiting[from];
    if (person === undefined) {
      throw new CadenceError('not_found', 'This person is no longer on the waiting list.', [
        { path: 'attendee_id', message: 'Not on the waiting list: promoted or removed meanwhile.' },
      ]);
    }
    const to = Math.max(0, Math.min(place, waiting.length - 1));
    const order = waiting.filter((row) => row.id !== attendeeId);
    order.splice(to, 0, person);
    const setPlace = this.db.prepare('UPDATE attendee SET wait_position = ? WHERE id = ?');
    order.forEach((row, index) => {
      if (row.wait_position !== index) setPlace.run(index, row.id);
    });
    return {
      item: 'attendee',
      subject: person.email_key,
      field: 'waiting_list',
      old: waitingWords(from, waitingForOf(person)),
      new: waitingWords(to, waitingForOf(person)),
    };
  }

  /** Waiting people in order, with each one's registration ID. */
  waitingIds(seriesId: string): string[] {
    return this.waitingRows(seriesId).map((row) => row.id);
  }

  /** Places taken and people waiting, by pool (the series, or each session with a capacity). */
  counts(seriesId: string): PlaceCount[] {
    const rule = this.rule(seriesId);
    const rows = this.people(seriesId);
    const holders = rows.filter((row) => isOnZoom(row) || row.wait_position === null);
    return placeCounts(rule, holders.map(holderOf), this.waitingRows(seriesId).map(holderOf));
  }

  private hasWaiting(seriesId: string): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM attendee WHERE series_id = ? AND wait_position IS NOT NULL LIMIT 1')
        .get(seriesId) !== undefined
    );
  }

  private waitingRows(seriesId: string): PersonRow[] {
    return this.db
      .prepare(
        `SELECT id, email_key, occurrences_json, wait_position, waiting_for_json, zoom_ticket_id, origin FROM attendee
           WHERE series_id = ? AND deleted_at IS NULL AND wait_position IS NOT NULL AND zoom_ticket_id IS NULL
           ORDER BY wait_position`,
      )
      .all(seriesId)
      .map((raw) => personRowSchema.parse(raw));
  }

  private people(seriesId: string): PersonRow[] {
    return this.db
      .prepare(
        `SELECT id, email_key, occurrences_json, wait_position, waiting_for_json, zoom_ticket_id, origin FROM attendee
           WHERE series_id = ? AND deleted_at IS NULL ORDER BY position`,
      )
      .all(seriesId)
      .map((raw) => personRowSchema.parse(raw));
  }

  private attendee(id: string): AttendeeDraft {
    return attendeeFromRow(this.db.prepare('SELECT * FROM attendee WHERE id = ?').get(id));
  }
}
