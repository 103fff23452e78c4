import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { AttendeeDraft } from '../../shared/drafts/attendeeDraft';
import { plannedSessions } from '../../shared/drafts/plannedSessions';
import { seriesDraftSchema, type RecurringSeriesDraft, type SeriesDraft } from '../../shared/drafts/seriesDraft';
import { draftIssues } from '../../shared/drafts/seriesFile';
import { CadenceError } from '../../shared/errors';
import {
  attendeeListChanges,
  attendeePairs,
  seriesChanges,
  seriesCreated,
  type HistoryChange,
} from '../../shared/history/seriesChanges';
import { changedHere, type ChangeSource } from '../../shared/history/seriesHistory';
import type { HistoryStore } from './historyStore';
import type { Outbox } from './outbox/outbox';
import { needsParts, partsOfWhole, type SeriesPart } from '../../shared/drafts/seriesParts';
import { liftPartChange } from '../../shared/drafts/partChange';
import { addSeriesLink, assertNotReplaced, isWhole, partLinksOf, partPlaceOf } from './seriesLinkStore';
import { attendeeColumns, attendeeFromRow, insertAttendeeSql, readSeriesDraft } from './seriesRows';
import type { WaitingList } from './waitingList';

const existingAttendeeSchema = z.object({
  id: z.string(),
  email_key: z.string(),
  zoom_ticket_id: z.string().nullable(),
});
const linkIdSchema = z.object({ zoom_id: z.string().nullable() }).optional();

/** What saving a draft did. */
interface SaveOptions {
  keepAttendees: boolean;
  by: ChangeSource;
  /** Written by its whole's derivation, not changed on its own. */
  isDerived?: boolean;
}

export interface SaveResult {
  id: string;
  isNew: boolean;
}

/**
 * Writes series drafts and everything they imply — planned sessions, attendees with stable
 * registration IDs, and the outbox — always inside one transaction per call, so a crash leaves a
 * draft either as it was or fully saved, never half.
 */
export class SeriesStore {
  constructor(
    private readonly db: Database.Database,
    private readonly outbox: Outbox,
    private readonly now: () => string,
    private readonly history: HistoryStore,
    private readonly waiting: WaitingList,
  ) {}

  /** How many times the series was saved: what changed between two reads of it tells whether it was edited. */
  revision(id: string): number {
    return (
      z.number().optional().parse(this.db.prepare('SELECT revision FROM series WHERE id = ?').pluck().get(id)) ?? 0
    );
  }

  /** Plans a series' whole outbox again from the draft as stored: what the sync calls after edits made while it ran. */
  replan(id: string): void {
    this.db.transaction(() => {
      const draft = readSeriesDraft(this.db, id);
      if (draft === undefined) return;
      const zoom = this.outbox.zoomState(id);
      this.outbox.replanSeries(id, draft, zoom);
      const attendees = new Map<string, AttendeeDraft | undefined>();
      const ids = this.db
        .prepare('SELECT id FROM attendee WHERE series_id = ? AND deleted_at IS NULL ORDER BY position')
        .pluck()
        .all(id) as string[];
      ids.forEach((attendeeId, i) => attendees.set(attendeeId, draft.attendees[i]));
      this.outbox.replanTickets(id, attendees, true);
      // A whole plans nothing itself; its parts are planned again in its place.
      for (const part of partLinksOf(this.db, id)) this.replan(part.seriesId);
    })();
  }

  /** Whether Zoom has the series: it was synced once (its event exists there or did). */
  isOnZoom(id: string): boolean {
    // A series in parts is on Zoom through its parts: once one is, its past sessions are Zoom's too.
    return (
      this.db
        .prepare(
          `SELECT 1 FROM series s WHERE s.zoom_event_id IS NOT NULL AND (s.id = @id
             OR s.id IN (SELECT l.to_series_id FROM series_link l WHERE l.from_series_id = @id AND l.kind = 'part'))`,
        )
        .get({ id }) !== undefined
    );
  }

