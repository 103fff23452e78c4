import { carryRegistrations } from '../../../shared/drafts/patternChange';
import type { ChangeSource } from '../../../shared/history/seriesHistory';
import type { Outbox } from '../../db/outbox/outbox';
import { ZoomApiError } from '../../zoom/zoomErrors';
import type { RunContext } from '../operations/operation';
import { readForRefresh } from './readForRefresh';
import type { RefreshStores } from './refreshTally';

/** Zoom's codes for an event that no longer exists. */
const eventGoneCodes = new Set([2002, 2003]);

const registeredOnZoom: ChangeSource = { source: 'zoom' };

/**
 * People who registered on Zoom for an event a pattern change replaced, after the change was made
 * here: the old event takes registrations until the sync cancels it. At a sync's start each is
 * carried into the series that continues it, by the rule the change itself used, and the series is
 * planned again, so the cancel waits for their new tickets too and its message holds for them.
 * A replaced long series has an old event for each part still to come; each is read. Answers how
 * many were carried.
 */
export async function carryLateRegistrants(
  ctx: RunContext,
  seriesId: string,
  stores: RefreshStores & { outbox: Outbox },
): Promise<number> {
  let carried = 0;
  for (const predecessor of stores.outbox.zoomState(seriesId).predecessors?.events ?? []) {
    carried += await carryFrom(ctx, seriesId, predecessor, stores);
  }
  return carried;
}

async function carryFrom(
  ctx: RunContext,
  seriesId: string,
  predecessor: { seriesId: string; replacedId: string; eventId: string },
  stores: RefreshStores & { outbox: Outbox },
): Promise<number> {
  const stored = stores.drafts.get(predecessor.seriesId, { withAttendees: false });
  const successor = stores.drafts.get(seriesId, { withAttendees: false });
  if (stored?.event_type !== 'RECURRING' || successor === undefined) return 0;
  let answer: Awaited<ReturnType<typeof readForRefresh>>;
  try {
    answer = await ctx.call(() => readForRefresh(ctx.api, predecessor.eventId));
  } catch (error) {
    // Gone from Zoom: nobody can register for it any more, and its cancel counts as done.
    if (error instanceof ZoomApiError && error.zoomCode !== undefined && eventGoneCodes.has(error.zoomCode)) return 0;
    throw error;
  }
  if (!answer.ok) return 0;
  // Known: whoever the replaced series held here (a part's own rows may hold Zoom's registrants
  // the whole never had) and whoever its successor holds.
  const known = new Set([
    ...stores.attendees.emailKeysEver(predecessor.replacedId),
    ...stores.attendees.emailKeysEver(seriesId),
  ]);
  const late = answer.view.draft.attendees.filter((attendee) => !known.has(attendee.email.toLowerCase()));
  if (late.length === 0) return 0;
  const { attendees } = carryRegistrations(stored, successor, late);
  stores.attendees.write(
    seriesId,
    attendees.map((attendee) => ({ attendee })),
    registeredOnZoom,
  );
  stores.drafts.replan(seriesId);
  return attendees.length;
}
