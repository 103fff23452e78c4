import { create } from 'zustand';
import type { CheckInScope, KioskState } from '../../shared/checkin/checkIn';
import type { CadenceApi } from '../../shared/ipc/cadenceApi';
import type { IpcError } from '../../shared/ipc/envelope';

interface KioskStoreState {
  /** Undefined while a page that last saw the kiosk locked waits for main's word. */
  kiosk: KioskState | undefined;
  isUnlocking: boolean;
  /** Why the last PIN did not unlock: wrong, or a wait main imposes after wrong tries. */
  unlockProblem: string | undefined;
  error: IpcError | undefined;
  load: (api: CadenceApi) => Promise<void>;
  lock: (api: CadenceApi, scope: CheckInScope) => Promise<void>;
  unlock: (api: CadenceApi, pin: string) => Promise<boolean>;
}

/** Full screen where the browser allows it; a refusal (no click just before, as after a reload) leaves the window as it is. */
function enterFullscreen(): void {
  if (document.fullscreenElement === null) void document.documentElement.requestFullscreen().catch(() => undefined);
}

function leaveFullscreen(): void {
  if (document.fullscreenElement !== null) void document.exitFullscreen().catch(() => undefined);
}

/** A wrong PIN, and the wait main imposes after too many, with the time the next try is possible. */
function wrongPinWords(retryAfter: string | null): string {
  if (retryAfter === null) return 'That PIN is wrong.';
  const at = new Date(retryAfter).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return `That PIN is wrong, or came during the wait after too many wrong ones: the next try is possible at ${at}.`;
}

/**
 * Whether this page last saw the kiosk locked: a hint for the first paint only (main decides and
 * enforces). A page that saw it locked waits for main's word, so a kiosk reopens straight into
 * self check-in; any other page paints the app at once and follows main's word when it comes.
 */
const lockHint = {
  key: 'cadence.kioskLocked',
  wasLocked: (): boolean => window.localStorage.getItem(lockHint.key) === 'yes',
  remember(kiosk: KioskState): void {
    if (kiosk.locked) window.localStorage.setItem(lockHint.key, 'yes');
    else window.localStorage.removeItem(lockHint.key);
  },
};

const unlocked: KioskState = { locked: false, scope: null, retryAfter: null };

/** The kiosk: this laptop locked to self check-in for one event or session, left only with the PIN. */
export const useKioskStore = create<KioskStoreState>()((set, get) => ({
  kiosk: lockHint.wasLocked() ? undefined : unlocked,
  isUnlocking: false,
  unlockProblem: undefined,
  error: undefined,
  async load(api) {
    const result = await api.checkin.kiosk();
    // Without an answer the app opens as usual: main still refuses whatever a locked kiosk may not do.
    const kiosk = result.ok ? result.value : unlocked;
    lockHint.remember(kiosk);
    set({ kiosk });
  },
  async lock(api, scope) {
    enterFullscreen();
    const result = await api.checkin.lockKiosk({ scope });
    if (result.ok) {
      lockHint.remember(result.value);
      set({ kiosk: result.value, error: undefined, unlockProblem: undefined });
    } else {
      leaveFullscreen();
      set({ error: result.error });
    }
  },
  async unlock(api, pin) {
    if (get().isUnlocking) return false;
    set({ isUnlocking: true, unlockProblem: undefined });
    const result = await api.checkin.unlockKiosk({ pin });
    set({ isUnlocking: false });
    if (!result.ok) {
      set({ unlockProblem: result.error.message });
      return false;
    }
    if (result.value.locked) {
      set({ kiosk: result.value, unlockProblem: wrongPinWords(result.value.retryAfter) });
      return false;
    }
    leaveFullscreen();
    lockHint.remember(result.value);
    set({ kiosk: result.value, unlockProblem: undefined });
    return true;
  },
}));
