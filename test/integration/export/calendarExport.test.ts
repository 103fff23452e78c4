import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { createServices, type Services } from '../../../main/services';
import { plannedSessions } from '../../../shared/drafts/plannedSessions';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import { readCalendar, type CalendarSeries } from '../../support/icalReader';
import { makeTempDir } from '../../support/tempDir';

// The iCalendar export on a real SQLite file, read back by ical.js (a parser independent of the
// writer): each series expands to the sessions Cadence's preview plans, across DST changes, with
// its cancelled and moved occurrences; its UID stays and its SEQUENCE rises only when it changes.

const now = Date.parse('2026-12-01T12:00:00Z');
const fixture: unknown = JSON.parse(readFileSync('test/fixtures/export-series.json', 'utf8'));

let dir: ReturnType<typeof makeTempDir>;
let db: Database.Database;
let services: Services;
beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(databaseFile(dir.path)).db;
  services = createServices({ db, now: () => now });
  services.drafts.importFile(fixture, { dryRun: false });
});
afterEach(() => {
  db.close();
  dir.remove();
});

function exportCalendar(): Map<string, CalendarSeries> {
  const file = services.exporter.export({ format: 'ics' });
  expect(file).toMatchObject({ media_type: 'text/calendar;charset=utf-8', file_name: 'Cadence.ics', series: 7 });
  return readCalendar(file.content).series;
}

function seriesNamed(name: string): { id: string; draft: SeriesDraft } {
  const summary = services.drafts.list().find((entry) => entry.name === name);
  if (summary === undefined) throw new Error(`no series ${name}`);
  return services.drafts.get(summary.id);
}

const uidOf = (id: string) => `${id}@cadence.series`;

/** The preview's sessions that take place, as instances. */
function previewed(draft: SeriesDraft) {
  return plannedSessions(draft)
    .filter((session) => session.status !== 'cancelled')
    .map((session) => ({ start: session.start_time, end: session.end_time }))
    .sort((a, b) => a.start.localeCompare(b.start));
}

