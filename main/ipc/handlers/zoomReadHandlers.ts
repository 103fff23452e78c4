import { CadenceError } from '../../../shared/errors';
import type { ChannelHandlers } from '../router';

type ZoomReadChannels = 'zoom.events' | 'zoom.refresh';

const notYet = (): never => {
  throw new CadenceError('unavailable', 'Reading events from Zoom is not available in this build.');
};

/** Channels that read the account's events back from Zoom: browse, refresh (opening: `zoomOpenHandlers`). */
export function createZoomReadHandlers(): Pick<ChannelHandlers, ZoomReadChannels> {
  return { 'zoom.events': notYet, 'zoom.refresh': notYet };
}
