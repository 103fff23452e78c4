import { join } from 'node:path';
import { createCore, type Core } from '../../main/core';
import { startServeServer, type ServeHandle } from '../../main/serve/serveServer';
import type { ReachabilityProbe } from '../../main/zoom/onlineMonitor';

/**
 * The core and `cadence serve` in this process, over real HTTP, with a Zoom reachability probe
 * the caller controls. `session` is the header that proves a script's session (the launch secret).
 */
export async function startInProcessServe(options: {
  dataDir: string;
  probe: ReachabilityProbe;
  version?: string;
  env?: NodeJS.ProcessEnv;
}) {
  const core: Core = createCore({
    dataDir: options.dataDir,
    host: 'serve',
    version: options.version ?? '0.0.0',
    probe: options.probe,
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  const serve: ServeHandle = await startServeServer({ core, rendererDir: join(process.cwd(), 'dist', 'renderer') });
  return {
    core,
    serve,
    session: { 'x-cadence-session': serve.secret },
    async close() {
      await serve.close();
      await core.close();
    },
  };
}
