import { fetch } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ZoomOpenReport, ZoomOrigin } from '../../../shared/zoom/zoomCatalog';
import { startInProcessServe } from '../../support/inProcessServe';
import { sandboxHarness, type SandboxHarness } from '../../support/sandbox';
import { makeTempDir } from '../../support/tempDir';

// zoom.open and zoom.origin as the app calls them: the core and `cadence serve` in this process,
// real HTTP to it and to the sandbox, progress arriving as server-sent events.
let dir: ReturnType<typeof makeTempDir>;
let sandbox: SandboxHarness;
let app: Awaited<ReturnType<typeof startInProcessServe>>;

beforeEach(async () => {
  dir = makeTempDir();
  sandbox = await sandboxHarness();
  app = await startInProcessServe({
    dataDir: dir.path,
    probe: () => Promise.resolve(true),
    env: {
      ZOOM_ACCOUNT_ID: sandbox.sandbox.credentials.account_id,
      ZOOM_CLIENT_ID: sandbox.sandbox.credentials.client_id,
      ZOOM_CLIENT_SECRET: sandbox.sandbox.credentials.client_secret,
      CADENCE_ZOOM_API_URL: sandbox.sandbox.apiUrl,
      CADENCE_ZOOM_OAUTH_URL: sandbox.sandbox.oauthUrl,
    },
  });
});
afterEach(async () => {
  await app.close();
  await sandbox.close();
  dir.remove();
});

async function call(channel: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${app.serve.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { ...app.session, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return response.json();
}

/** The event stream's `zoom.openProgress` events while `trigger` runs. */
async function progressWhile(trigger: () => Promise<unknown>) {
  const response = await fetch(`${app.serve.origin}/api/events?session=${app.serve.secret}`);
  if (!response.body) throw new Error('no event stream');
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes(': connected')) text += decoder.decode((await reader.read()).value);
  const result = await trigger();
  const progress: unknown[] = [];
  while (progress.length < 2) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
    for (const frame of text.split('\n\n').slice(0, -1)) {
      if (/^event: zoom\.openProgress$/m.test(frame)) progress.push(JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? ''));
    }
    text = text.slice(text.lastIndexOf('\n\n') + 2);
  }
  await reader.cancel();
  return { result, progress };
}

describe('opening from Zoom in the app', () => {
  it("opens a hub's events with progress, and tells where a series came from", async () => {
    await sandbox.control.seed({ registrants: 4 });
    const { result, progress } = await progressWhile(() => call('zoom.open', { hub_id: 'hub-engineering-team' }));
    const report = (result as { ok: true; value: ZoomOpenReport }).value;
    expect(report.results.map((r) => [r.name, r.outcome])).toEqual([
      ['Engineering Team Weekly Standup', 'opened'],
      ['Product Updates Webinar Series', 'opened'],
    ]);
    expect(progress).toHaveLength(2);
    expect(progress).toContainEqual({ done: 2, total: 2, name: expect.any(String) as unknown });

    const standup = report.results[0]?.series_id ?? '';
    const origin = (await call('zoom.origin', { seriesId: standup })) as { ok: true; value: ZoomOrigin };
    expect(origin.value.opened_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(origin.value.refreshed_at).toBe(origin.value.opened_at);
    expect(origin.value.kept_on_zoom.map((item) => [item.kind, item.name])).toEqual([['ticket_type', 'Guest Ticket']]);
  });

  it('refuses events and a hub together, naming the field, and an unknown series', async () => {
    expect(await call('zoom.open', { event_ids: ['e1'], hub_id: 'h1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'event_ids' }] },
    });
    expect(await call('zoom.origin', { seriesId: 'no-such-series' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
