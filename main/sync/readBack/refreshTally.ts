import type { DraftWriter } from '../runContext';
import type { AttendeeStore } from '../../db/attendeeStore';

/** What one refresh took from Zoom, counted as the refresh report counts it. */
export interface RefreshTally {
  /** Fields and sessions taken into the draft, and registrations' details. */
  changes: number;
  newRegistrations: number;
  removedRegistrations: number;
  conflicts: number;
  /** The event is deleted or cancelled on Zoom. */
  isGone: boolean;
}

export function emptyTally(): RefreshTally {
  return { changes: 0, newRegistrations: 0, removedRegistrations: 0, conflicts: 0, isGone: false };
}

/** The stores a refresh writes through, besides the outbox's owner: the drafts and the attendees. */
export interface RefreshStores {
  drafts: DraftWriter & {
    /** Plans the series' whole outbox again from the draft as stored. */
    replan(seriesId: string): void;
  };
  attendees: Pick<AttendeeStore, 'write' | 'remove' | 'emailKeysEver'>;
}

/** How a refresh is run. */
export interface RefreshOptions {
  /**
   * The sync's steps run right after (a sync's start): a field changed on both sides whose change
   * waits in an operation is left to that operation's step, which sends what changed here only and
   * raises the conflict for the rest, exactly as without a refresh. On request, the refresh raises it.
   */
  stepsFollow: boolean;
}
