import { useState } from 'react';
import type { CheckInEvent } from '../../../shared/checkin/checkIn';
import { defaultScope, whenWords } from '../../lib/checkInTimes';
import { useAppStore } from '../../stores/useAppStore';
import { useCheckInStore } from '../../stores/useCheckInStore';
import { LeaveWithWaitingDialog } from './LeaveWithWaitingDialog';

/** Refreshing goes the way the first download went, so an event keeps its series. */
function sourceOf(event: CheckInEvent) {
  return event.seriesId === null ? { eventId: event.eventId } : { seriesId: event.seriesId };
}

/** The events downloaded on this laptop: which one the desk checks in for, each with its counts and a refresh. */
export function EventChoice() {
  const api = useAppStore((state) => state.api);
  const events = useCheckInStore((state) => state.events) ?? [];
  const scope = useCheckInStore((state) => state.scope);
  const choose = useCheckInStore((state) => state.choose);
  const download = useCheckInStore((state) => state.download);
  const isDownloading = useCheckInStore((state) => state.isDownloading);
  const [switchingTo, setSwitchingTo] = useState<CheckInEvent | undefined>();
  const current = events.find((event) => event.eventId === scope?.eventId);

  const switchTo = (event: CheckInEvent) => {
    if (api === undefined) return;
    // Check-ins waiting for the event being left stay recorded; the staffer is told so before leaving it.
    if (current !== undefined && current.counts.waiting > 0) setSwitchingTo(event);
    else void choose(api, defaultScope(event));
  };

  return (
    <section className="panel" aria-labelledby="events-heading">
      <h2 id="events-heading">Downloaded events</h2>
      <ul className="checkin-events">
        {events.map((event) => {
          const isCurrent = event.eventId === scope?.eventId;
          return (
            <li key={event.eventId} className={isCurrent ? 'checkin-event current' : 'checkin-event'}>
              <div>
                <strong>{event.name}</strong>
                <span className="row-sub">
                  Downloaded {whenWords(event.downloadedAt)} · {event.counts.checkedIn} of {event.counts.registered}{' '}
                  checked in · {event.counts.waiting} waiting to upload
                </span>
              </div>
              <div className="row-actions">
                {isCurrent ? (
                  <span className="badge">Checking in</span>
                ) : (
                  <button type="button" className="button-quiet" onClick={() => switchTo(event)}>
                    Check in for {event.name}
                  </button>
                )}
                <button
                  type="button"
                  className="button-quiet"
                  disabled={isDownloading || api === undefined}
                  onClick={() => api && void download(api, sourceOf(event))}
                  aria-label={`Refresh the list of ${event.name}`}
                >
                  Refresh
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {switchingTo !== undefined && current !== undefined && (
        <LeaveWithWaitingDialog
          waiting={current.counts.waiting}
          leaving={current.name}
          action={`Check in for ${switchingTo.name}`}
          onAnswer={(isLeaving) => {
            if (isLeaving && api !== undefined) void choose(api, defaultScope(switchingTo));
            setSwitchingTo(undefined);
          }}
        />
      )}
    </section>
  );
}
