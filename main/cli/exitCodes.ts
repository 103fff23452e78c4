import type { CadenceError } from '../../shared/errors';
import { ZoomApiError, ZoomOutcomeUnknownError, ZoomUnreachableError } from '../zoom/zoomErrors';

/** Exit statuses of the `cadence` command, as `docs/cli.md` defines them. */
export const exitCodes = {
  done: 0,
  unexpected: 1,
  invalidInput: 2,
  needsPerson: 3,
  zoomUnreachable: 4,
} as const;

/**
 * The exit status for an expected failure: Zoom out of reach (or rate-limited past patience) is
 * 4 and keeps the outbox; bad input and credentials Zoom refuses are 2; anything else is 1.
 */
export function exitCodeFor(error: CadenceError): number {
  if (error instanceof ZoomUnreachableError || error instanceof ZoomOutcomeUnknownError)
    return exitCodes.zoomUnreachable;
  if (error instanceof ZoomApiError && (error.status === 429 || error.status >= 500)) return exitCodes.zoomUnreachable;
  if (error.code === 'invalid_input' || error.code === 'forbidden' || error.code === 'not_found') {
    return exitCodes.invalidInput;
  }
  if (error.code === 'conflict') return exitCodes.needsPerson;
  return exitCodes.unexpected;
}
