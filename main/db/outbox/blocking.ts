import type { StoredOperation } from './outboxRows';

/**
 * The waiting operations that are blocked: behind a key held by a conflict or a refusal, or behind
 * a key that is itself blocked, however far down. `held` maps each series to its held keys.
 */
export function blockedOperations(
  operations: readonly Pick<StoredOperation, 'id' | 'seriesId' | 'key' | 'dependsOn' | 'state'>[],
  held: ReadonlyMap<string, ReadonlySet<string>>,
): Set<number> {
  const blocked = new Map([...held].map(([seriesId, keys]) => [seriesId, new Set(keys)]));
  const blockedIds = new Set<number>();
  for (let isGrowing = true; isGrowing;) {
    isGrowing = false;
    for (const op of operations) {
      if (blockedIds.has(op.id) || (op.state !== 'pending' && op.state !== 'in_flight')) continue;
      const keys = blocked.get(op.seriesId);
      if (!op.dependsOn.some((key) => keys?.has(key) === true)) continue;
      blockedIds.add(op.id);
      blocked.set(op.seriesId, (keys ?? new Set()).add(op.key));
      isGrowing = true;
    }
  }
  return blockedIds;
}
