import { DateTime } from 'luxon';
import type { MeetingImportReport } from '../../shared/meetings/meetingViews';
import type { KeyedMeetingDraft } from '../../shared/meetings/readMeetingConfig';
import { describeRecurrence } from '../../shared/recurrence/describeRecurrence';
import { expandSeries } from '../../shared/recurrence/seriesTiming';
import { checkHosts, skippedHostCheckWarning, type HostCheck } from '../meetings/hostCheck';
import { importMeetingConfig, type MeetingDrafts } from '../meetings/meetingImport';
import type { Services } from '../services';
import { readMeetingConfigFile, runEnvironment, type MeetingConfigFile } from './meetingConfigFile';
import { withServices } from './withServices';
import { withThrowawayServices } from './throwawayServices';

export interface MeetingsCommandContext {
  dataDir: string;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
  /** Warnings and progress for people, apart from the answer on stdout. */
  stderr: NodeJS.WritableStream;
}

export interface MeetingsImportOptions {
  dryRun?: boolean;
  verbose?: boolean;
}

/** The meeting store, where a config's drafts are upserted by key. */
export function meetingDraftsOf(services: Services): MeetingDrafts {
  return services.stores.meetings;
}

/** An instant in a meeting's zone, as a planner reads it: "Mon 2026-03-09 09:00". */
export function localTime(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toFormat('ccc yyyy-MM-dd HH:mm');
}

const actionWords: Readonly<Record<MeetingImportReport['meetings'][number]['action'], string>> = {
  created: 'new      ',
  updated: 'updated  ',
  unchanged: 'unchanged',
};

/** Each meeting's line: what the import did, its host, and its occurrences from the preview. */
export function importLines(report: MeetingImportReport, drafts: readonly KeyedMeetingDraft[], isVerbose: boolean) {
  return report.meetings.flatMap((meeting, index) => {
    const draft = drafts[index];
    if (draft === undefined) return [];
    const expanded = expandSeries(draft);
    const starts = expanded.ok ? expanded.occurrences.map((o) => o.start_time) : [];
    const span =
      starts.length === 0
        ? ''
        : `, ${localTime(starts[0] ?? '', draft.timezone)} … ${localTime(starts.at(-1) ?? '', draft.timezone)} ${draft.timezone}`;
    const lines = [
      `  ${actionWords[meeting.action]}  ${meeting.topic} — ${meeting.host_email}, ${String(meeting.occurrences)} occurrences${span}`,
    ];
    if (isVerbose) {
      lines.push(
        `             ${describeRecurrence(draft.recurrence)}, ${String(draft.recurrence.duration)} minutes; registration ${draft.settings.approval_type === 2 ? 'off' : 'on'}; key ${draft.key}`,
      );
    }
    return lines;
  });
}

/** The host check's lines for `--verbose`. */
export function hostCheckLines(check: HostCheck): string[] {
  if (check.outcome === 'skipped') return [`Warning: ${skippedHostCheckWarning}`];
  return check.hosts.map(
    (host) => `Host verified: ${host.email}${host.user.status === undefined ? '' : ` (${host.user.status})`}`,
  );
}

/** `--verbose`: each host checked on Zoom before anything is imported; unknown hosts stop the import. */
export async function verifyHosts(services: Services, file: MeetingConfigFile): Promise<HostCheck> {
  const client = await services.account.zoom();
  return checkHosts(
    client.meetings,
    file.config.meetings.map((meeting) => ({ email: meeting.draft.host_email, path: meeting.path })),
  );
}

function writeImportReport(
  context: MeetingsCommandContext,
  report: MeetingImportReport,
  file: MeetingConfigFile,
  options: MeetingsImportOptions,
  hostCheck: HostCheck | undefined,
): void {
  for (const warning of report.warnings) context.stderr.write(`Warning: ${warning}\n`);
  if (context.isJson) {
    context.stdout.write(`${JSON.stringify({ ...report, host_check: hostCheck ?? null })}\n`);
    return;
  }
  const count = (action: string) => report.meetings.filter((meeting) => meeting.action === action).length;
  const lines = [
    ...(hostCheck === undefined ? [] : hostCheckLines(hostCheck)),
    `${options.dryRun === true ? 'Would import' : 'Imported'} ${String(report.meetings.length)} meeting${report.meetings.length === 1 ? '' : 's'}: ${String(count('created'))} new, ${String(count('updated'))} updated, ${String(count('unchanged'))} unchanged.`,
    ...importLines(
      report,
      file.config.meetings.map((meeting) => meeting.draft),
      options.verbose === true,
    ),
    options.dryRun === true
      ? 'Nothing was changed (--dry-run).'
      : 'Send them to Zoom with "cadence sync", or import and send at once with "cadence meetings create".',
  ];
  context.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * `cadence meetings import CONFIG [--dry-run] [--verbose]`: the config's meetings as drafts, by
 * key. A dry run reads a throwaway copy of the data and changes nothing.
 */
export async function runMeetingsImportCommand(
  context: MeetingsCommandContext,
  path: string,
  options: MeetingsImportOptions,
): Promise<void> {
  const file = readMeetingConfigFile(path);
  const isDryRun = options.dryRun === true;
  const zoomApiUse = options.verbose === true ? 'this_run' : 'ignored';
  await (isDryRun ? withThrowawayServices : withServices)(
    context.dataDir,
    async (services) => {
      const hostCheck = options.verbose === true ? await verifyHosts(services, file) : undefined;
      const report = importMeetingConfig(file.config, meetingDraftsOf(services), { dryRun: isDryRun, zoomApiUse });
      writeImportReport(context, report, file, options, hostCheck);
    },
    { env: runEnvironment(file.config) },
  );
}
