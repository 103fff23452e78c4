import { CadenceError } from '../../../shared/errors';
import type { ExportedFile, ExportRequest } from '../../../shared/export/exportFile';

/** Writes the chosen series as CSV, iCalendar or a series file. */
export interface SeriesExporter {
  export(request: ExportRequest): ExportedFile;
}

export function createSeriesExporter(): SeriesExporter {
  return {
    export() {
      throw new CadenceError('unavailable', 'Export is not available in this build.');
    },
  };
}
