import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { createServices, type Services } from '../../../main/services';
import { attendeeProfileFields } from '../../../shared/drafts/attendeeDraft';
import { makeTempDir } from '../../support/tempDir';

// The series-file export on real SQLite files: what it writes, imported into a fresh data folder,
// gives identical drafts, every field of every part of a draft included.

const fixture: unknown = JSON.parse(readFileSync('test/fixtures/export-series.json', 'utf8'));
const now = () => Date.parse('2026-12-01T12:00:00Z');

let dir: ReturnType<typeof makeTempDir>;
const opened: Database.Database[] = [];
function dataFolder(name: string): Services {
  const { db } = openDatabase(databaseFile(join(dir.path, name)));
  opened.push(db);
  return createServices({ db, now });
}
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  dir.remove();
});

/** Every field path in a JSON value, array positions left out: "series.attendees.email". */
function fieldPaths(value: unknown, prefix = ''): Set<string> {
  const paths = new Set<string>();
  if (Array.isArray(value)) for (const item of value) for (const path of fieldPaths(item, prefix)) paths.add(path);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      paths.add(path);
      for (const deeper of fieldPaths(inner, path)) paths.add(deeper);
    }
  }
  return paths;
}

const everyField = [
  'version',
  ...[
    'key',
    'hub_id',
    'name',
    'description',
    'timezone',
    'event_type',
    'meeting_type',
    'attendance_type',
    'access_level',
    'start_time',
    'end_time',
    'publish',
    ...['type', 'repeat_interval', 'weekly_days', 'monthly_days', 'monthly_week', 'monthly_week_day']
      .concat(['end_times', 'end_date_time', 'duration'])
      .map((field) => `recurrence.${field}`),
    ...['occurrence', 'action', 'start_time', 'end_time'].map((field) => `occurrence_changes.${field}`),
    ...['name', 'description', 'free', 'price', 'quantity', 'currency', 'start_time', 'end_time'].map(
      (field) => `ticket_type.${field}`,
    ),
    ...['link_name', 'recurring_registration_option', 'authentication_method', 'send_notification'].map(
      (field) => `registration.${field}`,
    ),
    ...['email', 'first_name', 'last_name', 'occurrences', ...attendeeProfileFields].map(
      (field) => `attendees.${field}`,
    ),
  ].map((field) => `series.${field}`),
];

it('writes every field of the drafts, and importing it into a fresh data folder gives identical drafts', () => {
  const here = dataFolder('here');
  here.drafts.importFile(fixture, { dryRun: false });
  const file = here.exporter.export({ format: 'series' });
  expect(file).toMatchObject({ file_name: 'Cadence series.json', media_type: 'application/json', series: 7 });
  const written: unknown = JSON.parse(file.content);
  expect([...fieldPaths(written)].sort()).toEqual(expect.arrayContaining(everyField));

  const there = dataFolder('there');
  expect(there.drafts.importFile(written, { dryRun: false })).toMatchObject({ created: 7, updated: 0 });
  const draftsIn = (services: Services) => services.drafts.list().map(({ id }) => services.drafts.get(id).draft);
  expect(draftsIn(there)).toEqual(draftsIn(here));
  expect(there.exporter.export({ format: 'series' }).content).toBe(file.content);

  // Imported again where it came from, a series with a key updates its draft; one without is new.
  const again = here.drafts.importFile(written, { dryRun: false });
  expect(again).toMatchObject({ updated: 6, created: 1 });
});

it('writes the chosen series only, named after it', () => {
  const here = dataFolder('here');
  here.drafts.importFile(fixture, { dryRun: false });
  const launch = here.drafts.list().find((entry) => entry.key === 'launch');
  const file = here.exporter.export({ format: 'series', seriesIds: [launch?.id ?? ''] });
  expect(file).toMatchObject({ file_name: 'Launch day series.json', series: 1 });
  expect(JSON.parse(file.content)).toEqual({ version: 1, series: [here.drafts.get(launch?.id ?? '').draft] });
});
