import { useEffect, useState } from 'react';
import { useAppStore } from '../stores/useAppStore';
import { useZoomStore } from '../stores/useZoomStore';

/**
 * Shown where syncing needs a Zoom account and none is connected: the two ways forward, so a new
 * planner never has to look for them. Once the sandbox is tried from here, says so where it was.
 */
export function ConnectPrompt() {
  const api = useAppStore((state) => state.api);
  const navigate = useAppStore((state) => state.navigate);
  const { status, task, error, load, trySandbox } = useZoomStore();
  const [hasTriedHere, setTriedHere] = useState(false);
  useEffect(() => {
    if (api !== undefined) void load(api);
  }, [api, load]);
  if (status?.isConnected === true) {
    return hasTriedHere && status.source === 'sandbox' ? (
      <p className="banner success" role="status">
        Connected to the built-in sandbox, a stand-in for Zoom on this computer.
      </p>
    ) : null;
  }
  if (status === undefined && error === undefined) return null;
  return (
    <section className="panel connect-prompt" aria-labelledby="connect-prompt-heading">
      <h2 id="connect-prompt-heading">Not connected to Zoom</h2>
      <p className="muted">
        Your changes are kept on this computer. To send them, connect your Zoom account, or try Cadence with its
        built-in sandbox, a stand-in for Zoom on this computer.
      </p>
      {error !== undefined && hasTriedHere && (
        <div className="banner danger" role="alert">
          {error.message}
        </div>
      )}
      <div className="actions">
        <button type="button" className="button-primary" onClick={() => navigate('settings')}>
          Connect to Zoom
        </button>
        <button
          type="button"
          className="button-quiet"
          disabled={task !== undefined || api === undefined}
          onClick={() => {
            if (api === undefined) return;
            setTriedHere(true);
            void trySandbox(api);
          }}
        >
          {task === 'sandbox' ? 'Starting the sandbox…' : 'Try without a Zoom account'}
        </button>
      </div>
    </section>
  );
}
