import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { CheckInScope, CheckInSettings, KioskState } from '../../shared/checkin/checkIn';
import { CadenceError } from '../../shared/errors';
import { formatInstant } from '../../shared/recurrence/expandRecurrence';
import type { CheckInSettingsStore } from '../db/checkInSettingsStore';

/** Wrong PINs allowed before each further try waits. */
export const kioskTriesBeforeWait = 5;
export const kioskWaitMs = 30_000;

const keyLength = 32;
const cost: ScryptOptions = { N: 16_384, r: 8, p: 1 };

function derive(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, keyLength, options, (error, key) => {
      if (error === null) resolve(key);
      else reject(error);
    });
  });
}

/** "scrypt$N$r$p$salt$hash", base64; the PIN itself is never kept. */
async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(pin, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * The kiosk: this laptop locked to self check-in for one event or session, left only with the PIN
 * set on it. The lock, the PIN's salted hash and the wrong tries are kept in the database, so a
 * restart neither unlocks the kiosk nor forgets a wait.
 */
export class KioskLock {
  constructor(
    private readonly settings: CheckInSettingsStore,
    private readonly now: () => number,
  ) {}

  state(): KioskState {
    const kiosk = this.settings.kiosk();
    const waiting = kiosk.retryAfter !== null && Date.parse(kiosk.retryAfter) > this.now();
    return { locked: kiosk.scope !== null, scope: kiosk.scope, retryAfter: waiting ? kiosk.retryAfter : null };
  }

  async setPin(pin: string): Promise<CheckInSettings> {
    if (this.state().locked) {
      throw new CadenceError('forbidden', 'The kiosk PIN cannot change while the kiosk is locked.', [
        { path: 'pin', message: 'Leave the kiosk first.' },
      ]);
    }
    this.settings.setPinHash(await hashPin(pin));
    return this.settings.read();
  }

  /** Locks to `scope` (already checked to be downloaded); a PIN must be set first. */
  lock(scope: CheckInScope): KioskState {
    if (this.settings.kiosk().pinHash === null) {
      throw new CadenceError('conflict', 'Set a kiosk PIN before locking: it is the only way out of the kiosk.', [
        { path: 'scope', message: 'No kiosk PIN is set on this laptop.' },
      ]);
    }
    this.settings.setKioskScope(scope);
    return this.state();
  }

  /**
   * Leaves the kiosk with the right PIN. A wrong one answers `locked: true`; from the fifth wrong
   * try on, each wrong try makes the next wait 30 s, and a try during the wait is not checked.
   */
  async unlock(pin: string): Promise<KioskState> {
    const kiosk = this.settings.kiosk();
    if (kiosk.scope === null) return this.state();
    if (kiosk.retryAfter !== null && Date.parse(kiosk.retryAfter) > this.now()) return this.state();
    if (kiosk.pinHash !== null && (await pinMatches(pin, kiosk.pinHash))) {
      this.settings.setKioskScope(null);
      return this.state();
    }
    const failedTries = kiosk.failedTries + 1;
    const retryAfter =
      failedTries >= kioskTriesBeforeWait ? formatInstant(Math.ceil((this.now() + kioskWaitMs) / 1000) * 1000) : null;
    this.settings.setFailedTries(failedTries, retryAfter);
    return this.state();
  }
}
