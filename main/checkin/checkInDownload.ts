import type { z } from 'zod';
import { checkInSessionSchema, type CheckInSession, type checkInDownloadSchema } from '../../shared/checkin/checkIn';
import { CadenceError } from '../../shared/errors';
import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import type { ZoomEvent, ZoomRegistrant, ZoomSession } from '../../shared/zoom/zoomReadShapes';
import type { DownloadedList, ListedRegistrant, ListedTicket } from '../db/checkInListStore';
import type { CheckInSeriesQueries, SeriesPerson } from '../db/checkInSeriesQueries';
import type { ZoomEventsApi } from '../zoom/zoomEventsApi';
import { ZoomApiError } from '../zoom/zoomErrors';

export type CheckInDownloadFrom = z.output<typeof checkInDownloadSchema>;

/** The calls a download makes; Zoom's registrant list is paged with the largest page it allows. */
export type DownloadApi = Pick<ZoomEventsApi, 'getEvent' | 'listSessions' | 'eachRegistrantPage'>;

export interface CheckInDownloadDeps {
  series: CheckInSeriesQueries;
  api: () => Promise<DownloadApi>;
  now: () => number;
}

/** Which Zoom event to download, and the series it is when Cadence has it. */
export function eventToDownload(
  series: CheckInSeriesQueries,
  from: CheckInDownloadFrom,
  now: number,
): { eventId: string; seriesId: string | null } {
  if ('eventId' in from) return { eventId: from.eventId, seriesId: series.seriesOfEvent(from.eventId) };
  const found = series.series(from.seriesId, formatInstant(now));
  if (found === undefined) {
    throw new CadenceError('not_found', 'There is no such series.', [
      { path: 'from.seriesId', message: 'No series has this ID.' },
    ]);
  }
  if (found.zoomEventId === null) {
    throw new CadenceError(
      'conflict',
      `“${found.name}” is not on Zoom yet: sync it first, then download its registrants.`,
      [{ path: 'from.seriesId', message: 'This series is not on Zoom yet.' }],
    );
  }
  return { eventId: found.zoomEventId, seriesId: found.id };
}

const attendanceTypes = {
  'in-person': 'IN_PERSON',
  in_person: 'IN_PERSON',
  hybrid: 'HYBRID',
  virtual: 'VIRTUAL',
} as const;

function attendanceType(event: ZoomEvent): DownloadedList['attendanceType'] {
  const written = (event.attendance_type ?? '').toLowerCase();
  return written in attendanceTypes ? attendanceTypes[written as keyof typeof attendanceTypes] : 'VIRTUAL';
}

function instant(text: string, what: string): string {
  const at = Date.parse(text);
  if (Number.isNaN(at)) throw new CadenceError('unavailable', `Zoom answered ${what} that is not a time: “${text}”.`);
  return formatInstant(at);
}

/** Zoom's sessions in time order, numbered from 1 as the desk shows them; as Zoom lists them. */
function sessionsOf(event: ZoomEvent, sessions: ZoomSession[]): CheckInSession[] {
  return sessions
    .map((session) => ({
      sessionId: session.session_id,
      name: session.name ?? event.name,
      startTime: instant(session.start_time, "a session's start"),
      endTime: instant(session.end_time, "a session's end"),
    }))
    .sort((a, b) => a.startTime.localeCompare(b.startTime))
    .map((session, index) => checkInSessionSchema.parse({ ...session, position: index + 1 }));
}

/**
 * A registrant as the desk needs them. Zoom's documented answer has only the email and tickets;
 * names and organisation come from Cadence's own attendee row when the series is Cadence's, else
 * from the answer when it carries them. A ticket's sessions come from the answer, else from the
 * sessions the person chose in Cadence; a ticket with neither admits to every session.
 */
function registrantOf(registrant: ZoomRegistrant, own: SeriesPerson | undefined, ticketType: string): ListedRegistrant {
  const tickets: ListedTicket[] = registrant.tickets.flatMap((ticket) => {
    const sessionIds: (string | null)[] =
      ticket.session_id !== undefined
        ? [ticket.session_id]
        : (ticket.session_ids ?? (own?.sessionIds?.length ? own.sessionIds : [null]));
    return sessionIds.map((sessionId) => ({
      ticketId: ticket.ticket_id,
      sessionId,
      qrCodeUrl: ticket.qr_code_url ?? null,
    }));
  });
  return {
    email: registrant.email.trim(),
    firstName: own?.firstName ?? registrant.first_name ?? '',
    lastName: own?.lastName ?? registrant.last_name ?? '',
    organisation: own?.organisation ?? '',
    ticketType,
    tickets,
  };
}

/**
 * Reads an event's details, sessions and every registrant from Zoom. Nothing is written here: the
 * caller replaces the list in one transaction, so a download cut short leaves the old list whole.
 */
export async function downloadList(deps: CheckInDownloadDeps, from: CheckInDownloadFrom): Promise<DownloadedList> {
  const { eventId, seriesId } = eventToDownload(deps.series, from, deps.now());
  const api = await deps.api();
  const field = 'eventId' in from ? 'from.eventId' : 'from.seriesId';
  const people = seriesId === null ? new Map<string, SeriesPerson>() : deps.series.people(seriesId);
  const ticketType = seriesId === null ? '' : deps.series.ticketType(seriesId);
  // Each page becomes the desk's compact rows as it arrives: Zoom's answers are not kept whole.
  const registrants: ListedRegistrant[] = [];
  const [event, sessions] = await Promise.all([
    api.getEvent(eventId),
    api.listSessions(eventId),
    api.eachRegistrantPage(eventId, (page) => {
      for (const registrant of page) {
        const email = registrant.email.trim();
        if (email !== '') registrants.push(registrantOf(registrant, people.get(email.toLowerCase()), ticketType));
      }
    }),
  ]).catch((error: unknown) => {
    // An event Zoom does not know, or does not show this account, is a wrong ID: name the field.
    if (error instanceof ZoomApiError && (error.code === 'not_found' || error.code === 'forbidden')) {
      throw new CadenceError(error.code, `Zoom has no event ${eventId} that this account can open.`, [
        { path: field, message: `Zoom answered: ${error.message}` },
      ]);
    }
    throw error;
  });
  return {
    eventId,
    seriesId,
    name: event.name,
    timezone: event.timezone,
    attendanceType: attendanceType(event),
    sessions: sessionsOf(event, sessions),
    registrants,
    downloadedAt: formatInstant(deps.now()),
  };
}
