import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { HistoryEntry, HistoryQuery } from '../../../shared/history/seriesHistory';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// What a real sync against the sandbox adds to a series' history: another planner's edit adopted
// from Zoom, a conflict settled both ways, and an undo that the history offers exactly once.
let h: Awaited<ReturnType<typeof syncHarness>>;
let seriesId: string;
let eventId: string;

beforeEach(async () => {
  h = await syncHarness();
  seriesId = h.importSeries([standupSeries(2)]).series[0]?.id ?? '';
  expect((await h.sync()).outcome).toBe('succeeded');
  eventId = h.sandbox.sandbox.data.events.find((e) => e.hub_id === 'hub-sandbox-main')?.event_id ?? '';
});
afterEach(async () => {
  await h.close();
});

function edit(change: (draft: SeriesDraft) => SeriesDraft): void {
  h.drafts.save(seriesId, change(h.drafts.get(seriesId).draft));
}
const list = (query: Omit<HistoryQuery, 'series_id'> = {}) =>
  h.services.stores.history.list({ series_id: seriesId, ...query });
const brief = (entries: readonly HistoryEntry[]) =>
  entries.map((entry) => [entry.source, entry.resolution, entry.field, entry.old, entry.new, entry.can_undo]);

async function nameConflict() {
  await h.sandbox.control.edit({ kind: 'rename-event', event_id: eventId, name: 'Their name' });
  edit((draft) => ({ ...draft, name: 'My name' }));
  expect((await h.sync()).outcome).toBe('needs_attention');
  const [conflict] = h.services.conflicts.list();
  if (conflict === undefined) throw new Error('no conflict');
  return conflict;
}

describe('a sync', () => {
  it('records a change made on Zoom as Zoom’s, beside the planner’s own', async () => {
    await h.sandbox.control.edit({ kind: 'update-event', event_id: eventId, fields: { description: 'Their words' } });
    edit((draft) => ({ ...draft, name: 'My name' }));
    expect((await h.sync()).outcome).toBe('succeeded');
    expect(brief(list({ source: ['here', 'zoom'], item: ['event'] }).entries)).toEqual([
      ['zoom', null, 'description', 'Fifteen minutes, cameras optional.', 'Their words', false],
      ['here', null, 'name', 'Engineering Team Weekly Standup', 'My name', false],
    ]);
    // Nothing more happened on either side: a second sync adds nothing.
    const count = list().entries.length;
    await h.sync();
    expect(list().entries).toHaveLength(count);
  });
});

describe('a refresh from Zoom', () => {
  it('records someone registered on Zoom’s page as added on Zoom, and a rename there', async () => {
    await h.sandbox.control.edit({
      kind: 'register',
      event_id: eventId,
      email: 'walkup@example.com',
      first_name: 'Walk',
    });
    await h.sandbox.control.edit({ kind: 'rename-event', event_id: eventId, name: 'Their name' });
    await h.services.zoomRefresh.refresh(seriesId);
    expect(
      list({ source: ['zoom'] }).entries.map((entry) => [entry.item, entry.subject, entry.field, entry.new]),
    ).toEqual(
      expect.arrayContaining([
        ['event', null, 'name', 'Their name'],
        ['attendee', 'walkup@example.com', '*', expect.objectContaining({ first_name: 'Walk' })],
      ]),
    );
  });
});

describe('a resolution', () => {
  it('taking Zoom’s version is an entry that can be undone, and its undo is recorded', async () => {
    const conflict = await nameConflict();
    h.services.conflicts.resolve(conflict.id, 'remote');
    const [taken] = list({ source: ['resolution'] }).entries;
    expect(taken).toMatchObject({ conflict_id: conflict.id, item: 'event', subject: null });
    expect(brief([taken as HistoryEntry])).toEqual([
      ['resolution', 'take_theirs', 'name', 'My name', 'Their name', true],
    ]);

    h.services.conflicts.undo(conflict.id);
    expect(brief(list({ source: ['resolution'] }).entries)).toEqual([
      ['resolution', 'undo', 'name', 'Their name', 'My name', false],
      ['resolution', 'take_theirs', 'name', 'My name', 'Their name', false],
    ]);
    expect(h.services.conflicts.list().map((open) => open.id)).toEqual([conflict.id]);

    // Settled again: only the latest resolution offers its undo.
    h.services.conflicts.resolve(conflict.id, 'remote');
    expect(list({ source: ['resolution'] }).entries.map((entry) => [entry.resolution, entry.can_undo])).toEqual([
      ['take_theirs', true],
      ['undo', false],
      ['take_theirs', false],
    ]);
  });

  it('keeping mine records what the next sync sends instead of Zoom’s value, with nothing to undo', async () => {
    const conflict = await nameConflict();
    h.services.conflicts.resolve(conflict.id, 'local');
    expect(brief(list({ source: ['resolution'] }).entries)).toEqual([
      ['resolution', 'keep_mine', 'name', 'Their name', 'My name', false],
    ]);
    expect((await h.sync()).outcome).toBe('succeeded');
    expect(h.sandbox.sandbox.data.events.find((e) => e.event_id === eventId)?.name).toBe('My name');
  });
});