  /** The live series with this key, if any. */
  idForKey(key: string): string | undefined {
    const id: unknown = this.db.prepare('SELECT id FROM series WHERE key = ? AND deleted_at IS NULL').pluck().get(key);
    return typeof id === 'string' ? id : undefined;
  }

  /**
   * Saves a valid draft: updates the series `id`, or the one with the draft's key, or creates a
   * new series. Its pending outbox operations are replaced by what the draft now needs.
   */
  save(draft: SeriesDraft, id?: string, by: ChangeSource = changedHere): SaveResult {
    return this.db.transaction(() => this.saveInTransaction(draft, id, { keepAttendees: false, by })).immediate();
  }

  /**
   * Saves everything of an existing series but its attendees, which stay as stored: the series
   * editor's save, which must not rewrite thousands of attendee rows for a changed name.
   * `draft.attendees` is only used for validation by the caller and is ignored here.
   */
  saveDetails(draft: SeriesDraft, id: string, by: ChangeSource = changedHere): SaveResult {
    return this.db.transaction(() => this.saveInTransaction(draft, id, { keepAttendees: true, by })).immediate();
  }

  /** Saves many drafts in one transaction: all of them, or none if one fails. */
  saveAll(drafts: readonly SeriesDraft[]): SaveResult[] {
    return this.db.transaction(() => drafts.map((draft) => this.saveInTransaction(draft))).immediate();
  }

  /**
   * Deletes a draft. One Zoom never had goes with all its operations; one on Zoom is kept, marked
   * deleted, with a single pending delete of the event in place of everything else.
   */
  delete(id: string): 'removed' | 'queued' {
    return this.db
      .transaction(() => {
        const eventId: unknown = this.db
          .prepare('SELECT zoom_event_id FROM series WHERE id = ? AND deleted_at IS NULL')
          .pluck()
          .get(id);
        if (eventId === undefined) throw new CadenceError('not_found', 'This series no longer exists.');
        assertNotReplaced(this.db, id);
        // A whole goes with its parts: each part on Zoom gets its event's delete.
        const outcomes = partLinksOf(this.db, id).map((part) => this.deleteRow(part.seriesId, part.eventId));
        const own = this.deleteRow(id, typeof eventId === 'string' ? eventId : null);
        return outcomes.includes('queued') ? 'queued' : own;
      })
      .immediate();
  }

  /** Deletes one live series row: at once if Zoom never had it, else marked deleted with its event's delete planned. */
  private deleteRow(id: string, eventId: string | null): 'removed' | 'queued' {
    if (eventId === null) {
      this.db.prepare('DELETE FROM series WHERE id = ?').run(id);
      return 'removed';
    }
    // The key is freed so that a new draft may take it while Zoom's delete is pending.
    this.db.prepare('UPDATE series SET deleted_at = ?, key = NULL WHERE id = ?').run(this.now(), id);
    this.db.prepare(`DELETE FROM outbox WHERE series_id = ? AND state = 'pending'`).run(id);
    this.outbox.replanSeries(id, undefined);
    return 'queued';
  }

  /** Frees a series' key for the series that continues it (a pattern change). Joins the caller's transaction. */
  releaseKey(id: string): void {
    this.db.prepare('UPDATE series SET key = NULL WHERE id = ?').run(id);
  }

  /** Keeps a series out of syncs, or lets it sync again; its changes wait meanwhile. */
  setReady(id: string, isReady: boolean): void {
    this.db.transaction(() => {
      const update = this.db.prepare('UPDATE series SET is_ready = ? WHERE id = ? AND deleted_at IS NULL');
      assertNotReplaced(this.db, id);
      const changed = update.run(isReady ? 1 : 0, id);
      if (changed.changes === 0) throw new CadenceError('not_found', 'This series no longer exists.');
      for (const part of partLinksOf(this.db, id)) update.run(isReady ? 1 : 0, part.seriesId);
    })();
  }

