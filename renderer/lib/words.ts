// One formatter for every count: building one per call costs more than the rest of a render's text.
const numbers = new Intl.NumberFormat();

/** "1 session", "12 sessions". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${numbers.format(count)} ${count === 1 ? one : many}`;
}
