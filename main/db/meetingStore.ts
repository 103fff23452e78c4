import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { CadenceError } from '../../shared/errors';
import { meetingDraftSchema, type MeetingDraft } from '../../shared/meetings/meetingDraft';
import type { Outbox } from './outbox/outbox';

/** A stored meeting row; `draft` is undefined when its JSON no longer parses (`problem` says why). */
export interface MeetingRow {
  id: string;
  key: string | null;
  hostEmail: string;
  hostKey: string;
  topic: string;
  startTime: string;
  draft: MeetingDraft | undefined;
  problem: string | null;
  revision: number;
  updatedAt: string;
  deletedAt: string | null;
  zoomMeetingId: string | null;
  joinUrl: string | null;
  registrationUrl: string | null;
}

/** What saving one draft of a batch did. */
export interface MeetingUpsert {
  id: string;
  key: string;
  action: 'created' | 'updated' | 'unchanged';
}

const rowSchema = z.object({
  id: z.string(),
  key: z.string().nullable(),
  host_email: z.string(),
  host_key: z.string(),
  topic: z.string(),
  start_time: z.string(),
  draft_json: z.string(),
  revision: z.number(),
  updated_at: z.string(),
  deleted_at: z.string().nullable(),
  zoom_meeting_id: z.string().nullable(),
  join_url: z.string().nullable(),
  registration_url: z.string().nullable(),
});

const columns = `id, key, host_email, host_key, topic, start_time, draft_json, revision, updated_at, deleted_at,
  zoom_meeting_id, join_url, registration_url`;

/** The host as meetings are counted and looked up by: emails compare without case. */
export function hostKeyOf(email: string): string {
  return email.trim().toLowerCase();
}

/** A stored draft parsed by the planner's own schema; a row that does not parse says why instead of throwing. */
function rowFrom(raw: unknown): MeetingRow {
  const row = rowSchema.parse(raw);
  let draft: MeetingDraft | undefined;
  let problem: string | null = null;
  try {
    const parsed = meetingDraftSchema.safeParse(JSON.parse(row.draft_json));
    if (parsed.success) draft = parsed.data;
    else {
      problem = parsed.error.issues
        .map((issue) => `${issue.path.map(String).join('.') || 'meeting'}: ${issue.message}`)
        .join('; ');
    }
  } catch {
    problem = 'The stored meeting is not valid JSON.';
  }
  return {
    id: row.id,
    key: row.key,
    hostEmail: row.host_email,
    hostKey: row.host_key,
    topic: row.topic,
    startTime: row.start_time,
    draft,
    problem,
    revision: row.revision,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    zoomMeetingId: row.zoom_meeting_id,
    joinUrl: row.join_url,
    registrationUrl: row.registration_url,
  };
}

/**
 * Writes meeting drafts and the outbox operations they imply in one transaction per call, so a
 * crash leaves a meeting either as it was or fully saved with its plan. A meeting Zoom has is
 * kept, marked deleted, until Zoom deleted it too.
 */
export class MeetingStore {
  constructor(
    private readonly db: Database.Database,
    private readonly outbox: Outbox,
    private readonly now: () => string,
  ) {}

  /** Every meeting, deleted ones still on Zoom included, in the order they were made. */
  list(): MeetingRow[] {
    return this.db.prepare(`SELECT ${columns} FROM meeting ORDER BY created_at, rowid`).all().map(rowFrom);
  }

  /** The stored row, deleted or not; undefined when there is none. */
  row(id: string): MeetingRow | undefined {
    const raw: unknown = this.db.prepare(`SELECT ${columns} FROM meeting WHERE id = ?`).get(id);
    return raw === undefined ? undefined : rowFrom(raw);
  }

  /** The live draft, or undefined (none, deleted here, or unreadable). */
  get(id: string): MeetingDraft | undefined {
    const row = this.row(id);
    return row === undefined || row.deletedAt !== null ? undefined : row.draft;
  }

  /** How many times the meeting was saved: what changed between two reads tells whether it was edited. */
  revision(id: string): number {
    return (
      z.number().optional().parse(this.db.prepare('SELECT revision FROM meeting WHERE id = ?').pluck().get(id)) ?? 0
    );
  }

  /** The live meeting with this key, if any. */
  idForKey(key: string): string | undefined {
    const id: unknown = this.db.prepare('SELECT id FROM meeting WHERE key = ? AND deleted_at IS NULL').pluck().get(key);
    return typeof id === 'string' ? id : undefined;
  }

  /** Plans the meeting's outbox again from what is stored (after a sync recorded what Zoom has). */
  replan(id: string): void {
    this.db.transaction(() => {
      const row = this.row(id);
      if (row === undefined || (row.deletedAt === null && row.draft === undefined)) return;
      this.outbox.meetings.replan(id, row.deletedAt === null ? row.draft : undefined);
    })();
  }

  /**
   * Saves a valid draft: updates meeting `id`, or the one with the draft's key, or creates one.
   * Its pending operations become what the draft now needs.
   */
  save(draft: MeetingDraft, id?: string): { id: string; isNew: boolean } {
    return this.db
      .transaction(() => {
        const saved = this.saveInTransaction(draft, id);
        return { id: saved.id, isNew: saved.action === 'created' };
      })
      .immediate();
  }

