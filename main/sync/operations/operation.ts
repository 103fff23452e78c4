import type { z } from 'zod';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { OperationState, PublicEffect } from '../../../shared/outbox/operations';
import type { ConflictTarget } from '../../../shared/sync/conflicts';
import type { ConflictInput, Outbox } from '../../db/outbox/outbox';
import type { ZoomEvent } from '../../../shared/zoom/zoomReadShapes';
import type { ZoomEventsApi } from '../../zoom/zoomEventsApi';

/** One outbox operation with its payload checked by its kind's schema. */
export interface Operation<P = unknown> {
  id: number;
  seriesId: string;
  key: string;
  kind: string;
  payload: P;
  dependsOn: readonly string[];
  state: OperationState;
  attempts: number;
}

/** What Zoom has of one series during a run: read once when its turn comes, updated as steps record. */
export interface SeriesLinks {
  eventId: string | undefined;
  ticketTypeId: string | undefined;
  accessLinkId: string | undefined;
  /** Zoom's session ID by occurrence number. */
  sessionIds: Map<number, string>;
}

/** One series in a run: its draft as it was when the run began (the payloads were planned from it) and its links. */
export interface SeriesRun {
  readonly seriesId: string;
  readonly name: string;
  readonly draft: SeriesDraft | undefined;
  readonly links: SeriesLinks;
  /** Zoom's sessions by occurrence, read and mapped once per run when a step needs them. */
  sessionIds(): Promise<ReadonlyMap<number, string>>;
  /** Zoom generated the sessions anew (a new pattern): the next `sessionIds()` reads them again. */
  forgetSessions(): void;
}

/** What a step may do, and nothing more: steps never reach back into the engine. */
export interface RunContext {
  readonly api: ZoomEventsApi;
  readonly outbox: Outbox;
  /** Milliseconds since the epoch: the run's one clock. */
  now(): number;
  /** A Zoom call with unreachable, 429 and 5xx turned into the engine's signals. */
  call<T>(work: () => Promise<T>): Promise<T>;
  /**
   * A create or action whose outcome may be lost (in flight while its step runs); on an unknown outcome
   * (now, or from a crash in an earlier run) the effect is looked for on Zoom before any resend.
   */
  exactlyOnce<T>(
    op: Pick<Operation, 'id' | 'state'>,
    send: () => Promise<T>,
    lookup: () => Promise<T | undefined>,
    record: (result: T) => void,
  ): Promise<void>;
  /**
   * Operations sent together (a batch), exactly once (the engine marks a step's operations in
   * flight before it runs); after a lost answer (now, or a crash in an earlier run) `lookup` finds on Zoom what
   * was done, records it, and returns the operations still to send. A 429 sends again at once.
   */
  deliver<O extends Pick<Operation, 'id' | 'state'>>(ops: readonly O[], delivery: Delivery<O>): Promise<void>;
  /** A conflict or refusal for the planner; its operation is held. */
  conflict(input: ConflictInput): void;
  /**
   * Takes values changed on Zoom into the draft as it is now, if the draft stays valid; else a
   * conflict naming the fields, with Zoom's version refused for the reason. True when taken.
   */
  adopt(adoption: Adoption): boolean;
  /** The first hub the account may host in, looked up once per run. */
  firstHub(): Promise<string>;
  /**
   * The event as this run's read-back just read it (taken once), so that a step comparing it again
   * need not ask Zoom a second time; undefined when the run did not read it.
   */
  eventAsReadBack(eventId: string): ZoomEvent | undefined;
  /** Progress: what is being done now, and how many operations just finished. */
  progress(step: string, finished: number): void;
  throwIfCancelled(): void;
}

/** How a batch reaches Zoom: the raw calls, without the run's signals (`deliver` adds them). */
export interface Delivery<O extends Pick<Operation, 'id' | 'state'>> {
  lookup(pending: readonly O[]): Promise<readonly O[]>;
  send(pending: readonly O[]): Promise<void>;
}

/** Values from Zoom to take into a draft. */
export interface Adoption {
  series: SeriesRun;
  /** The operation an `invalid_remote` conflict holds; null when nothing waits for this object. */
  operationId: number | null;
  target: ConflictTarget;
  /** The words for the fields ("the ticket type's"). */
  what: string;
  remote: Record<string, unknown>;
  local: Record<string, unknown>;
  change: (draft: SeriesDraft) => SeriesDraft;
}

/**
 * One outbox operation kind: its payload schema, the sentence a planner reads, and its step. The
 * kind's planning lives beside it in the same module, listed in the registry.
 */
export interface OperationKind<P = unknown> {
  kind: string;
  /** The payload's schema: a stored payload is checked with it before its step sees it. */
  payload: { safeParse(value: unknown): z.ZodSafeParseResult<P> };
  /** What the operation makes visible to the public, if anything; the planner confirms these first. */
  publicEffect?: PublicEffect;
  /** Ready operations of this kind sent in one step, at most (ticket batches); 1 for most. */
  batchSize: number;
  /** The waiting list's sentence for a series' operations of this kind. */
  sentence(series: { name: string; sessions: number }, payloads: readonly P[]): string;
  /** One operation in the planner's words, for progress and refusals. */
  describe(payload: P): string;
  /** What a refusal of this operation is about. */
  target(payload: P, links: SeriesLinks): ConflictTarget;
  /**
   * Sends ready operations (at most `batchSize`) and records what Zoom answered. Throws a Zoom
   * refusal of all of them; raises conflicts through the context.
   */
  step(ctx: RunContext, series: SeriesRun, ops: readonly Operation<P>[]): Promise<void>;
}

/** Declares a kind with its payload type checked against its schema. */
export function operationKind<P>(definition: OperationKind<P>): OperationKind<P> {
  return definition;
}
