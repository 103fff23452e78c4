import { fetch } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core';
import type { ServeHandle } from '../../../main/serve/serveServer';
import { startInProcessServe } from '../../support/inProcessServe';
import { makeTempDir } from '../../support/tempDir';

// The core runs in this process with a probe the test controls; events still travel over real
// HTTP as server-sent events, exactly as the browser receives them.
let dir: ReturnType<typeof makeTempDir>;
let app: Awaited<ReturnType<typeof startInProcessServe>>;
let core: Core;
let serve: ServeHandle;
let isZoomUp: boolean;

beforeEach(async () => {
  dir = makeTempDir();
  isZoomUp = false;
  app = await startInProcessServe({ dataDir: dir.path, probe: () => Promise.resolve(isZoomUp) });
  ({ core, serve } = app);
});

afterEach(async () => {
  await app.close();
  dir.remove();
});

/** Opens the event stream and collects frames until `count` events have arrived. */
async function collectEvents(count: number, trigger: () => Promise<unknown>) {
  const response = await fetch(`${serve.origin}/api/events?session=${serve.secret}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  if (!response.body) throw new Error('no body');
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const decoder = new TextDecoder();
  let text = '';
  const events: { name: string; data: unknown }[] = [];
  // The stream says hello first, so the subscription is in place before the trigger fires.
  while (!text.includes(': connected')) text += decoder.decode((await reader.read()).value);
  await trigger();
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
    let end: number;
    while ((end = text.indexOf('\n\n')) !== -1) {
      const frame = text.slice(0, end);
      text = text.slice(end + 2);
      const name = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (name && data) events.push({ name, data: JSON.parse(data) });
    }
  }
  await reader.cancel();
  return events;
}

describe('serve event stream', () => {
  it('pushes each change of Zoom reachability to the page', async () => {
    await core.online.checkNow();
    const events = await collectEvents(2, async () => {
      isZoomUp = true;
      await core.online.checkNow();
      await core.online.checkNow();
      isZoomUp = false;
      await core.online.checkNow();
    });
    expect(events.map((event) => event.name)).toEqual(['app.online', 'app.online']);
    expect(events.map((event) => (event.data as { isOnline: boolean }).isOnline)).toEqual([true, false]);
  });

  it('refuses the stream without the session', async () => {
    const response = await fetch(`${serve.origin}/api/events`);
    expect(response.status).toBe(401);
  });

  it('answers the same facts over HTTP as the router does', async () => {
    const response = await fetch(`${serve.origin}/api/call/app.info`, {
      method: 'POST',
      headers: { 'x-cadence-session': serve.secret, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await response.json()).toEqual(await core.router.dispatch('app.info', {}));
  });
});
