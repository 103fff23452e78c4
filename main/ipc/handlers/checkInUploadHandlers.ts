import type { CheckInUploader } from '../../checkin/upload/checkInUploader';
import type { ChannelHandlers } from '../router';

/** The check-in upload channel: what waits goes to Zoom, then everyone's check-ins come back. */
export function createCheckInUploadHandlers(deps: {
  uploader: Pick<CheckInUploader, 'upload'>;
}): Pick<ChannelHandlers, 'checkin.upload'> {
  return {
    'checkin.upload': ({ eventId }) => deps.uploader.upload(eventId),
  };
}
