import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CadenceError } from '../../../shared/errors';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// Closed days reach Zoom as cancelled sessions: Zoom deletes each one, on the sync after the draft
// closed it, whether the series was already on Zoom or not.
let h: Awaited<ReturnType<typeof syncHarness>>;

beforeAll(async () => {
  h = await syncHarness();
});
afterAll(async () => {
  await h.close();
});

/** The local dates of an event's sessions on Zoom, in order. */
function sessionDates(name: string, zone: string): string[] {
  const event = h.sandbox.sandbox.data.events.find((e) => e.name === name);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return h.sandbox.sandbox.data.sessions
    .filter((session) => session.event_id === event?.event_id)
    .map((session) => day.format(Date.parse(session.start_time)))
    .sort();
}

describe('closed days on Zoom', () => {
  it('creates a US series without its sessions on Thanksgiving and the observed July 4th', async () => {
    const series = standupSeries(3, {
      key: 'us-holidays',
      name: 'US office hours',
      timezone: 'America/New_York',
      start_time: '2027-06-28T17:00:00Z',
      recurrence: { type: 2, repeat_interval: 1, weekly_days: [2, 5], end_times: 46, duration: 60 },
      closed_days: { calendar: { country: 'US' } },
    });
    const seriesId = h.importSeries([series]).series[0]?.id ?? '';
    const { draft } = h.drafts.get(seriesId);
    const closed = draft.event_type === 'RECURRING' ? draft.occurrence_changes.map((c) => c.closed_day?.date) : [];
    expect(closed).toEqual(['2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25']);

    expect(await h.sync()).toMatchObject({ outcome: 'succeeded' });
    const dates = sessionDates('US office hours', 'America/New_York');
    expect(dates).toHaveLength(41);
    expect(dates).toContain('2027-07-01');
    expect(dates).toContain('2027-11-22');
    for (const date of closed) expect(dates).not.toContain(date);
    expect(h.services.conflicts.list()).toEqual([]);
    // Nothing more to send: the closed days are applied once.
    const again = await h.syncRequests();
    expect(again.outcome).toBe('succeeded');
    expect(again.requests.filter((request) => !request.startsWith('get'))).toEqual([]);
    expect(h.drafts.status().outbox).toMatchObject({ pending: 0 });
    // Reading Zoom back at each sync keeps what made each change.
    const after = h.drafts.get(seriesId).draft;
    expect(after.event_type === 'RECURRING' ? after.occurrence_changes.map((c) => c.closed_day?.date) : []).toEqual(
      closed,
    );
    // A series file exported and imported again keeps the closed days and what each change came from.
    const exported = h.services.exporter.export({ format: 'series', seriesIds: [seriesId] });
    const file = JSON.parse(exported.content) as { series: Record<string, unknown>[] };
    expect(file.series[0]).toMatchObject({ closed_days: { calendar: { country: 'US' } } });
    expect(h.drafts.importFile(file, { dryRun: true }).series[0]).toMatchObject({ action: 'update', sessions: 41 });
  });

  it("cancels a synced Sydney series' sessions on New South Wales holidays once its calendar is chosen", async () => {
    const series = standupSeries(2, {
      key: 'sydney',
      name: 'Sydney standup',
      timezone: 'Australia/Sydney',
      start_time: '2027-02-28T22:00:00Z',
      recurrence: { type: 2, repeat_interval: 1, weekly_days: [2], end_times: 35, duration: 30 },
    });
    const seriesId = h.importSeries([series]).series[0]?.id ?? '';
    expect(await h.sync()).toMatchObject({ outcome: 'succeeded' });
    expect(sessionDates('Sydney standup', 'Australia/Sydney')).toHaveLength(35);

    const { draft } = h.drafts.get(seriesId);
    expect(() =>
      h.drafts.save(seriesId, { ...draft, closed_days: { calendar: { country: 'AU', region: 'XYZ' } } }),
    ).toThrow(CadenceError);
    h.drafts.save(seriesId, { ...draft, closed_days: { calendar: { country: 'AU', region: 'NSW' } } });
    expect(await h.sync()).toMatchObject({ outcome: 'succeeded' });
    const dates = sessionDates('Sydney standup', 'Australia/Sydney');
    expect(dates).toHaveLength(31);
    for (const date of ['2027-03-29', '2027-04-26', '2027-06-14', '2027-10-04']) expect(dates).not.toContain(date);
    // The New South Wales bank holiday is not a public holiday: its session stays.
    expect(dates).toContain('2027-08-02');
    const tickets = h.sandbox.sandbox.data.tickets.filter((t) =>
      h.sandbox.sandbox.data.events.some((e) => e.event_id === t.event_id && e.name === 'Sydney standup'),
    );
    expect(tickets).toHaveLength(2);
  });
});
