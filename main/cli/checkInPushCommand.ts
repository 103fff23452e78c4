import type { Command } from 'commander';
import type { CheckInUploadReport } from '../../shared/checkin/checkIn';
import { checkInScopeSchema } from '../../shared/checkin/checkIn';
import { CadenceError } from '../../shared/errors';
import { issuesFromZod } from '../../shared/ipc/envelope';
import { exitCodes } from './exitCodes';
import { withServices } from './withServices';

export interface CheckInPushContext {
  dataDir: string;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
}

const outcomeExit: Readonly<Record<CheckInUploadReport['outcome'], number>> = {
  uploaded: exitCodes.done,
  nothing_to_upload: exitCodes.done,
  refusals: exitCodes.needsPerson,
  offline: exitCodes.zoomUnreachable,
};

function describe(report: CheckInUploadReport): string {
  const refusals = report.refusals.map(
    (r) => `  ${r.email}${r.desk === null ? '' : ` (${r.desk})`}: Zoom said "${r.message}"`,
  );
  const requests = `${String(report.requests)} requests to Zoom, ${String(report.readBackRequests)} of them reading everyone's check-ins.`;
  return [report.message, ...refusals, requests].join('\n');
}

/**
 * `cadence checkin push [--event EVENT]`: uploads the check-ins recorded here, then reads everyone's
 * back. Exit 0 all accepted, 3 Zoom refused some (each printed with Zoom's words), 4 Zoom out of
 * reach with everything kept.
 */
export async function runCheckInPushCommand(context: CheckInPushContext, options: { event?: string }): Promise<number> {
  const eventId = parseEventId(options.event);
  return withServices(context.dataDir, async ({ checkInUploader }) => {
    const report = await checkInUploader.upload(eventId);
    context.stdout.write(context.isJson ? `${JSON.stringify(report)}\n` : `${describe(report)}\n`);
    return outcomeExit[report.outcome];
  });
}

function parseEventId(event: string | undefined): string | undefined {
  if (event === undefined) return undefined;
  const parsed = checkInScopeSchema.shape.eventId.safeParse(event);
  if (!parsed.success) {
    throw new CadenceError(
      'invalid_input',
      `"${event}" is not a Zoom event ID.`,
      issuesFromZod(parsed.error).map((issue) => ({ ...issue, path: '--event' })),
    );
  }
  return parsed.data;
}

/** Adds `push` to the `checkin` command group. */
export function addCheckInPushCommand(checkin: Command, context: () => CheckInPushContext): void {
  checkin
    .command('push')
    .description(
      "upload the check-ins recorded here in batches of at most 300, then read everyone's back; exit 3 when Zoom refused any, 4 when Zoom is out of reach",
    )
    .option('--event <event>', 'only this Zoom event ID')
    .action(async (options: { event?: string }) => {
      process.exitCode = await runCheckInPushCommand(context(), options);
    });
}
