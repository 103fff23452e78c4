import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { migrate } from '../../../main/db/migrate';
import { latestSchemaVersion, migrations } from '../../../main/db/migrations';
import { createServices } from '../../../main/services';
import { makeTempDir } from '../../support/tempDir';

// Migration 11: capacities and the waiting list. A series and its attendees from before have no
// limit and nobody waiting, and load as they were.

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  dir.remove();
});

it('adds capacities and the waiting list to an older database, which loads with no limit and nobody waiting', () => {
  const file = databaseFile(join(dir.path, 'data'));
  openDatabase(file).db.close();
  const older = `${file}.before`;
  const old = new Database(older);
  const before = migrations.slice(
    0,
    migrations.findIndex((step) => step.name === 'waiting list'),
  );
  migrate(old, { file: older, migrations: before });
  const at = '2026-11-01T10:00:00Z';
  old
    .prepare(
      `INSERT INTO series (id, name, event_type, timezone, start_time, end_time, attendance_type, access_level, publish,
         created_at, updated_at)
       VALUES ('s1', 'Launch', 'SIMPLE_EVENT', 'UTC', '2027-01-05T15:00:00Z', '2027-01-05T16:00:00Z', 'virtual',
         'PRIVATE_UNRESTRICTED', 0, ?, ?)`,
    )
    .run(at, at);
  old.prepare(`INSERT INTO ticket_type (series_id, name, free, currency) VALUES ('s1', 'Guest', 1, 'USD')`).run();
  old
    .prepare(
      `INSERT INTO registration_link (series_id, link_name, authentication_method, send_notification) VALUES ('s1', 'RSVP', 'bypass_auth', 1)`,
    )
    .run();
  old
    .prepare(
      `INSERT INTO attendee (id, series_id, position, email, email_key) VALUES ('a1', 's1', 0, 'Ana@example.com', 'ana@example.com')`,
    )
    .run();
  old.close();

  const { db, migration } = openDatabase(older);
  try {
    expect(migration).toMatchObject({ to: latestSchemaVersion });
    const services = createServices({ db });
    expect(services.drafts.get('s1').draft).not.toHaveProperty('capacity');
    expect(services.attendees.list('s1')).toMatchObject([
      { email: 'Ana@example.com', waiting_place: null, waiting_for: [], promoted: false },
    ]);
    expect(services.attendees.places('s1')).toEqual([]);
    expect(() => db.prepare(`UPDATE series SET capacity = 0 WHERE id = 's1'`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO session_capacity (series_id, occurrence, capacity) VALUES ('s1', 2, 5)`).run();
    db.prepare(`DELETE FROM series WHERE id = 's1'`).run();
    expect(db.prepare('SELECT count(*) FROM session_capacity').pluck().get()).toBe(0);
  } finally {
    db.close();
  }
});
