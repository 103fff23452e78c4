import { describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../../../main/ipc/eventBus';
import type { OnlineState } from '../../../../shared/appInfo';

const state = { isOnline: false, checkedAt: '2026-11-22T10:00:00.000Z' };

describe('event bus', () => {
  it('delivers each event to every subscriber until it unsubscribes', () => {
    const bus = createEventBus();
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = bus.subscribe(first);
    bus.subscribe(second);
    bus.emit('app.online', state);
    stopFirst();
    bus.emit('app.online', { ...state, isOnline: true });
    expect(first.mock.calls).toEqual([[{ name: 'app.online', payload: state }]]);
    expect(second).toHaveBeenCalledTimes(2);
  });

  it('refuses a payload that breaks the contract before anyone sees it', () => {
    const bus = createEventBus();
    const listener = vi.fn();
    bus.subscribe(listener);
    expect(() => bus.emit('app.online', { isOnline: 'yes' } as unknown as OnlineState)).toThrow();
    expect(listener).not.toHaveBeenCalled();
  });
});
