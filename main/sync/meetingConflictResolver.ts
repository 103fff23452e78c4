import { CadenceError } from '../../shared/errors';
import { meetingDraftSchema, type MeetingDraft } from '../../shared/meetings/meetingDraft';
import { withMeetingFieldValues, type MeetingFieldValues } from '../../shared/meetings/meetingFieldValues';
import { comparableMeetingFields, changedMeetingFields } from '../../shared/meetings/meetingToZoom';
import { meetingFieldValues } from '../../shared/meetings/meetingFieldValues';
import type { Resolution } from '../../shared/sync/conflicts';
import type { StoredConflict } from '../db/conflictStore';
import type { MeetingStore } from '../db/meetingStore';
import type { Outbox } from '../db/outbox/outbox';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Keep mine or take theirs for a recurring meeting's conflict, acting on its kind and target,
 * never its words. What it writes into a draft passes the draft's own rules first. Runs inside
 * the caller's transaction; returns the planner's message.
 */
export class MeetingConflictResolver {
  constructor(
    private readonly outbox: Outbox,
    private readonly meetings: MeetingStore,
  ) {}

  resolve(conflict: StoredConflict & { meeting_id: string }, keep: Resolution): string {
    return keep === 'local' ? this.keepLocal(conflict) : this.takeRemote(conflict);
  }

  private keepLocal(conflict: StoredConflict & { meeting_id: string }): string {
    const meetingId = conflict.meeting_id;
    const { meetings } = this.outbox;
    switch (conflict.kind) {
      case 'item_fields': {
        // Zoom's values become the snapshot: the planner's differ from them and are sent.
        const base = this.valid(withMeetingFieldValues(this.base(meetingId), this.values(conflict.remote)));
        if (base !== undefined) meetings.setBase(meetingId, base);
        meetings.dropHeld(conflict.outboxId);
        this.meetings.replan(meetingId);
        return `Your ${conflict.subject} will be sent to Zoom at the next sync.`;
      }
      case 'invalid_remote':
        if (conflict.outboxId !== null) meetings.sendWhole(conflict.outboxId);
        return 'Your whole meeting replaces Zoom’s at the next sync.';
      case 'remote_deleted':
        meetings.unlink(meetingId);
        meetings.dropUnfinished(meetingId);
        this.meetings.replan(meetingId);
        return 'The next sync creates the meeting on Zoom again.';
      default:
        if (conflict.outboxId !== null) this.outbox.retry(conflict.outboxId);
        return 'It is tried again at the next sync.';
    }
  }

  private takeRemote(conflict: StoredConflict & { meeting_id: string }): string {
    if (conflict.remote_refused !== null) throw new CadenceError('conflict', conflict.remote_refused);
    const meetingId = conflict.meeting_id;
    const { meetings } = this.outbox;
    switch (conflict.kind) {
      case 'item_fields': {
        const remote = this.values(conflict.remote);
        this.saveValid(meetingId, withMeetingFieldValues(this.draft(meetingId), remote));
        const base = this.valid(withMeetingFieldValues(this.base(meetingId), remote));
        if (base !== undefined) meetings.setBase(meetingId, base);
        meetings.dropHeld(conflict.outboxId);
        this.meetings.replan(meetingId);
        return `Zoom's ${conflict.subject} is now in the meeting.`;
      }
      case 'remote_deleted':
        this.meetings.forget(meetingId);
        return `"${conflict.series_name}" is removed here too.`;
      default:
        return this.withdraw(conflict);
    }
  }

  /** Zoom keeps what it has: a refused create goes with its meeting, a refused update's fields go back to the snapshot. */
  private withdraw(conflict: StoredConflict & { meeting_id: string }): string {
    const meetingId = conflict.meeting_id;
    const row = this.meetings.row(meetingId);
    this.outbox.meetings.dropHeld(conflict.outboxId);
    if (row?.zoomMeetingId == null) {
      this.meetings.forget(meetingId);
      return `"${conflict.series_name}" is not on Zoom and is removed here.`;
    }
    const draft = this.draft(meetingId);
    const base = this.base(meetingId);
    const snapshot = comparableMeetingFields(base);
    const changed = changedMeetingFields(comparableMeetingFields(draft), snapshot);
    this.saveValid(meetingId, withMeetingFieldValues(draft, meetingFieldValues(snapshot, changed)));
    this.meetings.replan(meetingId);
    return 'The change Zoom refused is withdrawn; Zoom keeps what it has.';
  }

  private values(value: unknown): MeetingFieldValues {
    return isRecord(value) ? value : {};
  }

  private draft(meetingId: string): MeetingDraft {
    const draft = this.meetings.get(meetingId);
    if (draft === undefined) throw new CadenceError('not_found', 'The meeting of this conflict no longer exists.');
    return draft;
  }

  private base(meetingId: string): MeetingDraft {
    return this.outbox.meetings.zoomState(meetingId).base ?? this.draft(meetingId);
  }

  private valid(candidate: unknown): MeetingDraft | undefined {
    const parsed = meetingDraftSchema.safeParse(candidate);
    return parsed.success ? parsed.data : undefined;
  }

  /** Saves Zoom's version into the draft only if it stays valid: a stored meeting must always load. */
  private saveValid(meetingId: string, candidate: unknown): void {
    const parsed = meetingDraftSchema.safeParse(candidate);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
      throw new CadenceError(
        'conflict',
        `Zoom's version cannot be taken: ${problems.join('; ')}. Keep yours, or change the meeting and sync again.`,
      );
    }
    this.meetings.saveFromZoom(parsed.data, meetingId);
  }
}
