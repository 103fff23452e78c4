/** `target` with `values` written over it; a null value removes the field (Zoom does not have it). */
export function withValues(target: object, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const removed = new Set(Object.keys(values).filter((field) => values[field] === null));
  return Object.fromEntries(
    [...Object.entries(target), ...Object.entries(values)].filter(([field]) => !removed.has(field)),
  );
}
