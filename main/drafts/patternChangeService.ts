import type Database from 'better-sqlite3';
import {
  cancelMessageSchema,
  planPatternChange,
  type OldEvent,
  type PatternChangePlan,
  type PatternChangePreview,
} from '../../shared/drafts/patternChange';
import { plannedSessions } from '../../shared/drafts/plannedSessions';
import { seriesDraftSchema } from '../../shared/drafts/seriesDraft';
import { draftIssues } from '../../shared/drafts/seriesFile';
import { CadenceError } from '../../shared/errors';
import type { HistoryChange } from '../../shared/history/seriesChanges';
import { changedHere } from '../../shared/history/seriesHistory';
import { plural } from '../../shared/words';
import { explainSqliteError } from '../db/database';
import type { ConflictStore } from '../db/conflictStore';
import type { HistoryStore } from '../db/historyStore';
import type { Outbox } from '../db/outbox/outbox';
import { seriesParts } from '../db/draftQueries';
import { assertNotPart, assertNotReplaced, partLinksOf, type SeriesLinkStore } from '../db/seriesLinkStore';
import { readSeriesDraft } from '../db/seriesRows';
import type { SeriesStore } from '../db/seriesStore';

/** What the planner asks: the series, its edited fields (without attendees), and the words for the old event's registrants. */
export interface PatternChangeRequest {
  id: string;
  draft: unknown;
  cancelMessage?: unknown;
}

/** The replaced series' events on Zoom: those the change cancels (with their series), and ended parts it keeps. */
interface OldEvents {
  cancelled: (OldEvent & { seriesId: string })[];
  kept: OldEvent[];
}

/** An old event as the preview shows it. */
function shownEvent(event: OldEvent & { seriesId: string }): OldEvent {
  return { event_id: event.event_id, part: event.part, first_start: event.first_start, last_start: event.last_start };
}

/**
 * Changing the pattern of a published series, which Zoom locks: a preview of what will happen,
 * and, once the planner confirms, one transaction that makes the new series (every registration
 * carried over), links the two, and leaves the rest to the outbox: the new event, its tickets, and
 * then the old event's cancellation. A long series on Zoom in parts continues the same way: each
 * part with sessions still to come is cancelled, and parts that have ended stay as they are. The
 * preview and the change are the same plan.
 */
export class PatternChangeService {
  constructor(
    private readonly db: Database.Database,
    private readonly stores: {
      series: SeriesStore;
      outbox: Outbox;
      links: SeriesLinkStore;
      history: HistoryStore;
      conflicts: ConflictStore;
    },
    private readonly clock: () => number,
  ) {}

  /** What confirming would do; nothing is written. */
  preview(request: PatternChangeRequest): PatternChangePreview {
    return this.guard(() => this.plan(request).plan.preview);
  }

  /** Makes the change: the new series' ID and what was done. */
  confirm(request: PatternChangeRequest): { id: string; preview: PatternChangePreview } {
    return this.guard(() =>
      this.db
        .transaction(() => {
          // Planned again inside the transaction: what is written is what the stored series gives now.
          const { plan, oldEvents, seriesIds } = this.plan(request);
          if (this.stores.outbox.work().some((op) => seriesIds.has(op.seriesId) && op.state === 'in_flight')) {
            throw new CadenceError(
              'conflict',
              'A sync is sending changes of this series to Zoom; change the pattern once it has finished.',
            );
          }
          this.stores.series.releaseKey(request.id);
          const { id } = this.stores.series.save(plan.draft);
          const message = plan.preview.cancel_message;
          const isWholeChange = seriesIds.size > 1;
          // A long series has no event of its own: its link is settled once its parts' are.
          this.stores.links.add({
            from: request.id,
            to: id,
            kind: 'pattern_change',
            cancelMessage: message,
            isSettled: isWholeChange && oldEvents.cancelled.length === 0,
          });
          for (const part of oldEvents.cancelled) {
            if (part.seriesId !== request.id) {
              this.stores.links.add({ from: part.seriesId, to: id, kind: 'pattern_change', cancelMessage: message });
            }
          }
          // The old series' waiting changes go: its events are cancelled or ended, and its people are carried over.
          for (const seriesId of seriesIds) this.stores.outbox.dropUnfinished(seriesId);
          this.stores.series.replan(id);
          const { preview } = plan;
          const pattern = (name: string, words: string) => ({ name, pattern: words });
          // One entry on each side, saying which way the link goes.
          const link = (subject: 'replaced_by' | 'replaces'): HistoryChange => ({
            item: 'series',
            subject,
            field: 'pattern_change',
            old: { ...pattern(preview.old_name, preview.old_pattern), series_id: request.id },
            new: { ...pattern(preview.new_name, preview.new_pattern), series_id: id },
          });
          this.stores.history.record(request.id, changedHere, [link('replaced_by')]);
          this.stores.history.record(id, changedHere, [link('replaces')]);
          return { id, preview };
        })
        .immediate(),
    );
  }

