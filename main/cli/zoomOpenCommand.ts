import { CadenceError } from '../../shared/errors';
import { zoomOpenInputSchema, type ZoomOpenReport, type ZoomOpenResult } from '../../shared/zoom/zoomCatalog';
import { exitCodes } from './exitCodes';
import { withServices } from './withServices';

export interface ZoomOpenContext {
  dataDir: string;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
  /** Progress for people, apart from the answer on stdout. */
  stderr: NodeJS.WritableStream;
}

const outcomeWords: Readonly<Record<ZoomOpenResult['outcome'], string>> = {
  opened: 'Opened',
  refreshed: 'Refreshed',
  failed: 'Could not open',
};

function resultLines(result: ZoomOpenResult): string[] {
  const name = result.name === '' ? result.event_id : `"${result.name}" (${result.event_id})`;
  const lines = [`${outcomeWords[result.outcome]} ${name}`];
  if (result.series_id !== null) lines.push(`  series ${result.series_id}`);
  if (result.outcome === 'refreshed') {
    lines.push(`  ${String(result.changes)} changes taken from Zoom, ${String(result.conflicts)} conflicts`);
  }
  if (result.error !== null) {
    lines.push(`  ${result.error.message}${result.error.path === null ? '' : ` (Zoom's ${result.error.path})`}`);
  }
  if (result.kept_on_zoom.length > 0) {
    lines.push('  Kept on Zoom:');
    for (const item of result.kept_on_zoom)
      lines.push(`    ${item.kind.replace('_', ' ')} "${item.name}": ${item.reason}`);
  }
  return lines;
}

function reportText(report: ZoomOpenReport): string {
  const lines = report.results.flatMap(resultLines);
  if (report.results.length === 0) lines.push('No upcoming or draft events in this hub.');
  lines.push(`${String(report.requests)} requests to Zoom.`);
  return `${lines.join('\n')}\n`;
}

/**
 * `cadence zoom open EVENT_ID… | --hub ID`: brings events from Zoom into Cadence as linked
 * series (an event open here already is refreshed), printing each result and what stays on Zoom.
 * Exit 3 when some event could not be opened.
 */
export async function runZoomOpenCommand(
  context: ZoomOpenContext,
  eventIds: readonly string[],
  options: { hub?: string },
): Promise<number> {
  const parsed = zoomOpenInputSchema.safeParse({
    ...(eventIds.length === 0 ? {} : { event_ids: eventIds }),
    ...(options.hub === undefined ? {} : { hub_id: options.hub }),
  });
  if (!parsed.success) {
    throw new CadenceError(
      'invalid_input',
      'Name the events to open by their Zoom event IDs, or a hub with --hub ID.',
      [{ path: 'EVENT_ID… | --hub', message: parsed.error.issues[0]?.message ?? 'Give one or the other.' }],
    );
  }
  const report = await withServices(context.dataDir, (services) =>
    services.zoomOpener.open(parsed.data, (progress) => {
      if (!context.isJson) {
        context.stderr.write(`${String(progress.done)}/${String(progress.total)} ${progress.name}\n`);
      }
    }),
  );
  context.stdout.write(context.isJson ? `${JSON.stringify(report)}\n` : reportText(report));
  return report.results.some((result) => result.outcome === 'failed') ? exitCodes.needsPerson : exitCodes.done;
}
