import { useEffect } from 'react';
import type { ZoomOrigin } from '../../../shared/zoom/zoomCatalog';
import { refreshWords } from '../../lib/refreshWords';
import { formatLogTime } from '../../lib/zonedTime';
import { useAppStore } from '../../stores/useAppStore';
import { useEditorStore } from '../../stores/useEditorStore';
import { isReplaced } from '../../../shared/drafts/seriesLink';
import { useZoomOriginStore } from '../../stores/useZoomOriginStore';
import { KeptOnZoomList } from '../zoom/KeptOnZoomList';

function originLine(origin: ZoomOrigin): string | undefined {
  const read = origin.refreshed_at === null ? '' : `last read from Zoom ${formatLogTime(origin.refreshed_at)}`;
  if (origin.opened_at !== null) return ['Opened from Zoom', read].filter(Boolean).join(' · ');
  return read === '' ? undefined : `Last read from Zoom ${formatLogTime(origin.refreshed_at ?? '')}`;
}

/**
 * A series' bond with Zoom: where it came from and when Cadence last read it back, what of the
 * event stays on Zoom only, and reading it back now ("Refresh from Zoom") with what that took.
 */
export function ZoomOriginPanel({ seriesId }: { seriesId: string }) {
  const api = useAppStore((state) => state.api);
  const isOffline = useAppStore((state) => state.online?.isOnline === false);
  const isOnZoom = useEditorStore((state) => state.isOnZoom);
  // A replaced series stays as it was: Zoom's cancelled event is not read into it.
  const canRefresh = useEditorStore((state) => isOnZoom && !isReplaced(state.links));
  const reopen = useEditorStore((state) => state.open);
  const { origin, isRefreshing, report, error, load, refresh } = useZoomOriginStore();

  useEffect(() => {
    if (api !== undefined) void load(api, seriesId);
  }, [api, seriesId, load]);

  if (api === undefined || origin === undefined) return null;
  const line = originLine(origin);
  if (!isOnZoom && line === undefined && origin.kept_on_zoom.length === 0) return null;

  return (
    <section className="zoom-origin" aria-label="From Zoom">
      <div className="zoom-origin-head">
        {line !== undefined && <p className="muted">{line}</p>}
        {canRefresh && (
          <button
            type="button"
            className="button-quiet small"
            disabled={isRefreshing || isOffline}
            // What Zoom changed is in the draft now: the editor reads the series again to show it.
            onClick={() => void refresh(api, seriesId, () => reopen(api, seriesId))}
          >
            {isRefreshing ? 'Reading from Zoom…' : 'Refresh from Zoom'}
          </button>
        )}
        {canRefresh && isOffline && <span className="muted">Zoom is out of reach: refresh when it answers.</span>}
      </div>
      <div aria-live="polite">
        {report !== undefined && <p className="banner success">{refreshWords(report)}</p>}
        {error !== undefined && (
          <p className="banner danger">
            {error.code === 'unavailable'
              ? `Not read from Zoom: ${error.message} Nothing here was changed.`
              : error.message}
          </p>
        )}
      </div>
      {origin.kept_on_zoom.length > 0 && (
        <div className="kept-on-zoom-panel">
          <h3>Kept on Zoom</h3>
          <p className="muted">Cadence cannot edit these; they stay on Zoom as they are, and syncs leave them alone.</p>
          <KeptOnZoomList items={origin.kept_on_zoom} label="Kept on Zoom" />
        </div>
      )}
    </section>
  );
}
