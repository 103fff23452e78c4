import { Agent, request } from 'undici';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { startInProcessServe } from '../support/inProcessServe';
import { makeTempDir } from '../support/tempDir';

// The cost of one call through the contract: validation and dispatch alone, then the whole HTTP
// round trip that the browser UI pays under `cadence serve`.
const dir = makeTempDir('cadence-bench-');
let app: Awaited<ReturnType<typeof startInProcessServe>>;
let agent: Agent;

beforeAll(async () => {
  app = await startInProcessServe({ dataDir: dir.path, probe: () => Promise.resolve(true) });
  agent = new Agent({ connections: 1 });
});

afterAll(async () => {
  await agent.close();
  await app.close();
  dir.remove();
});

describe('app.info', () => {
  bench('router dispatch', async () => {
    await app.core.router.dispatch('app.info', {});
  });

  bench('HTTP round trip through cadence serve', async () => {
    const response = await request(`${app.serve.origin}/api/call/app.info`, {
      method: 'POST',
      headers: { ...app.session, 'content-type': 'application/json' },
      body: '{}',
      dispatcher: agent,
    });
    await response.body.json();
  });
});