  /** The draft as stored, or undefined. */
  get(id: string, options: { withAttendees: boolean } = { withAttendees: true }): SeriesDraft | undefined {
    return readSeriesDraft(this.db, id, options);
  }

  private saveInTransaction(
    draft: SeriesDraft,
    requestedId?: string,
    options: SaveOptions = { keepAttendees: false, by: changedHere },
  ): SaveResult {
    const place =
      requestedId === undefined || options.isDerived === true ? undefined : partPlaceOf(this.db, requestedId);
    if (requestedId !== undefined && place !== undefined) return this.saveIntoWhole(draft, requestedId, place, options);
    const now = this.now();
    let id = requestedId;
    if (id !== undefined) {
      const exists = this.db.prepare('SELECT 1 FROM series WHERE id = ? AND deleted_at IS NULL').get(id);
      if (exists === undefined) throw new CadenceError('not_found', 'This series no longer exists.');
      assertNotReplaced(this.db, id);
      const holder = draft.key === undefined ? undefined : this.idForKey(draft.key);
      if (holder !== undefined && holder !== id) {
        const message = `Another series has the key "${draft.key ?? ''}"; keys tell series apart, so choose another.`;
        throw new CadenceError('invalid_input', message, [{ path: 'key', message }]);
      }
    } else if (draft.key !== undefined) {
      id = this.idForKey(draft.key);
    }
    const isNew = id === undefined;
    const seriesId = id ?? randomUUID();
    const before = id === undefined ? undefined : this.storedBefore(id, options.keepAttendees);
    const columns = {
      id: seriesId,
      key: draft.key ?? null,
      name: draft.name,
      event_type: draft.event_type,
      timezone: draft.timezone,
      start_time: draft.start_time,
      end_time: draft.event_type === 'SIMPLE_EVENT' ? draft.end_time : null,
      hub_id: draft.hub_id ?? null,
      description: draft.description ?? null,
      meeting_type: draft.meeting_type ?? null,
      attendance_type: draft.attendance_type,
      access_level: draft.access_level,
      recurrence_json: draft.event_type === 'RECURRING' ? JSON.stringify(draft.recurrence) : null,
      closed_days_json:
        draft.event_type === 'RECURRING' && draft.closed_days !== undefined ? JSON.stringify(draft.closed_days) : null,
      publish: draft.publish ? 1 : 0,
      capacity: draft.capacity ?? null,
      now,
    };
    if (isNew) {
      this.db
        .prepare(
          `INSERT INTO series (id, key, name, event_type, timezone, start_time, end_time, hub_id, description,
             meeting_type, attendance_type, access_level, recurrence_json, closed_days_json, publish, capacity, created_at, updated_at)
           VALUES (@id, @key, @name, @event_type, @timezone, @start_time, @end_time, @hub_id, @description,
             @meeting_type, @attendance_type, @access_level, @recurrence_json, @closed_days_json, @publish, @capacity, @now, @now)`,
        )
        .run(columns);
    } else {
      this.db
        .prepare(
          `UPDATE series SET key = @key, name = @name, event_type = @event_type, timezone = @timezone,
             start_time = @start_time, end_time = @end_time, hub_id = @hub_id, description = @description,
             meeting_type = @meeting_type, attendance_type = @attendance_type, access_level = @access_level,
             recurrence_json = @recurrence_json, closed_days_json = @closed_days_json, publish = @publish, capacity = @capacity,
             updated_at = @now, revision = revision + 1
           WHERE id = @id`,
        )
        .run(columns);
    }
    this.writeSchedule(seriesId, draft);
    this.writeSessionCapacities(seriesId, draft);
    this.writeTicketType(seriesId, draft);
    this.writeRegistration(seriesId, draft);
    const zoom = this.outbox.zoomState(seriesId);
    this.outbox.replanSeries(seriesId, draft, zoom);
    // A ticket's operation depends only on its attendee and what Zoom has, so kept attendees keep theirs.
    // The waiting list is settled first: a capacity raised or a person gone frees places, new people may wait.
    const isFromZoom = ['zoom', 'planner', 'opened'].includes(options.by.source);
    let waitingChanges: HistoryChange[];
    if (options.keepAttendees) {
      const settled = this.waiting.settle(seriesId);
      this.outbox.replanTickets(seriesId, settled.changed, false);
      waitingChanges = settled.history;
    } else {
      const { attendees, joining } = this.writeAttendees(seriesId, draft.attendees, now);
      const settled = this.waiting.settle(seriesId, isFromZoom ? [] : joining);
      this.outbox.replanTickets(seriesId, attendees, true);
      waitingChanges = settled.history;
    }
    this.recordHistory(seriesId, options, before, draft);
    if (waitingChanges.length > 0) this.history.record(seriesId, options.by, waitingChanges);
    this.refreshParts(seriesId, draft, options.by, options.keepAttendees);
    return { id: seriesId, isNew };
  }

