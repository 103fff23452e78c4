import { CadenceError } from '../../shared/errors';
import type { ZoomUser } from '../../shared/zoom/zoomMeetingShapes';
import { ZoomApiError } from '../zoom/zoomErrors';
import type { ZoomMeetingsApi } from '../zoom/zoomMeetingsApi';

/** The hosts as Zoom knows them, or why they were not checked. */
export type HostCheck =
  | { outcome: 'checked'; hosts: { email: string; user: ZoomUser }[] }
  /** The token lacks the user-read scopes: only this check is skipped, as the script does. */
  | { outcome: 'skipped'; missingScopes: readonly string[] };

/** The script's words when the check is skipped. */
export const skippedHostCheckWarning = 'Skipping user verification: token missing user read scope(s).';

/**
 * Checks each host once (`GET /users/{email}`). Hosts Zoom does not know are invalid input, all
 * named together with where the config names them first; nothing has been imported at that point.
 */
export async function checkHosts(
  api: Pick<ZoomMeetingsApi, 'getUser'>,
  hosts: readonly { email: string; path: string }[],
): Promise<HostCheck> {
  const byEmail = new Map<string, { email: string; path: string }>();
  for (const host of hosts) if (!byEmail.has(host.email.toLowerCase())) byEmail.set(host.email.toLowerCase(), host);
  const checked: { email: string; user: ZoomUser }[] = [];
  const unknown: { email: string; path: string }[] = [];
  // All at once, within the client's rate limiter.
  const answers = await Promise.allSettled([...byEmail.values()].map((host) => api.getUser(host.email)));
  const hostList = [...byEmail.values()];
  for (const [index, answer] of answers.entries()) {
    const host = hostList[index];
    if (host === undefined) continue;
    if (answer.status === 'fulfilled') {
      checked.push({ email: host.email, user: answer.value });
      continue;
    }
    const error: unknown = answer.reason;
    if (error instanceof ZoomApiError && error.missingScopes.length > 0) {
      return { outcome: 'skipped', missingScopes: error.missingScopes };
    }
    if (error instanceof ZoomApiError && error.code === 'not_found') unknown.push(host);
    else throw error;
  }
  if (unknown.length > 0) {
    throw new CadenceError(
      'invalid_input',
      `Zoom has no user ${unknown.map((host) => host.email).join(', ')} in this account; nothing was imported.`,
      unknown.map((host) => ({
        path: `${host.path}.host_email`,
        message: 'Zoom does not know this user: check the address, and that the user is active in your account.',
      })),
    );
  }
  return { outcome: 'checked', hosts: checked };
}
