import { CadenceError } from '../../shared/errors';
import { ZoomApiError, ZoomUnreachableError } from '../zoom/zoomErrors';

/** Zoom cannot be reached (or keeps refusing with 5xx): the run ends, the outbox waits. */
export class Offline extends Error {}
/** Zoom answered 429 to a write: it did nothing, so the write may go again once the limiter allows. */
export class RateLimited extends Offline {}
/** No connection could be made: the write cannot have reached Zoom, so it goes back in line as it was. */
export class NotSent extends Offline {}
/** The planner stopped the sync: no new call starts. */
export class Cancelled extends Error {}

/** Runs a Zoom call; turns Zoom being out of reach, busy or failing into the signal the engine acts on. */
export async function zoomCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ZoomUnreachableError) {
      throw error.wasNeverSent ? new NotSent(error.message) : new Offline(error.message);
    }
    if (error instanceof ZoomApiError && error.status === 429) throw new RateLimited(error.message);
    if (error instanceof ZoomApiError && error.status >= 500) throw new Offline(error.message);
    throw error;
  }
}

/** A call whose only failure that matters is "already gone": a 404 counts as done. */
export async function unlessGone(work: () => Promise<unknown>): Promise<void> {
  await work().catch((error: unknown) => {
    if (!(error instanceof ZoomApiError && error.status === 404)) throw error;
  });
}

/** Zoom (or Cadence's own check) refused this operation: a conflict for the planner, and the run goes on. */
export function isRefusal(error: unknown): error is ZoomApiError | CadenceError {
  return error instanceof ZoomApiError || (error instanceof CadenceError && error.code !== 'internal');
}
