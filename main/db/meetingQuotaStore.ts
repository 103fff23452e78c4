import type Database from 'better-sqlite3';
import { z } from 'zod';
import { meetingDailyLimit } from '../../shared/meetings/meetingQuota';

const usedSchema = z.number().optional();
const spentRowSchema = z.object({ host_key: z.string(), used: z.number() });

/**
 * What Cadence spent of each host's daily limit of meeting creates and updates, per UTC day. A
 * host Zoom says is spent counts as the whole limit for that day. Each method is one statement.
 */
export class MeetingQuotaStore {
  constructor(
    private readonly db: Database.Database,
    readonly limit: number = meetingDailyLimit,
  ) {}

  used(hostKey: string, utcDay: string): number {
    return (
      usedSchema.parse(
        this.db
          .prepare('SELECT used FROM meeting_host_quota WHERE host_key = ? AND utc_day = ?')
          .pluck()
          .get(hostKey, utcDay),
      ) ?? 0
    );
  }

  /** Takes one call from the host's day, if any is left; false when the day's limit is spent. */
  reserve(hostKey: string, utcDay: string): boolean {
    const taken = this.db
      .prepare(
        `INSERT INTO meeting_host_quota (host_key, utc_day, used) VALUES (@host, @day, 1)
         ON CONFLICT (host_key, utc_day) DO UPDATE SET used = used + 1 WHERE used < @limit`,
      )
      .run({ host: hostKey, day: utcDay, limit: this.limit });
    return taken.changes > 0;
  }

  /** Gives back a call that never reached Zoom. */
  release(hostKey: string, utcDay: string): void {
    this.db
      .prepare('UPDATE meeting_host_quota SET used = used - 1 WHERE host_key = ? AND utc_day = ? AND used > 0')
      .run(hostKey, utcDay);
  }

  /** Zoom said the host's limit is spent: nothing more is sent for the host that day. */
  markSpent(hostKey: string, utcDay: string): void {
    this.db
      .prepare(
        `INSERT INTO meeting_host_quota (host_key, utc_day, used) VALUES (@host, @day, @limit)
         ON CONFLICT (host_key, utc_day) DO UPDATE SET used = max(used, @limit)`,
      )
      .run({ host: hostKey, day: utcDay, limit: this.limit });
  }

  /** Hosts whose limit is spent on that day. */
  spentHosts(utcDay: string): Set<string> {
    return new Set(
      this.db
        .prepare('SELECT host_key, used FROM meeting_host_quota WHERE utc_day = ?')
        .all(utcDay)
        .map((raw) => spentRowSchema.parse(raw))
        .filter((row) => row.used >= this.limit)
        .map((row) => row.host_key),
    );
  }
}
