import { CadenceError } from '../../../shared/errors';
import type { ZoomCatalog } from '../../sync/readBack/zoomCatalog';
import type { ChannelHandlers } from '../router';

type ZoomReadChannels = 'zoom.events' | 'zoom.refresh';

const notYet = (): never => {
  throw new CadenceError('unavailable', 'Reading events from Zoom is not available in this build.');
};

export interface ZoomReadHandlerDeps {
  /** Browses the account's events on Zoom. */
  catalog: ZoomCatalog;
}

/** Channels that read the account's events back from Zoom: browse, refresh (opening: `zoomOpenHandlers`). */
export function createZoomReadHandlers(deps: ZoomReadHandlerDeps): Pick<ChannelHandlers, ZoomReadChannels> {
  return {
    'zoom.events': (query) => deps.catalog.page(query),
    'zoom.refresh': notYet,
  };
}
