import type { ConflictTarget } from '../../../shared/sync/conflicts';
import { threeWayMerge } from '../../../shared/sync/threeWayMerge';
import type { Operation, RunContext, SeriesRun } from './operation';
import { fieldList, pick } from './words';

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
 * A ticket type or link already on Zoom, compared three ways with its snapshot: what changed here
 * only is sent, what changed on Zoom only is taken into the draft (if the draft stays valid), and
 * a field changed on both sides to different values is a conflict. A sale window left to Zoom is
 * not compared. The new snapshot, the adoption and the conflict are written in one transaction.
 */
export async function mergeItem(ctx: RunContext, series: SeriesRun, op: Operation, item: MergedItem): Promise<void> {
  const base = ctx.outbox.itemBase(item.table, series.seriesId) ?? item.local;
  const compared = item.fields.filter(
    (field) => !filledByZoom.includes(field) || base[field] !== undefined || item.local[field] !== undefined,
  );
  const plan = threeWayMerge(base, item.local, { ...base, ...pick(item.remote, compared) }, compared);
  if (Object.keys(plan.push).length > 0) await item.push(plan.push);
  ctx.outbox.transaction(() => {
    const adopt = plan.adopt;
    const isAdopted =
      Object.keys(adopt).length === 0 ||
      ctx.adopt({
        series,
        operationId: op.id,
        target: item.target,
        what: `the ${item.what}'s`,
        remote: adopt,
        local: pick(item.local, Object.keys(adopt)),
        change: (current) => ({ ...current, [item.draftField]: { ...current[item.draftField], ...adopt } }),
      });
    if (plan.conflicts.length > 0) {
      ctx.conflict({
        seriesId: series.seriesId,
        operationId: op.id,
        kind: 'item_fields',
        target: item.target,
        subject: `${item.what}: ${fieldList(plan.conflicts)}`,
        base: pick(base, plan.conflicts),
        local: pick(item.local, plan.conflicts),
        remote: pick(item.remote, plan.conflicts),
        message: `${series.name}: the ${item.what}'s ${fieldList(plan.conflicts)} changed both here and on Zoom.`,
      });
    }
    const isSettled = isAdopted && plan.conflicts.length === 0;
    ctx.outbox.records.itemMerged(
      item.table,
      series.seriesId,
      { ...base, ...plan.push, ...(isAdopted ? adopt : {}) },
      isSettled ? op.id : undefined,
    );
  });
}
