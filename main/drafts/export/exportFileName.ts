import type { ExportFormat } from '../../../shared/export/exportFile';

/** Characters no file name may hold on Windows, macOS or Linux. */
const unsafeInFileName = /[\\/:*?"<>|\p{Cc}]+/gu;

const endings: Readonly<Record<ExportFormat, string>> = {
  csv: ' sessions.csv',
  attendees_csv: ' attendees.csv',
  ics: '.ics',
  series: ' series.json',
};

/** The media type of each format, for the saved file. */
export const exportMediaTypes: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv;charset=utf-8',
  attendees_csv: 'text/csv;charset=utf-8',
  ics: 'text/calendar;charset=utf-8',
  series: 'application/json',
};

/** "Weekly Standup sessions.csv" for one series, "Cadence sessions.csv" for several. */
export function exportFileName(format: ExportFormat, seriesNames: readonly string[]): string {
  const only = seriesNames.length === 1 ? seriesNames[0] : undefined;
  const name = (only ?? 'Cadence').replace(unsafeInFileName, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  return `${name === '' ? 'Cadence' : name}${endings[format]}`;
}