  /**
   * A change to a part that does not come from its whole (Zoom's, read back or taken in a
   * conflict) is made to the whole, and the parts are derived from it: the change reaches the
   * other parts, and no later edit of the whole sends the part's old values back to Zoom. The
   * part's own attendees, when the draft carries them, are then written to the part as given.
   */
  private saveIntoWhole(
    draft: SeriesDraft,
    partId: string,
    place: { wholeId: string; firstOccurrence: number; count: number },
    options: SaveOptions,
  ): SaveResult {
    const before = readSeriesDraft(this.db, partId, { withAttendees: false });
    const whole = readSeriesDraft(this.db, place.wholeId, { withAttendees: false });
    if (before !== undefined && whole?.event_type === 'RECURRING') {
      const lifted = seriesDraftSchema.safeParse({ ...liftPartChange(whole, before, draft, place), attendees: [] });
      if (!lifted.success) {
        throw new CadenceError(
          'conflict',
          `The change cannot be made to the whole series: ${draftIssues(lifted.error)
            .map((issue) => `${issue.path}: ${issue.message}`)
            .join('; ')}.`,
        );
      }
      this.saveInTransaction(lifted.data, place.wholeId, { keepAttendees: true, by: options.by });
    }
    if (options.keepAttendees) return { id: partId, isNew: false };
    const derived = readSeriesDraft(this.db, partId, { withAttendees: false }) ?? draft;
    return this.saveInTransaction({ ...derived, attendees: draft.attendees }, partId, { ...options, isDerived: true });
  }

