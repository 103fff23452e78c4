import { CadenceError } from '../../shared/errors';
import { resolutionSchema, type ConflictSummary } from '../../shared/sync/conflicts';
import type { PlannedCall, SyncProgress, SyncReport } from '../../shared/sync/syncReport';
import { withServices } from './withServices';
import { exitCodes } from './exitCodes';

export interface SyncCommandContext {
  dataDir: string;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

/** The exit status for how a sync ended. */
export const syncOutcomeExit: Readonly<Record<SyncReport['outcome'], number>> = {
  succeeded: exitCodes.done,
  needs_attention: exitCodes.needsPerson,
  offline: exitCodes.zoomUnreachable,
  cancelled: exitCodes.zoomUnreachable,
  failed: exitCodes.unexpected,
};

function progressBar(progress: SyncProgress, width = 24): string {
  const share = progress.total === 0 ? 1 : progress.done / progress.total;
  const filled = Math.round(share * width);
  const eta = progress.eta_seconds === null ? '' : ` · about ${String(progress.eta_seconds)} s left`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(progress.done)}/${String(progress.total)} ${progress.step}${eta}`;
}

/** One planned call as `--dry-run` lists it. */
export function describeCall(call: PlannedCall): string {
  const body = call.body === undefined ? '' : `\n    ${JSON.stringify(call.body)}`;
  return `${call.method.padEnd(6)} ${call.path}  — ${call.series === '' ? '' : `${call.series}: `}${call.what}${body}`;
}

/** `cadence sync [--dry-run]`: sends the outbox to Zoom, or lists every call it would make. Returns the exit status. */
export async function runSyncCommand(context: SyncCommandContext, options: { dryRun: boolean }): Promise<number> {
  return withServices(context.dataDir, async ({ sync: service }) => {
    if (options.dryRun) {
      const calls = await service.plan();
      if (context.isJson) context.stdout.write(`${JSON.stringify({ dry_run: true, calls })}\n`);
      else if (calls.length === 0) context.stdout.write('Nothing to send: everything is in sync.\n');
      else if (calls.every((call) => call.method === 'GET' || call.what === 'signing in')) {
        // Only the sync's read-back: the series are compared with Zoom, and nothing is sent.
        const reads = calls.filter((call) => call.method === 'GET').length;
        context.stdout.write(
          `Nothing to send: everything is in sync. A sync first reads the series back from Zoom (${String(reads)} requests).\n`,
        );
      } else {
        context.stdout.write(
          `${calls.map(describeCall).join('\n')}\n${String(calls.length)} calls; nothing was sent (--dry-run).\n`,
        );
      }
      return exitCodes.done;
    }
    const controller = new AbortController();
    const stop = () => {
      controller.abort();
    };
    process.once('SIGINT', stop);
    const showBar = !context.isJson && context.stderr.isTTY;
    try {
      const report = await service.run({
        signal: controller.signal,
        onProgress: (progress) => {
          if (showBar) context.stderr.write(`\r\u001b[2K${progressBar(progress)}`);
        },
      });
      if (showBar) context.stderr.write('\n');
      context.stdout.write(context.isJson ? `${JSON.stringify(report)}\n` : `${report.message}\n`);
      return syncOutcomeExit[report.outcome];
    } finally {
      process.off('SIGINT', stop);
    }
  });
}

function describeConflict(conflict: ConflictSummary): string {
  const show = (label: string, value: unknown) =>
    value === null || value === undefined ? [] : [`    ${label}: ${JSON.stringify(value)}`];
  return [
    `#${String(conflict.id)}  ${conflict.series_name} — ${conflict.kind.replace(/_/g, ' ')} (${conflict.subject})`,
    `    ${conflict.message}`,
    ...show('last synced', conflict.base),
    ...show('yours', conflict.local),
    ...show('Zoom', conflict.remote),
  ].join('\n');
}

/** `cadence conflicts`: the open conflicts with both versions. */
export async function runConflictsCommand(context: SyncCommandContext): Promise<void> {
  await withServices(context.dataDir, (services) => {
    const conflicts = services.conflicts.list();
    if (context.isJson) context.stdout.write(`${JSON.stringify(conflicts)}\n`);
    else if (conflicts.length === 0) context.stdout.write('No open conflicts.\n');
    else {
      context.stdout.write(
        `${conflicts.map(describeConflict).join('\n')}\nSettle each with: cadence resolve ID --keep local|remote\n`,
      );
    }
  });
}

/** `cadence resolve ID --keep local|remote`, or `--undo` */
export async function runResolveCommand(
  context: SyncCommandContext,
  id: string,
  options: { keep?: string; undo?: boolean },
): Promise<void> {
  const parsedId = Number(id);
  if (!Number.isInteger(parsedId) || parsedId < 1) {
    throw new CadenceError('invalid_input', `"${id}" is not a conflict ID; "cadence conflicts" lists them.`, [
      { path: 'ID', message: 'A conflict number, such as 3.' },
    ]);
  }
  if (options.undo === true) {
    if (options.keep !== undefined) {
      throw new CadenceError('invalid_input', 'Choose --keep or --undo, not both.', [
        { path: '--undo', message: 'Undo alone, or --keep alone.' },
      ]);
    }
    await withServices(context.dataDir, (services) => {
      const result = services.conflicts.undo(parsedId);
      context.stdout.write(context.isJson ? `${JSON.stringify(result)}\n` : `${result.message}\n`);
    });
    return;
  }
  const resolution = resolutionSchema.safeParse(options.keep);
  if (!resolution.success) {
    throw new CadenceError('invalid_input', 'Keep "local" (yours) or "remote" (Zoom\'s).', [
      { path: '--keep', message: 'local or remote' },
    ]);
  }
  await withServices(context.dataDir, (services) => {
    const result = services.conflicts.resolve(parsedId, resolution.data);
    context.stdout.write(
      context.isJson
        ? `${JSON.stringify(result)}\n`
        : `Conflict ${id} settled. ${result.message}${result.can_undo ? ` (Undo: cadence resolve ${id} --undo)` : ''}\n`,
    );
  });
}
