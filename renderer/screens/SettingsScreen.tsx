import { CheckInSettingsPanel } from '../components/checkin/CheckInSettingsPanel';
import { SyncSettingsPanel } from '../components/SyncSettingsPanel';
import { ZoomConnectionPanel } from '../components/ZoomConnectionPanel';
import { useAppStore } from '../stores/useAppStore';

const hostNames = { electron: 'Desktop app', serve: 'Browser (cadence serve)' } as const;

function formatCheckedAt(checkedAt: string | null | undefined): string {
  if (!checkedAt) return 'not checked yet';
  return `checked ${new Date(checkedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`;
}

/** The Zoom account, how syncing starts, this laptop's check-in desk, then facts about this copy of Cadence. */
export function SettingsScreen() {
  return (
    <div className="stack">
      <ZoomConnectionPanel />
      <SyncSettingsPanel />
      <CheckInSettingsPanel />
      <AboutPanel />
    </div>
  );
}

function AboutPanel() {
  const info = useAppStore((state) => state.info);
  const online = useAppStore((state) => state.online);
  return (
    <section className="panel" aria-labelledby="about-heading">
      <h2 id="about-heading">About this copy of Cadence</h2>
      {info === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <dl className="facts">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Data folder</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
          <dt>Running as</dt>
          <dd>{hostNames[info.host]}</dd>
          <dt>Zoom</dt>
          <dd>
            {online?.isOnline ? 'Reachable' : 'Not reachable'}
            <span className="muted"> · {formatCheckedAt(online?.checkedAt)}</span>
          </dd>
        </dl>
      )}
    </section>
  );
}
