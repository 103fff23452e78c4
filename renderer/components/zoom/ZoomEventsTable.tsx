import type { ZoomEventListItem } from '../../../shared/zoom/zoomCatalog';
import { formatMoment } from '../../lib/zonedTime';

const typeWords: Readonly<Record<string, string>> = {
  RECURRING: 'Recurring',
  SIMPLE_EVENT: 'Single session',
  CONFERENCE: 'Conference',
};

const statusWords: Readonly<Record<string, string>> = {
  draft: 'Draft',
  published: 'Published',
  cancelled: 'Cancelled',
  ended: 'Ended',
};

/** A session's start in the event's own zone, as its planner reads it. */
function sessionTime(utc: string | null, zone: string | null): string {
  return utc === null ? '—' : formatMoment(utc, zone ?? 'UTC');
}

function InCadence({ event }: { event: ZoomEventListItem }) {
  if (event.series_id !== null) {
    return (
      <a href={`#series/${encodeURIComponent(event.series_id)}`} aria-label={`Open in Cadence: ${event.name}`}>
        Open in Cadence
      </a>
    );
  }
  if (event.cannot_open !== null) return <span className="muted">{event.cannot_open}</span>;
  return <span className="muted">Not yet</span>;
}

export interface ZoomEventsTableProps {
  events: readonly ZoomEventListItem[];
  selected: ReadonlySet<string>;
  isDisabled: boolean;
  onToggle: (eventId: string) => void;
  onToggleAll: () => void;
}

/** The events listed so far, each to tick for opening; one Cadence cannot open says why instead. */
export function ZoomEventsTable({ events, selected, isDisabled, onToggle, onToggleAll }: ZoomEventsTableProps) {
  const openable = events.filter((event) => event.cannot_open === null);
  const isAllTicked = openable.length > 0 && openable.every((event) => selected.has(event.event_id));
  return (
    <table className="data-table zoom-events-table" aria-label="Events on Zoom">
      <thead>
        <tr>
          <th scope="col" className="cell-check">
            <input
              type="checkbox"
              aria-label="Select every listed event"
              checked={isAllTicked}
              disabled={isDisabled || openable.length === 0}
              onChange={onToggleAll}
            />
          </th>
          <th scope="col">Event</th>
          <th scope="col">Type</th>
          <th scope="col">Status</th>
          <th scope="col">First session</th>
          <th scope="col">Last session</th>
          <th scope="col" className="numeric">
            Registered
          </th>
          <th scope="col">In Cadence</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.event_id}>
            <td className="cell-check">
              <input
                type="checkbox"
                aria-label={`Select ${event.name}`}
                checked={selected.has(event.event_id)}
                disabled={isDisabled || event.cannot_open !== null}
                onChange={() => onToggle(event.event_id)}
              />
            </td>
            <th scope="row">
              {event.name}
              {event.hub_name !== null && <span className="row-sub muted">{event.hub_name}</span>}
            </th>
            <td>{typeWords[event.event_type] ?? event.event_type}</td>
            <td>{statusWords[event.status] ?? event.status}</td>
            <td>{sessionTime(event.first_start, event.timezone)}</td>
            <td>
              {sessionTime(event.last_start, event.timezone)}
              {event.sessions !== null && event.sessions > 1 && (
                <span className="row-sub muted">{event.sessions.toLocaleString()} sessions</span>
              )}
            </td>
            <td className="numeric">{event.registrations === null ? '—' : event.registrations.toLocaleString()}</td>
            <td>
              <InCadence event={event} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
