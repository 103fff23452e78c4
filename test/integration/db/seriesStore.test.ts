import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { eventFieldsOf } from '../../../shared/outbox/planOperations';
import type { DraftService } from '../../../main/drafts/draftService';
import { createServices, type Services } from '../../../main/services';
import { CadenceError } from '../../../shared/errors';
import { makeTempDir } from '../../support/tempDir';

// The store on a real SQLite file: drafts, their outbox, and what an import does twice.

const example = JSON.parse(readFileSync('test/fixtures/series-file-example.json', 'utf8')) as {
  series: Record<string, unknown>[];
};
const standupExample = example.series[0] ?? {};

function standup(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...standupExample,
    attendees: [
      { email: 'jane.doe@example.com', first_name: 'Jane', last_name: 'Doe' },
      { email: 'john.smith@example.com', first_name: 'John', last_name: 'Smith' },
    ],
    ...overrides,
  };
}

function training(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    key: 'git-training',
    name: 'Git & GitHub Training Series',
    timezone: 'America/New_York',
    event_type: 'RECURRING',
    start_time: '2027-01-06T18:00:00Z',
    recurrence: { type: 2, end_times: 4, duration: 60 },
    ticket_type: { name: 'Per-Session Ticket', quantity: 100 },
    registration: { link_name: 'Training Registration', recurring_registration_option: 'single_session' },
    attendees: [{ email: 'ada@example.com', occurrences: [2] }],
    ...overrides,
  };
}

const file = (...series: Record<string, unknown>[]) => ({ version: 1, series });

let dir: ReturnType<typeof makeTempDir>;
let db: Database.Database;
let drafts: DraftService;
let services: Services;
const beforeTheSeries = Date.parse('2026-12-30T12:00:00Z');
let clock = beforeTheSeries;

beforeEach(() => {
  dir = makeTempDir();
  clock = beforeTheSeries;
  db = openDatabase(databaseFile(dir.path)).db;
  services = createServices({ db, now: () => clock });
  drafts = services.drafts;
});
afterEach(() => {
  db.close();
  dir.remove();
});

interface OutboxRow {
  id: number;
  op_key: string;
  kind: string;
  state: string;
  payload_json: string;
}

function outbox(): OutboxRow[] {
  return db.prepare('SELECT id, op_key, kind, state, payload_json FROM outbox ORDER BY id').all() as OutboxRow[];
}

/** As a sync records it: Zoom created the event, with the fields it was sent. */
function recordEventCreated(id: string, eventId: string): void {
  const op = outbox().find((row) => row.op_key === 'event');
  if (op === undefined) throw new Error('no event operation');
  services.stores.outbox.records.eventCreated(op.id, id, eventId, eventFieldsOf(drafts.get(id).draft));
}

