import type { AttendanceReports } from '../../reports/attendanceReports';
import type { ChannelHandlers } from '../router';

/** Per-session attendance reports: read offline, downloaded again on request, exported as CSV. */
export function createReportHandlers(
  reports: AttendanceReports,
): Pick<ChannelHandlers, 'reports.get' | 'reports.download' | 'reports.exportCsv'> {
  return {
    'reports.get': ({ source }) => reports.kept(source) ?? null,
    'reports.download': ({ source }) => reports.download(source),
    'reports.exportCsv': ({ source }) => {
      const { fileName, text } = reports.csv(source);
      return { fileName, csv: text };
    },
  };
}
