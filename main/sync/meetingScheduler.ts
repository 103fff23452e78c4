import { CadenceError } from '../../shared/errors';
import { hostKeyOf } from '../db/meetingStore';
import type { Outbox } from '../db/outbox/outbox';
import type { StoredMeetingOperation } from '../db/outbox/meetingOutbox';
import { ZoomApiError } from '../zoom/zoomErrors';
import type { MeetingOperation, MeetingOperationKind, MeetingRun } from './operations/meetingOperation';
import { meetingOperationKindOf } from './operations/registry';
import type { EngineContext, MeetingWriter } from './runContext';
import { Cancelled, isRefusal, Offline, RateLimited } from './runSignals';

/** A meeting operation with its kind's module and place in the order. */
export type ScheduledMeetingOperation = MeetingOperation & { module: MeetingOperationKind; order: number };
type Scheduled = ScheduledMeetingOperation;

/** How the meetings' part of a run reports to the engine: its signals end the whole run. */
export interface MeetingRunHooks {
  isStopped(): boolean;
  stop(error: Error): void;
  /** Zoom kept answering 429 to an operation: it went back in line. */
  onRateLimited(error: RateLimited): void;
}

/**
 * The meetings' part of a run: meetings concurrently within the client's rate limiter, each
 * meeting's operations one after the other (delete, create, update), an operation whose key
 * depends on a held one left waiting. A refusal is a conflict on its operation and the rest goes
 * on; the run's signals (offline, cancelled) stop it.
 */
export class MeetingScheduler {
  constructor(
    private readonly ctx: EngineContext,
    private readonly outbox: Outbox,
    private readonly store: MeetingWriter,
    private readonly hooks: MeetingRunHooks,
  ) {}

  /** The work by meeting; an operation this build cannot read is refused, shown, and skipped. */
  schedule(work: readonly StoredMeetingOperation[]): Map<string, Scheduled[]> {
    const byMeeting = new Map<string, Scheduled[]>();
    for (const stored of work) {
      const known = meetingOperationKindOf(stored.kind);
      const payload = known?.kind.payload.safeParse(stored.payload);
      if (known === undefined || payload?.success !== true) {
        this.ctx.meetingConflict({
          meetingId: stored.meetingId,
          operationId: stored.id,
          kind: 'refused',
          target: { item: 'meeting', operation: stored.kind },
          subject: stored.kind,
          local: stored.payload,
          message: `A waiting change (${stored.kind}) cannot be read by this version of Cadence; take Zoom's version to withdraw it.`,
        });
        continue;
      }
      const op: Scheduled = { ...stored, payload: payload.data, module: known.kind, order: known.order };
      byMeeting.set(stored.meetingId, [...(byMeeting.get(stored.meetingId) ?? []), op]);
    }
    return byMeeting;
  }

  /** Runs the meetings, `width` at once. */
  async run(
    byMeeting: ReadonlyMap<string, Scheduled[]>,
    held: ReadonlyMap<string, ReadonlySet<string>>,
    width: number,
  ): Promise<void> {
    const queue = [...byMeeting.entries()];
    const workers = Array.from({ length: Math.min(width, queue.length) }, async () => {
      for (let next = queue.shift(); next !== undefined && !this.hooks.isStopped(); next = queue.shift()) {
        await this.runMeeting(next[0], next[1], held.get(next[0]) ?? new Set());
      }
    });
    await Promise.allSettled(workers);
  }

  private async runMeeting(meetingId: string, ops: Scheduled[], heldKeys: ReadonlySet<string>): Promise<void> {
    if (this.outbox.meetings.hasOpenConflict(meetingId, 'remote_deleted')) {
      // Deleted on Zoom (seen by an earlier step): everything waits for the planner's choice.
      for (const op of ops) this.outbox.holdBehind(op.id, 'The meeting is no longer on Zoom.');
      return;
    }
    const row = this.store.row(meetingId);
    if (row === undefined) return;
    const meeting: MeetingRun = {
      meetingId,
      topic: row.topic,
      hostEmail: row.hostEmail,
      hostKey: hostKeyOf(row.hostEmail),
      draft: row.deletedAt === null ? row.draft : undefined,
      zoomMeetingId: row.zoomMeetingId ?? undefined,
    };
    const blocked = new Set(heldKeys);
    for (const op of [...ops].sort((a, b) => a.order - b.order || a.id - b.id)) {
      if (this.hooks.isStopped()) break;
      if (op.dependsOn.some((key) => key !== op.key && blocked.has(key))) {
        blocked.add(op.key);
        continue;
      }
      if (!(await this.runOne(meeting, op))) blocked.add(op.key);
    }
    // What a step recorded (a create, a merge) and edits made meanwhile are planned now.
    this.store.replan(meetingId);
  }

  /** One operation, marked in flight first; true when it is done. */
  private async runOne(meeting: MeetingRun, op: Scheduled): Promise<boolean> {
    try {
      this.ctx.throwIfCancelled();
      this.outbox.markInFlight([op.id]);
      await op.module.step(this.ctx, meeting, op);
      const state = this.outbox.statesOf([op.id]).get(op.id);
      // A step that had nothing to do yet leaves its operation in line.
      if (state === 'in_flight') this.outbox.markPending([op.id]);
      // A delete Zoom did takes the meeting here with its operations: gone is done.
      const isDone = state === 'done' || state === undefined;
      this.ctx.progress(`${meeting.topic}: ${op.module.describe(op.payload)}`, isDone ? 1 : 0);
      return isDone;
    } catch (error) {
      if (error instanceof RateLimited) {
        this.outbox.markPending([op.id], error.message);
        this.hooks.onRateLimited(error);
        return false;
      }
      if (error instanceof Offline || error instanceof Cancelled || !isRefusal(error)) {
        this.hooks.stop(error instanceof Error ? error : new Error(String(error)));
        return false;
      }
      this.refuse(meeting, op, error);
      return false;
    }
  }

  /** Zoom refused: a conflict with Zoom's own message; a meeting gone from Zoom is `remote_deleted`. */
  private refuse(meeting: MeetingRun, op: Scheduled, error: ZoomApiError | CadenceError): void {
    const isGone = error instanceof ZoomApiError && error.status === 404 && meeting.zoomMeetingId !== undefined;
    this.ctx.meetingConflict({
      meetingId: meeting.meetingId,
      operationId: op.id,
      kind: isGone ? 'remote_deleted' : 'refused',
      target: op.module.target(op.payload, meeting.zoomMeetingId),
      subject: op.module.describe(op.payload),
      local: op.payload,
      message: `${meeting.topic}: ${error.message}`,
    });
  }
}
