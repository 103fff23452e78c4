import type { SeriesExporter } from '../../drafts/export/seriesExporter';
import type { ChannelHandlers } from '../router';

/** Exports of series as CSV, iCalendar or a series file. */
export function createExportHandlers(exporter: SeriesExporter): Pick<ChannelHandlers, 'export.file'> {
  return {
    'export.file': (request) => exporter.export(request),
  };
}
