import type { HistoryStore } from '../../db/historyStore';
import type { ChannelHandlers } from '../router';

/** A series' history of changes. */
export function createHistoryHandlers(history: HistoryStore): Pick<ChannelHandlers, 'history.list'> {
  return {
    'history.list': (query) => history.list(query),
  };
}
