import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveBeforeClose } from '../../../../main/app/saveBeforeClose';

function fakeWindow() {
  let onClose: ((event: { preventDefault(): void }) => void) | undefined;
  let isDestroyed = false;
  const window = {
    on: vi.fn((event: string, listener: (event: { preventDefault(): void }) => void) => {
      if (event === 'close') onClose = listener;
      return window;
    }),
    destroy: vi.fn(() => (isDestroyed = true)),
    isDestroyed: () => isDestroyed,
  };
  /** Closes the window as the planner or the page does; answers whether the close went through. */
  const close = (): boolean => {
    let isPrevented = false;
    onClose?.({ preventDefault: () => (isPrevented = true) });
    return !isPrevented;
  };
  return { window, close };
}

describe('saveBeforeClose', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds the first close, asks the page to save, and lets the page’s own close through', () => {
    const { window, close } = fakeWindow();
    const askToSave = vi.fn();
    saveBeforeClose(window as never, { askToSave, timeoutMs: 1_000 });
    expect(close()).toBe(false);
    expect(askToSave).toHaveBeenCalledTimes(1);
    expect(close()).toBe(true);
    vi.advanceTimersByTime(5_000);
    expect(window.destroy).not.toHaveBeenCalled();
  });

  it('closes the window anyway when the page does not answer in time', () => {
    const { window, close } = fakeWindow();
    saveBeforeClose(window as never, { askToSave: vi.fn(), timeoutMs: 1_000 });
    close();
    vi.advanceTimersByTime(999);
    expect(window.destroy).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(window.destroy).toHaveBeenCalledTimes(1);
  });
});
