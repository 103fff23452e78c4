/** A calendar date (`YYYY-MM-DD`) as the planner reads it: "Thu, Nov 26, 2026". */
export function formatCivilDate(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}
