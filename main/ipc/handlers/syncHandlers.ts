import type { ConflictResolver } from '../../sync/conflictResolver';
import type { SyncService } from '../../sync/syncService';
import type { EventBus } from '../eventBus';
import type { ChannelHandlers } from '../router';

type SyncChannels =
  'sync.run' | 'sync.cancel' | 'sync.plan' | 'sync.pending' | 'conflicts.list' | 'conflicts.resolve' | 'conflicts.undo';

/** Channels about syncing with Zoom and settling conflicts. */
export function createSyncHandlers(deps: {
  sync: SyncService;
  conflicts: ConflictResolver;
  events: EventBus;
}): Pick<ChannelHandlers, SyncChannels> {
  return {
    'sync.run': ({ makePublic }) =>
      deps.sync.run({
        withholdPublic: !makePublic,
        onProgress: (progress) => deps.events.emit('sync.progress', progress),
      }),
    'sync.cancel': () => ({ wasRunning: deps.sync.cancel() }),
    'sync.plan': () => deps.sync.plan(),
    'conflicts.list': () => deps.conflicts.list(),
    'conflicts.resolve': ({ id, keep }) => deps.conflicts.resolve(id, keep),
    'conflicts.undo': ({ id }) => deps.conflicts.undo(id),
    'sync.pending': () => deps.sync.pending(),
  };
}
