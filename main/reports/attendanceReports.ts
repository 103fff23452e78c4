import type Database from 'better-sqlite3';
import { z } from 'zod';
import { CadenceError } from '../../shared/errors';
import { sessionReportColumns, type AttendanceReport, type ReportSource } from '../../shared/reports/attendanceReport';
import { defaultToleranceMinutes } from '../../shared/reports/attendanceMatch';
import { partLabel } from '../../shared/drafts/seriesParts';
import { AttendanceReportStore, type DownloadedReport } from '../db/attendanceReportStore';
import { partLinksOf } from '../db/seriesLinkStore';
import { csvText, localTime } from '../drafts/export/csvText';
import { downloadReport, type ReportApi } from './attendanceDownload';

export interface AttendanceReportsOptions {
  db: Database.Database;
  api: () => Promise<ReportApi>;
  now: () => number;
  toleranceMinutes?: number;
}

const seriesRowSchema = z.object({ id: z.string(), name: z.string(), zoom_event_id: z.string().nullable() });
type SeriesRow = z.output<typeof seriesRowSchema>;

/**
 * Per-session attendance: downloaded from Zoom's reports when asked, kept in SQLite, and read
 * from there without a network. A download is a read of Zoom like the check-in download, never an
 * outbox operation; its calls give way to the sync's in the rate limiter.
 */
export class AttendanceReports {
  private readonly store: AttendanceReportStore;

  constructor(private readonly options: AttendanceReportsOptions) {
    this.store = new AttendanceReportStore(options.db, options.toleranceMinutes ?? defaultToleranceMinutes);
  }

  /** What `name` names: a series by ID, key or name (any case), else a Zoom event ID. */
  sourceNamed(name: string): ReportSource {
    const byIdOrKey = this.series(name);
    if (byIdOrKey !== undefined) return { seriesId: byIdOrKey.id };
    const named = z
      .array(seriesRowSchema)
      .parse(
        this.options.db
          .prepare('SELECT id, name, zoom_event_id FROM series WHERE deleted_at IS NULL AND lower(name) = lower(?)')
          .all(name),
      );
    if (named.length > 1) {
      throw new CadenceError('invalid_input', `${String(named.length)} series are named “${name}”: use a key.`, [
        { path: 'EVENT', message: 'More than one series has this name.' },
      ]);
    }
    const series = named[0];
    return series === undefined ? { eventId: name } : { seriesId: series.id };
  }

  /**
   * The kept report of what `source` names, as last downloaded; undefined when never downloaded.
   * A series in parts has one report: every part's sessions, as the whole's.
   */
  kept(source: ReportSource): AttendanceReport | undefined {
    const whole = this.wholeOf(source);
    if (whole !== undefined) {
      const eventIds = whole.parts.flatMap((part) => (part.eventId === null ? [] : [part.eventId]));
      return this.store.readWhole({ seriesId: whole.series.id, name: whole.series.name }, eventIds);
    }
    const { eventId } = this.eventOf(source, false);
    return eventId === null ? undefined : this.store.read(eventId);
  }

  /**
   * Downloads the report again from Zoom and keeps it; a download cut short keeps the old one. A
   * series in parts downloads each part's event, and keeps them all or, cut short, none.
   */
  async download(source: ReportSource): Promise<AttendanceReport> {
    const field = 'seriesId' in source ? 'seriesId' : 'eventId';
    const whole = this.wholeOf(source);
    const targets =
      whole === undefined ? [this.eventOf(source, true)] : this.partEvents(whole.series.name, whole.parts, field);
    const api = await this.options.api();
    const downloaded: DownloadedReport[] = [];
    // One part after another: each download already reads its sessions at once.
    for (const target of targets) {
      downloaded.push(await downloadReport(api, { ...target, field }, this.options.now()));
    }
    this.options.db.transaction(() => {
      for (const report of downloaded) this.store.replace(report);
    })();
    const kept = this.kept(source);
    if (kept === undefined) throw new CadenceError('internal', 'The downloaded report was not kept.');
    return kept;
  }

