import { CadenceError } from '../../shared/errors';
import type { MeetingImportReport, MeetingSummary, StoredMeeting } from '../../shared/meetings/meetingViews';

/** Options of a config import. */
export interface MeetingImportOptions {
  dryRun: boolean;
}

/**
 * Recurring Zoom Meetings as drafts: listed, read, saved (validated, with what Zoom must get
 * planned in the same transaction), deleted, and imported from a recurring-meetings config.
 */
export interface MeetingService {
  list(): MeetingSummary[];
  get(id: string): StoredMeeting;
  /** Validates `draft` with the meeting schema; problems name the field. */
  save(id: string | undefined, draft: unknown): { id: string; isNew: boolean };
  delete(id: string): { outcome: 'removed' | 'queued' };
  /** A config's text, in the recurring-meetings script's format; every problem by JSON path. */
  importConfig(text: string, options: MeetingImportOptions): MeetingImportReport;
}

const notYet = (): never => {
  throw new CadenceError('unavailable', 'Recurring meetings are not available in this build.');
};

/** The service over the database; built on the meeting store. */
export function createMeetingService(): MeetingService {
  return { list: notYet, get: notYet, save: notYet, delete: notYet, importConfig: notYet };
}
