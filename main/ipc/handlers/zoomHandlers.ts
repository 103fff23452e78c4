import type { ZoomConnection } from '../../account/zoomConnection';
import type { ChannelHandlers } from '../router';

type ZoomChannels =
  'zoom.status' | 'zoom.connect' | 'zoom.trySandbox' | 'zoom.test' | 'zoom.hubs' | 'zoom.setPlan' | 'zoom.forget';

export interface ZoomHandlerDeps {
  connection: ZoomConnection;
  /** Starts the built-in sandbox (once) and answers its endpoints and credentials. */
  sandbox: () => Promise<{
    apiUrl: string;
    oauthUrl: string;
    credentials: { account_id: string; client_id: string; client_secret: string };
  }>;
}

/** Channels about the Zoom connection. */
export function createZoomHandlers(deps: ZoomHandlerDeps): Pick<ChannelHandlers, ZoomChannels> {
  const { connection } = deps;
  return {
    'zoom.status': () => connection.status(),
    'zoom.connect': (input) => connection.connect(input),
    'zoom.trySandbox': async () => {
      const sandbox = await deps.sandbox();
      return connection.connectBuiltInSandbox(sandbox);
    },
    'zoom.test': () => connection.test(),
    'zoom.hubs': () => connection.hubs(),
    'zoom.setPlan': ({ plan }) => {
      connection.setPlan(plan);
      return connection.status();
    },
    'zoom.forget': async () => ({ wasConnected: await connection.forget() }),
  };
}
