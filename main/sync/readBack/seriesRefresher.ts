import { CadenceError } from '../../../shared/errors';
import { formatInstant } from '../../../shared/recurrence/expandRecurrence';
import type { RefreshReport } from '../../../shared/zoom/zoomCatalog';
import { assertNotReplaced, partLinksOf } from '../../db/seriesLinkStore';
import type { Stores } from '../../db/stores';
import type { ZoomClient } from '../../zoom/zoomClient';
import { EngineContext } from '../runContext';
import { Offline } from '../runSignals';
import { refreshFromZoom, type ReadZoomSeries } from './refreshFromZoom';
import { readZoomSeries } from './readZoomSeries';

export interface SeriesRefresherDeps {
  stores: Stores;
  /** The signed-in Zoom client (the account's). */
  zoom: () => Promise<Pick<ZoomClient, 'api'>>;
  now: () => number;
  /** A sync refreshes every series at its start; a refresh waits for it to end. */
  isSyncing: () => boolean;
  read?: ReadZoomSeries;
}

/** Refreshes a synced series from Zoom when the planner asks (`zoom.refresh`, `cadence zoom refresh`). */
export class SeriesRefresher {
  constructor(private readonly deps: SeriesRefresherDeps) {}

  /** Refreshes a series; a series on Zoom in parts is each of its parts on Zoom, reported as one. */
  async refresh(seriesId: string): Promise<RefreshReport> {
    // A replaced series stays as it was: its successor holds what it had, and its events are cancelled.
    assertNotReplaced(this.deps.stores.db, seriesId);
    const parts = partLinksOf(this.deps.stores.db, seriesId).filter((part) => part.eventId !== null);
    if (parts.length === 0) return this.refreshOne(seriesId);
    const reports: RefreshReport[] = [];
    for (const part of parts) reports.push(await this.refreshOne(part.seriesId));
    const sum = (count: (report: RefreshReport) => number) => reports.reduce((total, one) => total + count(one), 0);
    return {
      series_id: seriesId,
      changes: sum((report) => report.changes),
      new_registrations: sum((report) => report.new_registrations),
      removed_registrations: sum((report) => report.removed_registrations),
      conflicts: sum((report) => report.conflicts),
      is_gone: reports.some((report) => report.is_gone),
      refreshed_at: formatInstant(this.deps.now()),
    };
  }

  private async refreshOne(seriesId: string): Promise<RefreshReport> {
    const { stores } = this.deps;
    const draft = stores.series.get(seriesId, { withAttendees: false });
    if (draft === undefined) throw new CadenceError('not_found', 'This series no longer exists.');
    if (!stores.series.isOnZoom(seriesId)) {
      const message = `"${draft.name}" is not on Zoom yet: sync it first, then it can be refreshed from Zoom.`;
      throw new CadenceError('conflict', message, [{ path: 'seriesId', message }]);
    }
    if (this.deps.isSyncing()) {
      throw new CadenceError('conflict', 'A sync is running, and it refreshes every series from Zoom first.');
    }
    const client = await this.deps.zoom();
    const ctx = new EngineContext({
      api: client.api,
      outbox: stores.outbox,
      drafts: stores.series,
      log: stores.log,
      now: this.deps.now,
    });
    try {
      const tally = await refreshFromZoom(ctx, seriesId, this.deps.read ?? readZoomSeries, {
        outbox: stores.outbox,
        drafts: stores.series,
        attendees: stores.attendees,
      });
      return {
        series_id: seriesId,
        changes: tally.changes,
        new_registrations: tally.newRegistrations,
        removed_registrations: tally.removedRegistrations,
        conflicts: tally.conflicts,
        is_gone: tally.isGone,
        refreshed_at: formatInstant(this.deps.now()),
      };
    } catch (error) {
      if (error instanceof Offline) {
        throw new CadenceError('unavailable', `Zoom cannot be reached now, so "${draft.name}" was not refreshed.`);
      }
      throw error;
    }
  }
}
