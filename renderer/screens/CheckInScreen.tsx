import { useEffect } from 'react';
import { CheckInNumbersPanel } from '../components/checkin/CheckInNumbersPanel';
import { DeskResult } from '../components/checkin/DeskResult';
import { DownloadForm } from '../components/checkin/DownloadForm';
import { EventChoice } from '../components/checkin/EventChoice';
import { PersonSearch } from '../components/checkin/PersonSearch';
import { ScopeChoice } from '../components/checkin/ScopeChoice';
import { UploadStatus } from '../components/checkin/UploadStatus';
import { EmptyState } from '../components/EmptyState';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../stores/useAppStore';
import { useCheckInStore, useCurrentEvent } from '../stores/useCheckInStore';
import { useKioskStore } from '../stores/useKioskStore';

/** Onsite check-in, with or without a network. */
export function CheckInScreen() {
  const api = useAppStore((state) => state.api);
  const events = useCheckInStore((state) => state.events);
  const error = useCheckInStore((state) => state.error);
  useEffect(() => {
    if (api !== undefined) void useCheckInStore.getState().load(api);
  }, [api]);

  if (events === undefined) {
    return (
      <>
        <ErrorBanner error={error} />
        <p className="muted">Loading…</p>
      </>
    );
  }
  if (events.length === 0) {
    return (
      <div className="stack">
        <EmptyState icon="checkin" title="No event downloaded for check-in">
          <p>
            Download an event's registrants while you have a network, then check people in at the venue without one.
          </p>
          <p>Check-ins are uploaded to Zoom in batches once you are back online.</p>
        </EmptyState>
        <ErrorBanner error={error} />
        <section className="panel">
          <DownloadForm />
        </section>
      </div>
    );
  }
  return <Desk />;
}

/** The staffed desk: the event and scope, the search and the result, the upload state, then the numbers. */
function Desk() {
  const api = useAppStore((state) => state.api);
  const isOffline = useAppStore((state) => state.online?.isOnline === false);
  const scope = useCheckInStore((state) => state.scope);
  const settings = useCheckInStore((state) => state.settings);
  const error = useCheckInStore((state) => state.error);
  const lock = useKioskStore((state) => state.lock);
  const kioskError = useKioskStore((state) => state.error);
  const event = useCurrentEvent();
  if (event === undefined || scope === undefined) return <p className="muted">Loading…</p>;
  const canStartKiosk = settings?.kioskPinSet === true;
  return (
    <div className={isOffline ? 'checkin-frame is-offline' : 'checkin-frame'}>
      {isOffline && (
        <p className="offline-banner" role="status">
          <strong>Offline.</strong> Check-ins are recorded on this laptop and uploaded when Zoom answers again.
        </p>
      )}
      <div className="desk-head">
        <div>
          <h2 className="desk-event">{event.name}</h2>
          {settings !== undefined && <p className="muted">Desk: {settings.desk}</p>}
        </div>
        <ScopeChoice event={event} />
        <div className="desk-kiosk">
          <button
            type="button"
            className="button-quiet"
            disabled={!canStartKiosk || api === undefined}
            aria-describedby={canStartKiosk ? undefined : 'kiosk-needs-pin'}
            onClick={() => api && void lock(api, scope)}
          >
            Start self check-in
          </button>
          {!canStartKiosk && (
            <p className="field-hint" id="kiosk-needs-pin">
              Set a kiosk PIN in Settings → Check-in first.
            </p>
          )}
        </div>
      </div>
      <ErrorBanner error={error ?? kioskError} />
      <UploadStatus event={event} />
      <div className="desk-work">
        <PersonSearch />
        <DeskResult />
      </div>
      <CheckInNumbersPanel event={event} scope={scope} />
      <EventChoice />
      <section className="panel">
        <DownloadForm />
      </section>
    </div>
  );
}
