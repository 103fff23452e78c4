// One formatter for every count: building one per call costs more than the rest of a render's text.
const numbers = new Intl.NumberFormat('en-US');

/** "1 session", "12 sessions", "20,000 rows": a count with its noun in the right number. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${numbers.format(count)} ${count === 1 ? one : many}`;
}

/** The word that agrees with a count: `agree(1, 'was', 'were')` is "was". */
export function agree(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/**
 * Names a group by its first few: "Ada, Bo and Cy", or "Ada, Bo, Cy and 4 more" when `total`
 * (by default the names given) is more than one past `shown`.
 */
export function someOf(names: readonly string[], total = names.length, shown = 3): string {
  const listed = names.slice(0, total <= shown + 1 ? total : shown);
  const rest = total - listed.length;
  if (rest > 0) return `${listed.join(', ')} and ${numbers.format(rest)} more`;
  if (listed.length <= 1) return listed.join('');
  return `${listed.slice(0, -1).join(', ')} and ${listed.at(-1) ?? ''}`;
}
