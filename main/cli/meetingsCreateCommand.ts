import type { MeetingImportReport, MeetingSummary } from '../../shared/meetings/meetingViews';
import type { PlannedCall, SyncReport } from '../../shared/sync/syncReport';
import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import { MeetingCsvRows } from '../db/meetingCsvRows';
import { meetingIdsInCsv } from '../meetings/meetingCsv';
import { writeMeetingCsv } from '../meetings/meetingCsvWriter';
import { importMeetingConfig } from '../meetings/meetingImport';
import type { Services } from '../services';
import { exitCodes } from './exitCodes';
import { readMeetingConfigFile, runEnvironment, type MeetingConfigFile } from './meetingConfigFile';
import {
  hostCheckLines,
  importLines,
  meetingDraftsOf,
  verifyHosts,
  type MeetingsCommandContext,
  type MeetingsImportOptions,
} from './meetingsImportCommand';
import { describeCall, syncOutcomeExit } from './syncCommand';
import { withServices } from './withServices';
import { withThrowawayServices } from './throwawayServices';

const rule = '='.repeat(70);

/** How a meeting of the config stands after the sync, in the script's words where it has them. */
function meetingBlock(
  index: number,
  total: number,
  meeting: MeetingImportReport['meetings'][number],
  summary: MeetingSummary | undefined,
): string[] {
  const lines = [`[${String(index)}/${String(total)}] Processing: ${meeting.topic}`, `  Host: ${meeting.host_email}`];
  const onZoom = (title: string) => [
    `  ✓ ${title}`,
    `    - Meeting ID: ${summary?.zoom_meeting_id ?? ''}`,
    `    - Join URL: ${summary?.join_url ?? ''}`,
    ...(summary?.registration_url == null ? [] : [`    - Registration URL: ${summary.registration_url}`]),
  ];
  switch (summary?.state) {
    case 'synced':
      lines.push(
        ...onZoom(
          meeting.action === 'created'
            ? 'Meeting created successfully!'
            : meeting.action === 'updated'
              ? 'Meeting updated on Zoom.'
              : 'Already on Zoom as configured.',
        ),
      );
      break;
    case 'waiting_for_quota':
      lines.push(
        `  … Waits for ${meeting.host_email}'s daily limit of meeting creates and updates; the next sync after ${summary.waits_until ?? 'midnight UTC'} sends it.`,
      );
      break;
    case 'conflict':
      lines.push('  ✗ Needs you: Zoom refused it or it changed on Zoom too. See "cadence conflicts".');
      break;
    default:
      lines.push('  … Not sent yet; it waits for the next "cadence sync".');
  }
  return lines;
}

/** The config's meetings as the list shows them now, by key. */
function summariesByKey(services: Services): Map<string, MeetingSummary> {
  return new Map(services.meetings.list().flatMap((summary) => (summary.key === null ? [] : [[summary.key, summary]])));
}

/** Prints each meeting's block once it is settled (on Zoom, waiting for quota, or held), numbered as printed. */
class MeetingProgress {
  private readonly printed = new Set<string>();

  constructor(
    private readonly report: MeetingImportReport,
    private readonly write: (text: string) => void,
  ) {}

  show(summaries: ReadonlyMap<string, MeetingSummary>, isFinal: boolean): void {
    for (const meeting of this.report.meetings) {
      if (this.printed.has(meeting.key)) continue;
      const summary = summaries.get(meeting.key);
      const isSettled = summary?.state === 'synced' || summary?.state === 'conflict';
      if (!isSettled && !isFinal) continue;
      this.printed.add(meeting.key);
      const lines = meetingBlock(this.printed.size, this.report.meetings.length, meeting, summary);
      this.write(`\n${lines.join('\n')}\n`);
    }
  }
}

interface CreateResult {
  dry_run: boolean;
  import: MeetingImportReport;
  sync: SyncReport | null;
  calls?: PlannedCall[];
  meetings: MeetingSummary[];
  csv: { file: string; rows_written: number };
}

