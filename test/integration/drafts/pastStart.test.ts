import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { createServices, type Services } from '../../../main/services';
import { pastStartMessage } from '../../../shared/drafts/startRules';
import { makeTempDir } from '../../support/tempDir';

// The start rule on a real SQLite file: a series Zoom has never seen starts after now; a synced one keeps its past.

const now = Date.parse('2027-01-10T12:00:00Z');

function briefing(start: string): Record<string, unknown> {
  return {
    key: 'briefing',
    name: 'Monday Briefing',
    timezone: 'America/New_York',
    event_type: 'RECURRING',
    start_time: start,
    recurrence: { type: 2, weekly_days: [2], end_times: 6, duration: 30 },
  };
}

let dir: ReturnType<typeof makeTempDir>;
let db: Database.Database;
let services: Services;
beforeEach(() => {
  dir = makeTempDir();
  db = openDatabase(databaseFile(dir.path)).db;
  services = createServices({ db, now: () => now });
});
afterEach(() => {
  db.close();
  dir.remove();
});

function refusal(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('the work was not refused');
}

describe('a start in the past', () => {
  it('is refused at start_time for a new series, saved or imported, and nothing is written', () => {
    expect(refusal(() => services.drafts.save(undefined, briefing('2027-01-04T15:00:00Z')))).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'start_time', message: pastStartMessage }],
    });
    expect(
      refusal(() =>
        services.drafts.importFile(
          {
            version: 1,
            series: [briefing('2027-01-11T15:00:00Z'), { ...briefing('2001-10-08T15:00:00Z'), key: 'old' }],
          },
          { dryRun: true },
        ),
      ),
    ).toMatchObject({ code: 'invalid_input', issues: [{ path: 'series[1].start_time', message: pastStartMessage }] });
    expect(services.drafts.list()).toEqual([]);
  });

  it('is refused when a draft not yet on Zoom is edited to start in the past', () => {
    const { id } = services.drafts.save(undefined, briefing('2027-01-11T15:00:00Z'));
    expect(refusal(() => services.drafts.saveDetails(id, briefing('2027-01-04T15:00:00Z')))).toMatchObject({
      issues: [{ path: 'start_time' }],
    });
    expect(services.drafts.get(id).draft.start_time).toBe('2027-01-11T15:00:00Z');
  });

  it('is kept for a series Zoom has, whose first sessions are over', () => {
    const { id } = services.drafts.save(undefined, briefing('2027-01-11T15:00:00Z'));
    // What a sync records once Zoom created the event.
    db.prepare('UPDATE series SET zoom_event_id = ? WHERE id = ?').run('zoom-event-1', id);
    expect(services.drafts.saveDetails(id, { ...briefing('2027-01-04T15:00:00Z'), name: 'Renamed' })).toMatchObject({
      id,
    });
    expect(
      services.drafts.importFile({ version: 1, series: [briefing('2027-01-04T15:00:00Z')] }, { dryRun: false }),
    ).toMatchObject({ updated: 1 });
  });
});
