import { afterEach, beforeEach, expect, it } from 'vitest';
import { createOnlineMonitor, type OnlineMonitor } from '../../../main/zoom/onlineMonitor';
import { autoSyncWhenOnline } from '../../../main/sync/autoSync';
import type { SyncReport } from '../../../shared/sync/syncReport';
import { standupSeries, syncHarness } from '../../support/syncHarness';

let h: Awaited<ReturnType<typeof syncHarness>>;
let monitor: OnlineMonitor;
/** Whether Zoom answers the monitor's probe: the network coming and going. */
let isReachable = true;
let started: Promise<SyncReport> | undefined;

beforeEach(async () => {
  h = await syncHarness();
  isReachable = true;
  const autoSync = autoSyncWhenOnline({
    sync: h.services.sync,
    isEnabled: () => h.services.appSettings.read().auto_sync_when_online,
    hasWork: () => h.services.stores.outbox.work().length > 0,
  });
  monitor = createOnlineMonitor({
    probe: () => Promise.resolve(isReachable),
    onChange: (state) => {
      started = autoSync(state);
    },
  });
  started = undefined;
});
afterEach(async () => {
  await h.close();
});

/** Zoom goes out of reach and comes back, as the monitor sees it; answers the sync it started, if any. */
async function outAndBack(whileOut: () => void): Promise<SyncReport | undefined> {
  isReachable = false;
  await monitor.checkNow();
  whileOut();
  isReachable = true;
  started = undefined;
  await monitor.checkNow();
  return started;
}

it('back online, sends what makes nothing new public and leaves the rest waiting for the planner', async () => {
  const [standup] = h.importSeries([standupSeries(1)]).series;
  await monitor.checkNow();
  expect(await h.services.sync.run()).toMatchObject({ outcome: 'succeeded' });

  const report = await outAndBack(() => {
    h.services.attendees.save(standup?.id ?? '', undefined, { email: 'late@example.com' });
    h.importSeries([standupSeries(2, { key: 'launch', name: 'Launch Webinar' })]);
  });
  expect(report).toMatchObject({ outcome: 'needs_attention' });
  const zoom = h.sandbox.sandbox.data;
  expect(zoom.tickets.map((ticket) => ticket.email)).toContain('late@example.com');
  expect(zoom.events.map((event) => event.name)).not.toContain('Launch Webinar');
  expect(h.services.sync.pending().map((change) => [change.sentence, change.public_effect])).toContainEqual([
    'Create "Launch Webinar" with 12 sessions',
    'new_event',
  ]);
});

it('does nothing by itself when the planner turned it off', async () => {
  const [standup] = h.importSeries([standupSeries(1)]).series;
  await monitor.checkNow();
  expect(await h.services.sync.run()).toMatchObject({ outcome: 'succeeded' });
  expect(h.services.appSettings.change({ auto_sync_when_online: false })).toEqual({ auto_sync_when_online: false });
  const report = await outAndBack(() => {
    h.services.attendees.save(standup?.id ?? '', undefined, { email: 'late@example.com' });
  });
  expect(report).toBeUndefined();
  expect(h.sandbox.sandbox.data.tickets.map((ticket) => ticket.email)).not.toContain('late@example.com');
  expect(h.services.sync.pending().map((change) => change.sentence)).toEqual([
    'Register 1 person for "Engineering Team Weekly Standup"',
  ]);
});
