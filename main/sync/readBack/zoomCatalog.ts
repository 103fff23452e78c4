import { z } from 'zod';
import { CadenceError } from '../../../shared/errors';
import {
  zoomEventStatusSchema,
  zoomEventsQuerySchema,
  type ZoomEventListItem,
  type ZoomEventStatus,
  type ZoomEventsPage,
  type ZoomEventsQuery,
} from '../../../shared/zoom/zoomCatalog';
import type { ZoomEvent, ZoomSession } from '../../../shared/zoom/zoomReadShapes';
import type { ZoomEventsApi } from '../../zoom/zoomEventsApi';

/** What a planner opens unless they ask for more. */
const defaultStatuses: readonly ZoomEventStatus[] = ['upcoming', 'draft'];

/**
 * Where the next page starts: the status Zoom lists by and Zoom's own page token within it.
 * Zoom pages each status separately, so the browse list walks the statuses one after the other.
 */
const cursorSchema = z.object({ status: zoomEventStatusSchema, token: z.string().optional() });
type Cursor = z.output<typeof cursorSchema>;

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

function decodeCursor(token: string, statuses: readonly ZoomEventStatus[]): Cursor {
  const refused = () =>
    new CadenceError('invalid_input', 'The page to load next is not one this list gave; load the list again.', [
      { path: 'page_token', message: 'Not a page of this list (another hub or other statuses?).' },
    ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const cursor = cursorSchema.safeParse(parsed);
  if (!cursor.success || !statuses.some((status) => status === cursor.data.status)) throw refused();
  return cursor.data;
}

export interface ZoomCatalogDeps {
  api: () => Promise<ZoomEventsApi>;
  /** The series each of these Zoom events is here, by event ID. */
  seriesOfEvents: (eventIds: readonly string[]) => Map<string, string>;
}

/** An event with what one more request each tells about it: its sessions and how many registered. */
interface EventDetails {
  sessions: ZoomSession[] | undefined;
  registrations: number | null;
}

/** Why Cadence cannot open an event of this type, in the planner's words; null when it can. */
function cannotOpen(event: ZoomEvent): string | null {
  if (event.event_type.toUpperCase() === 'CONFERENCE') {
    return 'A conference (several tracks and sessions of its own) is not a series Cadence can edit; manage it on Zoom.';
  }
  return null;
}

/**
 * Browses the account's events on Zoom one page at a time, per hub: each row with its hub's name,
 * its first and last session, how many are registered (one small request per event, side by side
 * within the rate limiter) and whether it is open here already.
 */
export class ZoomCatalog {
  constructor(private readonly deps: ZoomCatalogDeps) {}

  async page(input: ZoomEventsQuery): Promise<ZoomEventsPage> {
    const query = zoomEventsQuerySchema.parse(input);
    const statuses = query.status ?? defaultStatuses;
    const api = await this.deps.api();
    let cursor: Cursor | undefined =
      query.page_token === undefined ? { status: statuses[0] ?? 'upcoming' } : decodeCursor(query.page_token, statuses);
    const found: ZoomEvent[] = [];
    // Zoom filters by status only: the hub is filtered here, so a page is filled from as many of Zoom's as it takes.
    while (cursor !== undefined && found.length < query.page_size) {
      const { status } = cursor;
      const page = await api.eventsPage(status, query.page_size, cursor.token);
      found.push(...page.events.filter((event) => query.hub_id === undefined || event.hub_id === query.hub_id));
      cursor = nextCursor(statuses, status, page.next_page_token);
    }
    const [hubs, details] = await Promise.all([
      api.listHubs(),
      Promise.all(found.map((event) => this.details(api, event, query.with_registrations))),
    ]);
    const hubNames = new Map(hubs.map((hub) => [hub.hub_id, hub.name]));
    const linked = this.deps.seriesOfEvents(found.map((event) => event.event_id));
    const events = found.map((event, index) =>
      listItem(event, details[index] ?? { sessions: undefined, registrations: null }, hubNames, linked),
    );
    return { events, ...(cursor === undefined ? {} : { next_page_token: encodeCursor(cursor) }) };
  }

  private async details(api: ZoomEventsApi, event: ZoomEvent, withRegistrations: boolean): Promise<EventDetails> {
    const [sessions, registrations] = await Promise.all([
      // Only a recurring event's sessions differ from its calendar (moved, deleted ones).
      event.event_type === 'RECURRING' ? api.listSessions(event.event_id).catch(() => undefined) : undefined,
      withRegistrations ? api.countRegistrants(event.event_id).catch(() => undefined) : undefined,
    ]);
    return { sessions, registrations: registrations ?? null };
  }
}

function nextCursor(
  statuses: readonly ZoomEventStatus[],
  status: ZoomEventStatus,
  token: string | undefined,
): Cursor | undefined {
  if (token !== undefined) return { status, token };
  const next = statuses[statuses.indexOf(status) + 1];
  return next === undefined ? undefined : { status: next };
}

function listItem(
  event: ZoomEvent,
  details: EventDetails,
  hubNames: ReadonlyMap<string, string>,
  linked: ReadonlyMap<string, string>,
): ZoomEventListItem {
  const starts =
    details.sessions?.map((session) => session.start_time) ??
    event.calendar?.map((entry) => entry.start_time) ??
    (event.start_time === undefined ? [] : [event.start_time]);
  const sorted = [...starts].sort((a, b) => Date.parse(a) - Date.parse(b));
  return {
    event_id: event.event_id,
    name: event.name,
    event_type: event.event_type,
    status: (event.status ?? 'unknown').toLowerCase(),
    hub_id: event.hub_id ?? null,
    hub_name: event.hub_id === undefined ? null : (hubNames.get(event.hub_id) ?? null),
    timezone: event.timezone,
    first_start: sorted[0] ?? null,
    last_start: sorted.at(-1) ?? null,
    sessions: details.sessions?.length ?? (event.event_type === 'RECURRING' ? null : sorted.length || null),
    registrations: details.registrations,
    series_id: linked.get(event.event_id) ?? null,
    cannot_open: cannotOpen(event),
  };
}
