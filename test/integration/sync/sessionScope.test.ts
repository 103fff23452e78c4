import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySessionEdit } from '../../../shared/drafts/sessionEdit';
import type { RecurringSeriesDraft } from '../../../shared/drafts/seriesDraft';
import { standupSeries, syncHarness } from '../../support/syncHarness';

// "This and following" on a published series, to Zoom: the tutorial's weekly standup at 10:00 in
// New York (twelve Mondays across the change of the clocks on 14 March 2027), session 8 on moved
// to 11:00 and 45 minutes long. Every later session moves on Zoom to 11:00 local time.
let h: Awaited<ReturnType<typeof syncHarness>>;
beforeAll(async () => {
  h = await syncHarness();
});
afterAll(async () => {
  await h.close();
});

const newYork = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const wallClock = (instant: string) => newYork.format(Date.parse(instant));
const minutes = (session: { start_time: string; end_time: string }) =>
  (Date.parse(session.end_time) - Date.parse(session.start_time)) / 60_000;

describe('a session edit for this and the following sessions of a published series', () => {
  it('moves each later session on Zoom by the same wall-clock change, across the change of the clocks', async () => {
    const imported = h.importSeries([standupSeries(2, { occurrence_changes: [{ occurrence: 10, action: 'cancel' }] })]);
    const id = imported.series[0]?.id ?? '';
    expect((await h.sync()).outcome).toBe('succeeded');
    const draft = h.drafts.get(id).draft as RecurringSeriesDraft;
    const eighth = h.sandbox.sandbox.data.sessions.map((s) => s.start_time).sort()[7] ?? '';
    const result = applySessionEdit(
      draft,
      {
        occurrence: 8,
        start_time: new Date(Date.parse(eighth) + 3_600_000).toISOString().replace('.000Z', 'Z'),
        duration_minutes: 45,
      },
      'following',
    );
    if (!result.ok) throw new Error(result.reason);
    // Sessions 8, 9, 11 and 12 (10 is cancelled).
    expect(result.shifts.map((shift) => shift.occurrence)).toEqual([8, 9, 11, 12]);
    h.drafts.save(id, result.schedule);
    const report = await h.sync();
    expect(report).toMatchObject({ outcome: 'succeeded', done: 4 });
    const sessions = [...h.sandbox.sandbox.data.sessions].sort((a, b) => a.start_time.localeCompare(b.start_time));
    expect(sessions).toHaveLength(11);
    expect(sessions.map((s) => `${wallClock(s.start_time)}/${String(minutes(s))}`)).toEqual([
      ...Array.from({ length: 7 }, () => '10:00/30'),
      ...Array.from({ length: 4 }, () => '11:00/45'),
    ]);
    // Sessions 9 and 11 lie on either side of 14 March: one hour later in local time on both sides.
    expect(sessions.map((s) => s.start_time.slice(11, 16)).slice(7)).toEqual(['16:00', '16:00', '15:00', '15:00']);
  });
});