describe('the calendar export', () => {
  it('expands, in an independent parser, to the sessions of the preview for every series', () => {
    const calendar = exportCalendar();
    expect(calendar.size).toBe(7);
    for (const { id } of services.drafts.list()) {
      const { draft } = services.drafts.get(id);
      expect(calendar.get(uidOf(id))?.instances, draft.name).toEqual(previewed(draft));
    }
  });

  it('keeps a weekly New York series at 10:00 local across the March and November changes, without the cancelled one and with the moved ones where they went', () => {
    const { id } = seriesNamed('Tuesday Planning, "New York" edition');
    const starts =
      calendar()
        .get(uidOf(id))
        ?.instances.map((instance) => instance.start) ?? [];
    expect(starts).toHaveLength(44);
    // 10:00 EST is 15:00Z, 10:00 EDT 14:00Z (from 14 March to 7 November 2027).
    expect(starts).toContain('2027-03-09T15:00:00Z');
    expect(starts).not.toContain('2027-03-16T14:00:00Z');
    expect(starts).toContain('2027-03-23T14:00:00Z');
    expect(starts).not.toContain('2027-04-06T14:00:00Z');
    expect(starts).toContain('2027-04-07T14:00:00Z');
    expect(starts).toContain('2027-10-26T14:00:00Z');
    expect(starts).not.toContain('2027-11-02T14:00:00Z');
    expect(starts).toContain('2027-11-10T16:00:00Z');
    expect(starts).toContain('2027-11-09T15:00:00Z');
  });

  it('writes one VTIMEZONE per zone, and a link such as Asia/Calcutta under its zone name', () => {
    const text = services.exporter.export({ format: 'ics' }).content;
    const { calendar: parsed } = readCalendar(text);
    const zones = parsed.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'));
    expect(zones.sort()).toEqual([
      'America/Chicago',
      'America/Los_Angeles',
      'America/New_York',
      'Asia/Kolkata',
      'Etc/UTC',
      'Europe/Berlin',
    ]);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*\r\nEND:VCALENDAR\r\n$/);
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    expect(text).toContain('X-PUBLISHED-TTL:PT1H\r\n');
  });

  it('says that an entry is not a registration, and where to register and join once Zoom has said', () => {
    const { id } = seriesNamed('Tuesday Planning, "New York" edition');
    expect(calendar().get(uidOf(id))?.description).toMatch(/^This calendar entry is not a registration\./);
    services.stores.pages.record(id, {
      hub_name: 'Planning hub',
      event_url: 'https://events.zoom.us/ev/planning',
      registration_url: 'https://events.zoom.us/ev/planning/register',
    });
    const entry = calendar().get(uidOf(id));
    expect(entry?.url).toBe('https://events.zoom.us/ev/planning');
    expect(entry?.description).toContain(
      'This calendar entry is not a registration. To attend, register at https://events.zoom.us/ev/planning/register',
    );
    expect(entry?.description).toContain('Join on Zoom: https://events.zoom.us/ev/planning');
  });

  it('keeps each UID, keeps the SEQUENCE while nothing changes, and raises it for the series that changed only', () => {
    const planning = seriesNamed('Tuesday Planning, "New York" edition');
    const launch = seriesNamed('Launch day');
    const sequenceOf = (entries: Map<string, CalendarSeries>, id: string) => entries.get(uidOf(id))?.sequences;

    const first = exportCalendar();
    const again = exportCalendar();
    expect([...again.keys()]).toEqual([...first.keys()]);
    expect(sequenceOf(again, planning.id)).toEqual([0, 0, 0]);

    // A change the calendar shows: another occurrence cancelled.
    const changes = planning.draft.event_type === 'RECURRING' ? planning.draft.occurrence_changes : [];
    services.drafts.save(planning.id, {
      ...planning.draft,
      occurrence_changes: [...changes, { occurrence: 8, action: 'cancel' }],
    });
    const changed = exportCalendar();
    expect(sequenceOf(changed, planning.id)).toEqual([1, 1, 1]);
    expect(changed.get(uidOf(planning.id))?.instances).toEqual(previewed(services.drafts.get(planning.id).draft));
    expect(sequenceOf(changed, launch.id)).toEqual([0]);

    // A change it does not show (one more attendee) leaves it as it was.
    services.drafts.save(planning.id, {
      ...services.drafts.get(planning.id).draft,
      attendees: [...planning.draft.attendees, { email: 'new@example.com', occurrences: [1] }],
    });
    expect(sequenceOf(exportCalendar(), planning.id)).toEqual([1, 1, 1]);

    services.drafts.save(launch.id, { ...launch.draft, name: 'Launch day (moved room)' });
    const renamed = exportCalendar();
    expect(sequenceOf(renamed, launch.id)).toEqual([1]);
    expect(renamed.get(uidOf(launch.id))?.summary).toBe('Launch day (moved room)');
    expect(sequenceOf(renamed, planning.id)).toEqual([1, 1, 1]);
  });

  it('exports the chosen series only, and refuses an ID that names none, naming it', () => {
    const { id } = seriesNamed('Launch day');
    const file = services.exporter.export({ format: 'ics', seriesIds: [id] });
    expect(file).toMatchObject({ file_name: 'Launch day.ics', series: 1 });
    expect([...readCalendar(file.content).series.keys()]).toEqual([uidOf(id)]);
    expect(() => services.exporter.export({ format: 'ics', seriesIds: [id, 'gone'] })).toThrow(
      expect.objectContaining({ code: 'invalid_input', issues: [expect.objectContaining({ path: 'seriesIds[1]' })] }),
    );
  });
});

function calendar(): Map<string, CalendarSeries> {
  return readCalendar(services.exporter.export({ format: 'ics' }).content).series;
}
