import { useEffect, useState } from 'react';
import { partLabel } from '../../../shared/drafts/seriesParts';
import type { SeriesPartSummary } from '../../../shared/drafts/seriesPartSummary';
import type { CadenceApi } from '../../../shared/ipc/cadenceApi';
import type { ZoomPages } from '../../../shared/zoom/zoomPages';
import { previewSessions } from '../../lib/schedulePreview';
import { partsHint, partTitle } from '../../lib/previewParts';
import { formatDayRange } from '../../lib/zonedTime';
import { useAppStore } from '../../stores/useAppStore';
import type { SeriesDetails } from '../../stores/useEditorStore';
import { useSyncStore } from '../../stores/useSyncStore';
import { SyncStateBadge } from './SyncStateBadge';

interface ShownPart {
  part: SeriesPartSummary;
  pages: ZoomPages | undefined;
}

/** A series' parts, each with its pages on Zoom once it is there; undefined when they cannot be read. */
async function readParts(api: CadenceApi, seriesId: string): Promise<ShownPart[] | undefined> {
  const found = await api.drafts.parts({ id: seriesId });
  if (!found.ok) return undefined;
  return Promise.all(
    found.value.map(async (part): Promise<ShownPart> => {
      if (part.zoom_event_id === null) return { part, pages: undefined };
      const pages = await api.drafts.zoomPages({ id: part.series_id });
      return { part, pages: pages.ok ? pages.value : undefined };
    }),
  );
}

/**
 * The events a long series is on Zoom: each part's sessions, sync state, event ID and pages, read
 * again after every sync. Nothing for a series Zoom holds as one event.
 */
export function SeriesPartsPanel({ seriesId, details }: { seriesId: string; details: SeriesDetails }) {
  const api = useAppStore((state) => state.api);
  // A sync changes the counts: the parts are read again when it has.
  const status = useSyncStore((state) => state.status);
  const [shown, setShown] = useState<ShownPart[]>([]);
  useEffect(() => {
    if (api === undefined) return;
    const request = { isCurrent: true };
    void readParts(api, seriesId).then((parts) => {
      if (request.isCurrent && parts !== undefined) setShown(parts);
    });
    return () => {
      request.isCurrent = false;
    };
  }, [api, seriesId, status]);
  if (shown.length < 2) return null;
  const sessions = previewSessions(details);
  const isOnZoom = shown.some(({ part }) => part.zoom_event_id !== null);
  const datesOf = (part: SeriesPartSummary) => {
    const first = sessions[part.first_occurrence - 1];
    const last = sessions[part.first_occurrence + part.count - 2];
    return first === undefined || last === undefined
      ? ''
      : formatDayRange(first.start_time, last.start_time, details.timezone);
  };
  return (
    <section className="panel series-parts" aria-labelledby="series-parts-heading">
      <h2 id="series-parts-heading">
        {isOnZoom
          ? `On Zoom in ${String(shown.length)} parts`
          : `In ${String(shown.length)} parts on Zoom after the next sync`}
      </h2>
      <p className="muted">{partsHint(shown.length, isOnZoom)}</p>
      <table className="data-table" aria-label="Parts on Zoom">
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Sessions</th>
            <th scope="col">State</th>
            <th scope="col">Zoom event</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ part, pages }) => (
            <tr key={part.series_id}>
              <th scope="row">{partTitle(part.index, shown.length)}</th>
              <td>
                {String(part.first_occurrence)}–{String(part.first_occurrence + part.count - 1)}
                <span className="muted row-sub">{datesOf(part)}</span>
              </td>
              <td>
                {part.is_cancelled ? (
                  <span className="badge">Cancelled on Zoom</span>
                ) : (
                  <SyncStateBadge state={part.sync_state} />
                )}
              </td>
              <td>
                {part.zoom_event_id === null ? (
                  <span className="muted">Created at the next sync</span>
                ) : (
                  <>
                    <span>{part.zoom_event_id}</span>
                    <span className="row-sub part-links">
                      {pages !== undefined && pages.event_url !== null && (
                        <a
                          href={pages.event_url}
                          target="_blank"
                          rel="noreferrer noopener"
                          aria-label={`Open the event page of ${partLabel(part.index, shown.length)}`}
                        >
                          Event page
                        </a>
                      )}
                      {pages !== undefined && pages.registration_url !== null && (
                        <a
                          href={pages.registration_url}
                          target="_blank"
                          rel="noreferrer noopener"
                          aria-label={`Open the registration link of ${partLabel(part.index, shown.length)}`}
                        >
                          Registration link
                        </a>
                      )}
                    </span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
