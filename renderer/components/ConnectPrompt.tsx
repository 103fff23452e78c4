import { useEffect } from 'react';
import { useAppStore } from '../stores/useAppStore';
import { useZoomStore } from '../stores/useZoomStore';

/**
 * Shown where syncing needs a Zoom account and none is connected: the two ways forward, so a new
 * planner never has to look for them.
 */
export function ConnectPrompt() {
  const api = useAppStore((state) => state.api);
  const navigate = useAppStore((state) => state.navigate);
  const { status, load, trySandbox } = useZoomStore();
  useEffect(() => {
    if (api !== undefined) void load(api);
  }, [api, load]);
  if (status === undefined || status.isConnected) return null;
  return (
    <section className="panel connect-prompt" aria-labelledby="connect-prompt-heading">
      <h2 id="connect-prompt-heading">Not connected to Zoom</h2>
      <p className="muted">
        Your changes are kept on this computer. To send them, connect your Zoom account, or try Cadence with its
        built-in sandbox, a stand-in for Zoom on this computer.
      </p>
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => navigate('settings')}>
          Connect to Zoom
        </button>
        <button type="button" className="button-quiet" onClick={() => api && void trySandbox(api)}>
          Try without a Zoom account
        </button>
      </div>
    </section>
  );
}
