import type { Issue } from '../../shared/ipc/envelope';

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
