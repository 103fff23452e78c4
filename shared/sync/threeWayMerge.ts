/** What to do with each field after comparing base, local and remote. */
export interface MergePlan<T extends object> {
  /** Changed here only: send to Zoom. */
  push: Partial<T>;
  /** Changed on Zoom only: take into the draft, and tell the planner. */
  adopt: Partial<T>;
  /** Changed on both sides to different values: the planner decides. */
  conflicts: (keyof T & string)[];
  /** Changed on both sides to the same value: nothing to send or take, only the snapshot moves. */
  converged: Partial<T>;
}

/** JSON with object keys in order, so that the same value always reads the same. */
function canonical(value: unknown): string | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item) ?? 'null').join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, canonical(item)] as const)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${item ?? ''}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** "" and absent are the same value (Zoom answers empty text for fields it does not have), and key order does not count. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * The three-way comparison of a synced object: `base` is what both sides agreed on at the last
 * sync. Fields both sides changed to the same value need nothing.
 */
export function threeWayMerge<T extends object>(
  base: T,
  local: T,
  remote: T,
  fields: readonly (keyof T & string)[],
): MergePlan<T> {
  const plan: MergePlan<T> = { push: {}, adopt: {}, conflicts: [], converged: {} };
  for (const field of fields) {
    const isLocalChange = !same(local[field], base[field]);
    const isRemoteChange = !same(remote[field], base[field]);
    if (isLocalChange && isRemoteChange) {
      if (same(local[field], remote[field])) plan.converged[field] = remote[field];
      else plan.conflicts.push(field);
    } else if (isLocalChange) plan.push[field] = local[field];
    else if (isRemoteChange) plan.adopt[field] = remote[field];
  }
  return plan;
}
