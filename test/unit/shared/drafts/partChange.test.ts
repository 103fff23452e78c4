import { describe, expect, it } from 'vitest';
import { liftPartChange, wholeNameOf } from '../../../../shared/drafts/partChange';
import { seriesDraftSchema, type RecurringSeriesDraft } from '../../../../shared/drafts/seriesDraft';
import { splitIntoParts } from '../../../../shared/drafts/seriesParts';

const whole = seriesDraftSchema.parse({
  name: 'Daily standup',
  description: 'Fifteen minutes.',
  timezone: 'America/New_York',
  event_type: 'RECURRING',
  start_time: '2027-01-04T14:00:00Z',
  recurrence: { type: 1, end_times: 130, duration: 15 },
  occurrence_changes: [
    { occurrence: 2, action: 'cancel' },
    { occurrence: 64, action: 'cancel' },
  ],
}) as RecurringSeriesDraft;
const [, second] = splitIntoParts(whole);
const part = second?.draft as RecurringSeriesDraft;
const place = { firstOccurrence: second?.first_occurrence ?? 0, count: second?.count ?? 0 };

describe("a part's change as its whole's", () => {
  it('names the whole without the part: a name Zoom holds with another suffix, or none, stays as it is', () => {
    expect(wholeNameOf('Daily standup (part 2 of 5)')).toBe('Daily standup');
    expect(wholeNameOf('Daily standup, renamed')).toBe('Daily standup, renamed');
    expect(wholeNameOf(' (part 2 of 5)')).toBe(' (part 2 of 5)');
  });

  it('carries the shared fields the part changed, and leaves the whole alone where it did not', () => {
    expect(part.name).toBe('Daily standup (part 2 of 3)');
    const lifted = liftPartChange(
      whole,
      part,
      { ...part, name: 'Standup (part 2 of 3)', description: undefined },
      place,
    );
    expect(lifted).toMatchObject({ name: 'Standup', start_time: whole.start_time, recurrence: whole.recurrence });
    expect('description' in lifted).toBe(false);
    expect(liftPartChange(whole, part, part, place)).toEqual(whole);
  });

  it("renumbers the part's session changes into the whole, replacing only those of its own sessions", () => {
    expect(place.firstOccurrence).toBe(61);
    const moved = { occurrence: 5, action: 'move' as const, start_time: '2027-03-09T15:00:00Z' };
    const lifted = liftPartChange(whole, part, { ...part, occurrence_changes: [moved] }, place);
    expect(lifted.occurrence_changes).toEqual([
      { occurrence: 2, action: 'cancel' },
      { ...moved, occurrence: 65 },
    ]);
  });
});
