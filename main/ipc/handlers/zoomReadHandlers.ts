import type { SeriesRefresher } from '../../sync/readBack/seriesRefresher';
import type { ZoomCatalog } from '../../sync/readBack/zoomCatalog';
import type { ChannelHandlers } from '../router';

type ZoomReadChannels = 'zoom.events' | 'zoom.refresh';

export interface ZoomReadHandlerDeps {
  /** Browses the account's events on Zoom. */
  catalog: ZoomCatalog;
  /** Refreshes a synced series from Zoom. */
  refresher: SeriesRefresher;
}

/** Channels that read the account's events back from Zoom: browse, refresh (opening: `zoomOpenHandlers`). */
export function createZoomReadHandlers(deps: ZoomReadHandlerDeps): Pick<ChannelHandlers, ZoomReadChannels> {
  return {
    'zoom.events': (query) => deps.catalog.page(query),
    'zoom.refresh': ({ seriesId }) => deps.refresher.refresh(seriesId),
  };
}
