import { initialSchema } from './001_initial';
import { structuredConflicts } from './002_structuredConflicts';
import { zoomPages } from './003_zoomPages';
import { seriesReadiness } from './004_seriesReadiness';
import { checkIn } from './005_checkIn';
import { zoomReadBack } from './006_zoomReadBack';
import { meetings } from './007_meetings';
import { calendarExports } from './008_calendarExports';
import { closedDays } from './009_closedDays';
import { attendanceReports } from './010_attendanceReports';
import { waitingList } from './011_waitingList';
import { seriesLinks } from './012_seriesLinks';
import { seriesParts } from './013_seriesParts';
import type { Migration } from './migration';

/** Every schema step in order; the last one's version is the schema this build writes. */
export const migrations: readonly Migration[] = [
  initialSchema,
  structuredConflicts,
  zoomPages,
  seriesReadiness,
  checkIn,
  zoomReadBack,
  meetings,
  calendarExports,
  closedDays,
  attendanceReports,
  waitingList,
  seriesLinks,
  seriesParts,
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
