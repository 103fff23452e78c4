import { useEffect } from 'react';
import { ConnectPrompt } from '../components/ConnectPrompt';
import { ErrorBanner } from '../components/ErrorBanner';
import { OpenResults } from '../components/zoom/OpenResults';
import { ZoomEventsTable } from '../components/zoom/ZoomEventsTable';
import { plural } from '../lib/words';
import { useAppStore } from '../stores/useAppStore';
import { useZoomEventsStore } from '../stores/useZoomEventsStore';
import { useZoomStore } from '../stores/useZoomStore';

/** Opening progress: how many of how many, and which event now. */
function OpenProgressBar() {
  const progress = useZoomEventsStore((state) => state.progress);
  const share = progress === undefined || progress.total === 0 ? undefined : progress.done / progress.total;
  return (
    <div className="sync-progress">
      <progress aria-label="Opening progress" max={1} value={share} />
      <p className="muted" aria-live="polite">
        {progress === undefined
          ? 'Reading from Zoom…'
          : `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} · ${progress.name}`}
      </p>
    </div>
  );
}

/**
 * The account's events on Zoom, those made in Zoom's console or by another planner too, per hub
 * and page by page: tick some, or take a whole hub, and open them in Cadence as series.
 */
export function OnZoomScreen() {
  const api = useAppStore((state) => state.api);
  const isOffline = useAppStore((state) => state.online?.isOnline === false);
  const isConnected = useZoomStore((state) => state.status?.isConnected === true);
  const isBuiltInSandbox = useZoomStore((state) => state.status?.source === 'sandbox');
  const store = useZoomEventsStore();
  const { load, setProgress } = store;
  useEffect(() => {
    if (api === undefined || !isConnected) return;
    void load(api);
    return api.on('zoom.openProgress', setProgress);
  }, [api, isConnected, load, setProgress]);

  if (!isConnected) return <ConnectPrompt />;
  const hubName = store.hubs?.find((hub) => hub.hub_id === store.hubId)?.name;
  // Zoom out of reach is said plainly once; other refusals as Cadence words them.
  const isOutOfReach = isOffline || store.error?.code === 'unavailable';
  const isBusy = store.isOpening || isOffline;
  return (
    <div className="stack">
      {isOutOfReach && (
        <p className="banner warning" role="status">
          Zoom is out of reach, so its events cannot be listed or opened now. The series already in Cadence stay here to
          edit; try again when Zoom answers.
        </p>
      )}
      {!isOutOfReach && <ErrorBanner error={store.error} />}
      <section className="panel zoom-events" aria-labelledby="zoom-events-heading">
        <h2 id="zoom-events-heading">Events on Zoom</h2>
        <p className="muted">
          Upcoming and draft events of the hubs you host, made in Cadence or not. Opening one brings it into Cadence as
          a series linked to Zoom; opening it again reads it back.
        </p>
        <div className="toolbar">
          <select
            aria-label="Hub"
            value={store.hubId ?? ''}
            disabled={store.isOpening || api === undefined}
            onChange={(change) => {
              if (api !== undefined) void store.chooseHub(api, change.target.value || undefined);
            }}
          >
            <option value="">Every hub</option>
            {(store.hubs ?? []).map((hub) => (
              <option key={hub.hub_id} value={hub.hub_id}>
                {hub.name}
              </option>
            ))}
          </select>
          <span className="toolbar-spacer" />
          <button
            type="button"
            className="button-primary"
            disabled={isBusy || store.selected.size === 0}
            onClick={() => api && void store.openSelected(api)}
          >
            {store.selected.size === 0 ? 'Open in Cadence' : `Open ${plural(store.selected.size, 'event')} in Cadence`}
          </button>
          {store.hubId !== undefined && (
            <button
              type="button"
              className="button-quiet"
              disabled={isBusy}
              onClick={() => api && void store.openHub(api)}
            >
              Open all of {hubName ?? 'this hub'}
            </button>
          )}
        </div>
        {store.isOpening && <OpenProgressBar />}
        {store.events.length > 0 && (
          <div className="zoom-events-scroll">
            <ZoomEventsTable
              events={store.events}
              selected={store.selected}
              isDisabled={store.isOpening}
              onToggle={store.toggle}
              onToggleAll={store.toggleAll}
            />
          </div>
        )}
        <p className="muted" role="status">
          {store.isLoading
            ? 'Reading the events on Zoom…'
            : store.events.length === 0 && store.error === undefined
              ? `No upcoming or draft events on Zoom${hubName === undefined ? '' : ` in ${hubName}`}.`
              : `${plural(store.events.length, 'event')} listed${store.nextPageToken === undefined ? '' : ', more on Zoom'}.`}
        </p>
        {store.nextPageToken !== undefined && (
          <button
            type="button"
            className="button-quiet"
            disabled={store.isLoading || isOffline}
            onClick={() => api && void store.loadMore(api)}
          >
            Load more
          </button>
        )}
        {isBuiltInSandbox && (
          <div className="sandbox-examples">
            <p className="muted">
              Connected to the built-in sandbox. Add the examples of Zoom&apos;s recurring-events tutorial to it: a
              weekly standup, a monthly webinar and a training with registration per session, made as in Zoom&apos;s
              console, with people registered.
            </p>
            <button
              type="button"
              className="button-quiet"
              disabled={store.isSeeding || isBusy}
              onClick={() => api && void store.seedSandbox(api)}
            >
              {store.isSeeding ? 'Adding the example events…' : 'Add example events to the sandbox'}
            </button>
          </div>
        )}
      </section>
      {store.report !== undefined && <OpenResults report={store.report} />}
    </div>
  );
}
