import { useAppStore } from '../stores/useAppStore';

interface Presentation {
  tone: 'success' | 'muted' | 'danger';
  label: string;
  detail: string;
}

function present(isBridgeConnected: boolean, isOnline: boolean | undefined, isChecking: boolean): Presentation {
  if (!isBridgeConnected) {
    return { tone: 'danger', label: 'Disconnected', detail: 'This page has lost contact with Cadence.' };
  }
  if (isChecking || isOnline === undefined) return { tone: 'muted', label: 'Checking…', detail: 'Looking for Zoom.' };
  return isOnline
    ? { tone: 'success', label: 'Online', detail: 'Zoom is reachable.' }
    : { tone: 'muted', label: 'Offline', detail: 'Zoom is out of reach. Your work is kept on this computer.' };
}

/** Whether Zoom can be reached, in a word; pressing it checks again at once. */
export function OnlineIndicator() {
  const isBridgeConnected = useAppStore((state) => state.isBridgeConnected);
  const isOnline = useAppStore((state) => state.online?.isOnline);
  const isChecking = useAppStore((state) => state.isCheckingOnline);
  const checkOnline = useAppStore((state) => state.checkOnline);
  const { tone, label, detail } = present(isBridgeConnected, isOnline, isChecking);
  return (
    <div className="online-status">
      <span className={`online-indicator tone-${tone}`} role="status" title={detail}>
        <span className="dot" aria-hidden="true" />
        {label}
        <span className="visually-hidden"> — {detail}</span>
      </span>
      <button
        type="button"
        className="button-quiet"
        onClick={() => void checkOnline()}
        disabled={isChecking || !isBridgeConnected}
      >
        Check connection
      </button>
    </div>
  );
}
