import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import type { CheckInEvent, CheckInNumbers, CheckInScope, CheckInStatus } from '../../shared/checkin/checkIn';
import type { CheckInCountQueries } from '../db/checkInCountQueries';
import type { CheckInEventRow, CheckInListStore } from '../db/checkInListStore';
import type { CheckInSettingsStore } from '../db/checkInSettingsStore';

export interface CheckInOverviewDeps {
  list: CheckInListStore;
  counts: CheckInCountQueries;
  settings: CheckInSettingsStore;
}

/** The downloaded events and their numbers, as the screen, `cadence checkin status` and the chart read them. */
export class CheckInOverview {
  constructor(private readonly deps: CheckInOverviewDeps) {}

  /** The downloaded events, newest download first. */
  events(): CheckInEvent[] {
    return this.deps.list.events().map((row) => this.view(row));
  }

  /** One downloaded event, with its sessions and counts. */
  event(row: CheckInEventRow): CheckInEvent {
    return this.view(row);
  }

  status(): CheckInStatus {
    const { counts, list, settings } = this.deps;
    return {
      desk: settings.read().desk,
      events: list.events().map((row) => {
        const scope = { eventId: row.event_id, sessionId: null };
        return { ...this.view(row), desks: counts.desks(scope), refusals: counts.refusals(row.event_id) };
      }),
    };
  }

  /** Numbers of a scope the caller checked exists. */
  numbers(scope: CheckInScope): CheckInNumbers {
    const { counts, list } = this.deps;
    const sessions =
      scope.sessionId === null
        ? list.sessions(scope.eventId)
        : list.sessions(scope.eventId).filter((s) => s.sessionId === scope.sessionId);
    const registered = counts.registeredBySession(scope.eventId);
    const checkedIn = counts.checkedInBySession(scope.eventId);
    return {
      counts: counts.counts(scope),
      sessions: sessions.map((session) => ({
        sessionId: session.sessionId,
        position: session.position,
        registered: registered.everySession + (registered.bySession.get(session.sessionId) ?? 0),
        checkedIn: checkedIn.get(session.sessionId) ?? 0,
      })),
      desks: counts.desks(scope),
      overTime: counts.quarters(scope).map((quarter) => ({
        from: formatInstant(quarter.quarterStart * 1000),
        checkedIn: quarter.checkedIn,
      })),
    };
  }

  private view(row: CheckInEventRow): CheckInEvent {
    return {
      eventId: row.event_id,
      seriesId: row.series_id,
      name: row.name,
      timezone: row.timezone,
      attendanceType: row.attendance_type,
      sessions: this.deps.list.sessions(row.event_id),
      downloadedAt: row.downloaded_at,
      lastUploadAt: row.last_upload_at,
      lastCheckInsReadAt: row.last_check_ins_read_at,
      counts: this.deps.counts.counts({ eventId: row.event_id, sessionId: null }),
    };
  }
}