function count(table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

describe('import', () => {
  it('writes drafts with their sessions, attendees and the operations Zoom needs, in order', () => {
    const summary = drafts.importFile(file(standup(), training()), { dryRun: false });
    expect(summary).toMatchObject({ dry_run: false, created: 2, updated: 0 });
    expect(summary.series.map((s) => [s.name, s.sessions, s.attendees])).toEqual([
      ['Engineering Team Weekly Standup', 11, 2],
      ['Git & GitHub Training Series', 4, 1],
    ]);
    expect(count('series')).toBe(2);
    expect(count('occurrence')).toBe(16);
    expect(count('attendee')).toBe(3);
    const standupOps = outbox()
      .slice(0, 8)
      .map((op) => `${op.kind} ${op.op_key.replace(/ticket:.*/, 'ticket:…')}`);
    expect(standupOps).toEqual([
      'event.create event',
      'ticket_type.create ticket_type',
      'access_link.create access_link',
      'event.publish publish',
      'session.update session:3',
      'session.delete session:7',
      'ticket.create ticket:…',
      'ticket.create ticket:…',
    ]);
  });

  it('twice is the same as once: drafts are updated by key, never doubled', () => {
    drafts.importFile(file(standup(), training()), { dryRun: false });
    const before = { series: count('series'), attendees: count('attendee'), ops: outbox() };
    const ids = db.prepare('SELECT id FROM attendee ORDER BY id').pluck().all();
    const again = drafts.importFile(file(standup(), training()), { dryRun: false });
    expect(again).toMatchObject({ created: 0, updated: 2 });
    expect(count('series')).toBe(before.series);
    expect(count('attendee')).toBe(before.attendees);
    // The same operations, rows and all: nothing new to send.
    expect(outbox()).toEqual(before.ops);
    expect(db.prepare('SELECT id FROM attendee ORDER BY id').pluck().all()).toEqual(ids);
  });

  it('a second import with changes updates what changed; registration IDs stay with their people', () => {
    drafts.importFile(file(training()), { dryRun: false });
    const adaId = db.prepare(`SELECT id FROM attendee WHERE email = 'ada@example.com'`).pluck().get();
    drafts.importFile(
      file(
        training({
          name: 'Git Training (renamed)',
          attendees: [
            { email: 'ADA@example.com', occurrences: [3] },
            { email: 'linus@example.com', occurrences: [1] },
          ],
        }),
      ),
      { dryRun: false },
    );
    expect(db.prepare(`SELECT id FROM attendee WHERE email_key = 'ada@example.com'`).pluck().get()).toBe(adaId);
    const ada = outbox().find((op) => op.op_key === `ticket:${String(adaId)}`);
    expect(JSON.parse(ada?.payload_json ?? '{}')).toMatchObject({
      attendee: { email: 'ADA@example.com', occurrences: [3] },
    });
    expect(outbox().filter((op) => op.kind === 'ticket.create')).toHaveLength(2);
    expect(JSON.parse(outbox()[0]?.payload_json ?? '{}')).toMatchObject({ event: { name: 'Git Training (renamed)' } });
  });

  it('an invalid file changes nothing and names every problem', () => {
    drafts.importFile(file(training()), { dryRun: false });
    const before = { rows: db.prepare('SELECT * FROM series').all(), ops: outbox() };
    let error: unknown;
    try {
      drafts.importFile(file(training({ name: 'Changed' }), standup({ attendees: [{ email: 'nope' }] })), {
        dryRun: false,
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CadenceError);
    expect((error as CadenceError).issues).toEqual([
      { path: 'series[1].attendees[0].email', message: 'Write an email address, such as jane.doe@example.com.' },
    ]);
    expect(db.prepare('SELECT * FROM series').all()).toEqual(before.rows);
    expect(outbox()).toEqual(before.ops);
  });

  it('a dry run reports creates and updates and writes nothing', () => {
    drafts.importFile(file(training()), { dryRun: false });
    const before = outbox();
    const summary = drafts.importFile(file(training(), standup()), { dryRun: true });
    expect(summary.series.map((s) => s.action)).toEqual(['update', 'create']);
    expect(count('series')).toBe(1);
    expect(outbox()).toEqual(before);
  });
});

describe('edits and the outbox', () => {
  it('renaming a draft ten times offline leaves one pending operation, with the last name', () => {
    const { id } = drafts.save(undefined, training());
    const first = outbox().find((op) => op.op_key === 'event');
    for (let i = 1; i <= 10; i += 1) drafts.save(id, training({ name: `Training, take ${String(i)}` }));
    const events = outbox().filter((op) => op.op_key === 'event');
    expect(events).toHaveLength(1);
    expect(events[0]?.id).toBe(first?.id);
    expect(JSON.parse(events[0]?.payload_json ?? '{}')).toMatchObject({ event: { name: 'Training, take 10' } });
  });

  it('deleting a draft Zoom never had removes it and its operations: nothing reaches Zoom', () => {
    const { id } = drafts.save(undefined, training());
    expect(drafts.delete(id)).toBe('removed');
    for (const table of ['series', 'occurrence', 'attendee', 'ticket_type', 'registration_link', 'outbox']) {
      expect(count(table), table).toBe(0);
    }
  });

  it('on a synced series, only the fields that changed are queued, and changing them back queues nothing', () => {
    const { id } = drafts.save(undefined, training());
    recordEventCreated(id, 'zoom-event-1');
    expect(outbox().find((op) => op.op_key === 'event')?.state).toBe('done');
    drafts.save(id, training({ name: 'Git Training' }));
    const update = outbox().filter((op) => op.state === 'pending' && op.op_key === 'event.fields');
    expect(update.map((op) => [op.kind, JSON.parse(op.payload_json) as unknown])).toEqual([
      ['event.update', { changes: { name: 'Git Training' } }],
    ]);
    drafts.save(id, training());
    expect(outbox().filter((op) => op.state === 'pending' && op.op_key === 'event.fields')).toEqual([]);
  });

  it('deleting a synced series queues the delete of its Zoom event in place of everything else', () => {
    const { id } = drafts.save(undefined, training());
    recordEventCreated(id, 'zoom-event-1');
    expect(drafts.delete(id)).toBe('queued');
    const pending = outbox().filter((op) => op.state === 'pending');
    expect(pending.map((op) => [op.kind, JSON.parse(op.payload_json) as unknown])).toEqual([
      ['event.delete', { event_id: 'zoom-event-1' }],
    ]);
    expect(drafts.list()).toEqual([]);
    // The key is free again for a new draft while Zoom's delete waits.
    expect(drafts.save(undefined, training()).isNew).toBe(true);
  });

  it('reads back exactly the draft it saved', () => {
    const { id } = drafts.save(undefined, standup());
    const stored = drafts.get(id).draft;
    expect(stored).toMatchObject({ key: 'eng-standup-2027q1', publish: true });
    const { id: again } = drafts.save(id, stored);
    expect(again).toBe(id);
    expect(drafts.get(id).draft).toEqual(stored);
  });

  it('refuses a draft with problems, listing them at paths relative to the draft, and keeps the old one', () => {
    const { id } = drafts.save(undefined, training());
    expect(() =>
      drafts.save(id, training({ name: '', recurrence: { type: 2, end_times: 1101, duration: 60 } })),
    ).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        issues: [
          { path: 'name', message: 'The series name cannot be empty.' },
          { path: 'recurrence.end_times', message: 'A series has at most 1,100 sessions.' },
        ],
      }) as Error,
    );
    expect(drafts.get(id).draft.name).toBe('Git & GitHub Training Series');
  });

  it('saving a series that was deleted meanwhile is an error, not a resurrection', () => {
    const { id } = drafts.save(undefined, training());
    drafts.delete(id);
    expect(() => drafts.save(id, training())).toThrow(expect.objectContaining({ code: 'not_found' }) as Error);
  });
});