  /**
   * The series' events on Zoom: its own, or each part's of a long series. A part whose sessions
   * have all ended stays on Zoom as it is: its registrants attended it, and a cancel would only
   * tell them something untrue. A part not yet on Zoom has nothing to cancel.
   */
  private oldEvents(id: string, stored: { start_time: string }): OldEvents {
    const parts = partLinksOf(this.db, id);
    const eventOf = (seriesId: string, part: OldEvent['part']): (OldEvent & { hasEnded: boolean }) | undefined => {
      const eventId = this.stores.outbox.zoomState(seriesId).eventId;
      const draft = readSeriesDraft(this.db, seriesId, { withAttendees: false });
      if (eventId === undefined || draft === undefined) return undefined;
      const sessions = plannedSessions(draft);
      const lastEnd = Math.max(...sessions.map((session) => Date.parse(session.end_time)));
      return {
        event_id: eventId,
        part,
        first_start: sessions[0]?.start_time ?? stored.start_time,
        last_start: sessions.at(-1)?.start_time ?? stored.start_time,
        hasEnded: lastEnd <= this.clock(),
      };
    };
    const events =
      parts.length === 0
        ? [{ seriesId: id, event: eventOf(id, null) }]
        : parts.map((part) => ({
            seriesId: part.seriesId,
            event: eventOf(part.seriesId, { position: part.position, of: parts.length }),
          }));
    const oldEvents: OldEvents = { cancelled: [], kept: [] };
    for (const { seriesId, event } of events) {
      if (event === undefined) continue;
      const { hasEnded, ...shown } = event;
      // The series' own event is cancelled as it always was; only a long series' ended parts stay.
      if (hasEnded && parts.length > 0) oldEvents.kept.push(shown);
      else oldEvents.cancelled.push({ ...shown, seriesId });
    }
    return oldEvents;
  }

  private plan(request: PatternChangeRequest): {
    plan: PatternChangePlan;
    oldEvents: OldEvents;
    /** The replaced series and its parts: what the change takes off the outbox. */
    seriesIds: Set<string>;
  } {
    const stored = readSeriesDraft(this.db, request.id);
    if (stored === undefined) throw new CadenceError('not_found', 'This series no longer exists.');
    assertNotReplaced(this.db, request.id);
    assertNotPart(this.db, request.id);
    const parts = seriesParts(this.db, request.id);
    const isPublished =
      parts.length === 0
        ? this.stores.outbox.zoomState(request.id).isPublished
        : parts.some((part) => part.is_published);
    if (stored.event_type !== 'RECURRING' || !isPublished) {
      throw new CadenceError(
        'invalid_input',
        'Only a published recurring series needs a new event for a new pattern; save the change as usual.',
        [{ path: 'recurrence', message: 'This series is not published on Zoom: its pattern can change as it is.' }],
      );
    }
    const seriesIds = new Set([request.id, ...parts.map((part) => part.series_id)]);
    // What waits for the planner is settled first: the old series stays as it is once replaced.
    const toSettle = this.stores.conflicts.open().filter((conflict) => seriesIds.has(conflict.series_id)).length;
    if (toSettle > 0) {
      throw new CadenceError(
        'conflict',
        `This series has ${plural(toSettle, 'conflict')} with Zoom to settle first (Sync); then change its pattern.`,
      );
    }
    if (typeof request.draft === 'object' && request.draft !== null && 'attendees' in request.draft) {
      throw new CadenceError('invalid_input', 'The attendees are carried over as they are.', [
        { path: 'attendees', message: 'Leave the attendees out; every registration is carried over.' },
      ]);
    }
    const parsed = seriesDraftSchema.safeParse({ ...(request.draft as object), attendees: [] });
    const message =
      request.cancelMessage === undefined ? undefined : cancelMessageSchema.safeParse(request.cancelMessage);
    const issues = [
      ...(parsed.success ? [] : draftIssues(parsed.error)),
      ...(message === undefined || message.success
        ? []
        : message.error.issues.map((issue) => ({ path: 'cancel_message', message: issue.message }))),
    ];
    if (!parsed.success || issues.length > 0) {
      throw new CadenceError('invalid_input', `The change has ${plural(issues.length, 'problem')}.`, issues);
    }
    const oldEvents = this.oldEvents(request.id, stored);
    const result = planPatternChange(stored, parsed.data, {
      now: this.clock(),
      oldEvents: { cancelled: oldEvents.cancelled.map(shownEvent), kept: oldEvents.kept },
      ...(message?.success === true ? { cancelMessage: message.data } : {}),
    });
    if (!result.ok) {
      throw new CadenceError(
        'invalid_input',
        `The change has ${plural(result.issues.length, 'problem')}.`,
        result.issues,
      );
    }
    return { plan: result.plan, oldEvents, seriesIds };
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw explainSqliteError(error, this.db.name) ?? error;
    }
  }
}
