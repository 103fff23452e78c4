import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for "Zoom is reachable": any HTTP answer counts. Stopping it makes Zoom unreachable,
 * the way losing the network does.
 */
export async function startFakeZoomHost(): Promise<{ apiUrl: string; stop: () => Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(401, { 'Content-Type': 'application/json' });
    response.end('{"code":124,"message":"Invalid access token."}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/v2`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