/** `--dry-run`: the import and the sync's plan over a throwaway copy; nothing is sent or written. */
async function dryRun(
  context: MeetingsCommandContext,
  file: MeetingConfigFile,
  options: MeetingsImportOptions,
): Promise<number> {
  return withThrowawayServices(
    context.dataDir,
    async (services) => {
      const hostCheck = options.verbose === true ? await verifyHosts(services, file) : undefined;
      const report = importMeetingConfig(file.config, meetingDraftsOf(services), {
        dryRun: false,
        zoomApiUse: 'this_run',
      });
      const calls = await services.sync.plan();
      for (const warning of report.warnings) context.stderr.write(`Warning: ${warning}\n`);
      const drafts = file.config.meetings.map((meeting) => meeting.draft);
      if (context.isJson) {
        const result: CreateResult = {
          dry_run: true,
          import: { ...report, dry_run: true },
          sync: null,
          calls,
          meetings: [],
          csv: { file: file.csvPath, rows_written: 0 },
        };
        context.stdout.write(`${JSON.stringify(result)}\n`);
        return exitCodes.done;
      }
      const lines = [
        ...(hostCheck === undefined ? [] : hostCheckLines(hostCheck)),
        `Would create ${String(report.meetings.length)} recurring meeting(s) from ${file.path}:`,
        ...importLines({ ...report, dry_run: true }, drafts, options.verbose === true),
        '',
        calls.length === 0
          ? 'Nothing to send: everything is on Zoom as configured.'
          : 'The calls it would make, in order:',
        ...calls.map(describeCall),
        `Rows would be appended to ${file.csvPath}.`,
        'Nothing was changed (--dry-run).',
      ];
      context.stdout.write(`${lines.join('\n')}\n`);
      return exitCodes.done;
    },
    { env: runEnvironment(file.config) },
  );
}

/**
 * `cadence meetings create CONFIG [--dry-run] [--verbose]`: imports the config, sends what waits to
 * Zoom (as `cadence sync` does), prints each meeting as the script does, and appends a row per
 * meeting created to the config's CSV, once. Returns the exit status.
 */
export async function runMeetingsCreateCommand(
  context: MeetingsCommandContext,
  path: string,
  options: MeetingsImportOptions,
): Promise<number> {
  const file = readMeetingConfigFile(path);
  // Before anything is sent: a CSV that is not the script's is refused now, not after creating.
  meetingIdsInCsv(file.csvPath);
  if (options.dryRun === true) return dryRun(context, file, options);
  return withServices(
    context.dataDir,
    async (services) => {
      const hostCheck = options.verbose === true ? await verifyHosts(services, file) : undefined;
      const report = importMeetingConfig(file.config, meetingDraftsOf(services), {
        dryRun: false,
        zoomApiUse: 'this_run',
      });
      for (const warning of report.warnings) context.stderr.write(`Warning: ${warning}\n`);
      const human = (text: string) => {
        if (!context.isJson) context.stdout.write(text);
      };
      if (hostCheck !== undefined) human(`${hostCheckLines(hostCheck).join('\n')}\n`);
      human(`${rule}\nCreating ${String(report.meetings.length)} recurring meeting(s)...\n${rule}\n`);

      const progress = new MeetingProgress(report, human);
      let lastLook = 0;
      const controller = new AbortController();
      const stop = () => {
        controller.abort();
      };
      process.once('SIGINT', stop);
      let sync: SyncReport;
      try {
        sync = await services.sync.run({
          signal: controller.signal,
          onProgress: () => {
            // The list expands every meeting; a look every quarter second is enough for people.
            const now = Date.now();
            if (now - lastLook < 250) return;
            lastLook = now;
            progress.show(summariesByKey(services), false);
          },
        });
      } finally {
        process.off('SIGINT', stop);
      }
      progress.show(summariesByKey(services), true);

      const written = await writeMeetingCsv({
        file: file.csvPath,
        drafts: file.config.meetings.map((meeting) => meeting.draft),
        rows: new MeetingCsvRows(services.db, () => formatInstant(services.now())),
        api: async () => (await services.account.zoom()).meetings,
        now: () => formatInstant(services.now()),
      });
      const keys = new Set(report.meetings.map((meeting) => meeting.key));
      if (context.isJson) {
        const result: CreateResult = {
          dry_run: false,
          import: report,
          sync,
          meetings: services.meetings.list().filter((summary) => summary.key !== null && keys.has(summary.key)),
          csv: { file: file.csvPath, rows_written: written.length },
        };
        context.stdout.write(`${JSON.stringify(result)}\n`);
      } else {
        const saved =
          written.length === 0
            ? `No new meetings to add to ${file.csvPath}.`
            : `Meeting details saved to: ${file.csvPath} (${String(written.length)} new rows)`;
        const mark = sync.outcome === 'succeeded' ? '✓ Complete!' : sync.message;
        human(`\n${rule}\n${mark} ${saved}\n${rule}\n`);
      }
      return syncOutcomeExit[sync.outcome];
    },
    { env: runEnvironment(file.config) },
  );
}
