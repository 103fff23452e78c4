import { useEffect, useState, type SyntheticEvent } from 'react';
import type { DraftSummary } from '../../../shared/drafts/draftSummary';
import { useAppStore } from '../../stores/useAppStore';
import { useCheckInStore } from '../../stores/useCheckInStore';

/** Series that exist on Zoom, whose event can be downloaded for check-in. */
function onZoom(series: DraftSummary): boolean {
  return series.sync_state !== 'draft';
}

const typedId = 'typed';

/** "Download for check-in": a series Cadence has on Zoom, or any Zoom event by its ID. */
export function DownloadForm() {
  const api = useAppStore((state) => state.api);
  const isDownloading = useCheckInStore((state) => state.isDownloading);
  const download = useCheckInStore((state) => state.download);
  const [series, setSeries] = useState<DraftSummary[]>([]);
  const [choice, setChoice] = useState('');
  const [eventId, setEventId] = useState('');
  useEffect(() => {
    if (api === undefined) return;
    void api.drafts.list().then((result) => {
      if (!result.ok) return;
      const synced = result.value.filter(onZoom);
      setSeries(synced);
      setChoice((current) => current || (synced[0]?.id ?? typedId));
    });
  }, [api]);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (api === undefined) return;
    const from = choice === typedId ? { eventId: eventId.trim() } : { seriesId: choice };
    void download(api, from).then((isDone) => {
      if (isDone) setEventId('');
    });
  };
  return (
    <form className="download-form" aria-labelledby="download-heading" onSubmit={submit}>
      <h2 id="download-heading">Download for check-in</h2>
      <p className="muted">Download while you have a network; checking people in needs none.</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="download-source">Event</label>
          <select id="download-source" value={choice} onChange={(event) => setChoice(event.target.value)}>
            {series.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
            <option value={typedId}>A Zoom event ID…</option>
          </select>
        </div>
        {choice === typedId && (
          <div className="field">
            <label htmlFor="download-event-id">Zoom event ID</label>
            <input
              id="download-event-id"
              value={eventId}
              required
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setEventId(event.target.value)}
            />
          </div>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={isDownloading || api === undefined}>
          {isDownloading ? 'Downloading…' : 'Download'}
        </button>
      </div>
    </form>
  );
}
