import { events, type CadenceEvent, type EventName, type EventPayload } from '../../shared/ipc/contract';

/** Fans main → renderer events out to every connected host (Electron windows, SSE streams). */
export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(listener: (event: CadenceEvent) => void): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<(event: CadenceEvent) => void>();
  return {
    emit(name, payload) {
      // Validating here keeps a service bug from reaching the renderer as a malformed event.
      const event: CadenceEvent = { name, payload: events[name].parse(payload) };
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
