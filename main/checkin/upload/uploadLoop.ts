import type { CheckInUploader } from './checkInUploader';

export interface UploadLoopDeps {
  uploader: Pick<CheckInUploader, 'upload' | 'readBack' | 'hasWork' | 'isRunning'>;
  /** The desk's setting `uploadAutomatically`, read at every tick. */
  isEnabled: () => boolean;
  /** Whether Zoom answers (the online monitor's view). */
  isOnline: () => boolean;
  now: () => number;
  intervalMs?: number;
  /** How often a desk with nothing to send still reads everyone's check-ins. */
  readBackEveryMs?: number;
  /** After a failure other than Zoom out of reach (no account, a bug), how long to leave it be. */
  afterErrorMs?: number;
  onError?: (error: unknown) => void;
}

/** The background upload: every few seconds while Zoom answers, what waits goes. */
export interface UploadLoop {
  start(): void;
  stop(): void;
  /** One tick now (tests); answers when it is done. */
  tick(): Promise<void>;
}

/**
 * Uploads what waits every `intervalMs` (5 s) while Zoom is reachable and the desk has automatic
 * upload on; with nothing to send it reads the others' check-ins every `readBackEveryMs` (30 s).
 * A tick while an upload runs (one asked for on screen) does nothing: uploads never overlap. After a
 * failure that is not Zoom being out of reach (no account connected, say), it waits a minute.
 */
export function createUploadLoop(deps: UploadLoopDeps): UploadLoop {
  const intervalMs = deps.intervalMs ?? 5_000;
  const readBackEveryMs = deps.readBackEveryMs ?? 30_000;
  const afterErrorMs = deps.afterErrorMs ?? 60_000;
  let quietUntil = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  let isRunning = false;
  let lastReadAt = Number.NEGATIVE_INFINITY;

  async function tick(): Promise<void> {
    if (!deps.isEnabled() || !deps.isOnline() || deps.uploader.isRunning() || deps.now() < quietUntil) return;
    try {
      if (deps.uploader.hasWork()) {
        await deps.uploader.upload();
        lastReadAt = deps.now();
      } else if (deps.now() - lastReadAt >= readBackEveryMs) {
        lastReadAt = deps.now();
        await deps.uploader.readBack();
      }
    } catch (error) {
      // Told once, not every 5 s: the same failure would fill the log.
      quietUntil = deps.now() + afterErrorMs;
      deps.onError?.(error);
    }
  }

  function schedule(): void {
    if (!isRunning) return;
    timer = setTimeout(() => {
      void tick().finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  return {
    start() {
      if (isRunning) return;
      isRunning = true;
      schedule();
    },
    stop() {
      isRunning = false;
      if (timer !== undefined) clearTimeout(timer);
    },
    tick,
  };
}
