import type { z } from 'zod';
import type { MeetingDraft } from '../../../shared/meetings/meetingDraft';
import type { MeetingFieldValues } from '../../../shared/meetings/meetingFieldValues';
import type { OperationState } from '../../../shared/outbox/operations';
import type { ConflictTarget } from '../../../shared/sync/conflicts';
import type { PlannedCall } from '../../../shared/sync/syncReport';
import type { MeetingConflictInput } from '../../db/outbox/meetingOutbox';
import type { ZoomMeetingsApi } from '../../zoom/zoomMeetingsApi';
import type { RunContext } from './operation';

/** One meeting operation with its payload checked by its kind's schema. */
export interface MeetingOperation<P = unknown> {
  id: number;
  meetingId: string;
  key: string;
  kind: string;
  payload: P;
  dependsOn: readonly string[];
  state: OperationState;
  attempts: number;
}

/** One recurring meeting during a run: its draft as the run began, and Zoom's ID as steps record it. */
export interface MeetingRun {
  readonly meetingId: string;
  readonly topic: string;
  readonly hostEmail: string;
  /** The host as the daily limit counts it (the email without case). */
  readonly hostKey: string;
  /** Undefined once deleted here. */
  readonly draft: MeetingDraft | undefined;
  zoomMeetingId: string | undefined;
}

/** A call that counts against the host's daily limit, as the dry run names one that waits. */
export type CountedCall = Pick<PlannedCall, 'method' | 'path' | 'what'>;

/** Values changed on Zoom only, to take into a meeting's draft. */
export interface MeetingAdoption {
  meeting: MeetingRun;
  operationId: number | null;
  remote: MeetingFieldValues;
  local: MeetingFieldValues;
}

/** What a meeting's step may use: the run's context, the Meetings API, and the host's daily limit. */
export interface MeetingRunContext extends RunContext {
  readonly meetings: ZoomMeetingsApi;
  meetingConflict(input: MeetingConflictInput): void;
  /**
   * Takes Zoom's values into the draft as it is now, if it stays valid; else an `invalid_remote`
   * conflict with Zoom's version refused for the reason. True when taken.
   */
  adoptIntoMeeting(adoption: MeetingAdoption): boolean;
  /**
   * Takes one create or update from the host's day before it is sent; false when the day's limit
   * is spent, the operation then waiting, not failed, for the next UTC day (the run says so).
   */
  takeQuota(meeting: MeetingRun, op: MeetingOperation, call: CountedCall): boolean;
  /** Gives back what `takeQuota` took for a call Zoom never counted (not sent, or a per-second 429). */
  returnQuota(meeting: MeetingRun): void;
  /** Zoom says the host's daily limit is spent: nothing more goes for the host until the next UTC day. */
  quotaSpent(meeting: MeetingRun, op: MeetingOperation, call: CountedCall): void;
  /** Plans the meeting's outbox again from what is stored (after a step recorded what Zoom has). */
  replanMeeting(meetingId: string): void;
}

/**
 * One outbox kind of a meeting: its payload schema, the words a planner reads, and its step. The
 * planning is `meetingPlan.ts`; the registry lists the kinds.
 */
export interface MeetingOperationKind<P = unknown> {
  kind: string;
  payload: { safeParse(value: unknown): z.ZodSafeParseResult<P> };
  /** The waiting list's sentence for a meeting's operations of this kind. */
  sentence(meeting: { topic: string; hostEmail: string }, payloads: readonly P[]): string;
  /** One operation in the planner's words, for progress and refusals. */
  describe(payload: P): string;
  /** What a refusal of this operation is about. */
  target(payload: P, zoomMeetingId: string | undefined): ConflictTarget;
  /** Sends the operation and records what Zoom answered; throws a refusal; raises conflicts through the context. */
  step(ctx: MeetingRunContext, meeting: MeetingRun, op: MeetingOperation<P>): Promise<void>;
}

/** Declares a meeting kind with its payload type checked against its schema. */
export function meetingOperationKind<P>(definition: MeetingOperationKind<P>): MeetingOperationKind<P> {
  return definition;
}