describe('the series list and status', () => {
  it('lists drafts with their counts and next occurrence', () => {
    drafts.importFile(file(standup(), training()), { dryRun: false });
    clock = Date.parse('2027-01-18T00:00:00Z');
    expect(drafts.list().map((row) => ({ ...row, id: 'any', updated_at: 'any' }))).toEqual([
      {
        id: 'any',
        updated_at: 'any',
        key: 'eng-standup-2027q1',
        name: 'Engineering Team Weekly Standup',
        event_type: 'RECURRING',
        timezone: 'America/New_York',
        sync_state: 'draft',
        is_published: false,
        is_ready: true,
        sessions: 11,
        parts: 1,
        // Occurrence 3 moved from 18 January to 19 January.
        next_occurrence: '2027-01-19T15:00:00Z',
        attendees: 2,
        pending_changes: 8,
        conflicts: 0,
        hub_name: null,
        replaced_by: null,
      },
      {
        id: 'any',
        updated_at: 'any',
        key: 'git-training',
        name: 'Git & GitHub Training Series',
        event_type: 'RECURRING',
        timezone: 'America/New_York',
        sync_state: 'draft',
        is_published: false,
        is_ready: true,
        sessions: 4,
        parts: 1,
        next_occurrence: '2027-01-20T18:00:00Z',
        attendees: 1,
        pending_changes: 4,
        conflicts: 0,
        hub_name: null,
        replaced_by: null,
      },
    ]);
  });

  it('status counts the outbox by state', () => {
    drafts.importFile(file(training()), { dryRun: false });
    expect(drafts.status()).toEqual({
      outbox: { pending: 4, in_flight: 0, done: 0, failed: 0, conflict: 0, blocked: 0 },
      conflicts: 0,
      waiting: 4,
      last_sync: null,
    });
  });

  it('keeps the file where the data directory says', () => {
    expect(db.name).toBe(join(dir.path, 'cadence.sqlite'));
  });
});
