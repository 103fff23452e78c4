import type { RefreshReport } from '../../shared/zoom/zoomCatalog';
import { exitCodes } from './exitCodes';
import { withServices } from './withServices';

export interface ZoomRefreshContext {
  dataDir: string;
  isJson: boolean;
  stdout: NodeJS.WritableStream;
}

function reportLine(name: string, report: RefreshReport): string {
  if (report.is_gone) return `"${name}": the event is no longer on Zoom; see "cadence conflicts".`;
  const parts = [
    `${String(report.changes)} changes taken from Zoom`,
    `${String(report.new_registrations)} new registrations`,
    `${String(report.removed_registrations)} removed`,
    `${String(report.conflicts)} conflicts`,
  ];
  return `Refreshed "${name}": ${parts.join(', ')}.`;
}

/**
 * `cadence zoom refresh SERIES…`: reads synced series back from Zoom (by ID or key), taking what
 * changed there into the drafts or making conflicts of it, as a sync's start does. Exit 3 when a
 * refresh found conflicts to settle.
 */
export async function runZoomRefreshCommand(context: ZoomRefreshContext, series: readonly string[]): Promise<number> {
  const reports = await withServices(context.dataDir, async (services) => {
    const done: { name: string; report: RefreshReport }[] = [];
    for (const one of series) {
      const seriesId = services.stores.series.idForKey(one) ?? one;
      const report = await services.zoomRefresh.refresh(seriesId);
      done.push({ name: services.stores.outbox.seriesName(seriesId), report });
    }
    return done;
  });
  context.stdout.write(
    context.isJson
      ? `${JSON.stringify(reports.map((one) => one.report))}\n`
      : `${reports.map((one) => reportLine(one.name, one.report)).join('\n')}\n`,
  );
  return reports.some((one) => one.report.conflicts > 0) ? exitCodes.needsPerson : exitCodes.done;
}
