import type { z } from 'zod';
import { CadenceError } from '../../../shared/errors';
import type {
  ZoomOpenReport,
  ZoomOpenResult,
  zoomOpenInputSchema,
  RefreshReport,
} from '../../../shared/zoom/zoomCatalog';
import { zoomPageUrlSchema, type ZoomPages } from '../../../shared/zoom/zoomPages';
import type { ZoomSeriesView } from '../../../shared/zoom/zoomSeries';
import { formatInstant } from '../../../shared/recurrence/expandRecurrence';
import { recordOpenedSeries } from '../../db/outbox/openedSeries';
import type { Stores } from '../../db/stores';
import { seriesOfEvents } from '../../db/zoomEventLinks';
import { readZoomOrigin } from '../../db/zoomOriginQueries';
import type { ZoomClient } from '../../zoom/zoomClient';
import type { ZoomEventsApi } from '../../zoom/zoomEventsApi';
import { ZoomApiError, ZoomOutcomeUnknownError, ZoomUnreachableError } from '../../zoom/zoomErrors';
import { readZoomSeries } from './readZoomSeries';

/** How many events are read at once; the client's rate limiter paces the requests themselves. */
const defaultConcurrency = 8;

export type ZoomOpenRequest = z.output<typeof zoomOpenInputSchema>;

/** One event done, for the progress bar: `done` of `total`, and its name. */
export interface ZoomOpenProgress {
  done: number;
  total: number;
  name: string;
}

export interface ZoomOpenerDeps {
  stores: Stores;
  zoom: () => Promise<Pick<ZoomClient, 'api' | 'requestCount'>>;
  now: () => number;
  /** Reads a series already open here back from Zoom, three ways; absent, such an event is reported as open already. */
  refresh?: (seriesId: string) => Promise<RefreshReport>;
  concurrency?: number;
}

function failed(
  eventId: string,
  name: string,
  message: string,
  path: string | null = null,
  seriesId: string | null = null,
): ZoomOpenResult {
  return {
    event_id: eventId,
    name,
    outcome: 'failed',
    series_id: seriesId,
    kept_on_zoom: [],
    changes: 0,
    conflicts: 0,
    error: { message, path },
  };
}

/** Zoom out of reach, busy past patience or failing: no event can be opened now, so the opening stops. */
function isOutOfReach(error: unknown): boolean {
  if (error instanceof ZoomUnreachableError || error instanceof ZoomOutcomeUnknownError) return true;
  return error instanceof ZoomApiError && (error.status === 429 || error.status >= 500);
}

