import type Database from 'better-sqlite3';
import { CadenceError } from '../../../shared/errors';
import type { ExportedFile, ExportFormat, ExportRequest } from '../../../shared/export/exportFile';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import { formatInstant } from '../../../shared/recurrence/expandRecurrence';
import { CalendarExportStore } from '../../db/calendarExportStore';
import { explainSqliteError } from '../../db/database';
import {
  attendeesToExport,
  partsToExport,
  seriesSessionsToExport,
  seriesToExport,
  type ExportSeriesRow,
} from '../../db/exportQueries';
import { readSeriesDraft } from '../../db/seriesRows';
import { wholeOf } from '../../db/seriesLinkStore';
import { attendeesCsv } from './attendeesCsv';
import { calendarEntry, calendarEntryHash } from './calendarEntry';
import { calendarFile } from './calendarFile';
import { exportFileName, exportMediaTypes } from './exportFileName';
import { seriesFileText } from './seriesFileExport';
import { sessionsCsv } from './sessionsCsv';

/** Writes the chosen series as CSV, iCalendar or a series file. */
export interface SeriesExporter {
  export(request: ExportRequest): ExportedFile;
}

export interface SeriesExporterDeps {
  db: Database.Database;
  /** The one clock, in milliseconds: the calendar's DTSTAMP. */
  now: () => number;
}

export function createSeriesExporter(deps: SeriesExporterDeps): SeriesExporter {
  const { db, now } = deps;
  const sequences = new CalendarExportStore(db, () => formatInstant(now()));

  const draftOf = (row: ExportSeriesRow, withAttendees: boolean): SeriesDraft => {
    const draft = readSeriesDraft(db, row.id, { withAttendees });
    // The row was read a moment ago in the same synchronous call; a series gone since is a bug.
    if (draft === undefined) throw new CadenceError('not_found', `The series "${row.name}" no longer exists.`);
    return draft;
  };

  const contentOf = (format: ExportFormat, rows: readonly ExportSeriesRow[]): string => {
    switch (format) {
      case 'csv':
        return sessionsCsv(
          rows.map((row) => ({ row, sessions: seriesSessionsToExport(db, row, partsToExport(db, row.id)) })),
        );
      case 'attendees_csv':
        return attendeesCsv(
          rows.map((row) => {
            const parts = partsToExport(db, row.id);
            return {
              row,
              sessions: seriesSessionsToExport(db, row, parts),
              attendees: attendeesToExport(db, row.id, parts),
            };
          }),
        );
      case 'ics': {
        const entries = rows.map((row) => ({
          row,
          entry: calendarEntry(draftOf(row, false), row, partsToExport(db, row.id)),
        }));
        const numbers = sequences.sequences(
          entries.map(({ row, entry }) => ({ seriesId: row.id, contentHash: calendarEntryHash(entry) })),
        );
        return calendarFile(
          entries.map(({ row, entry }) => ({ entry, sequence: numbers.get(row.id) ?? 0 })),
          { now: now() },
        );
      }
      case 'series':
        return seriesFileText(rows.map((row) => draftOf(row, true)));
    }
  };

  // A part of a long series is not a series of its own: its whole is the one to export.
  const missingWords = (id: string): string => {
    const whole = wholeOf(db, id);
    return whole === undefined
      ? `No series has the ID "${id}"; it may have been deleted.`
      : `"${id}" is part ${String(whole.position)} of "${whole.name}" on Zoom: export "${whole.name}", which holds every part.`;
  };

  return {
    export(request) {
      try {
        // Read as one snapshot: an edit saved meanwhile is either all in the file or not at all.
        return db.transaction(() => {
          const { found, missing } = seriesToExport(db, request.seriesIds);
          if (missing.length > 0) {
            const ids = request.seriesIds ?? [];
            throw new CadenceError(
              'invalid_input',
              `No series has ${missing.length === 1 ? 'this ID' : 'these IDs'}: ${missing.join(', ')}. Nothing was exported.`,
              missing.map((id) => ({ path: `seriesIds[${String(ids.indexOf(id))}]`, message: missingWords(id) })),
            );
          }
          return {
            file_name: exportFileName(
              request.format,
              found.map((row) => row.name),
            ),
            media_type: exportMediaTypes[request.format],
            content: contentOf(request.format, found),
            series: found.length,
          };
        })();
      } catch (error) {
        throw explainSqliteError(error, db.name) ?? error;
      }
    },
  };
}
