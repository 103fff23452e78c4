import { useEffect, useState } from 'react';
import type { AppSettings } from '../../shared/appSettings';
import type { IpcError } from '../../shared/ipc/envelope';
import { useAppStore } from '../stores/useAppStore';
import { ErrorBanner } from './ErrorBanner';

/** How syncing starts: by the planner only, or also by itself when Zoom is reachable again. */
export function SyncSettingsPanel() {
  const api = useAppStore((state) => state.api);
  const [settings, setSettings] = useState<AppSettings | undefined>();
  const [error, setError] = useState<IpcError | undefined>();
  useEffect(() => {
    if (api === undefined) return;
    void api.app.settings().then((result) => {
      if (result.ok) setSettings(result.value);
      else setError(result.error);
    });
  }, [api]);
  const change = async (changes: Partial<AppSettings>) => {
    if (api === undefined || settings === undefined) return;
    // The box follows the click at once; a refusal puts it back.
    setSettings({ ...settings, ...changes });
    const result = await api.app.changeSettings(changes);
    setSettings(result.ok ? result.value : settings);
    setError(result.ok ? undefined : result.error);
  };
  return (
    <section className="panel" aria-labelledby="sync-settings-heading">
      <h2 id="sync-settings-heading">Syncing</h2>
      <ErrorBanner error={error} />
      {settings === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <label className="check">
          <input
            type="checkbox"
            checked={settings.auto_sync_when_online}
            onChange={(event) => void change({ auto_sync_when_online: event.target.checked })}
          />
          <span>
            <strong>Sync by itself when Zoom is reachable again</strong>
            <span className="muted">
              Only changes that make nothing new public are sent: a new event, publishing and cancellations that email
              registrants wait for you to press Sync now.
            </span>
          </span>
        </label>
      )}
    </section>
  );
}