  /**
   * Saves drafts by their key in one transaction (all or none): a key not stored yet is created,
   * a stored one updated if its draft differs, and left as it is otherwise.
   */
  upsertByKey(drafts: readonly (MeetingDraft & { key: string })[]): MeetingUpsert[] {
    return this.db
      .transaction(() =>
        drafts.map((draft) => {
          const saved = this.saveInTransaction(draft);
          return { id: saved.id, key: draft.key, action: saved.action };
        }),
      )
      .immediate();
  }

  /** What a batch of drafts would do by key, without writing: the dry run of an import. */
  previewByKey(drafts: readonly (MeetingDraft & { key: string })[]): Omit<MeetingUpsert, 'id'>[] {
    return drafts.map((draft) => {
      const id = this.idForKey(draft.key);
      const action = id === undefined ? 'created' : this.isSame(id, draft) ? 'unchanged' : 'updated';
      return { key: draft.key, action };
    });
  }

  /** Takes values Zoom changed into the draft (already checked by the draft's schema), in the caller's transaction. */
  saveFromZoom(draft: MeetingDraft, id: string): void {
    this.saveInTransaction(draft, id);
  }

  /**
   * Deletes a meeting. One Zoom never had (and no create on its way) goes with its operations;
   * one Zoom has is kept, marked deleted and without its key, with a pending delete in place of
   * everything else.
   */
  delete(id: string): 'removed' | 'queued' {
    return this.db
      .transaction(() => {
        const row = this.row(id);
        if (row === undefined || row.deletedAt !== null) {
          throw new CadenceError('not_found', 'This meeting no longer exists.');
        }
        const isOnItsWay = this.db
          .prepare(`SELECT 1 FROM outbox WHERE meeting_id = ? AND state IN ('in_flight', 'conflict', 'failed')`)
          .get(id);
        if (row.zoomMeetingId === null && isOnItsWay === undefined) {
          this.db.prepare('DELETE FROM meeting WHERE id = ?').run(id);
          return 'removed' as const;
        }
        // A create on its way is recorded first; the sync then plans the delete of what it made.
        this.db.prepare('UPDATE meeting SET deleted_at = ?, key = NULL WHERE id = ?').run(this.now(), id);
        this.outbox.meetings.replan(id, undefined);
        return 'queued' as const;
      })
      .immediate();
  }

  /** Zoom keeps a meeting with the host it was created for: another host is a new meeting. */
  private checkSameHostOnZoom(id: string, draft: MeetingDraft): void {
    const row = this.row(id);
    if (row?.zoomMeetingId == null || row.hostKey === hostKeyOf(draft.host_email)) return;
    const message = `This meeting is on Zoom for ${row.hostEmail}; a meeting cannot move to another host. Delete it and create a new one for ${draft.host_email}.`;
    throw new CadenceError('invalid_input', message, [{ path: 'host_email', message }]);
  }

  /** Removes a meeting here with everything of it (Zoom no longer has it, or never will). */
  forget(id: string): void {
    this.db.prepare('DELETE FROM meeting WHERE id = ?').run(id);
  }

  private isSame(id: string, draft: MeetingDraft): boolean {
    const stored: unknown = this.db.prepare('SELECT draft_json FROM meeting WHERE id = ?').pluck().get(id);
    return stored === JSON.stringify(draft);
  }

  private saveInTransaction(
    draft: MeetingDraft,
    requestedId?: string,
  ): { id: string; action: MeetingUpsert['action'] } {
    let id = requestedId;
    if (id !== undefined) {
      const exists = this.db.prepare('SELECT 1 FROM meeting WHERE id = ? AND deleted_at IS NULL').get(id);
      if (exists === undefined) throw new CadenceError('not_found', 'This meeting no longer exists.');
      const holder = draft.key === undefined ? undefined : this.idForKey(draft.key);
      if (holder !== undefined && holder !== id) {
        const message = `Another meeting has the key "${draft.key ?? ''}"; keys tell meetings apart, so choose another.`;
        throw new CadenceError('invalid_input', message, [{ path: 'key', message }]);
      }
    } else if (draft.key !== undefined) {
      id = this.idForKey(draft.key);
    }
    if (id !== undefined && this.isSame(id, draft)) return { id, action: 'unchanged' };
    if (id !== undefined) this.checkSameHostOnZoom(id, draft);
    const meetingId = id ?? randomUUID();
    const values = {
      id: meetingId,
      key: draft.key ?? null,
      host_email: draft.host_email,
      host_key: hostKeyOf(draft.host_email),
      topic: draft.topic,
      start_time: draft.start_time,
      draft_json: JSON.stringify(draft),
      now: this.now(),
    };
    if (id === undefined) {
      this.db
        .prepare(
          `INSERT INTO meeting (id, key, host_email, host_key, topic, start_time, draft_json, created_at, updated_at)
           VALUES (@id, @key, @host_email, @host_key, @topic, @start_time, @draft_json, @now, @now)`,
        )
        .run(values);
    } else {
      this.db
        .prepare(
          `UPDATE meeting SET key = @key, host_email = @host_email, host_key = @host_key, topic = @topic,
             start_time = @start_time, draft_json = @draft_json, updated_at = @now, revision = revision + 1
           WHERE id = @id`,
        )
        .run(values);
    }
    this.outbox.meetings.replan(meetingId, draft);
    return { id: meetingId, action: id === undefined ? 'created' : 'updated' };
  }
}
