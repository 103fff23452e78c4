import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { maxAnswerBytes } from '../../../main/zoom/boundedBody';
import { createZoomClient } from '../../../main/zoom/zoomClient';

// A "Zoom" that answers with far more than any real answer: Cadence reads up to its limit, drops
// the connection and says so, instead of holding the whole answer in memory.
let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

const oversized = 8 * maxAnswerBytes;

/** Serves a token, then `oversized` bytes of JSON for any API call; counts what it managed to send. */
async function floodingZoom(tokenBytes = 0) {
  const sent = { api: 0 };
  server = createServer((request, response) => {
    if (request.url?.startsWith('/oauth/token')) {
      const padding = 'x'.repeat(tokenBytes);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ access_token: 'token', token_type: 'bearer', expires_in: 3600, scope: padding }));
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    response.write('{"hubs": [');
    const pump = () => {
      while (sent.api < oversized) {
        sent.api += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      response.end(']}');
    };
    response.on('error', () => undefined);
    pump();
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = createZoomClient({
    urls: { apiUrl: `http://127.0.0.1:${String(port)}/v2`, oauthUrl: `http://127.0.0.1:${String(port)}/oauth/token` },
    credentials: () => Promise.resolve({ account_id: 'acct', client_id: 'id', client_secret: 'secret' }),
    plan: () => 'business',
    retry: { maxRetries: 0 },
  });
  return { client, sent };
}

describe('answers larger than Cadence reads', () => {
  it('stops reading an API answer at the limit and names the limit', async () => {
    const { client, sent } = await floodingZoom();
    const before = process.memoryUsage().arrayBuffers;
    const error = await client.api.listHubs().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    await client.close();
    expect(String(error)).toMatch(/larger than 16 MB, the most Cadence reads/);
    expect(sent.api).toBeLessThan(oversized);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(4 * maxAnswerBytes);
  });

  it('refuses a token answer of megabytes as unusable', async () => {
    const { client } = await floodingZoom(2 * 1024 * 1024);
    await expect(client.api.listHubs()).rejects.toThrow(/without a usable token/);
    await client.close();
  });
});
