import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { RegistrationDraft } from '../../../shared/drafts/registrationDraft';
import type { TicketTypeDraft } from '../../../shared/drafts/ticketTypeDraft';
import type { EventFields } from '../../../shared/outbox/operations';
import { withValues } from '../../../shared/sync/withValues';

/** A session's snapshot: Zoom's times, or cancelled. */
export interface SessionBase {
  start_time: string;
  end_time: string;
  status: 'scheduled' | 'moved' | 'cancelled';
}

export const cancelledSession: SessionBase = { start_time: '', end_time: '', status: 'cancelled' };

const textSchema = z.string().nullable().optional();

/**
 * What Zoom holds, as Cadence records it: Zoom's IDs and the last synced snapshot of each object.
 * Every write that ends an operation marks it done in the same transaction, so a crash never
 * leaves a Zoom ID without its operation done, or the other way round. Only the outbox owns this.
 */
export class ZoomRecords {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => string,
    private readonly complete: (operationIds: readonly number[]) => void,
  ) {}

  private inTransaction(work: () => void): void {
    this.db.transaction(work)();
  }

  private done(operationId: number | undefined): void {
    if (operationId !== undefined) this.complete([operationId]);
  }

  eventCreated(operationId: number, seriesId: string, eventId: string, sent: EventFields): void {
    this.inTransaction(() => {
      this.db
        .prepare(
          `UPDATE series SET zoom_event_id = ?, zoom_status = 'draft', synced_json = ?, synced_at = ? WHERE id = ?`,
        )
        .run(eventId, JSON.stringify(sent), this.now(), seriesId);
      this.done(operationId);
    });
  }

  /** The event's new snapshot after a three-way merge; the operation done unless a conflict holds it. */
  eventMerged(seriesId: string, base: EventFields, operationId?: number): void {
    this.inTransaction(() => {
      this.db
        .prepare('UPDATE series SET synced_json = ?, synced_at = ? WHERE id = ?')
        .run(JSON.stringify(base), this.now(), seriesId);
      this.done(operationId);
    });
  }

  /** Zoom deleted the event: the tombstoned series goes with it. */
  eventDeleted(operationId: number, seriesId: string): void {
    this.inTransaction(() => {
      this.done(operationId);
      this.db.prepare('DELETE FROM series WHERE id = ? AND deleted_at IS NOT NULL').run(seriesId);
    });
  }

  /**
   * Zoom cancelled the event a pattern change replaced (or it was gone): the link is settled. For
   * a part of a replaced long series, the whole's own link is settled with its last such part.
   */
  predecessorCancelled(operationId: number, predecessorId: string): void {
    this.inTransaction(() => {
      const now = this.now();
      this.db
        .prepare(`UPDATE series SET zoom_status = 'cancelled', synced_at = ? WHERE id = ?`)
        .run(now, predecessorId);
      this.db
        .prepare(
          `UPDATE series_link SET settled_at = ? WHERE from_series_id = ? AND kind = 'pattern_change' AND settled_at IS NULL`,
        )
        .run(now, predecessorId);
      this.db
        .prepare(
          `UPDATE series_link SET settled_at = @now
           WHERE kind = 'pattern_change' AND settled_at IS NULL
             AND from_series_id = (SELECT from_series_id FROM series_link WHERE to_series_id = @id AND kind = 'part')
             AND NOT EXISTS (
               SELECT 1 FROM series_link part JOIN series_link cancel ON cancel.from_series_id = part.to_series_id
               WHERE part.from_series_id = series_link.from_series_id AND part.kind = 'part'
                 AND cancel.kind = 'pattern_change' AND cancel.settled_at IS NULL)`,
        )
        .run({ now, id: predecessorId });
      this.done(operationId);
    });
  }

  published(operationId: number, seriesId: string): void {
    this.inTransaction(() => {
      this.db
        .prepare(`UPDATE series SET zoom_status = 'published', synced_at = ? WHERE id = ?`)
        .run(this.now(), seriesId);
      this.done(operationId);
    });
  }

  ticketTypeSynced(operationId: number, seriesId: string, ticketTypeId: string, base: TicketTypeDraft): void {
    this.inTransaction(() => {
      this.db
        .prepare('UPDATE ticket_type SET zoom_ticket_type_id = ?, synced_json = ? WHERE series_id = ?')
        .run(ticketTypeId, JSON.stringify(base), seriesId);
      this.done(operationId);
    });
  }

  accessLinkSynced(operationId: number, seriesId: string, accessLinkId: string, base: RegistrationDraft): void {
    this.inTransaction(() => {
      this.db
        .prepare('UPDATE registration_link SET zoom_access_link_id = ?, synced_json = ? WHERE series_id = ?')
        .run(accessLinkId, JSON.stringify(base), seriesId);
      this.done(operationId);
    });
  }

  /** A ticket type or link's new snapshot after a merge; the operation done unless a conflict holds it. */
  itemMerged(table: 'ticket_type' | 'registration_link', seriesId: string, base: object, operationId?: number): void {
    this.inTransaction(() => {
      this.db.prepare(`UPDATE ${table} SET synced_json = ? WHERE series_id = ?`).run(JSON.stringify(base), seriesId);
      this.done(operationId);
    });
  }

  /** Zoom's sessions by occurrence number, each with Zoom's times as its snapshot. */
  sessionsMapped(
    seriesId: string,
    sessions: readonly { number: number; sessionId: string; start: string; end: string }[],
  ): void {
    const update = this.db.prepare(
      'UPDATE occurrence SET zoom_session_id = ?, synced_json = ? WHERE series_id = ? AND number = ?',
    );
    this.inTransaction(() => {
      for (const session of sessions) {
        const base: SessionBase = { start_time: session.start, end_time: session.end, status: 'scheduled' };
        update.run(session.sessionId, JSON.stringify(base), seriesId, session.number);
      }
    });
  }

  /**
   * Zoom generated a recurring event's sessions anew: the old IDs and snapshots are gone with them,
   * and the occurrence changes are sent again to the new sessions.
   */
  sessionsRegenerated(seriesId: string): void {
    this.db
      .prepare('UPDATE occurrence SET zoom_session_id = NULL, synced_json = NULL WHERE series_id = ?')
      .run(seriesId);
  }

  /** A session's new snapshot; its operation done with it when given. */
  sessionSynced(seriesId: string, occurrence: number, base: SessionBase, operationId?: number): void {
    this.inTransaction(() => {
      this.db
        .prepare('UPDATE occurrence SET synced_json = ? WHERE series_id = ? AND number = ?')
        .run(JSON.stringify(base), seriesId, occurrence);
      this.done(operationId);
    });
  }

  /** Tickets Zoom made, each recorded with its operation, in one transaction. */
  ticketsCreated(
    results: readonly { operationId: number; attendeeId: string; ticketIds: readonly string[]; base: unknown }[],
  ): void {
    if (results.length === 0) return;
    const update = this.db.prepare('UPDATE attendee SET zoom_ticket_id = ?, synced_json = ? WHERE id = ?');
    this.inTransaction(() => {
      for (const result of results) {
        // A per-session registration has one ticket per session; their IDs are kept together.
        update.run(result.ticketIds.join(' '), JSON.stringify(result.base), result.attendeeId);
      }
      this.complete(results.map((result) => result.operationId));
    });
  }

  /** The registration's changes are on Zoom: they join its snapshot, with its tickets if new ones were made. */
  ticketUpdated(
    attendeeId: string,
    changes: Readonly<Record<string, unknown>>,
    ticketIds?: readonly string[],
    operationId?: number,
  ): void {
    this.inTransaction(() => {
      this.patchAttendeeBase(attendeeId, changes);
      if (ticketIds !== undefined) {
        this.db.prepare('UPDATE attendee SET zoom_ticket_id = ? WHERE id = ?').run(ticketIds.join(' '), attendeeId);
      }
      this.done(operationId);
    });
  }

  /**
   * A registration read back from Zoom: its tickets and Zoom's version as its snapshot. An attendee
   * added here with the same email takes the registration ID Zoom's tickets carry, so that every
   * laptop knows the person by one ID.
   */
  registrationLinked(attendeeId: string, registrationId: string, ticketIds: readonly string[], base: object): void {
    this.inTransaction(() => {
      this.db
        .prepare('UPDATE attendee SET id = ?, zoom_ticket_id = ?, synced_json = ? WHERE id = ?')
        .run(registrationId, ticketIds.join(' '), JSON.stringify(base), attendeeId);
    });
  }

  /** A registration gone from Zoom: its row goes with it (the caller decided nothing of it waits here). */
  registrationGone(attendeeId: string): void {
    this.db.prepare('DELETE FROM attendee WHERE id = ?').run(attendeeId);
  }

  /** A registration whose tickets are gone from Zoom while changed here: it is made again if the planner keeps it. */
  registrationUnlinked(attendeeId: string): void {
    this.db.prepare('UPDATE attendee SET zoom_ticket_id = NULL, synced_json = NULL WHERE id = ?').run(attendeeId);
  }

  /** The series was just read back from Zoom (a refresh, or a sync's start). */
  readBack(seriesId: string): void {
    this.db.prepare('UPDATE series SET refreshed_at = ? WHERE id = ?').run(this.now(), seriesId);
  }

  ticketDeleted(operationId: number, attendeeId: string): void {
    this.inTransaction(() => {
      this.db.prepare('DELETE FROM attendee WHERE id = ? AND deleted_at IS NOT NULL').run(attendeeId);
      this.done(operationId);
    });
  }

  // Settling conflicts: Zoom's values become the snapshot, so that what differs from them is sent;
  // a null is a field Zoom does not have.

  patchEventBase(seriesId: string, fields: Readonly<Record<string, unknown>>): void {
    const current = textSchema.parse(
      this.db.prepare('SELECT synced_json FROM series WHERE id = ?').pluck().get(seriesId),
    );
    this.db
      .prepare('UPDATE series SET synced_json = ? WHERE id = ?')
      .run(JSON.stringify(withValues(parseObject(current), fields)), seriesId);
  }

  patchItemBase(
    table: 'ticket_type' | 'registration_link',
    seriesId: string,
    fields: Readonly<Record<string, unknown>>,
  ): void {
    const current = textSchema.parse(
      this.db.prepare(`SELECT synced_json FROM ${table} WHERE series_id = ?`).pluck().get(seriesId),
    );
    this.db
      .prepare(`UPDATE ${table} SET synced_json = ? WHERE series_id = ?`)
      .run(JSON.stringify(withValues(parseObject(current), fields)), seriesId);
  }

  patchAttendeeBase(attendeeId: string, fields: Readonly<Record<string, unknown>>): void {
    const current = textSchema.parse(
      this.db.prepare('SELECT synced_json FROM attendee WHERE id = ?').pluck().get(attendeeId),
    );
    this.db
      .prepare('UPDATE attendee SET synced_json = ? WHERE id = ?')
      .run(JSON.stringify(withValues(parseObject(current), fields)), attendeeId);
  }

  /** Forgets everything the series had on Zoom (not its unfinished operations: the outbox drops those). */
  unlinkSeries(seriesId: string): void {
    this.inTransaction(() => {
      this.db
        .prepare(
          'UPDATE series SET zoom_event_id = NULL, zoom_status = NULL, synced_json = NULL, synced_at = NULL WHERE id = ?',
        )
        .run(seriesId);
      this.db
        .prepare('UPDATE ticket_type SET zoom_ticket_type_id = NULL, synced_json = NULL WHERE series_id = ?')
        .run(seriesId);
      this.db
        .prepare('UPDATE registration_link SET zoom_access_link_id = NULL, synced_json = NULL WHERE series_id = ?')
        .run(seriesId);
      this.db
        .prepare('UPDATE occurrence SET zoom_session_id = NULL, synced_json = NULL WHERE series_id = ?')
        .run(seriesId);
      this.db.prepare('DELETE FROM zoom_page WHERE series_id = ?').run(seriesId);
      this.db.prepare('DELETE FROM attendee WHERE series_id = ? AND deleted_at IS NOT NULL').run(seriesId);
      this.db
        .prepare('UPDATE attendee SET zoom_ticket_id = NULL, synced_json = NULL WHERE series_id = ?')
        .run(seriesId);
    });
  }
}

function parseObject(text: string | null | undefined): object {
  if (text == null) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}
