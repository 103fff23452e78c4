import type { CheckInUploadReport } from '../../../shared/checkin/checkIn';
import type { CheckInUploads, UploadScope, ZoomCheckedIn } from '../../db/checkInUploads';
import type { ZoomClient } from '../../zoom/zoomClient';
import { maxAttendeeActionsPerBatch } from '../../zoom/zoomEventsApi';
import { ZoomApiError, ZoomOutcomeUnknownError, ZoomUnreachableError } from '../../zoom/zoomErrors';
import { uploadMessage } from './uploadMessage';

/** Batches of one scope in flight at once; the client's rate limiter keeps them within Zoom's limits. */
export const concurrentBatches = 4;

/** A desk waits this long for Zoom's answer before it counts Zoom as out of reach. */
export const checkInAnswerTimeoutMs = 3_000;

export interface CheckInUploaderDeps {
  uploads: CheckInUploads;
  zoom: () => Promise<Pick<ZoomClient, 'api' | 'requestCount'>>;
  now: () => number;
  /** Told of each event whose check-ins changed (states, or others' check-ins seen). */
  onChanged?: (eventId: string) => void;
  /** Whether a process of this laptop still runs; the operating system's answer by default. */
  isProcessAlive?: (pid: number) => boolean;
}

/** Whether process `pid` runs on this laptop (signal 0 only checks). */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/** Zoom answered nothing, or not in time: what waits stays for the next upload. */
class OfflineStop extends Error {}

/** Zoom refused to list a scope (the event or session is gone, or not this account's): its words. */
class ScopeRefused extends Error {
  constructor(readonly words: string) {
    super(words);
  }
}

interface Tally {
  uploaded: number;
  alreadyOnZoom: number;
  refusedIds: string[];
  changed: Set<string>;
}

/**
 * Uploads the check-ins recorded here to Zoom exactly once, 300 a request per event or session,
 * then reads everyone's check-ins back so this desk sees who came in elsewhere. One upload runs at
 * a time; asking while one runs joins it (and runs again after it when it covered another event).
 */
