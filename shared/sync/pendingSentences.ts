import { seriesOrder, type OperationKind } from '../outbox/operations';

/** One waiting outbox operation of a series, as much of it as the sentences need. */
export interface WaitingOperation {
  kind: OperationKind;
  payload: Record<string, unknown>;
}

const count = (n: number, one: string, many = `${one}s`) => `${String(n)} ${n === 1 ? one : many}`;

const fieldWords: Readonly<Record<string, string>> = {
  name: 'name',
  description: 'description',
  timezone: 'time zone',
  start_time: 'start',
  end_time: 'end',
  recurrence: 'schedule',
  hub_id: 'hub',
  meeting_type: 'meeting type',
  attendance_type: 'attendance',
  access_level: 'access',
  event_type: 'event type',
};

function changedFields(payload: Record<string, unknown>): string {
  const changes = payload.changes;
  if (typeof changes !== 'object' || changes === null) return '';
  const words = Object.keys(changes).map((key) => fieldWords[key] ?? key.replaceAll('_', ' '));
  return words.length === 0 ? '' : ` (${words.join(', ')})`;
}

/**
 * What a series' waiting operations will do on Zoom, one sentence per kind of change, in the
 * order a sync does them: "Create "Weekly Standup" with 12 sessions", "Register 120 people".
 */
export function pendingSentences(
  seriesName: string,
  sessions: number,
  operations: readonly WaitingOperation[],
): { sentence: string; operations: number }[] {
  const byKind = new Map<OperationKind, WaitingOperation[]>();
  for (const op of operations) byKind.set(op.kind, [...(byKind.get(op.kind) ?? []), op]);
  const quoted = `"${seriesName}"`;
  const sentenceFor = (kind: OperationKind, ops: readonly WaitingOperation[]): string => {
    const first = ops[0]?.payload ?? {};
    switch (kind) {
      case 'event.create':
        return `Create ${quoted} with ${count(sessions, 'session')}`;
      case 'event.update':
        return `Update ${quoted}${changedFields(first)}`;
      case 'event.publish':
        return `Publish ${quoted}`;
      case 'event.delete':
        return `Delete ${quoted} from Zoom`;
      case 'ticket_type.create': {
        const ticket = first.ticket_type as { name?: string } | undefined;
        return `Add the ticket type "${ticket?.name ?? ''}" to ${quoted}`;
      }
      case 'ticket_type.update':
        return `Update the ticket type of ${quoted}${changedFields(first)}`;
      case 'access_link.create': {
        const link = first.registration as { link_name?: string } | undefined;
        return `Create the registration link "${link?.link_name ?? ''}" for ${quoted}`;
      }
      case 'access_link.update':
        return `Update the registration link of ${quoted}${changedFields(first)}`;
      case 'session.update':
        return `Move ${count(ops.length, 'session')} of ${quoted}`;
      case 'session.delete':
        return `Cancel ${count(ops.length, 'session')} of ${quoted}`;
      case 'ticket.create':
        return `Register ${count(ops.length, 'person', 'people')} for ${quoted}`;
      case 'ticket.update':
        return `Update ${count(ops.length, 'registration')} for ${quoted}`;
      case 'ticket.delete':
        return `Remove ${count(ops.length, 'registration')} from ${quoted}`;
    }
  };
  return sentenceOrder
    .filter((kind) => byKind.has(kind))
    .map((kind) => {
      const ops = byKind.get(kind) ?? [];
      return { sentence: sentenceFor(kind, ops), operations: ops.length };
    });
}

/** A sync's order: the series' own operations, then sessions, then registrations. */
const sentenceOrder: readonly OperationKind[] = [
  ...seriesOrder,
  'session.update',
  'session.delete',
  'ticket.create',
  'ticket.update',
  'ticket.delete',
];
