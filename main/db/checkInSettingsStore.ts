import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  badgeLayoutSchema,
  badgeSizeSchema,
  checkInScopeSchema,
  type CheckInScope,
  type CheckInSettings,
} from '../../shared/checkin/checkIn';

const flag = z.union([z.literal(0), z.literal(1)]);

const settingsRowSchema = z.object({
  desk: z.string(),
  list_only_when_searching: flag,
  badge_layout: badgeLayoutSchema,
  badge_size: badgeSizeSchema,
  upload_automatically: flag,
  kiosk_pin_hash: z.string().nullable(),
  kiosk_scope: z.string().nullable(),
  kiosk_failed_tries: z.number().int(),
  kiosk_retry_after: z.string().nullable(),
});

/** The kiosk's stored lock: its scope while locked, the PIN's hash and the wrong tries so far. */
export interface KioskRecord {
  pinHash: string | null;
  scope: CheckInScope | null;
  failedTries: number;
  retryAfter: string | null;
}

export type CheckInSettingsChange = Partial<Omit<CheckInSettings, 'kioskPinSet'>>;

/**
 * This laptop's check-in settings and kiosk lock (`checkin_settings`, one row made with the
 * defaults on first read). The PIN is only ever here as a salted hash.
 */
export class CheckInSettingsStore {
  constructor(
    private readonly db: Database.Database,
    private readonly defaultDesk: () => string,
  ) {}

  /** The row, made with the defaults the first time: reads (every call while a kiosk is locked) write nothing. */
  private row() {
    const select = this.db.prepare('SELECT * FROM checkin_settings WHERE id = 1');
    let row = select.get();
    if (row === undefined) {
      this.db.prepare('INSERT OR IGNORE INTO checkin_settings (id, desk) VALUES (1, ?)').run(this.defaultDesk());
      row = select.get();
    }
    return settingsRowSchema.parse(row);
  }

  read(): CheckInSettings {
    const row = this.row();
    return {
      desk: row.desk,
      listOnlyWhenSearching: row.list_only_when_searching === 1,
      badgeLayout: row.badge_layout,
      badgeSize: row.badge_size,
      uploadAutomatically: row.upload_automatically === 1,
      kioskPinSet: row.kiosk_pin_hash !== null,
    };
  }

  change(change: CheckInSettingsChange): CheckInSettings {
    const now = { ...this.read(), ...change };
    this.db
      .prepare(
        `UPDATE checkin_settings SET desk = ?, list_only_when_searching = ?, badge_layout = ?, badge_size = ?,
           upload_automatically = ? WHERE id = 1`,
      )
      .run(
        now.desk,
        now.listOnlyWhenSearching ? 1 : 0,
        now.badgeLayout,
        now.badgeSize,
        now.uploadAutomatically ? 1 : 0,
      );
    return this.read();
  }

  kiosk(): KioskRecord {
    const row = this.row();
    const scope = row.kiosk_scope === null ? null : checkInScopeSchema.safeParse(JSON.parse(row.kiosk_scope));
    return {
      pinHash: row.kiosk_pin_hash,
      // A stored scope that no longer reads keeps the kiosk locked to nothing rather than open.
      scope: scope === null ? null : scope.success ? scope.data : { eventId: 'unreadable', sessionId: null },
      failedTries: row.kiosk_failed_tries,
      retryAfter: row.kiosk_retry_after,
    };
  }

  setPinHash(hash: string): void {
    this.row();
    this.db.prepare('UPDATE checkin_settings SET kiosk_pin_hash = ? WHERE id = 1').run(hash);
  }

  /** Locks the kiosk to `scope`, or unlocks it (null); the wrong tries start again from none. */
  setKioskScope(scope: CheckInScope | null): void {
    this.row();
    this.db
      .prepare(
        'UPDATE checkin_settings SET kiosk_scope = ?, kiosk_failed_tries = 0, kiosk_retry_after = NULL WHERE id = 1',
      )
      .run(scope === null ? null : JSON.stringify(scope));
  }

  setFailedTries(failedTries: number, retryAfter: string | null): void {
    this.row();
    this.db
      .prepare('UPDATE checkin_settings SET kiosk_failed_tries = ?, kiosk_retry_after = ? WHERE id = 1')
      .run(failedTries, retryAfter);
  }
}
