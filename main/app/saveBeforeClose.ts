import type { BrowserWindow } from 'electron';

/** The parts of a window that closing after a save needs; a BrowserWindow has them. */
export type ClosingWindow = Pick<BrowserWindow, 'on' | 'destroy' | 'isDestroyed'>;

export interface SaveBeforeCloseOptions {
  /** Asks the page to save what waits and then close the window itself. */
  askToSave: () => void;
  /** How long a page that never answers may hold the window open. */
  timeoutMs?: number;
}

/**
 * Holds the window's first close until the page has saved its last edit: the page is asked, and
 * the close it then makes goes through. A page that does not close it in time is closed anyway.
 */
export function saveBeforeClose(window: ClosingWindow, options: SaveBeforeCloseOptions): void {
  const timeoutMs = options.timeoutMs ?? 3_000;
  let isAsked = false;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  window.on('close', (event) => {
    if (isAsked) {
      clearTimeout(deadline);
      return;
    }
    event.preventDefault();
    isAsked = true;
    options.askToSave();
    deadline = setTimeout(() => {
      if (!window.isDestroyed()) window.destroy();
    }, timeoutMs);
  });
}
