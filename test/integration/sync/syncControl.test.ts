import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncProgress } from '../../../shared/sync/syncReport';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// Schedule drift, a 429 storm, Zoom out of reach, cancelling and resuming, progress, the dry run.
let h: Awaited<ReturnType<typeof syncHarness>>;
beforeEach(async () => {
  h = await syncHarness();
});
afterEach(async () => {
  await h.close();
});

const waitingOps = () =>
  h.db.prepare(`SELECT count(*) FROM outbox WHERE state IN ('pending', 'in_flight')`).pluck().get() as number;

describe('schedule drift', () => {
  it('shows both schedules, maps Zoom’s sessions, lets tickets through, and take theirs cancels the missing occurrence', async () => {
    await h.sandbox.control.setFaults({ dropGeneratedSessions: 1 });
    const imported = h.importSeries([standupSeries(5)]);
    const report = await h.sync();
    expect(report).toMatchObject({ outcome: 'needs_attention', conflicts: 1 });
    const [drift] = h.services.conflicts.list();
    expect(drift).toMatchObject({ kind: 'schedule_drift' });
    expect((drift?.local as string[]).length).toBe(12);
    expect((drift?.remote as string[]).length).toBe(11);
    // Registrations to all sessions do not depend on the schedule: they went through.
    expect(h.sandbox.sandbox.data.tickets).toHaveLength(5);
    const resolver = h.services.conflicts;
    expect(() => resolver.resolve(drift?.id ?? 0, 'local')).toThrow(/fewer sessions/);
    resolver.resolve(drift?.id ?? 0, 'remote');
    const draft = h.drafts.get(imported.series[0]?.id ?? '').draft;
    expect(draft.event_type === 'RECURRING' && draft.occurrence_changes).toEqual([
      { occurrence: 12, action: 'cancel' },
    ]);
    await h.sandbox.control.clearRequests();
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads() });
  });
});

describe('rate limits', () => {
  it('in a 429 storm, sends nothing before Retry-After and never more than the limit in a second', async () => {
    h.importSeries([standupSeries(300)]);
    await h.sandbox.control.setFaults({ burst429: 4 });
    const report = await h.sync();
    expect(report.outcome).toBe('succeeded');
    const seen = (await h.sandbox.control.requests()).filter((r) => r.operationId !== undefined);
    const refused = seen.filter((r) => r.status === 429);
    expect(refused).toHaveLength(4);
    for (const refusal of refused) {
      // Requests already on their way when the 429 left may still arrive; none sent after it may.
      const early = seen.filter((r) => r.at > refusal.at + 50 && r.at < refusal.at + 1000);
      expect(early).toEqual([]);
    }
    const accepted = seen.filter((r) => r.status !== 429).map((r) => r.at);
    for (const start of accepted) {
      expect(accepted.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(30);
    }
    expect(h.sandbox.sandbox.data.tickets).toHaveLength(300);
  });
  it('a settled series read back through a 429 still counts each read once: Zoom answered it once', async () => {
    h.importSeries([standupSeries(2)]);
    expect(await h.sync()).toMatchObject({ outcome: 'succeeded' });
    // A busy machine can make the client's pace and Zoom's count of arrivals disagree for a moment.
    await h.sandbox.control.setFaults({ burst429: 1 });
    expect(await h.syncRequests()).toMatchObject({ outcome: 'succeeded', requests: h.refreshReads(), refused: 1 });
  });
});

describe('offline, cancel and resume', () => {
  it('ends with the outbox intact when Zoom cannot be reached', async () => {
    h.importSeries([standupSeries(3)]);
    const before = waitingOps();
    await h.sandbox.sandbox.close();
    const report = await h.sync();
    expect(report).toMatchObject({ outcome: 'offline', done: 0 });
    expect(report.message).toMatch(/^Offline — 7 changes waiting\./);
    expect(waitingOps()).toBe(before);
  });

  it('stops when cancelled, with progress so far, and resumes without doubling anything', async () => {
    h.importSeries([standupSeries(120)]);
    const controller = new AbortController();
    const seen: SyncProgress[] = [];
    const stopped = await h.sync({
      signal: controller.signal,
      onProgress: (progress) => {
        seen.push(progress);
        if (progress.done >= 2) controller.abort();
      },
    });
    expect(stopped.outcome).toBe('cancelled');
    expect(stopped.waiting).toBeGreaterThan(0);
    expect(seen.map((p) => p.done)).toEqual([...seen.map((p) => p.done)].sort((a, b) => a - b));
    expect(seen.at(-1)?.total).toBe(124);
    const resumed = await h.sync();
    expect(resumed).toMatchObject({ outcome: 'succeeded', waiting: 0 });
    expect(h.sandbox.sandbox.data.tickets).toHaveLength(120);
    expect(new Set(h.sandbox.sandbox.data.tickets.map((t) => t.external_ticket_id)).size).toBe(120);
  });
});

describe('a stopped run', () => {
  it('ends only when the calls on their way are answered, so the next run never overlaps it', async () => {
    h.importSeries([
      standupSeries(60, { key: 'first', name: 'First' }),
      standupSeries(60, { key: 'second', name: 'Second' }),
    ]);
    await h.sandbox.control.setFaults({ latencyMs: [300, 300] });
    const controller = new AbortController();
    const stopped = await h.sync({
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.done >= 1) controller.abort();
      },
    });
    expect(stopped.outcome).toBe('cancelled');
    const answeredAtReport = (await h.sandbox.control.requests()).length;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await h.sandbox.control.requests()).length).toBe(answeredAtReport);

    await h.sandbox.control.setFaults({});
    const resumed = await h.sync();
    expect(resumed).toMatchObject({ outcome: 'succeeded', conflicts: 0, waiting: 0 });
    expect(h.sandbox.sandbox.data.accessLinks.map((link) => link.name)).toHaveLength(2);
    expect(h.sandbox.sandbox.data.tickets).toHaveLength(120);
  });
});

describe('dry run', () => {
  it('lists every call in order, with the bodies, and sends nothing', async () => {
    h.importSeries([standupSeries(31, { occurrence_changes: [{ occurrence: 2, action: 'cancel' }] })]);
    const calls = await h.services.sync.plan();
    expect(calls.map((c) => `${c.method} ${c.path.replace(/\{[^}]+\}/g, '{}')}`)).toEqual([
      'POST /oauth/token?grant_type=account_credentials',
      'POST /zoom_events/events',
      'GET /zoom_events/events/{}/sessions',
      'POST /zoom_events/events/{}/ticket_types',
      'GET /zoom_events/events/{}/sessions/{}',
      'DELETE /zoom_events/events/{}/sessions/{}',
      'POST /zoom_events/events/{}/access_links',
      'POST /zoom_events/events/{}/event_actions',
      'POST /zoom_events/events/{}/tickets',
      'POST /zoom_events/events/{}/tickets',
    ]);
    expect((calls[8]?.body as { tickets: unknown[] }).tickets).toHaveLength(30);
    expect(calls[1]?.body).toMatchObject({ name: 'Engineering Team Weekly Standup', event_type: 'RECURRING' });
    expect(await h.sandbox.control.requests()).toEqual([]);
  });
});
