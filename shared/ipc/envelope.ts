import { z } from 'zod';

/** Error codes every host answers with; the renderer branches on these, never on messages. */
export const ipcErrorCodeSchema = z.enum([
  'invalid_input',
  'unknown_channel',
  'forbidden',
  'not_found',
  'conflict',
  'unavailable',
  /** The laptop is locked to self check-in (the kiosk): only the PIN opens the rest. */
  'locked',
  'internal',
]);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

/** One problem with one field: `path` reads like `series[0].attendees[3].email`. */
export const issueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type Issue = z.infer<typeof issueSchema>;

/** The typed error every channel answers instead of throwing across the boundary. */
export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  message: z.string(),
  issues: z.array(issueSchema),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

/**
 * What every call answers. Errors are values, not exceptions, because an Error thrown in main
 * loses its fields when Electron clones it into the renderer.
 */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Renders a zod issue path the way planners read it: `recurrence.weekly_days[1]`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** Says what an unknown field probably meant, given the path of the object that holds it. */
export type UnknownFieldHint = (parentPath: readonly PropertyKey[], key: string) => string | undefined;

/** Converts a zod failure into the issue list of an `invalid_input` error. */
export function issuesFromZod(error: z.ZodError, hint?: UnknownFieldHint): Issue[] {
  return error.issues.flatMap((issue) =>
    // zod reports all unknown keys of an object as one issue on the object; name each field instead.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: formatIssuePath([...issue.path, key]),
          message: hint?.(issue.path, key) ?? 'This field is not expected here.',
        }))
      : [{ path: formatIssuePath(issue.path), message: issue.message }],
  );
}
