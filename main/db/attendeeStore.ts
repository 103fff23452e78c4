import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { AttendeeDraft } from '../../shared/drafts/attendeeDraft';
import { attendeeOriginSchema, type AttendeeRow, type PartRegistration } from '../../shared/drafts/attendeeList';
import { CadenceError } from '../../shared/errors';
import {
  attendeeChanges,
  attendeeSummary,
  attendeeSummaryThreshold,
  type HistoryChange,
} from '../../shared/history/seriesChanges';
import { changedHere, type ChangeSource } from '../../shared/history/seriesHistory';
import { limits } from '../../shared/limits';
import type { HistoryStore } from './historyStore';
import type { Outbox } from './outbox/outbox';
import { partRegistrationsOf } from './partRegistrations';
import { attendeeColumns, insertAttendeeSql, attendeeFromRow } from './seriesRows';
import { attendeeInPart } from '../../shared/drafts/seriesParts';
import { assertNotPart, assertNotReplaced, isWhole, partLinksOf } from './seriesLinkStore';
import type { WaitingList } from './waitingList';

const listedRowSchema = z.object({
  id: z.string(),
  email_key: z.string(),
  zoom_ticket_id: z.string().nullable(),
  origin: attendeeOriginSchema.catch('here'),
  wait_position: z.number().nullable(),
  waiting_for_json: z.string().nullable(),
  promoted_at: z.string().nullable(),
});
const waitingForSchema = z.array(z.number().int()).catch([]);
const liveRowSchema = z.object({ id: z.string(), email_key: z.string(), zoom_ticket_id: z.string().nullable() });

/** Of the waiting list's entries, those of people promoted (joining the list is left to the summary). */
function promotionsOnly(changes: readonly HistoryChange[]): HistoryChange[] {
  return changes.filter((change) => change.field === 'promotion');
}

/** An attendee to write: `id` names the row to change; without it, the email finds or adds one. */
export interface AttendeeWrite {
  id?: string;
  attendee: AttendeeDraft;
}

/**
 * Attendees of one series, row by row: what the attendee table changes without rewriting the
 * whole series. Each call is one transaction, outbox included.
 */
export class AttendeeStore {
  constructor(
    private readonly db: Database.Database,
    private readonly outbox: Outbox,
    private readonly now: () => string,
    private readonly history: HistoryStore,
    private readonly waiting: WaitingList,
  ) {}

  /**
   * A series' attendees in list order; a person of a series in parts is one row, with their
   * registration in each part, and people who registered on a part's own Zoom page come last.
   */
  list(seriesId: string): AttendeeRow[] {
    const inParts = partRegistrationsOf(this.db, seriesId);
    const rows = this.db
      .prepare('SELECT * FROM attendee WHERE series_id = ? AND deleted_at IS NULL ORDER BY position')
      .all(seriesId)
      .map((raw) => {
        const row = listedRowSchema.parse(raw);
        const parts = inParts.get(row.email_key) ?? [];
        const isOnZoom =
          inParts.size === 0 ? row.zoom_ticket_id !== null : parts.length > 0 && parts.every((part) => part.on_zoom);
        const isWaiting = row.wait_position !== null && !isOnZoom;
        return {
          ...attendeeFromRow(raw),
          id: row.id,
          on_zoom: isOnZoom,
          parts,
          origin: row.origin,
          in_parts_only: false,
          waiting_place: isWaiting ? (row.wait_position ?? 0) + 1 : null,
          waiting_for:
            isWaiting && row.waiting_for_json !== null ? waitingForSchema.parse(JSON.parse(row.waiting_for_json)) : [],
          promoted: row.promoted_at !== null,
        };
      });
    return inParts.size === 0 ? rows : [...rows, ...this.inPartsOnly(seriesId, inParts)];
  }

