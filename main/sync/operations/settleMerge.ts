import type { SeriesDraft } from '../../../shared/drafts/seriesDraft';
import type { ConflictTarget } from '../../../shared/sync/conflicts';
import type { MergePlan } from '../../../shared/sync/threeWayMerge';
import type { RunContext, SeriesRun } from './operation';
import { fieldList, pick } from './words';

/** One synced object compared three ways, ready to be settled. */
export interface ComparedObject<T extends object> {
  /** The operation a conflict holds: the one that carries this object's local changes, if any waits. */
  operationId: number | null;
  target: ConflictTarget;
  /** Absent for the event itself; "ticket type", "registration link" for the items. */
  label?: string;
  base: T;
  local: T;
  remote: T;
  plan: MergePlan<T>;
  /** What was sent to Zoom now (it joins the snapshot); nothing for a read-back that only compares. */
  sent: Partial<T>;
  /** The draft with Zoom's changes in it. */
  change: (draft: SeriesDraft, adopt: Partial<T>) => SeriesDraft;
  /** Records the object's new snapshot, marking `operationId` done when given. */
  record: (snapshot: T, operationId?: number) => void;
}

/** What settling a comparison did. */
export interface Settlement {
  /** Fields taken from Zoom into the draft. */
  adopted: number;
  conflicts: number;
  /** Nothing left for the planner: the operation may be marked done. */
  isSettled: boolean;
}

/**
 * The one model of a three-way comparison's outcome, for a sync's steps and for a read-back alike:
 * what changed on Zoom only is taken into the draft (if it stays valid, else an `invalid_remote`
 * conflict), a field changed on both sides differently is a conflict holding the operation, and
 * the snapshot becomes base + what both sides agree on + what was sent + what was taken. One
 * transaction.
 */
export function settleMerge<T extends object>(
  ctx: RunContext,
  series: SeriesRun,
  compared: ComparedObject<T>,
): Settlement {
  const { plan, label } = compared;
  return ctx.outbox.transaction(() => {
    const adoptedFields = Object.keys(plan.adopt) as (keyof T & string)[];
    const isAdopted =
      adoptedFields.length === 0 ||
      ctx.adopt({
        series,
        operationId: compared.operationId,
        target: compared.target,
        what: label === undefined ? 'the event' : `the ${label}'s`,
        remote: plan.adopt,
        local: pick(compared.local, adoptedFields),
        change: (current) => compared.change(current, plan.adopt),
      });
    const fields = fieldList(plan.conflicts);
    if (plan.conflicts.length > 0) {
      ctx.conflict({
        seriesId: series.seriesId,
        operationId: compared.operationId,
        kind: label === undefined ? 'event_fields' : 'item_fields',
        target: compared.target,
        subject: label === undefined ? fields : `${label}: ${fields}`,
        base: pick(compared.base, plan.conflicts),
        local: pick(compared.local, plan.conflicts),
        remote: pick(compared.remote, plan.conflicts),
        message: `${series.name}: ${label === undefined ? '' : `the ${label}'s `}${fields} changed both here and on Zoom.`,
      });
    }
    const isSettled = isAdopted && plan.conflicts.length === 0;
    compared.record(
      { ...compared.base, ...plan.converged, ...compared.sent, ...(isAdopted ? plan.adopt : {}) },
      isSettled && compared.operationId !== null ? compared.operationId : undefined,
    );
    return {
      adopted: isAdopted ? adoptedFields.length : 0,
      conflicts: plan.conflicts.length + (isAdopted ? 0 : 1),
      isSettled,
    };
  });
}
