import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../../main/db/database';
import { createServices, type Services } from '../../../main/services';
import { sandboxHarness, type SandboxHarness } from '../../support/sandbox';
import { standupSeries } from '../../support/syncHarness';
import { makeTempDir } from '../../support/tempDir';

// The history on a second laptop: two data folders against one sandbox. B opens what A synced,
// A edits and syncs, and B's history tells A's registration (another planner) from a change of
// an event field (seen on Zoom, which does not say who made it).
let sandbox: SandboxHarness;
const closers: (() => Promise<void>)[] = [];

function laptop(): Services {
  const dir = makeTempDir();
  const { db } = openDatabase(databaseFile(join(dir.path, 'data')));
  const client = sandbox.clientWith({});
  const services = createServices({ db, zoom: () => Promise.resolve(client) });
  closers.push(async () => {
    await services.close();
    db.close();
    dir.remove();
  });
  return services;
}

beforeEach(async () => {
  sandbox = await sandboxHarness();
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  await sandbox.close();
});

it('shows an opened series as one entry, then another planner’s registration and Zoom’s rename apart', async () => {
  const a = laptop();
  const b = laptop();
  const aId = a.drafts.importFile({ version: 1, series: [standupSeries(2)] }, { dryRun: false }).series[0]?.id ?? '';
  expect((await a.sync.run()).outcome).toBe('succeeded');
  const eventId = sandbox.sandbox.data.events.find((event) => event.hub_id === 'hub-sandbox-main')?.event_id ?? '';
  const opened = await b.zoomOpener.open({ event_ids: [eventId] });
  const bId = opened.results[0]?.series_id ?? '';
  const history = () =>
    b.stores.history
      .list({ series_id: bId })
      .entries.map((entry) => [entry.source, entry.item, entry.subject, entry.field]);
  expect(history()).toEqual([['opened', 'series', null, '*']]);

  a.attendees.save(aId, undefined, { email: 'new@example.com', first_name: 'New' });
  a.drafts.save(aId, { ...a.drafts.get(aId).draft, name: 'Renamed by A' });
  expect((await a.sync.run()).outcome).toBe('succeeded');
  await b.zoomRefresh.refresh(bId);

  expect(history()).toEqual(
    expect.arrayContaining([
      ['planner', 'attendee', 'new@example.com', '*'],
      ['zoom', 'event', null, 'name'],
    ]),
  );
  expect(b.attendees.list(bId).find((row) => row.email === 'new@example.com')?.origin).toBe('planner');
});
