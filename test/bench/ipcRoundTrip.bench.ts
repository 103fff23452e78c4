import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { createCore, type Core } from '../../main/core';
import { startServeServer, type ServeHandle } from '../../main/serve/serveServer';
import { makeTempDir } from '../support/tempDir';

// The cost of one call through the contract: validation and dispatch alone, then the whole HTTP
// round trip that the browser UI pays under `cadence serve`.
const dir = makeTempDir('cadence-bench-');
let core: Core;
let serve: ServeHandle;
let agent: Agent;
let cookie: string;

beforeAll(async () => {
  core = createCore({
    dataDir: dir.path,
    host: 'serve',
    version: '0.0.0',
    zoomUrls: { apiUrl: 'http://127.0.0.1:9/v2', oauthUrl: 'http://127.0.0.1:9/oauth' },
    probe: () => Promise.resolve(true),
  });
  serve = await startServeServer({ core, rendererDir: join(process.cwd(), 'dist', 'renderer') });
  agent = new Agent({ connections: 1 });
  cookie = `cadence_session_${serve.port}=${serve.secret}`;
});

afterAll(async () => {
  await agent.close();
  await serve.close();
  core.close();
  dir.remove();
});

describe('app.info', () => {
  bench('router dispatch', async () => {
    await core.router.dispatch('app.info', {});
  });

  bench('HTTP round trip through cadence serve', async () => {
    const response = await request(`${serve.origin}/api/call/app.info`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
      dispatcher: agent,
    });
    await response.body.json();
  });
});
