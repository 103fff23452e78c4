/** "1 session", "12 sessions", "20,000 rows": a count with its noun in the right number. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** The word that agrees with a count: `agree(1, 'was', 'were')` is "was". */
export function agree(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** "Ada, Bo and Cy", or "Ada, Bo, Cy and 4 more" past `shown` names. */
export function someOf(names: readonly string[], shown = 3): string {
  const listed = names.slice(0, names.length > shown + 1 ? shown : names.length);
  const rest = names.length - listed.length;
  if (rest > 0) return `${listed.join(', ')} and ${rest.toLocaleString('en-US')} more`;
  if (listed.length <= 1) return listed.join('');
  return `${listed.slice(0, -1).join(', ')} and ${listed.at(-1) ?? ''}`;
}
