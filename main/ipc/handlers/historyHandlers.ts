import { CadenceError } from '../../../shared/errors';
import type { ChannelHandlers } from '../router';

/** A series' history of changes. */
export function createHistoryHandlers(): Pick<ChannelHandlers, 'history.list'> {
  return {
    'history.list': () => {
      throw new CadenceError('unavailable', 'The history is not available in this build.');
    },
  };
}
