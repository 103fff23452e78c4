import { create } from 'zustand';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError } from '../../shared/ipc/envelope';
import type { AttendanceReport } from '../../shared/reports/attendanceReport';

interface ReportState {
  seriesId: string | undefined;
  /** The kept report; null when none was downloaded, undefined while reading. */
  report: AttendanceReport | null | undefined;
  isDownloading: boolean;
  error: IpcError | undefined;
  /** Reads the report kept for the series: no network. */
  open: (api: CadenceApi, seriesId: string) => Promise<void>;
  /** Downloads it from Zoom again; a failure keeps what was shown. */
  download: (api: CadenceApi) => Promise<void>;
}

/** A series' attendance report as its Attendance tab shows it. */
export const useReportStore = create<ReportState>()((set, get) => ({
  seriesId: undefined,
  report: undefined,
  isDownloading: false,
  error: undefined,
  async open(api, seriesId) {
    if (get().seriesId !== seriesId) set({ seriesId, report: undefined, error: undefined, isDownloading: false });
    const result = await api.reports.get({ source: { seriesId } });
    if (get().seriesId !== seriesId) return;
    set(result.ok ? { report: result.value, error: undefined } : { report: null, error: result.error });
  },
  async download(api) {
    const { seriesId } = get();
    if (seriesId === undefined) return;
    set({ isDownloading: true, error: undefined });
    const result = await api.reports.download({ source: { seriesId } });
    if (get().seriesId !== seriesId) return;
    set(result.ok ? { report: result.value, isDownloading: false } : { error: result.error, isDownloading: false });
  },
}));
