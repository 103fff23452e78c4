import { afterEach, beforeEach, expect, it } from 'vitest';
import { standupSeries, syncHarness } from '../../support/syncHarness';

let h: Awaited<ReturnType<typeof syncHarness>>;
beforeEach(async () => {
  h = await syncHarness();
});
afterEach(async () => {
  await h.close();
});

const eventNames = () => h.sandbox.sandbox.data.events.map((event) => event.name);

it('a series marked not ready is left out of syncs and the dry run, waits as not ready, and goes once ready', async () => {
  const [, draft] = h.importSeries([
    standupSeries(1),
    standupSeries(2, { key: 'abandoned', name: 'Untitled series' }),
  ]).series;
  const id = draft?.id ?? '';
  h.services.drafts.setReady(id, false);
  expect(h.services.drafts.list().map((entry) => [entry.name, entry.is_ready])).toEqual([
    ['Engineering Team Weekly Standup', true],
    ['Untitled series', false],
  ]);
  expect((await h.services.sync.plan()).map((call) => call.series)).not.toContain('Untitled series');

  const report = await h.services.sync.run();
  expect(report.outcome).toBe('needs_attention');
  expect(report.message).toContain('Kept out as not ready: "Untitled series".');
  expect(eventNames()).toContain('Engineering Team Weekly Standup');
  expect(eventNames()).not.toContain('Untitled series');
  const waiting = h.services.sync.pending();
  expect(waiting.length).toBeGreaterThan(0);
  expect(waiting.every((change) => change.series_name === 'Untitled series' && change.state === 'not_ready')).toBe(
    true,
  );

  h.services.drafts.setReady(id, true);
  expect(await h.services.sync.run()).toMatchObject({ outcome: 'succeeded' });
  expect(eventNames()).toContain('Untitled series');
});