  /**
   * Derives a series' parts from it again, joining the caller's transaction: a series longer than
   * one Zoom event holds (or whose parts are on Zoom already) is a whole, never sent to Zoom
   * itself; each part is a series row of its own, saved like any draft (so its registrations keep
   * their IDs and its outbox is planned as any series'), linked to the whole at its position. A
   * whole that shrinks to one event's length before any part reaches Zoom is an ordinary series
   * again. (A change of a whole's attendees alone is carried into its parts by the attendee store.)
   */
  refreshParts(wholeId: string, draft: SeriesDraft, by: ChangeSource = changedHere, keepAttendees = false): void {
    if (draft.event_type !== 'RECURRING') return;
    const links = partLinksOf(this.db, wholeId);
    const hasPartsOnZoom = links.some((part) => part.eventId !== null);
    // A save that keeps the attendees leaves them out of `draft`: they are read only when needed.
    let stored: SeriesDraft | undefined;
    const withAttendees = (): SeriesDraft =>
      (keepAttendees ? (stored ??= readSeriesDraft(this.db, wholeId)) : draft) ?? draft;
    if (!needsParts(draft) && !hasPartsOnZoom) {
      for (const part of links) this.deleteRow(part.seriesId, null);
      if (links.length > 0) this.outbox.replanSeries(wholeId, draft);
      if (links.length > 0) this.replanTicketsOf(wholeId, withAttendees());
      return;
    }
    const parts = partsOfWhole(draft);
    let partsWithAttendees: SeriesPart[] | undefined;
    parts.forEach((part, index) => {
      const link = links[index];
      // A part that holds the same sessions as before keeps its attendees when the whole keeps its.
      const isSameRange = link?.first_occurrence === part.first_occurrence && link.count === part.count;
      let partDraft = part.draft;
      if (!keepAttendees || !isSameRange) {
        if (keepAttendees) {
          partsWithAttendees ??= partsOfWhole(withAttendees() as RecurringSeriesDraft);
          partDraft = partsWithAttendees[index]?.draft ?? part.draft;
        }
        const fromZoom = link === undefined ? [] : this.registeredOnZoomOnly(link.seriesId, partDraft.attendees);
        partDraft = { ...partDraft, attendees: [...partDraft.attendees, ...fromZoom] };
      }
      const { id } = this.saveInTransaction(partDraft, link?.seriesId, {
        keepAttendees: keepAttendees && isSameRange,
        by,
        isDerived: true,
      });
      if (link === undefined) {
        // A row left from an earlier link at this position (a part deleted on Zoom's side) gives its place.
        this.db
          .prepare(`DELETE FROM series_link WHERE from_series_id = ? AND kind = 'part' AND position = ?`)
          .run(wholeId, index + 1);
        addSeriesLink(this.db, {
          from: wholeId,
          to: id,
          kind: 'part',
          position: index + 1,
          firstOccurrence: part.first_occurrence,
          cancelMessage: null,
          now: this.now(),
        });
      } else {
        this.db
          .prepare(`UPDATE series_link SET first_occurrence = ? WHERE from_series_id = ? AND to_series_id = ?`)
          .run(part.first_occurrence, wholeId, id);
      }
    });
    // A part is ready to sync when its whole is.
    this.db
      .prepare(
        `UPDATE series SET is_ready = (SELECT is_ready FROM series WHERE id = @whole)
         WHERE id IN (SELECT to_series_id FROM series_link WHERE from_series_id = @whole AND kind = 'part')`,
      )
      .run({ whole: wholeId });
    for (const part of links.slice(parts.length)) {
      this.deleteRow(part.seriesId, part.eventId);
      this.db.prepare('DELETE FROM series_link WHERE to_series_id = ?').run(part.seriesId);
    }
    if (isWhole(this.db, wholeId)) this.outbox.clearWhole(wholeId);
  }

  /**
   * A part's attendees who registered on Zoom itself (the sync read them back into the part):
   * they stay in the part when it is derived again, so that no ticket of theirs is deleted.
   */
  private registeredOnZoomOnly(partId: string, derived: readonly AttendeeDraft[]): AttendeeDraft[] {
    const known = new Set(derived.map((attendee) => attendee.email.toLowerCase()));
    return this.db
      .prepare(
        `SELECT * FROM attendee WHERE series_id = ? AND deleted_at IS NULL AND origin != 'here' ORDER BY position`,
      )
      .all(partId)
      .map(attendeeFromRow)
      .filter((attendee) => !known.has(attendee.email.toLowerCase()));
  }

  /** Plans the tickets of a series' live attendees, as stored. */
  private replanTicketsOf(seriesId: string, draft: SeriesDraft): void {
    const attendees = new Map<string, AttendeeDraft | undefined>();
    const ids = this.db
      .prepare('SELECT id FROM attendee WHERE series_id = ? AND deleted_at IS NULL ORDER BY position')
      .pluck()
      .all(seriesId) as string[];
    ids.forEach((attendeeId, i) => attendees.set(attendeeId, draft.attendees[i]));
    this.outbox.replanTickets(seriesId, attendees, true);
  }

