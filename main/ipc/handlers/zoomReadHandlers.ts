import { CadenceError } from '../../../shared/errors';
import type { ChannelHandlers } from '../router';

type ZoomReadChannels = 'zoom.events' | 'zoom.open' | 'zoom.refresh' | 'zoom.origin';

const notYet = (): never => {
  throw new CadenceError('unavailable', 'Reading events from Zoom is not available in this build.');
};

/** Channels that read the account's events back from Zoom: browse, open, refresh. */
export function createZoomReadHandlers(): Pick<ChannelHandlers, ZoomReadChannels> {
  return { 'zoom.events': notYet, 'zoom.open': notYet, 'zoom.refresh': notYet, 'zoom.origin': notYet };
}
