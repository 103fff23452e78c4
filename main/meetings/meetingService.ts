import type Database from 'better-sqlite3';
import { z } from 'zod';
import { issuesFromZod } from '../../shared/ipc/envelope';
import { CadenceError } from '../../shared/errors';
import { meetingDraftSchema } from '../../shared/meetings/meetingDraft';
import { nextUtcMidnight, utcDayOf } from '../../shared/meetings/meetingQuota';
import type { MeetingImportReport, MeetingSummary, StoredMeeting } from '../../shared/meetings/meetingViews';
import { expandSeries } from '../../shared/recurrence/seriesTiming';
import type { MeetingQuotaStore } from '../db/meetingQuotaStore';
import type { MeetingRow, MeetingStore } from '../db/meetingStore';

/** Options of a config import. */
export interface MeetingImportOptions {
  dryRun: boolean;
}

/**
 * Recurring Zoom Meetings as drafts: listed, read, saved (validated, with what Zoom must get
 * planned in the same transaction), deleted, and imported from a recurring-meetings config.
 */
export interface MeetingService {
  list(): MeetingSummary[];
  get(id: string): StoredMeeting;
  /** Validates `draft` with the meeting schema; problems name the field. */
  save(id: string | undefined, draft: unknown): { id: string; isNew: boolean };
  delete(id: string): { outcome: 'removed' | 'queued' };
  /** A config's text, in the recurring-meetings script's format; every problem by JSON path. */
  importConfig(text: string, options: MeetingImportOptions): MeetingImportReport;
}

export interface MeetingServiceDeps {
  db: Database.Database;
  store: MeetingStore;
  quota: MeetingQuotaStore;
  /** The one clock, in milliseconds. */
  now: () => number;
  /** Imports a config through the store's `upsertByKey` (or `previewByKey` for a dry run). */
  importConfig?: (text: string, options: MeetingImportOptions) => MeetingImportReport;
}

const outboxCountsSchema = z.object({
  meeting_id: z.string(),
  sendable: z.number(),
  held: z.number(),
  conflicts: z.number(),
});

/** The service over the meeting store; a meeting's first and last start come from the preview's own expansion. */
export function createMeetingService(deps: MeetingServiceDeps): MeetingService {
  const { store } = deps;

  const outboxCounts = () =>
    new Map(
      deps.db
        .prepare(
          `SELECT m.id AS meeting_id,
             (SELECT count(*) FROM outbox o WHERE o.meeting_id = m.id AND o.state IN ('pending', 'in_flight')) AS sendable,
             (SELECT count(*) FROM outbox o WHERE o.meeting_id = m.id AND o.state IN ('conflict', 'failed')) AS held,
             (SELECT count(*) FROM conflict c WHERE c.meeting_id = m.id AND c.resolved_at IS NULL) AS conflicts
           FROM meeting m`,
        )
        .all()
        .map((raw) => {
          const row = outboxCountsSchema.parse(raw);
          return [row.meeting_id, row] as const;
        }),
    );

  const summaryOf = (
    row: MeetingRow,
    counts: z.output<typeof outboxCountsSchema> | undefined,
    spentHosts: ReadonlySet<string>,
  ): MeetingSummary => {
    const expanded = row.draft === undefined ? undefined : expandSeries(row.draft);
    const starts = expanded?.ok === true ? expanded.occurrences.map((o) => o.start_time) : [row.startTime];
    const isWaiting = (counts?.sendable ?? 0) > 0;
    const waitsForQuota = isWaiting && spentHosts.has(row.hostKey);
    const state: MeetingSummary['state'] =
      row.deletedAt !== null
        ? 'deleting'
        : row.problem !== null || (counts?.held ?? 0) > 0 || (counts?.conflicts ?? 0) > 0
          ? 'conflict'
          : waitsForQuota
            ? 'waiting_for_quota'
            : row.zoomMeetingId === null
              ? 'draft'
              : isWaiting
                ? 'waiting'
                : 'synced';
    return {
      id: row.id,
      key: row.key,
      topic: row.topic,
      host_email: row.hostEmail,
      timezone: row.draft?.timezone ?? '',
      first_start: starts[0] ?? row.startTime,
      last_start: starts.at(-1) ?? row.startTime,
      occurrences: expanded?.ok === true ? expanded.occurrences.length : 0,
      ...(row.draft === undefined ? {} : { recurrence: row.draft.recurrence }),
      state,
      zoom_meeting_id: row.zoomMeetingId,
      join_url: row.joinUrl,
      registration_url: row.registrationUrl,
      waits_until: waitsForQuota ? nextUtcMidnight(deps.now()) : null,
      updated_at: row.updatedAt,
      problem: row.problem,
    };
  };

  const summaries = (rows: readonly MeetingRow[]) => {
    const counts = outboxCounts();
    const spent = deps.quota.spentHosts(utcDayOf(deps.now()));
    return rows.map((row) => summaryOf(row, counts.get(row.id), spent));
  };

  return {
    list: () => summaries(store.list()),
    get(id) {
      const row = store.row(id);
      if (row === undefined || row.deletedAt !== null)
        throw new CadenceError('not_found', 'This meeting no longer exists.');
      if (row.draft === undefined) {
        throw new CadenceError(
          'conflict',
          `This meeting cannot be read by this version of Cadence: ${row.problem ?? ''}`,
        );
      }
      const [summary] = summaries([row]);
      if (summary === undefined) throw new CadenceError('not_found', 'This meeting no longer exists.');
      return { id, draft: row.draft, summary };
    },
    save(id, draft) {
      const parsed = meetingDraftSchema.safeParse(draft);
      if (!parsed.success) {
        throw new CadenceError(
          'invalid_input',
          'The meeting has problems; see each field.',
          issuesFromZod(parsed.error),
        );
      }
      return store.save(parsed.data, id);
    },
    delete: (id) => ({ outcome: store.delete(id) }),
    importConfig(text, options) {
      if (deps.importConfig === undefined) {
        throw new CadenceError('unavailable', 'Importing a recurring-meetings config is not available in this build.');
      }
      return deps.importConfig(text, options);
    },
  };
}
