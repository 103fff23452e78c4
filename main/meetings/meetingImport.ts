import { CadenceError } from '../../shared/errors';
import type { MeetingImportReport } from '../../shared/meetings/meetingViews';
import {
  readMeetingConfigText,
  type KeyedMeetingDraft,
  type MeetingConfig,
} from '../../shared/meetings/readMeetingConfig';
import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import { planSeriesTiming } from '../../shared/recurrence/seriesTiming';

type ImportAction = MeetingImportReport['meetings'][number]['action'];

/** Where imported drafts go (the meeting store): saved by key in one transaction, their outbox planned with them. */
export interface MeetingDrafts {
  /** One answer per draft, in order; all saved or none. */
  upsertByKey(drafts: readonly KeyedMeetingDraft[]): { id: string; action: ImportAction }[];
  /** What `upsertByKey` would do, writing nothing. */
  previewByKey(drafts: readonly KeyedMeetingDraft[]): { action: ImportAction }[];
}

/**
 * What happens to a config's `zoom_api` block: the app never uses it; a `cadence meetings` run
 * signs in with it for that run only.
 */
export type ZoomApiBlockUse = 'ignored' | 'this_run';

/** The warning for a config that holds a client secret, saying what Cadence did with it. */
export function zoomApiBlockWarning(use: ZoomApiBlockUse): string {
  const done =
    use === 'this_run'
      ? 'Cadence signs in with its zoom_api block for this run only and never stores it.'
      : 'Cadence does not use its zoom_api block here and never stores it.';
  return `This file holds a Zoom client secret. ${done} Keep the credentials in the system keychain instead ("cadence connect", or Settings in the app), or set ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET for an unattended run, then remove the zoom_api block from the file.`;
}

/** Reads a config's text whole; a config with any problem is invalid input listing every one. */
export function readConfigOrThrow(text: string, what: string): MeetingConfig {
  const reading = readMeetingConfigText(text, what);
  if (!reading.ok) throw new CadenceError('invalid_input', reading.message, reading.issues);
  return reading.config;
}

/**
 * Imports a read config's meetings as drafts, by key: a meeting imported before is updated (or left
 * as it is when nothing changed), never doubled. A dry run writes nothing.
 */
export function importMeetingConfig(
  config: MeetingConfig,
  drafts: MeetingDrafts,
  options: { dryRun: boolean; zoomApiUse: ZoomApiBlockUse },
): MeetingImportReport {
  const list = config.meetings.map((meeting) => meeting.draft);
  const upserts: { id: string | null; action: ImportAction }[] = options.dryRun
    ? drafts.previewByKey(list).map((preview) => ({ id: null, action: preview.action }))
    : drafts.upsertByKey(list);
  return {
    dry_run: options.dryRun,
    meetings: list.map((draft, index) => {
      const plan = planSeriesTiming(draft);
      // A draft read from the config has passed these rules already.
      const instants = plan.ok ? plan.instants : [];
      const upsert = upserts[index] ?? { id: null, action: 'created' };
      return {
        id: upsert.id,
        key: draft.key,
        topic: draft.topic,
        host_email: draft.host_email,
        occurrences: instants.length,
        first_start: instants[0] === undefined ? draft.start_time : formatInstant(instants[0].start),
        action: upsert.action,
      };
    }),
    output_file: config.outputFile,
    warnings: config.zoomApi === undefined ? [] : [zoomApiBlockWarning(options.zoomApiUse)],
  };
}
