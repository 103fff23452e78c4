import { writeFileSync } from 'node:fs';
import { emptySandboxData } from '../../main/sandbox/sandboxData';
import { createZoomClient } from '../../main/zoom/zoomClient';
import { eventOnSandbox, openDesk } from '../support/checkInDesks';

/** Writes a sandbox state file with one published in-person event of `people` registrants. */
export function writeSandboxState(path: string, people: number): { eventId: string; emails: string[] } {
  const state = emptySandboxData();
  const event = eventOnSandbox(state, { people });
  writeFileSync(path, JSON.stringify(state));
  return { eventId: event.eventId, emails: event.emails };
}

/** A desk with every one of `emails` checked in offline, then its upload timed; answers the report and the time. */
export async function uploadOnce(
  root: string,
  eventId: string,
  emails: string[],
  sandbox: { api_url: string; oauth_url: string; account_id: string; client_id: string; client_secret: string },
) {
  const client = createZoomClient({
    urls: { apiUrl: sandbox.api_url, oauthUrl: sandbox.oauth_url },
    credentials: () =>
      Promise.resolve({
        account_id: sandbox.account_id,
        client_id: sandbox.client_id,
        client_secret: sandbox.client_secret,
      }),
    plan: () => 'pro',
  });
  const desk = openDesk(root, 'Door A', { eventId }, client);
  desk.record(emails);
  try {
    const started = performance.now();
    const report = await desk.services.checkInUploader.upload();
    return { report, ms: performance.now() - started };
  } finally {
    await desk.close();
    await client.close();
  }
}
