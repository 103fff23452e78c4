import type Database from 'better-sqlite3';
import { readZoomOrigin } from '../../db/zoomOriginQueries';
import type { ZoomOpener } from '../../sync/readBack/openFromZoom';
import type { EventBus } from '../eventBus';
import type { ChannelHandlers } from '../router';

export interface ZoomOpenHandlerDeps {
  db: Database.Database;
  opener: ZoomOpener;
  events: EventBus;
}

/** Opening events from Zoom as series, with progress to every host, and where a series came from. */
export function createZoomOpenHandlers(deps: ZoomOpenHandlerDeps): Pick<ChannelHandlers, 'zoom.open' | 'zoom.origin'> {
  return {
    'zoom.open': (input) =>
      deps.opener.open(input, (progress) => {
        deps.events.emit('zoom.openProgress', progress);
      }),
    'zoom.origin': ({ seriesId }) => readZoomOrigin(deps.db, seriesId),
  };
}
