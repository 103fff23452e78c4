import { describe, expect, it } from 'vitest';
import type { WaitingOperation } from '../../../../main/db/outbox/outbox';
import { waitingChanges } from '../../../../main/sync/waitingChanges';

const attendee = { attendee_id: 'r1', attendee: { email: 'ada@example.com' } };
const event = {
  name: 'Launch',
  timezone: 'UTC',
  event_type: 'SIMPLE_EVENT',
  attendance_type: 'virtual',
  access_level: 'PRIVATE_UNRESTRICTED',
  start_time: '2027-01-04T15:00:00Z',
  end_time: '2027-01-04T16:00:00Z',
};

function op(
  kind: string,
  payload: unknown,
  state: WaitingOperation['state'] = 'pending',
  seriesName = 'Standup',
): WaitingOperation {
  return { seriesId: seriesName, seriesName, kind, payload, state };
}
const sentences = (ops: WaitingOperation[], sessions = 11) =>
  waitingChanges(ops, () => sessions).map(({ sentence, operations, state }) => ({ sentence, operations, state }));

describe('waitingChanges', () => {
  it('marks what becomes visible to the public: a new event, publishing, a cancellation', () => {
    const effects = waitingChanges(
      [
        op('event.create', { event }),
        op('event.update', { changes: { name: 'Standup' } }),
        op('event.publish', {}),
        op('session.delete', { occurrence: 3 }),
        op('ticket.create', attendee),
      ],
      () => 4,
    ).map(({ sentence, public_effect }) => [sentence, public_effect]);
    expect(effects).toEqual([
      ['Create "Standup" with 4 sessions', 'new_event'],
      ['Update "Standup" (name)', null],
      ['Publish "Standup"', 'publishing'],
      ['Cancel 1 session of "Standup"', 'cancellation'],
      ['Register 1 person for "Standup"', null],
    ]);
  });

  it("says what a series' waiting changes do, one sentence per kind, in the order a sync does them", () => {
    expect(
      sentences([
        op('ticket.create', attendee),
        op('ticket.create', { ...attendee, attendee_id: 'r2' }),
        op('session.delete', { occurrence: 3 }),
        op('event.update', { changes: { name: 'Standup', start_time: '2027-01-04T15:00:00Z' } }),
        op('session.update', { occurrence: 2, start_time: '2027-01-04T15:00:00Z', end_time: '2027-01-04T16:00:00Z' }),
        op('ticket.delete', { attendee_id: 'r3', ticket_id: 't3' }),
        op('ticket.update', { attendee_id: 'r4', changes: { city: 'Oslo' } }),
        op('access_link.update', { changes: { link_name: 'Join' } }),
        op('event.publish', {}),
      ]),
    ).toEqual([
      { sentence: 'Update "Standup" (name, start)', operations: 1, state: 'pending' },
      { sentence: 'Update the registration link of "Standup" (link name)', operations: 1, state: 'pending' },
      { sentence: 'Publish "Standup"', operations: 1, state: 'pending' },
      { sentence: 'Move 1 session of "Standup"', operations: 1, state: 'pending' },
      { sentence: 'Cancel 1 session of "Standup"', operations: 1, state: 'pending' },
      { sentence: 'Register 2 people for "Standup"', operations: 2, state: 'pending' },
      { sentence: 'Update 1 registration for "Standup"', operations: 1, state: 'pending' },
      { sentence: 'Remove 1 registration from "Standup"', operations: 1, state: 'pending' },
    ]);
  });

  it('names a new series with its sessions, and a deleted one', () => {
    expect(sentences([op('event.create', { event }, 'pending', 'Launch')], 1)).toEqual([
      { sentence: 'Create "Launch" with 1 session', operations: 1, state: 'pending' },
    ]);
    expect(sentences([op('event.delete', { event_id: 'e1' }, 'pending', 'Old')], 4)).toEqual([
      { sentence: 'Delete "Old" from Zoom', operations: 1, state: 'pending' },
    ]);
  });

  it('says which changes wait for the planner, and never fails on a change it cannot read', () => {
    expect(
      sentences([
        op('ticket.create', attendee, 'blocked'),
        op('ticket.create', { ...attendee, attendee_id: 'r2' }, 'failed'),
        op('session.move', { occurrence: 'x' }),
      ]),
    ).toEqual([
      { sentence: 'Register 1 person for "Standup"', operations: 1, state: 'blocked' },
      { sentence: 'Register 1 person for "Standup"', operations: 1, state: 'failed' },
      { sentence: 'A change Cadence cannot read (session.move)', operations: 1, state: 'pending' },
    ]);
  });
});
