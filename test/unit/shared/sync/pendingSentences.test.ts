import { describe, expect, it } from 'vitest';
import { pendingSentences, type WaitingOperation } from '../../../../shared/sync/pendingSentences';

const op = (kind: WaitingOperation['kind'], payload: Record<string, unknown> = {}): WaitingOperation => ({
  kind,
  payload,
});

describe('pendingSentences', () => {
  it("says what a series' waiting changes do, one sentence per kind, in the order a sync does them", () => {
    const sentences = pendingSentences('Standup', 11, [
      op('ticket.create'),
      op('ticket.create'),
      op('session.delete', { occurrence: 3 }),
      op('event.update', { changes: { name: 'Standup', start_time: '2027-01-04T15:00:00Z' } }),
      op('session.update', { occurrence: 2 }),
      op('ticket.delete'),
      op('ticket.update'),
      op('access_link.update', { changes: { link_name: 'Join' } }),
      op('event.publish'),
    ]);
    expect(sentences).toEqual([
      { sentence: 'Update "Standup" (name, start)', operations: 1 },
      { sentence: 'Update the registration link of "Standup" (link name)', operations: 1 },
      { sentence: 'Publish "Standup"', operations: 1 },
      { sentence: 'Move 1 session of "Standup"', operations: 1 },
      { sentence: 'Cancel 1 session of "Standup"', operations: 1 },
      { sentence: 'Register 2 people for "Standup"', operations: 2 },
      { sentence: 'Update 1 registration for "Standup"', operations: 1 },
      { sentence: 'Remove 1 registration from "Standup"', operations: 1 },
    ]);
  });

  it('names a new series with its sessions, and a deleted one', () => {
    expect(pendingSentences('Launch', 1, [op('event.create')])).toEqual([
      { sentence: 'Create "Launch" with 1 session', operations: 1 },
    ]);
    expect(pendingSentences('Old', 4, [op('event.delete', { event_id: 'e1' })])).toEqual([
      { sentence: 'Delete "Old" from Zoom', operations: 1 },
    ]);
  });
});
