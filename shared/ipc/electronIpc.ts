/** The Electron IPC channel that carries every main → renderer event as `{ name, payload }`. */
export const electronEventChannel = 'cadence:event';
