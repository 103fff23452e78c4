import type { ZoomConnection } from '../../account/zoomConnection';
import { CadenceError } from '../../../shared/errors';
import type { SeededEvent } from '../../../shared/zoom/sandboxSeed';
import type { ChannelHandlers } from '../router';

type ZoomChannels =
  | 'zoom.status'
  | 'zoom.connect'
  | 'zoom.trySandbox'
  | 'zoom.test'
  | 'zoom.hubs'
  | 'zoom.setPlan'
  | 'zoom.forget'
  | 'zoom.seedSandbox';

export interface ZoomHandlerDeps {
  connection: ZoomConnection;
  /** Starts the built-in sandbox (once) and answers its endpoints and credentials. */
  sandbox: () => Promise<{
    apiUrl: string;
    oauthUrl: string;
    credentials: { account_id: string; client_id: string; client_secret: string };
    /** Adds the tutorial's example events to it. */
    seed(): SeededEvent[];
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
    'zoom.seedSandbox': async () => {
      // Example events go to the stand-in only: a real account, or a sandbox run elsewhere, is never changed this way.
      if (!connection.usesBuiltInSandbox()) {
        throw new CadenceError(
          'forbidden',
          'Example events can be added only to the built-in sandbox; connect to it with "Try without a Zoom account".',
        );
      }
      const sandbox = await deps.sandbox();
      return { events: sandbox.seed() };
    },
  };
}