  /** The events of a series' parts, each to download; refused while a part is not on Zoom yet. */
  private partEvents(
    name: string,
    parts: readonly { seriesId: string; eventId: string | null }[],
    field: string,
  ): { eventId: string; seriesId: string }[] {
    return parts.map((part, index) => {
      if (part.eventId === null) {
        throw new CadenceError(
          'conflict',
          `“${name}” is not all on Zoom yet (${partLabel(index, parts.length)} is not): sync it first, then download its report.`,
          [{ path: field, message: 'Part of this series is not on Zoom yet.' }],
        );
      }
      return { eventId: part.eventId, seriesId: part.seriesId };
    });
  }

  /** The series `source` names, with its parts, when it reaches Zoom in parts. */
  private wholeOf(
    source: ReportSource,
  ): { series: SeriesRow; parts: { seriesId: string; eventId: string | null }[] } | undefined {
    if (!('seriesId' in source)) return undefined;
    const series = this.series(source.seriesId);
    if (series === undefined) return undefined;
    const parts = partLinksOf(this.options.db, series.id);
    return parts.length === 0 ? undefined : { series, parts };
  }

  /** The kept report as CSV, one line a session, times in the event's zone. */
  csv(source: ReportSource): { fileName: string; text: string } {
    const report = this.kept(source);
    if (report === undefined) {
      throw new CadenceError('not_found', 'This report has not been downloaded yet: download it first.', [
        { path: 'seriesId' in source ? 'seriesId' : 'eventId', message: 'No report is kept for it.' },
      ]);
    }
    return { fileName: reportFileName(report), text: reportCsv(report) };
  }

  private eventOf(source: ReportSource, mustExist: true): { eventId: string; seriesId: string | null };
  private eventOf(source: ReportSource, mustExist: false): { eventId: string | null; seriesId: string | null };
  private eventOf(source: ReportSource, mustExist: boolean): { eventId: string | null; seriesId: string | null } {
    if ('eventId' in source) return { eventId: source.eventId, seriesId: this.seriesOfEvent(source.eventId) };
    const series = this.series(source.seriesId);
    if (series === undefined) {
      throw new CadenceError('not_found', 'There is no such series.', [
        { path: 'seriesId', message: 'No series has this ID.' },
      ]);
    }
    if (series.zoom_event_id === null && mustExist) {
      throw new CadenceError(
        'conflict',
        `“${series.name}” is not on Zoom yet: sync it first, then download its report.`,
        [{ path: 'seriesId', message: 'This series is not on Zoom yet.' }],
      );
    }
    return { eventId: series.zoom_event_id, seriesId: series.id };
  }

  private series(idOrKey: string): SeriesRow | undefined {
    const row = this.options.db
      .prepare('SELECT id, name, zoom_event_id FROM series WHERE (id = ? OR key = ?) AND deleted_at IS NULL')
      .get(idOrKey, idOrKey);
    return row === undefined ? undefined : seriesRowSchema.parse(row);
  }

  private seriesOfEvent(eventId: string): string | null {
    const row = this.options.db
      .prepare<[string], { id: string }>('SELECT id FROM series WHERE zoom_event_id = ? AND deleted_at IS NULL')
      .get(eventId);
    return row?.id ?? null;
  }
}

/** A rate as a spreadsheet reads it: "0.75"; empty when unknown. */
function rateText(rate: number | null): string {
  return rate === null ? '' : rate.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

/** The report's CSV: the columns of `sessionReportColumns`, a session a line. */
export function reportCsv(report: AttendanceReport): string {
  const partOf = (position: number) => {
    const index = report.parts.findLastIndex((part) => part.firstPosition <= position);
    return index < 0 ? '' : index + 1;
  };
  return csvText(
    sessionReportColumns,
    report.sessions.map((s) => [
      s.position,
      s.name,
      localTime(s.startTime, report.timezone),
      localTime(s.endTime, report.timezone),
      s.registered,
      s.attended === null ? '' : s.attended,
      s.checkedInOnsite,
      rateText(s.attendanceRate),
      s.state,
      partOf(s.position),
    ]),
  );
}

function reportFileName(report: AttendanceReport): string {
  const slug = report.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug === '' ? 'event' : slug}-attendance.csv`;
}
