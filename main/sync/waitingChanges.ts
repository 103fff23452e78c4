import type { PendingChange } from '../../shared/sync/syncRun';
import type { WaitingOperation } from '../db/outbox/outbox';
import type { WaitingMeetingOperation } from '../db/outbox/meetingOutbox';
import { meetingOperationKindOf, operationKindOf } from './operations/registry';

/**
 * What is waiting to reach Zoom, series by series in the order they were first changed, in the
 * planner's words: each kind's own sentence, in the order a sync sends them, with how it waits.
 */
export function waitingChanges(
  operations: readonly WaitingOperation[],
  sessionsOf: (seriesId: string) => number,
): PendingChange[] {
  const bySeries = new Map<string, { name: string; operations: WaitingOperation[] }>();
  for (const op of operations) {
    const entry = bySeries.get(op.seriesId) ?? { name: op.seriesName, operations: [] };
    entry.operations.push(op);
    bySeries.set(op.seriesId, entry);
  }
  return [...bySeries].flatMap(([seriesId, entry]) => {
    const groups = new Map<string, WaitingOperation[]>();
    for (const op of entry.operations) {
      const group = `${op.kind}\u0000${op.state}`;
      groups.set(group, [...(groups.get(group) ?? []), op]);
    }
    const series = { name: entry.name, sessions: sessionsOf(seriesId) };
    return [...groups.values()]
      .map((ops) => ({ ops, known: operationKindOf(ops[0]?.kind ?? '') }))
      .sort((a, b) => (a.known?.order ?? Infinity) - (b.known?.order ?? Infinity))
      .map(({ ops, known }) => {
        const [first] = ops;
        const payloads = ops
          .map((op) => known?.kind.payload.safeParse(op.payload))
          .flatMap((parsed) => (parsed?.success === true ? [parsed.data] : []));
        const sentence =
          known === undefined || payloads.length !== ops.length
            ? `A change Cadence cannot read (${first?.kind ?? ''})`
            : known.kind.sentence(series, payloads);
        return {
          series_id: seriesId,
          series_name: entry.name,
          meeting_id: null,
          sentence,
          operations: ops.length,
          state: first?.state ?? 'pending',
          public_effect: known?.kind.publicEffect ?? null,
        };
      });
  });
}

/**
 * What waits to reach Zoom for each recurring meeting, in its kind's own words with the meeting's
 * topic; a meeting's change has no series (`series_id` empty) and names its meeting.
 */
export function waitingMeetingChanges(operations: readonly WaitingMeetingOperation[]): PendingChange[] {
  return operations.map((op) => {
    const known = meetingOperationKindOf(op.kind);
    const payload = known?.kind.payload.safeParse(op.payload);
    const sentence =
      known === undefined || payload?.success !== true
        ? `A change Cadence cannot read (${op.kind})`
        : known.kind.sentence({ topic: op.topic, hostEmail: op.hostEmail }, [payload.data]);
    return {
      series_id: '',
      series_name: op.topic,
      meeting_id: op.meetingId,
      sentence,
      operations: 1,
      state: op.state,
      public_effect: null,
    };
  });
}
