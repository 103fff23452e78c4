import type { Issue } from '../ipc/envelope';

/** What the start rule needs to know beyond the draft: the time now, and whether Zoom has the series. */
export interface StartContext {
  /** Milliseconds since the epoch. */
  now: number;
  /** The series was synced once: Zoom holds it, past sessions and all. */
  isOnZoom: boolean;
}

export const pastStartMessage =
  'The series starts in the past: Zoom would refuse it. Choose a start date and time after now.';

/**
 * A series Zoom has never seen must start in the future: Zoom refuses tickets for an event that
 * has started. A synced series keeps its past sessions, so the rule leaves it alone. The rule
 * depends on the clock, so it is checked when a draft is saved (by the editor and by main), not
 * by the draft's schema: a stored draft stays readable as time passes.
 */
export function pastStartIssues(draft: { start_time: string }, context: StartContext): Issue[] {
  if (context.isOnZoom) return [];
  const start = Date.parse(draft.start_time);
  if (!Number.isFinite(start) || start > context.now) return [];
  return [{ path: 'start_time', message: pastStartMessage }];
}