  /**
   * The series as stored before a save, for its history: its attendees only when the save writes
   * them, read row by row (the whole draft's checks would add seconds to a large list).
   */
  private storedBefore(id: string, keepAttendees: boolean): SeriesDraft | undefined {
    const draft = readSeriesDraft(this.db, id, { withAttendees: false });
    if (draft === undefined || keepAttendees) return draft;
    const attendees = this.db
      .prepare('SELECT * FROM attendee WHERE series_id = ? AND deleted_at IS NULL ORDER BY position')
      .all(id)
      .map(attendeeFromRow);
    return { ...draft, attendees };
  }

  /** The save's entries in the series' history: one for a series made or opened, else each field changed. */
  private recordHistory(
    seriesId: string,
    options: { keepAttendees: boolean; by: ChangeSource },
    before: SeriesDraft | undefined,
    after: SeriesDraft,
  ): void {
    if (before === undefined || options.by.source === 'opened') {
      this.history.record(seriesId, options.by, [seriesCreated(after)]);
      return;
    }
    const attendees = options.keepAttendees
      ? []
      : attendeeListChanges(attendeePairs(before.attendees, after.attendees));
    this.history.record(seriesId, options.by, [...seriesChanges(before, after), ...attendees]);
  }

  /** Occurrence changes as written, and the planned sessions, keeping their links to Zoom. */
  private writeSchedule(seriesId: string, draft: SeriesDraft): void {
    this.db.prepare('DELETE FROM occurrence_change WHERE series_id = ?').run(seriesId);
    if (draft.event_type === 'RECURRING') {
      const insert = this.db.prepare(
        `INSERT INTO occurrence_change (series_id, occurrence, action, start_time, end_time, closed_day_json)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      for (const change of draft.occurrence_changes) {
        insert.run(
          seriesId,
          change.occurrence,
          change.action,
          change.action === 'move' ? change.start_time : null,
          change.action === 'move' ? (change.end_time ?? null) : null,
          change.closed_day === undefined ? null : JSON.stringify(change.closed_day),
        );
      }
    }
    const sessions = plannedSessions(draft);
    const upsert = this.db.prepare(
      `INSERT INTO occurrence (series_id, number, start_time, end_time, status) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (series_id, number) DO UPDATE SET
         start_time = excluded.start_time, end_time = excluded.end_time, status = excluded.status`,
    );
    for (const session of sessions) {
      upsert.run(seriesId, session.occurrence, session.start_time, session.end_time, session.status);
    }
    this.db.prepare('DELETE FROM occurrence WHERE series_id = ? AND number > ?').run(seriesId, sessions.length);
  }

  private writeSessionCapacities(seriesId: string, draft: SeriesDraft): void {
    this.db.prepare('DELETE FROM session_capacity WHERE series_id = ?').run(seriesId);
    if (draft.event_type !== 'RECURRING') return;
    const insert = this.db.prepare('INSERT INTO session_capacity (series_id, occurrence, capacity) VALUES (?, ?, ?)');
    for (const entry of draft.session_capacities ?? []) insert.run(seriesId, entry.occurrence, entry.capacity);
  }

  private writeTicketType(seriesId: string, draft: SeriesDraft): void {
    const ticket = draft.ticket_type;
    if (ticket === undefined) {
      this.refuseRemovingSynced('ticket_type', 'zoom_ticket_type_id', seriesId, 'ticket type');
      this.db.prepare('DELETE FROM ticket_type WHERE series_id = ?').run(seriesId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO ticket_type (series_id, name, description, free, price, quantity, currency, start_time, end_time)
         VALUES (@series_id, @name, @description, @free, @price, @quantity, @currency, @start_time, @end_time)
         ON CONFLICT (series_id) DO UPDATE SET name = excluded.name, description = excluded.description,
           free = excluded.free, price = excluded.price, quantity = excluded.quantity, currency = excluded.currency,
           start_time = excluded.start_time, end_time = excluded.end_time`,
      )
      .run({
        series_id: seriesId,
        name: ticket.name,
        description: ticket.description ?? null,
        free: ticket.free ? 1 : 0,
        price: ticket.price ?? null,
        quantity: ticket.quantity ?? null,
        currency: ticket.currency,
        start_time: ticket.start_time ?? null,
        end_time: ticket.end_time ?? null,
      });
  }

  private writeRegistration(seriesId: string, draft: SeriesDraft): void {
    const registration = draft.registration;
    if (registration === undefined) {
      this.refuseRemovingSynced('registration_link', 'zoom_access_link_id', seriesId, 'registration link');
      this.db.prepare('DELETE FROM registration_link WHERE series_id = ?').run(seriesId);
      return;
    }
    this.db
      .prepare(
        `INSERT INTO registration_link (series_id, link_name, registration_option, authentication_method, send_notification)
         VALUES (@series_id, @link_name, @option, @method, @notify)
         ON CONFLICT (series_id) DO UPDATE SET link_name = excluded.link_name,
           registration_option = excluded.registration_option,
           authentication_method = excluded.authentication_method, send_notification = excluded.send_notification`,
      )
      .run({
        series_id: seriesId,
        link_name: registration.link_name,
        option: registration.recurring_registration_option ?? null,
        method: registration.authentication_method,
        notify: registration.send_notification ? 1 : 0,
      });
  }

  /** Zoom keeps a published event's ticket type and link; removing one locally would hide that. */
  private refuseRemovingSynced(table: string, column: string, seriesId: string, what: string): void {
    const row = linkIdSchema.parse(
      this.db.prepare(`SELECT ${column} AS zoom_id FROM ${table} WHERE series_id = ?`).get(seriesId),
    );
    if (row?.zoom_id != null) {
      throw new CadenceError(
        'conflict',
        `This series' ${what} is already on Zoom, which keeps it for the event: change it instead of removing it.`,
        [
          {
            path: table === 'ticket_type' ? 'ticket_type' : 'registration',
            message: `The ${what} is on Zoom; change it instead.`,
          },
        ],
      );
    }
  }

  /**
   * Matches attendees by email, so a person keeps their registration ID (and Zoom ticket) across
   * edits and imports. Returns every registration ID with its attendee, or undefined if removed.
   */
  private writeAttendees(
    seriesId: string,
    attendees: readonly AttendeeDraft[],
    now: string,
  ): { attendees: Map<string, AttendeeDraft | undefined>; joining: string[] } {
    const existing = new Map(
      this.db
        .prepare('SELECT id, email_key, zoom_ticket_id FROM attendee WHERE series_id = ? AND deleted_at IS NULL')
        .all(seriesId)
        .map((raw) => {
          const row = existingAttendeeSchema.parse(raw);
          return [row.email_key, row] as const;
        }),
    );
    const insert = this.db.prepare(insertAttendeeSql);
    const update = this.db.prepare(
      `UPDATE attendee SET position = @position, email = @email, first_name = @first_name, last_name = @last_name,
         profile_json = @profile_json, occurrences_json = @occurrences_json WHERE id = @id`,
    );
    const result = new Map<string, AttendeeDraft | undefined>();
    const joining: string[] = [];
    attendees.forEach((attendee, position) => {
      const columns = attendeeColumns(attendee);
      const found = existing.get(columns.email_key);
      existing.delete(columns.email_key);
      const id = found?.id ?? randomUUID();
      if (found === undefined) joining.push(id);
      (found === undefined ? insert : update).run({ ...columns, id, series_id: seriesId, position });
      result.set(id, attendee);
    });
    const tombstone = this.db.prepare('UPDATE attendee SET deleted_at = ? WHERE id = ?');
    const remove = this.db.prepare('DELETE FROM attendee WHERE id = ?');
    for (const gone of existing.values()) {
      // A ticket on Zoom needs a delete there first; until then the row remembers its ticket ID.
      if (gone.zoom_ticket_id === null) remove.run(gone.id);
      else tombstone.run(now, gone.id);
      result.set(gone.id, undefined);
    }
    return { attendees: result, joining };
  }
}