function url(value: string | null): string | null {
  const parsed = zoomPageUrlSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Opens events that are on Zoom as series here: one, several, or a hub's upcoming and draft
 * events. Each new one becomes a series linked to Zoom in one transaction, its snapshot what Zoom
 * holds, so that the outbox plans nothing for it; one already open here is refreshed instead,
 * never doubled. An event that cannot be opened is reported with its reason; the others open.
 * Zoom out of reach stops the opening with its error: what opened until then stays open.
 */
export class ZoomOpener {
  constructor(private readonly deps: ZoomOpenerDeps) {}

  async open(request: ZoomOpenRequest, onProgress?: (progress: ZoomOpenProgress) => void): Promise<ZoomOpenReport> {
    const client = await this.deps.zoom();
    const before = client.requestCount();
    const eventIds =
      request.event_ids === undefined
        ? await this.eventsOfHub(client.api, request.hub_id ?? '')
        : [...new Set(request.event_ids)];
    const hubNames = this.hubNames(client.api);
    const results: ZoomOpenResult[] = new Array<ZoomOpenResult>(eventIds.length);
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < eventIds.length) {
        const index = next;
        next += 1;
        const eventId = eventIds[index] ?? '';
        const result = await this.openOne(client.api, eventId, hubNames);
        results[index] = result;
        done += 1;
        onProgress?.({ done, total: eventIds.length, name: result.name || eventId });
      }
    };
    const workers = Math.min(this.deps.concurrency ?? defaultConcurrency, eventIds.length);
    await Promise.all(Array.from({ length: workers }, worker));
    return { results, requests: client.requestCount() - before };
  }

  /** A hub's upcoming and draft events: what a planner still runs. */
  private async eventsOfHub(api: ZoomEventsApi, hubId: string): Promise<string[]> {
    const [upcoming, drafts] = await Promise.all([api.listEvents('upcoming'), api.listEvents('draft')]);
    return [...new Set([...upcoming, ...drafts].filter((e) => e.hub_id === hubId).map((e) => e.event_id))];
  }

  /** The account's hub names, read once per opening, for the series page; none when Zoom will not say. */
  private hubNames(api: ZoomEventsApi): () => Promise<ReadonlyMap<string, string>> {
    let names: Promise<ReadonlyMap<string, string>> | undefined;
    return () => {
      names ??= api.listHubs().then(
        (hubs) => new Map(hubs.map((hub) => [hub.hub_id, hub.name])),
        () => new Map(),
      );
      return names;
    };
  }

  private seriesOfEvent(eventId: string): string | undefined {
    return seriesOfEvents(this.deps.stores.db, [eventId]).get(eventId);
  }

  private async openOne(
    api: ZoomEventsApi,
    eventId: string,
    hubNames: () => Promise<ReadonlyMap<string, string>>,
  ): Promise<ZoomOpenResult> {
    const existing = this.seriesOfEvent(eventId);
    if (existing !== undefined) return this.refreshOne(eventId, existing);
    let read;
    try {
      read = await readZoomSeries(api, eventId);
    } catch (error) {
      // An event Zoom does not have or will not show: that event's failure; the others still open.
      if (error instanceof CadenceError && !isOutOfReach(error)) return failed(eventId, '', error.message);
      throw error;
    }
    if (!read.ok) return failed(eventId, read.refusal.name, read.refusal.message, read.refusal.path);
    const view = read.view;
    const hubName = view.draft.hub_id === undefined ? undefined : (await hubNames()).get(view.draft.hub_id);
    const pages: ZoomPages = {
      hub_name: hubName ?? null,
      event_url: url(view.pages.event_url),
      registration_url: url(view.pages.registration_url),
    };
    const seriesId = this.store(view, pages);
    if (seriesId === undefined) return this.refreshOne(eventId, this.seriesOfEvent(eventId) ?? '');
    return {
      event_id: eventId,
      name: view.draft.name,
      outcome: 'opened',
      series_id: seriesId,
      kept_on_zoom: view.keptOnZoom,
      changes: 0,
      conflicts: 0,
      error: null,
    };
  }

  /**
   * The series and its links in one transaction; undefined when another opening of the same event
   * finished first. Nothing may wait to be sent afterwards: the series is what Zoom holds.
   */
  private store(view: ZoomSeriesView, pages: ZoomPages): string | undefined {
    const { stores } = this.deps;
    return stores.db
      .transaction(() => {
        if (this.seriesOfEvent(view.eventId) !== undefined) return undefined;
        const { id } = stores.series.save({ ...view.draft, attendees: [] }, undefined, { source: 'opened' });
        recordOpenedSeries(stores.db, id, view, pages, formatInstant(this.deps.now()));
        // Planned from the view's draft, which passed the rules already: reading it back would check every attendee again.
        stores.outbox.replanSeries(id, view.draft);
        const attendees = new Map(view.registrations.map((r) => [r.registrationId, r.attendee] as const));
        stores.outbox.replanTickets(id, attendees, true);
        const waiting = stores.outbox.waiting().filter((op) => op.seriesId === id);
        if (waiting.length > 0) {
          // The snapshot and the draft disagree: a bug, and sending it would change Zoom behind the planner's back.
          throw new Error(
            `Opening "${view.draft.name}" left ${waiting.map((op) => op.kind).join(', ')} to send; nothing was opened.`,
          );
        }
        return id;
      })
      .immediate();
  }

  private async refreshOne(eventId: string, seriesId: string): Promise<ZoomOpenResult> {
    const name = this.deps.stores.series.get(seriesId, { withAttendees: false })?.name ?? '';
    if (this.deps.refresh === undefined) {
      return failed(eventId, name, `${name || 'This event'} is open here already, as a series.`, null, seriesId);
    }
    try {
      const report = await this.deps.refresh(seriesId);
      return {
        event_id: eventId,
        // As it is now: the refresh may have taken a new name from Zoom.
        name: this.deps.stores.series.get(seriesId, { withAttendees: false })?.name ?? name,
        outcome: 'refreshed',
        series_id: seriesId,
        kept_on_zoom: readZoomOrigin(this.deps.stores.db, seriesId).kept_on_zoom,
        changes: report.changes + report.new_registrations + report.removed_registrations,
        conflicts: report.conflicts,
        error: null,
      };
    } catch (error) {
      if (error instanceof CadenceError && !isOutOfReach(error)) {
        return failed(eventId, name, error.message, null, seriesId);
      }
      throw error;
    }
  }
}