  /**
   * People Zoom registered in a part (on its own page) whom the whole does not hold: one row each,
   * named by their row in the first such part, their chosen sessions numbered as the whole's.
   */
  private inPartsOnly(wholeId: string, inParts: ReadonlyMap<string, PartRegistration[]>): AttendeeRow[] {
    const byEmail = new Map<string, AttendeeRow>();
    for (const raw of this.db
      .prepare(
        `SELECT a.*, l.first_occurrence AS part_first_occurrence FROM series_link l
           JOIN series s ON s.id = l.to_series_id AND s.deleted_at IS NULL
           JOIN attendee a ON a.series_id = s.id AND a.deleted_at IS NULL
         WHERE l.from_series_id = @id AND l.kind = 'part'
           AND a.email_key NOT IN (SELECT w.email_key FROM attendee w WHERE w.series_id = @id AND w.deleted_at IS NULL)
         ORDER BY l.position, a.position`,
      )
      .all({ id: wholeId })) {
      const row = listedRowSchema.extend({ part_first_occurrence: z.number().int().nullable() }).parse(raw);
      const attendee = attendeeFromRow(raw);
      const offset = (row.part_first_occurrence ?? 1) - 1;
      const occurrences = attendee.occurrences?.map((occurrence) => occurrence + offset);
      const known = byEmail.get(row.email_key);
      if (known !== undefined) {
        if (known.occurrences !== undefined && occurrences !== undefined) {
          known.occurrences = [...known.occurrences, ...occurrences];
        }
        continue;
      }
      const parts = inParts.get(row.email_key) ?? [];
      byEmail.set(row.email_key, {
        ...attendee,
        ...(occurrences === undefined ? {} : { occurrences }),
        id: row.id,
        on_zoom: parts.every((part) => part.on_zoom),
        parts,
        origin: row.origin,
        in_parts_only: true,
        waiting_place: null,
        waiting_for: [],
        promoted: row.promoted_at !== null,
      });
    }
    return [...byEmail.values()];
  }

  /** The email keys of everyone the series has held and still remembers, removed people on Zoom among them. */
  emailKeysEver(seriesId: string): Set<string> {
    const keys = this.db.prepare('SELECT email_key FROM attendee WHERE series_id = ?').pluck().all(seriesId);
    return new Set(z.array(z.string()).parse(keys));
  }

  /**
   * Writes attendees: the row named by `id`, else the one with the same email, else a new row at
   * the end. An email another person already has is refused, naming the entry. `by` says who
   * made the change, for the series' history; a person added from Zoom keeps that as their origin.
   */
  write(
    seriesId: string,
    writes: readonly AttendeeWrite[],
    by: ChangeSource = changedHere,
  ): { added: number; updated: number; ids: string[] } {
    return this.writeTo(seriesId, writes, by, false);
  }

