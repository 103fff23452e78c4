import type Database from 'better-sqlite3';
import {
  cancelMessageSchema,
  planPatternChange,
  type PatternChangePlan,
  type PatternChangePreview,
} from '../../shared/drafts/patternChange';
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
import { assertNotPart, assertNotReplaced, isWhole, type SeriesLinkStore } from '../db/seriesLinkStore';
import { readSeriesDraft } from '../db/seriesRows';
import type { SeriesStore } from '../db/seriesStore';

/** What the planner asks: the series, its edited fields (without attendees), and the words for the old event's registrants. */
export interface PatternChangeRequest {
  id: string;
  draft: unknown;
  cancelMessage?: unknown;
}

/**
 * Changing the pattern of a published series, which Zoom locks: a preview of what will happen,
 * and, once the planner confirms, one transaction that makes the new series (every registration
 * carried over), links the two, and leaves the rest to the outbox: the new event, its tickets, and
 * then the old event's cancellation. The preview and the change are the same plan.
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
    return this.guard(() => this.plan(request).preview);
  }

  /** Makes the change: the new series' ID and what was done. */
  confirm(request: PatternChangeRequest): { id: string; preview: PatternChangePreview } {
    return this.guard(() =>
      this.db
        .transaction(() => {
          // Planned again inside the transaction: what is written is what the stored series gives now.
          const plan = this.plan(request);
          if (this.stores.outbox.work().some((op) => op.seriesId === request.id && op.state === 'in_flight')) {
            throw new CadenceError(
              'conflict',
              'A sync is sending changes of this series to Zoom; change the pattern once it has finished.',
            );
          }
          this.stores.series.releaseKey(request.id);
          const { id } = this.stores.series.save(plan.draft);
          this.stores.links.add({
            from: request.id,
            to: id,
            kind: 'pattern_change',
            cancelMessage: plan.preview.cancel_message,
          });
          // The old series' waiting changes go: its event is cancelled, and its people are carried over.
          this.stores.outbox.dropUnfinished(request.id);
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

  private plan(request: PatternChangeRequest): PatternChangePlan {
    const stored = readSeriesDraft(this.db, request.id);
    if (stored === undefined) throw new CadenceError('not_found', 'This series no longer exists.');
    assertNotReplaced(this.db, request.id);
    assertNotPart(this.db, request.id);
    if (isWhole(this.db, request.id)) {
      throw new CadenceError(
        'invalid_input',
        'This series is on Zoom in parts, and Zoom keeps the pattern of each published part. Its start time, duration and single sessions can still change; for another pattern, draft a new series and delete this one.',
        [{ path: 'recurrence', message: 'The published parts keep their pattern on Zoom.' }],
      );
    }
    if (stored.event_type !== 'RECURRING' || !this.stores.outbox.zoomState(request.id).isPublished) {
      throw new CadenceError(
        'invalid_input',
        'Only a published recurring series needs a new event for a new pattern; save the change as usual.',
        [{ path: 'recurrence', message: 'This series is not published on Zoom: its pattern can change as it is.' }],
      );
    }
    // What waits for the planner is settled first: the old series stays as it is once replaced.
    const toSettle = this.stores.conflicts.open().filter((conflict) => conflict.series_id === request.id).length;
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
    const result = planPatternChange(stored, parsed.data, {
      now: this.clock(),
      ...(message?.success === true ? { cancelMessage: message.data } : {}),
    });
    if (!result.ok) {
      throw new CadenceError(
        'invalid_input',
        `The change has ${plural(result.issues.length, 'problem')}.`,
        result.issues,
      );
    }
    return result.plan;
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw explainSqliteError(error, this.db.name) ?? error;
    }
  }
}
