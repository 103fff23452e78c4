import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { databaseFile, openDatabase } from '../../main/db/database';
import { newId, type SandboxData } from '../../main/sandbox/sandboxData';
import { createServices, type Services } from '../../main/services';
import type { ZoomClient } from '../../main/zoom/zoomClient';

/** A published in-person (or other) event on the sandbox with `people` registered, as Zoom would hold it. */
export function eventOnSandbox(
  data: SandboxData,
  options: { people: number; attendance?: 'in-person' | 'hybrid' | 'virtual'; sessions?: number },
): { eventId: string; sessionIds: string[]; emails: string[] } {
  const eventId = newId(data, 'e');
  const sessions = options.sessions ?? 0;
  data.events.push({
    event_id: eventId,
    hub_id: 'hub-sandbox-main',
    name: 'Onsite conference',
    description: '',
    timezone: 'UTC',
    event_type: sessions > 0 ? 'RECURRING' : 'SIMPLE_EVENT',
    access_level: 'PRIVATE_UNRESTRICTED',
    attendance_type: options.attendance ?? 'in-person',
    meeting_type: 'WEBINAR',
    calendar: [{ start_time: '2027-01-15T16:00:00Z', end_time: '2027-01-15T17:00:00Z' }],
    status: 'PUBLISHED',
    extra: {},
  });
  const sessionIds = Array.from({ length: sessions }, (_, i) => {
    const sessionId = newId(data, 's');
    const day = String(15 + i).padStart(2, '0');
    data.sessions.push({
      session_id: sessionId,
      event_id: eventId,
      name: `Day ${String(i + 1)}`,
      start_time: `2027-01-${day}T16:00:00Z`,
      end_time: `2027-01-${day}T17:00:00Z`,
      timezone: 'UTC',
    });
    return sessionId;
  });
  const ticketTypeId = newId(data, 't');
  data.ticketTypes.push({
    ticket_type_id: ticketTypeId,
    event_id: eventId,
    name: 'Conference pass',
    currency: 'USD',
    free: true,
    sold_quantity: options.people,
    start_time: '2026-01-01T00:00:00Z',
    end_time: '2027-01-15T16:00:00Z',
  });
  const emails = Array.from({ length: options.people }, (_, i) => `guest${String(i)}@example.com`);
  for (const email of emails) {
    const ticketId = newId(data, 'k');
    data.tickets.push({
      ticket_id: ticketId,
      event_id: eventId,
      ticket_type_id: ticketTypeId,
      email,
      event_join_link: `https://events.zoom.us/ejl/${ticketId}`,
      profile: {},
    });
  }
  return { eventId, sessionIds, emails };
}

/** A desk: a data folder with the services every host runs, an event downloaded, and its desk name. */
export interface Desk {
  dataDir: string;
  db: Database.Database;
  services: Services;
  /** Records check-ins at this desk, as the desk's record would: waiting to upload. */
  record(emails: readonly string[], sessionId?: string | null): void;
  /** This desk's check-ins of a scope: email → origin, state, desk. */
  checkIns(
    sessionId?: string | null,
    eventId?: string,
  ): Map<string, { origin: string; state: string; desk: string | null }>;
  close(): Promise<void>;
}

/**
 * Opens (or creates) a desk's data folder named `desk`, with `event` as a download leaves it (none: not yet).
 * `zoom` is a client signed in to the sandbox; without it the desk uses its own connection.
 */
export function openDesk(
  root: string,
  desk: string,
  event: { eventId: string; sessionIds?: string[] } | undefined,
  zoom?: ZoomClient,
): Desk {
  const dataDir = join(root, desk.replace(/\W+/g, '-'));
  const { db } = openDatabase(databaseFile(dataDir));
  if (event !== undefined) downloadedAlready(db, event);
  db.prepare(`INSERT OR REPLACE INTO checkin_settings (id, desk) VALUES (1, ?)`).run(desk);
  const services = createServices({ db, ...(zoom === undefined ? {} : { zoom: () => Promise.resolve(zoom) }) });
  let clock = Date.parse('2027-01-15T15:30:00.000Z');
  const eventIdOf = (eventId: string | undefined) => eventId ?? event?.eventId ?? '';
  return {
    dataDir,
    db,
    services,
    record(emails, sessionId = null) {
      const insert = db.prepare(
        `INSERT INTO check_in (id, event_id, session_id, email_key, email, recorded_at, desk, origin, state)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'here', 'waiting')`,
      );
      db.transaction(() => {
        for (const email of emails) {
          clock += 1000;
          insert.run(
            randomUUID(),
            eventIdOf(undefined),
            sessionId,
            email.toLowerCase(),
            email,
            new Date(clock).toISOString(),
            desk,
          );
        }
      })();
    },
    checkIns(sessionId = null, eventId) {
      const rows = db
        .prepare(
          `SELECT email_key, origin, state, desk FROM check_in WHERE event_id = ? AND session_id IS ? AND state <> 'undone'`,
        )
        .all(eventIdOf(eventId), sessionId) as {
        email_key: string;
        origin: string;
        state: string;
        desk: string | null;
      }[];
      return new Map(rows.map((r) => [r.email_key, { origin: r.origin, state: r.state, desk: r.desk }]));
    },
    async close() {
      await services.close();
      db.close();
    },
  };
}

/** The event as a download would have left it (the upload needs the event and its sessions). */
function downloadedAlready(db: Database.Database, event: { eventId: string; sessionIds?: string[] }): void {
  db.prepare(
    `INSERT OR IGNORE INTO checkin_event (event_id, name, timezone, attendance_type, downloaded_at)
     VALUES (?, 'Onsite conference', 'UTC', 'IN_PERSON', '2027-01-15T15:00:00.000Z')`,
  ).run(event.eventId);
  for (const [i, sessionId] of (event.sessionIds ?? []).entries()) {
    const day = String(15 + i).padStart(2, '0');
    db.prepare(
      `INSERT OR IGNORE INTO checkin_session (event_id, session_id, position, name, start_time, end_time)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      event.eventId,
      sessionId,
      i + 1,
      `Day ${String(i + 1)}`,
      `2027-01-${day}T16:00:00.000Z`,
      `2027-01-${day}T17:00:00.000Z`,
    );
  }
}

/** Emails each accepted check-in request carried, from the sandbox's request log. */
export function emailsSent(
  requests: readonly { operationId?: string; status: number; checkInEmails?: string[] }[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of requests) {
    if (request.checkInEmails === undefined || request.status !== 201) continue;
    for (const email of request.checkInEmails) counts.set(email, (counts.get(email) ?? 0) + 1);
  }
  return counts;
}