  private writeTo(
    seriesId: string,
    writes: readonly AttendeeWrite[],
    by: ChangeSource,
    isFromWhole: boolean,
  ): { added: number; updated: number; ids: string[] } {
    return this.db
      .transaction(() => {
        assertNotReplaced(this.db, seriesId);
        if (by.source === 'here' && !isFromWhole) assertNotPart(this.db, seriesId);
        // A large write (an import) is one summary entry: reading every row it replaces would slow it down.
        const isSummarised = writes.length > attendeeSummaryThreshold;
        const history: HistoryChange[] = [];
        const origin = by.source === 'zoom' || by.source === 'planner' ? by.source : undefined;
        const setOrigin = this.db.prepare('UPDATE attendee SET origin = ? WHERE id = ?');
        const live = this.liveRows(seriesId);
        const byId = new Map(live.map((row) => [row.id, row]));
        const keysBefore = new Map(live.map((row) => [row.id, row.email_key]));
        const byEmail = new Map(live.map((row) => [row.email_key, row.id]));
        let position = z
          .number()
          .parse(
            this.db
              .prepare('SELECT coalesce(max(position), -1) FROM attendee WHERE series_id = ?')
              .pluck()
              .get(seriesId),
          );
        const insert = this.db.prepare(insertAttendeeSql);
        const update = this.db.prepare(
          `UPDATE attendee SET email = @email, email_key = @email_key, first_name = @first_name, last_name = @last_name,
             profile_json = @profile_json, occurrences_json = @occurrences_json WHERE id = @id`,
        );
        const changed = new Map<string, AttendeeDraft | undefined>();
        const ids: string[] = [];
        let added = 0;
        const joining: string[] = [];
        writes.forEach((write, index) => {
          const columns = attendeeColumns(write.attendee);
          if (write.id !== undefined && !byId.has(write.id)) {
            throw new CadenceError('not_found', 'This attendee is no longer on the list.', [
              { path: `attendees[${String(index)}]`, message: 'This attendee was removed meanwhile.' },
            ]);
          }
          const id = write.id ?? byEmail.get(columns.email_key);
          const holder = byEmail.get(columns.email_key);
          if (id !== undefined && holder !== undefined && holder !== id) {
            throw new CadenceError('invalid_input', `${write.attendee.email} is already on the list.`, [
              { path: `attendees[${String(index)}].email`, message: `${write.attendee.email} is already on the list.` },
            ]);
          }
          if (id === undefined) {
            const newId = randomUUID();
            position += 1;
            insert.run({ ...columns, id: newId, series_id: seriesId, position });
            if (origin !== undefined) setOrigin.run(origin, newId);
            if (!isSummarised) history.push(...attendeeChanges(undefined, write.attendee));
            byEmail.set(columns.email_key, newId);
            byId.set(newId, { id: newId, email_key: columns.email_key, zoom_ticket_id: null });
            changed.set(newId, write.attendee);
            ids.push(newId);
            joining.push(newId);
            added += 1;
            return;
          }
          const previous = byId.get(id);
          if (previous !== undefined && previous.email_key !== columns.email_key) byEmail.delete(previous.email_key);
          byEmail.set(columns.email_key, id);
          if (!isSummarised) history.push(...attendeeChanges(this.stored(id), write.attendee));
          update.run({ ...columns, id });
          changed.set(id, write.attendee);
          ids.push(id);
        });
        // Checked on the rows as written, inside the transaction: over the limit, nothing is kept.
        if (live.length + added > limits.attendeesPerSeries) {
          const message = `A series has at most ${limits.attendeesPerSeries.toLocaleString('en-US')} attendees, as many as Zoom's largest webinar admits; this would make ${(live.length + added).toLocaleString('en-US')}. Nothing was added.`;
          throw new CadenceError('invalid_input', message, [{ path: 'attendees', message }]);
        }
        this.touch(seriesId);
        // People registered on Zoom already hold their places; the others may have to wait for one.
        const settled = this.waiting.settle(seriesId, origin === undefined ? joining : []);
        for (const [id, attendee] of settled.changed) changed.set(id, attendee);
        this.outbox.replanTickets(seriesId, changed, false);
        const updated = ids.length - added;
        this.history.record(
          seriesId,
          by,
          isSummarised
            ? [attendeeSummary({ added, changed: updated, removed: 0 }), ...promotionsOnly(settled.history)]
            : [...history, ...settled.history],
        );
        this.propagateToParts(seriesId, changed, keysBefore, by);
        return { added, updated, ids };
      })
      .immediate();
  }

  /** Removes attendees; one whose ticket is on Zoom stays as a tombstone until Zoom deletes it. */
  remove(seriesId: string, ids: readonly string[], by: ChangeSource = changedHere): number {
    return this.removeFrom(seriesId, ids, by, false);
  }

  private removeFrom(seriesId: string, ids: readonly string[], by: ChangeSource, isFromWhole: boolean): number {
    return this.db
      .transaction(() => {
        assertNotReplaced(this.db, seriesId);
        if (by.source === 'here' && !isFromWhole) assertNotPart(this.db, seriesId);
        const isSummarised = ids.length > attendeeSummaryThreshold;
        const history: HistoryChange[] = [];
        const live = new Map(this.liveRows(seriesId).map((row) => [row.id, row]));
        const keysBefore = new Map([...live.values()].map((row) => [row.id, row.email_key]));
        const tombstone = this.db.prepare('UPDATE attendee SET deleted_at = ? WHERE id = ?');
        const remove = this.db.prepare('DELETE FROM attendee WHERE id = ?');
        const changed = new Map<string, AttendeeDraft | undefined>();
        // Of a whole, a person only its parts hold (registered on a part's Zoom page) goes from each part.
        const inPartsOnly = isFromWhole ? new Map<string, string>() : this.inPartsOnlyKeys(seriesId);
        for (const id of new Set(ids)) {
          const row = live.get(id);
          const partKey = inPartsOnly.get(id);
          if (row === undefined && partKey !== undefined) {
            if (!isSummarised) history.push(...attendeeChanges(this.stored(id), undefined));
            keysBefore.set(id, partKey);
            changed.set(id, undefined);
          }
          if (row === undefined) continue;
          if (!isSummarised) history.push(...attendeeChanges(this.stored(id), undefined));
          if (row.zoom_ticket_id === null) remove.run(id);
          else tombstone.run(this.now(), id);
          changed.set(id, undefined);
        }
        this.touch(seriesId);
        const removed = changed.size;
        // The places they held go to the next people waiting, in this same transaction as their registrations.
        const settled = this.waiting.settle(seriesId);
        for (const [id, attendee] of settled.changed) changed.set(id, attendee);
        // Scoped to these rows: a deleted row's pending create is dropped, a ticket's delete planned.
        this.outbox.replanTickets(seriesId, changed, false);
        this.history.record(
          seriesId,
          by,
          isSummarised
            ? [attendeeSummary({ added: 0, changed: 0, removed }), ...settled.history]
            : [...history, ...settled.history],
        );
        this.propagateToParts(seriesId, changed, keysBefore, by);
        return removed;
      })
      .immediate();
  }

