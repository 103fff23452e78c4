import { fetch } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CadenceEvent } from '../../../shared/ipc/contract';
import { eventOnSandbox, openDesk, type Desk } from '../../support/checkInDesks';
import { startInProcessServe } from '../../support/inProcessServe';
import { sandboxHarness, type SandboxHarness } from '../../support/sandbox';
import { makeTempDir } from '../../support/tempDir';

// The app's core as `cadence serve` runs it, connected to the sandbox through the environment.
let dir: ReturnType<typeof makeTempDir>;
let harness: SandboxHarness;
let app: Awaited<ReturnType<typeof startInProcessServe>>;
let desk: Desk;
let event: ReturnType<typeof eventOnSandbox>;
let isZoomUp: boolean;
const seen: CadenceEvent[] = [];

beforeEach(async () => {
  dir = makeTempDir();
  harness = await sandboxHarness();
  event = eventOnSandbox(harness.sandbox.data, { people: 20 });
  desk = openDesk(dir.path, 'Door A', event);
  isZoomUp = true;
  app = await startInProcessServe({
    dataDir: desk.dataDir,
    probe: () => Promise.resolve(isZoomUp),
    env: {
      ZOOM_ACCOUNT_ID: harness.sandbox.credentials.account_id,
      ZOOM_CLIENT_ID: harness.sandbox.credentials.client_id,
      ZOOM_CLIENT_SECRET: harness.sandbox.credentials.client_secret,
      CADENCE_ZOOM_API_URL: harness.sandbox.apiUrl,
      CADENCE_ZOOM_OAUTH_URL: harness.sandbox.oauthUrl,
    },
  });
  seen.length = 0;
  app.core.events.subscribe((e) => seen.push(e));
  await app.core.online.checkNow();
});
afterEach(async () => {
  await app.close();
  await desk.close();
  await harness.close();
  dir.remove();
});

async function call(channel: string, input: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${app.serve.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...app.session, origin: app.serve.origin },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: await response.json() };
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
}

const onZoom = () => harness.sandbox.data.checkIns.filter((c) => c.event_id === event.eventId).length;

describe('uploading from the app', () => {
  it('uploads on demand through checkin.upload, naming a bad event ID in planner words', async () => {
    // Asked before the background upload's first turn, 5 s after the start (it would join it anyway).
    desk.record(event.emails.slice(0, 5));
    const bad = await call('checkin.upload', { eventId: 'not an id!' });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'eventId' }] } });

    const uploaded = await call('checkin.upload', { eventId: event.eventId });
    expect(uploaded.body).toMatchObject({ ok: true, value: { outcome: 'uploaded', uploaded: 5, waiting: 0 } });
    expect(onZoom()).toBe(5);
  });

  it('uploads in the background within 5 s while Zoom answers, and tells the screen; offline it waits', async () => {
    desk.record(event.emails.slice(0, 3));
    await until(() => onZoom() === 3, 7_000);
    expect(onZoom()).toBe(3);
    await until(() => seen.some((e) => e.name === 'checkin.changed'), 1_000);
    expect(seen).toContainEqual({ name: 'checkin.changed', payload: { eventId: event.eventId } });

    isZoomUp = false;
    await app.core.online.checkNow();
    desk.record(event.emails.slice(3, 6));
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(onZoom()).toBe(3);
    expect([...desk.checkIns().values()].filter((c) => c.state === 'waiting')).toHaveLength(3);
  }, 60_000);
});