export class CheckInUploader {
  private running:
    { mode: 'upload' | 'read'; eventId: string | undefined; report: Promise<CheckInUploadReport> } | undefined;
  /** Batches this process has in flight: not to be settled by listing under their own feet. */
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: CheckInUploaderDeps) {}

  isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Whether check-ins recorded here wait to go (or wait for their batch to be settled). */
  hasWork(eventId?: string): boolean {
    return this.deps.uploads.waitingCount(eventId) > 0;
  }

  /** Uploads what waits, of one event or all, then reads back everyone's check-ins of those events. */
  upload(eventId?: string): Promise<CheckInUploadReport> {
    return this.once('upload', eventId);
  }

  /**
   * Reads everyone's check-ins of one event, or of every downloaded event, without uploading (a
   * desk with nothing to send, or one that just downloaded the list).
   */
  readBack(eventId?: string): Promise<CheckInUploadReport> {
    return this.once('read', eventId);
  }

  /**
   * Runs one upload or read-back at a time. A request that the running one covers (an upload of
   * the same events, or any read-back of them: an upload reads back too) shares its report; any
   * other waits for it to end, then runs.
   */
  private async once(mode: 'upload' | 'read', eventId: string | undefined): Promise<CheckInUploadReport> {
    const current = this.running;
    if (current !== undefined) {
      const report = await current.report.catch(() => undefined);
      const covers =
        (current.eventId === undefined || current.eventId === eventId) &&
        (mode === 'read' || current.mode === 'upload');
      if (report !== undefined && covers) return report;
      return this.once(mode, eventId);
    }
    const report = this.run(eventId, mode);
    this.running = { mode, eventId, report };
    try {
      return await report;
    } finally {
      this.running = undefined;
    }
  }

  private async run(eventId: string | undefined, mode: 'upload' | 'read'): Promise<CheckInUploadReport> {
    const { uploads } = this.deps;
    const tally: Tally = { uploaded: 0, alreadyOnZoom: 0, refusedIds: [], changed: new Set() };
    const hadWork = mode === 'upload' && uploads.waitingCount(eventId) > 0;
    const events = eventId !== undefined ? [eventId] : hadWork ? uploads.eventsWithWork() : uploads.downloadedEvents();
    // No event downloaded here: nothing to ask Zoom, even without an account.
    if (events.length === 0) return this.report('nothing_to_upload', tally, eventId, 0, 0);
    const client = await this.deps.zoom();
    const startCount = client.requestCount();
    let readBackRequests = 0;
    try {
      if (hadWork) {
        for (const event of events) await this.uploadEvent(client, event, tally);
      }
      const readStart = client.requestCount();
      for (const event of events) await this.readEvent(client, event, tally);
      readBackRequests = client.requestCount() - readStart;
    } catch (error) {
      if (error instanceof OfflineStop) {
        return this.report('offline', tally, eventId, client.requestCount() - startCount, readBackRequests);
      }
      throw error;
    } finally {
      for (const changed of tally.changed) this.deps.onChanged?.(changed);
    }
    const requests = client.requestCount() - startCount;
    const refusals = uploads.refusals(tally.refusedIds);
    const outcome = refusals.length > 0 ? 'refusals' : hadWork ? 'uploaded' : 'nothing_to_upload';
    return this.report(outcome, tally, eventId, requests, readBackRequests);
  }

  private async uploadEvent(client: Pick<ZoomClient, 'api'>, eventId: string, tally: Tally): Promise<void> {
    const { uploads } = this.deps;
    // A batch whose answer never came is settled by Zoom's list before anything is sent again.
    const isAlive = this.deps.isProcessAlive ?? isProcessAlive;
    const unsettled = uploads.unsettledBatches(eventId).filter(
      (batch) =>
        !this.inFlight.has(batch.id) &&
        // Another process (the app beside a script) is still waiting for this batch's answer.
        !(batch.senderPid !== null && batch.senderPid !== process.pid && isAlive(batch.senderPid)),
    );
    // One list of each scope settles all of its batches.
    for (const sessionId of new Set(unsettled.map((batch) => batch.sessionId))) {
      const batches = unsettled.filter((batch) => batch.sessionId === sessionId);
      for (const settled of await this.settleByListing(client, { eventId, sessionId }, batches)) {
        this.count(tally, eventId, settled);
      }
    }
    for (const scope of uploads.waitingScopes(eventId)) {
      // Each batch is claimed in its own transaction, so the workers never share a check-in.
      let stop: { error: unknown } | undefined;
      const worker = async () => {
        while (stop === undefined) {
          const batch = uploads.openBatch(scope, scope.desk, maxAttendeeActionsPerBatch);
          if (batch === undefined) return;
          tally.changed.add(eventId);
          try {
            await this.send(client, batch, tally);
          } catch (error) {
            stop ??= { error };
          }
        }
      };
      await Promise.all(Array.from({ length: concurrentBatches }, worker));
      if (stop !== undefined) throw stop.error;
    }
    uploads.noteUploaded(eventId);
  }

  private async send(
    client: Pick<ZoomClient, 'api'>,
    batch: NonNullable<ReturnType<CheckInUploads['openBatch']>>,
    tally: Tally,
  ): Promise<void> {
    const { uploads } = this.deps;
    const body = {
      attendees: batch.checkIns.map((c) => ({ email: c.email, action: 'check-in' as const })),
      source: batch.source,
    };
    const options = { timeoutMs: checkInAnswerTimeoutMs };
    this.inFlight.add(batch.id);
    try {
      const answer =
        batch.sessionId === null
          ? await client.api.updateEventAttendeeActions(batch.eventId, body, options)
          : await client.api.updateSessionAttendeeActions(batch.eventId, batch.sessionId, body, options);
      this.count(tally, batch.eventId, uploads.settleAnswer(batch.id, answer.errors));
    } catch (error) {
      if (error instanceof ZoomUnreachableError && error.wasNeverSent) {
        uploads.withdrawBatch(batch.id);
        throw new OfflineStop();
      }
      if (isOutcomeUnknown(error)) {
        // Maybe done, maybe not: Zoom's list says which, and only the others are sent again.
        for (const settled of await this.settleByListing(client, batch, [batch]))
          this.count(tally, batch.eventId, settled);
        return;
      }
      if (error instanceof ZoomApiError && error.status === 429) {
        // Zoom answers 429 before doing anything: the batch goes again next time.
        uploads.withdrawBatch(batch.id);
        throw new OfflineStop();
      }
      if (error instanceof ZoomApiError && error.status >= 400 && error.status < 500 && error.status !== 401) {
        this.count(tally, batch.eventId, uploads.refuseBatch(batch.id, error.zoomMessage ?? error.message));
        return;
      }
      throw error;
    } finally {
      this.inFlight.delete(batch.id);
    }
  }

  /** Settles batches of one scope by Zoom's list of it; a scope Zoom refuses to list refuses them, with Zoom's words. */
  private async settleByListing(
    client: Pick<ZoomClient, 'api'>,
    scope: UploadScope,
    batches: readonly { id: string }[],
  ): Promise<ReturnType<CheckInUploads['settleByListing']>[]> {
    const { uploads } = this.deps;
    try {
      const listed = new Set((await this.list(client, scope)).map((l) => l.email.toLowerCase()));
      return batches.map((batch) => uploads.settleByListing(batch.id, listed));
    } catch (error) {
      if (error instanceof ScopeRefused) return batches.map((batch) => uploads.refuseBatch(batch.id, error.words));
      throw error;
    }
  }

  /** Reads everyone's check-ins of the event and its sessions at work, and keeps what is new here. */
  private async readEvent(client: Pick<ZoomClient, 'api'>, eventId: string, tally: Tally): Promise<void> {
    const { uploads } = this.deps;
    for (const scope of uploads.readBackScopes(eventId, new Date(this.deps.now()).toISOString())) {
      let listed: ZoomCheckedIn[];
      try {
        listed = await this.list(client, scope);
      } catch (error) {
        // A session Zoom no longer has holds no one else's check-ins to show.
        if (error instanceof ScopeRefused) continue;
        throw error;
      }
      const taken = uploads.takeZoomList(scope, listed);
      if (taken.changed) tally.changed.add(eventId);
      tally.alreadyOnZoom += taken.doneAfterRefusal.length;
      tally.uploaded += taken.doneAfterRefusal.length;
      const done = new Set(taken.doneAfterRefusal);
      tally.refusedIds = tally.refusedIds.filter((id) => !done.has(id));
    }
    uploads.noteCheckInsRead(eventId);
  }

  /** Who Zoom lists as checked in to a scope; Zoom not answering stops the upload with everything kept. */
  private async list(client: Pick<ZoomClient, 'api'>, scope: UploadScope): Promise<ZoomCheckedIn[]> {
    // Not asked again on a timeout: a desk goes offline within seconds, and the next upload retries.
    const options = { timeoutMs: checkInAnswerTimeoutMs, isRepeatable: false };
    try {
      const actions =
        scope.sessionId === null
          ? await client.api.listEventAttendeeActions(scope.eventId, undefined, options)
          : await client.api.listSessionAttendeeActions(scope.eventId, scope.sessionId, undefined, options);
      return actions.map((a) => ({ email: a.email, source: a.source }));
    } catch (error) {
      if (isOffline(error)) throw new OfflineStop();
      if (error instanceof ZoomApiError && error.status >= 400 && error.status < 500 && error.status !== 401) {
        throw new ScopeRefused(error.zoomMessage ?? error.message);
      }
      throw error;
    }
  }

  private count(tally: Tally, eventId: string, settled: ReturnType<CheckInUploads['settleAnswer']>): void {
    tally.uploaded += settled.uploaded;
    tally.alreadyOnZoom += settled.alreadyOnZoom;
    tally.refusedIds.push(...settled.refusedIds);
    tally.changed.add(eventId);
  }

  private report(
    outcome: CheckInUploadReport['outcome'],
    tally: Tally,
    eventId: string | undefined,
    requests: number,
    readBackRequests: number,
  ): CheckInUploadReport {
    const refusals = outcome === 'offline' ? [] : this.deps.uploads.refusals(tally.refusedIds);
    const waiting = this.deps.uploads.waitingCount(eventId);
    const counts = { uploaded: tally.uploaded, alreadyOnZoom: tally.alreadyOnZoom, refusals, waiting };
    return { outcome, ...counts, requests, readBackRequests, message: uploadMessage(outcome, counts) };
  }
}

/** A request that may or may not have reached Zoom: only Zoom's list can say. */
function isOutcomeUnknown(error: unknown): boolean {
  return (
    error instanceof ZoomOutcomeUnknownError ||
    (error instanceof ZoomUnreachableError && !error.wasNeverSent) ||
    (error instanceof ZoomApiError && error.status >= 500)
  );
}

/** Zoom out of reach, or too busy to answer after the client's retries. */
function isOffline(error: unknown): boolean {
  return (
    error instanceof ZoomUnreachableError ||
    error instanceof ZoomOutcomeUnknownError ||
    (error instanceof ZoomApiError && (error.status === 429 || error.status >= 500))
  );
}