  /**
   * Moves a waiting person to `place` in the waiting list (0: first in line). Order only: places
   * are given when they free, so nobody is promoted by a move.
   */
  moveWaiting(seriesId: string, attendeeId: string, place: number, by: ChangeSource = changedHere): void {
    this.db
      .transaction(() => {
        const change = this.waiting.move(seriesId, attendeeId, place);
        this.touch(seriesId);
        this.history.record(seriesId, by, [change]);
      })
      .immediate();
  }

  /**
   * Carries a whole's changed attendees into its parts, in the same transaction: each person into
   * the parts of their sessions (every part when they attend all), matched by the email they had,
   * and out of the parts they no longer attend. Only the people who changed are written.
   */
  private propagateToParts(
    wholeId: string,
    changed: ReadonlyMap<string, AttendeeDraft | undefined>,
    keysBefore: ReadonlyMap<string, string>,
    by: ChangeSource,
  ): void {
    if (!isWhole(this.db, wholeId)) return;
    for (const part of partLinksOf(this.db, wholeId)) {
      const rows = new Map(this.liveRows(part.seriesId).map((row) => [row.email_key, row.id]));
      const writes: AttendeeWrite[] = [];
      const removals: string[] = [];
      for (const [id, attendee] of changed) {
        const key = keysBefore.get(id);
        const existing = key === undefined ? undefined : rows.get(key);
        const inPart = attendee === undefined ? undefined : attendeeInPart(attendee, part);
        if (inPart !== undefined)
          writes.push(existing === undefined ? { attendee: inPart } : { id: existing, attendee: inPart });
        else if (existing !== undefined) removals.push(existing);
      }
      if (removals.length > 0) this.removeFrom(part.seriesId, removals, by, true);
      if (writes.length > 0) this.writeTo(part.seriesId, writes, by, true);
    }
  }

  /** Of a whole, the live rows of its parts whose person the whole does not hold: ID to email key. */
  private inPartsOnlyKeys(wholeId: string): Map<string, string> {
    const rows = this.db
      .prepare(
        `SELECT a.id, a.email_key, a.zoom_ticket_id FROM series_link l
           JOIN attendee a ON a.series_id = l.to_series_id AND a.deleted_at IS NULL
         WHERE l.from_series_id = @id AND l.kind = 'part'
           AND a.email_key NOT IN (SELECT w.email_key FROM attendee w WHERE w.series_id = @id AND w.deleted_at IS NULL)`,
      )
      .all({ id: wholeId })
      .map((raw) => liveRowSchema.parse(raw));
    return new Map(rows.map((row) => [row.id, row.email_key]));
  }

  /** An attendee as stored, before a change. */
  private stored(id: string): AttendeeDraft | undefined {
    const raw: unknown = this.db.prepare('SELECT * FROM attendee WHERE id = ?').get(id);
    return raw === undefined ? undefined : attendeeFromRow(raw);
  }

  private liveRows(seriesId: string) {
    return this.db
      .prepare('SELECT id, email_key, zoom_ticket_id FROM attendee WHERE series_id = ? AND deleted_at IS NULL')
      .all(seriesId)
      .map((raw) => liveRowSchema.parse(raw));
  }

  private touch(seriesId: string): void {
    this.db.prepare('UPDATE series SET updated_at = ?, revision = revision + 1 WHERE id = ?').run(this.now(), seriesId);
  }
}
