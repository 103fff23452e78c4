import type Database from 'better-sqlite3';
import type { ZoomPages } from '../../../shared/zoom/zoomPages';
import type { ZoomSeriesView } from '../../../shared/zoom/zoomSeries';
import { attendeeColumns } from '../seriesRows';
import { cancelledSession, type SessionBase } from './zoomRecords';

/**
 * Links a series just saved from a `ZoomSeriesView` to everything Zoom holds of it: the event's,
 * ticket type's, link's and sessions' IDs with their snapshots (what Zoom holds, so that nothing
 * differs from the draft), the registrations as attendees under the registration IDs every laptop
 * shares, what stays on Zoom and its pages. Joins the caller's transaction, which saved the draft
 * without attendees; the outbox's records are the only other writer of these columns.
 */
export function recordOpenedSeries(
  db: Database.Database,
  seriesId: string,
  view: ZoomSeriesView,
  pages: ZoomPages,
  at: string,
): void {
  const status = view.status === 'published' ? 'published' : 'draft';
  db.prepare(
    `UPDATE series SET zoom_event_id = ?, zoom_status = ?, synced_json = ?, synced_at = ?,
       opened_from_zoom_at = ?, refreshed_at = ?, kept_on_zoom_json = ? WHERE id = ?`,
  ).run(view.eventId, status, JSON.stringify(view.event), at, at, at, JSON.stringify(view.keptOnZoom), seriesId);
  if (view.ticketType !== undefined) {
    db.prepare('UPDATE ticket_type SET zoom_ticket_type_id = ?, synced_json = ? WHERE series_id = ?').run(
      view.ticketType.zoomId,
      JSON.stringify(view.ticketType.base),
      seriesId,
    );
  }
  if (view.accessLink !== undefined) {
    db.prepare('UPDATE registration_link SET zoom_access_link_id = ?, synced_json = ? WHERE series_id = ?').run(
      view.accessLink.zoomId,
      JSON.stringify(view.accessLink.base),
      seriesId,
    );
  }
  recordSessions(db, seriesId, view);
  const insert = db.prepare(
    `INSERT INTO attendee (id, series_id, position, email, email_key, first_name, last_name, profile_json,
       occurrences_json, zoom_ticket_id, synced_json, origin)
     VALUES (@id, @series_id, @position, @email, @email_key, @first_name, @last_name, @profile_json,
       @occurrences_json, @zoom_ticket_id, @synced_json, @origin)`,
  );
  view.registrations.forEach((registration, position) => {
    insert.run({
      ...attendeeColumns(registration.attendee),
      id: registration.registrationId,
      series_id: seriesId,
      position,
      // A per-session registration's tickets are kept together, as the sync keeps them.
      zoom_ticket_id: registration.ticketIds.join(' '),
      synced_json: JSON.stringify(registration.attendee),
      origin: registration.origin,
    });
  });
  db.prepare(
    `INSERT INTO zoom_page (series_id, hub_name, event_url, registration_url, read_at)
     VALUES (@series_id, @hub_name, @event_url, @registration_url, @read_at)
     ON CONFLICT (series_id) DO UPDATE SET hub_name = excluded.hub_name, event_url = excluded.event_url,
       registration_url = excluded.registration_url, read_at = excluded.read_at`,
  ).run({ series_id: seriesId, ...pages, read_at: at });
}

/** Zoom's sessions on their occurrences (moved ones as moved); occurrences Zoom no longer has, cancelled. */
function recordSessions(db: Database.Database, seriesId: string, view: ZoomSeriesView): void {
  if (view.draft.event_type !== 'RECURRING') return;
  const moved = new Set(
    view.draft.occurrence_changes.filter((change) => change.action === 'move').map((change) => change.occurrence),
  );
  const update = db.prepare(
    'UPDATE occurrence SET zoom_session_id = ?, synced_json = ? WHERE series_id = ? AND number = ?',
  );
  for (const session of view.sessions) {
    const base: SessionBase = {
      start_time: session.start_time,
      end_time: session.end_time,
      status: moved.has(session.occurrence) ? 'moved' : 'scheduled',
    };
    update.run(session.sessionId, JSON.stringify(base), seriesId, session.occurrence);
  }
  for (const change of view.draft.occurrence_changes) {
    if (change.action === 'cancel') update.run(null, JSON.stringify(cancelledSession), seriesId, change.occurrence);
  }
}
