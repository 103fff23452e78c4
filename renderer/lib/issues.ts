import type { Issue } from '../../shared/ipc/envelope';
import { attendeeFieldLabels } from './attendeeFields';

/** The message of the first problem at exactly this path. */
export function problemAt(issues: readonly Issue[], path: string): string | undefined {
  return issues.find((issue) => issue.path === path)?.message;
}

/** The message of the first problem at this path or inside it. */
export function problemWithin(issues: readonly Issue[], path: string): string | undefined {
  return issues.find(
    (issue) => issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`),
  )?.message;
}

/**
 * A problem with one attendee, led by the field as the planner knows it: `occurrences[1]` is
 * "Sessions", `email` is "Email". `field` is the path inside the attendee; empty for the whole row.
 */
export function attendeeIssueInWords(field: string, message: string): string {
  const name = /^[a-z_]+/.exec(field)?.[0] ?? '';
  const label =
    name === 'occurrences' ? 'Sessions' : (attendeeFieldLabels as Readonly<Record<string, string | undefined>>)[name];
  return label === undefined ? message : `${label}: ${message}`;
}
