import type { ConflictTarget } from '../../../shared/sync/conflicts';
import { threeWayMerge } from '../../../shared/sync/threeWayMerge';
import type { Operation, RunContext, SeriesRun } from './operation';
import { settleMerge, type ComparedObject } from './settleMerge';
import { pick } from './words';

/** Fields Zoom fills when Cadence leaves them out (the sale window): not a change made on Zoom. */
const filledByZoom = ['start_time', 'end_time'];

/** A ticket type or registration link as it is merged: where it lives in the draft and in the snapshots. */
export interface MergedItem {
  table: 'ticket_type' | 'registration_link';
  /** "ticket type", "registration link". */
  what: string;
  draftField: 'ticket_type' | 'registration';
  target: ConflictTarget;
  fields: readonly string[];
  local: Record<string, unknown>;
  remote: Record<string, unknown>;
  /** Sends the fields changed here only; Zoom's names are the caller's business. */
  push: (changes: Record<string, unknown>) => Promise<void>;
}

/**
 * A ticket type or link already on Zoom compared three ways with its snapshot; a sale window left
 * to Zoom is not compared. Nothing is sent or written: `settleMerge` settles it.
 */
export function compareItem(
  ctx: RunContext,
  series: SeriesRun,
  operationId: number | null,
  item: Omit<MergedItem, 'push'>,
): ComparedObject<Record<string, unknown>> {
  const base = ctx.outbox.itemBase(item.table, series.seriesId) ?? item.local;
  const compared = item.fields.filter(
    (field) => !filledByZoom.includes(field) || base[field] !== undefined || item.local[field] !== undefined,
  );
  const remote = { ...base, ...pick(item.remote, compared) };
  return {
    operationId,
    target: item.target,
    label: item.what,
    base,
    local: item.local,
    remote,
    plan: threeWayMerge(base, item.local, remote, compared),
    sent: {},
    change: (current, adopt) => ({ ...current, [item.draftField]: { ...current[item.draftField], ...adopt } }),
    record: (snapshot, settled) => {
      ctx.outbox.records.itemMerged(item.table, series.seriesId, snapshot, settled);
    },
  };
}

/**
 * A ticket type or link already on Zoom, compared three ways with its snapshot: what changed here
 * only is sent, what changed on Zoom only is taken into the draft (if the draft stays valid), and
 * a field changed on both sides to different values is a conflict. The new snapshot, the adoption
 * and the conflict are written in one transaction.
 */
export async function mergeItem(ctx: RunContext, series: SeriesRun, op: Operation, item: MergedItem): Promise<void> {
  const compared = compareItem(ctx, series, op.id, item);
  const { push } = compared.plan;
  if (Object.keys(push).length > 0) await item.push(push);
  settleMerge(ctx, series, { ...compared, sent: push });
}
