import type { AttendeeRow } from '../../../shared/drafts/attendeeList';
import { sessionWords, type PlaceCount } from '../../../shared/drafts/capacity';
import { plural } from '../../lib/words';
import { useAppStore } from '../../stores/useAppStore';
import { useAttendeeStore } from '../../stores/useAttendeeStore';

/** "Session 3: 2 of 2 places taken, 1 waiting". */
function placeLine(count: PlaceCount): string {
  const where = count.pool === 0 ? 'The series' : `Session ${String(count.pool)}`;
  const taken =
    count.capacity === null
      ? `${plural(count.taken, 'person', 'people')}, no limit`
      : `${count.taken.toLocaleString()} of ${plural(count.capacity, 'place')} taken`;
  return `${where}: ${taken}${count.waiting > 0 ? `, ${count.waiting.toLocaleString()} waiting` : ''}`;
}

function personName(row: AttendeeRow): string {
  const name = [row.first_name, row.last_name].filter(Boolean).join(' ');
  return name === '' ? row.email : name;
}

/**
 * The series' places and its waiting list in order: who is next, what each person waits for,
 * and moving someone up or taking them off the list. A freed place goes to the first person
 * who fits, registered on Zoom at the next sync, who then gets Zoom's ticket email.
 */
export function WaitingListPanel() {
  const api = useAppStore((state) => state.api);
  const { rows, places, moveWaiting, remove } = useAttendeeStore();
  const waiting = (rows ?? [])
    .filter((row) => row.waiting_place !== null)
    .sort((a, b) => (a.waiting_place ?? 0) - (b.waiting_place ?? 0));
  if (places.length === 0 && waiting.length === 0) return null;
  const onRemove = (row: AttendeeRow) => {
    if (api === undefined || !window.confirm(`Take ${personName(row)} off the waiting list?`)) return;
    void remove(api, [row.id]);
  };
  return (
    <section className="panel waiting-list" aria-labelledby="waiting-list-heading">
      <h2 id="waiting-list-heading">Places and waiting list</h2>
      <ul className="plain-list" aria-label="Places">
        {places.map((count) => (
          <li key={count.pool}>{placeLine(count)}</li>
        ))}
      </ul>
      {waiting.length === 0 ? (
        <p className="muted">Nobody is waiting.</p>
      ) : (
        <ol className="waiting-order" aria-label="Waiting list">
          {waiting.map((row, index) => (
            <li key={row.id}>
              <span>
                <strong>{personName(row)}</strong>
                <span className="muted">
                  {' '}
                  {row.email}
                  {row.waiting_for.length > 0 ? ` · waits for ${sessionWords(row.waiting_for)}` : ''}
                </span>
              </span>
              <span className="toolbar-spacer" />
              <button
                type="button"
                className="button-quiet small"
                aria-label={`Move ${row.email} up`}
                disabled={index === 0}
                onClick={() => {
                  if (api !== undefined) void moveWaiting(api, row.id, index);
                }}
              >
                Move up
              </button>
              <button
                type="button"
                className="button-quiet small"
                aria-label={`Take ${row.email} off the waiting list`}
                onClick={() => onRemove(row)}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <p className="muted">
        When a place frees, the first person who fits is registered on Zoom at the next sync, and Zoom emails them their
        ticket.
      </p>
    </section>
  );
}
