import { CadenceError } from '../../../shared/errors';
import type { SeriesRefresher } from '../../sync/readBack/seriesRefresher';
import type { ZoomCatalog } from '../../sync/readBack/zoomCatalog';
import type { ChannelHandlers } from '../router';

type ZoomReadChannels = 'zoom.events' | 'zoom.open' | 'zoom.refresh' | 'zoom.origin';

const notYet = (): never => {
  throw new CadenceError('unavailable', 'Reading events from Zoom is not available in this build.');
};

export interface ZoomReadHandlerDeps {
  /** Browses the account's events on Zoom. */
  catalog: ZoomCatalog;
  /** Refreshes a synced series from Zoom. */
  refresher: SeriesRefresher;
}

/** Channels that read the account's events back from Zoom: browse, open, refresh. */
export function createZoomReadHandlers(deps: ZoomReadHandlerDeps): Pick<ChannelHandlers, ZoomReadChannels> {
  return {
    'zoom.events': (query) => deps.catalog.page(query),
    'zoom.open': notYet,
    'zoom.refresh': ({ seriesId }) => deps.refresher.refresh(seriesId),
    'zoom.origin': notYet,
  };
}
