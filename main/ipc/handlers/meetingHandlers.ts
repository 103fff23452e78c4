import type { MeetingService } from '../../meetings/meetingService';
import type { ChannelHandlers } from '../router';

type MeetingChannels = 'meetings.list' | 'meetings.get' | 'meetings.save' | 'meetings.delete' | 'meetings.importConfig';

/** Recurring meetings: the list, the editor, deleting, and importing a config. */
export function createMeetingHandlers(meetings: MeetingService): Pick<ChannelHandlers, MeetingChannels> {
  return {
    'meetings.list': () => meetings.list(),
    'meetings.get': ({ id }) => meetings.get(id),
    'meetings.save': ({ id, draft }) => meetings.save(id, draft),
    'meetings.delete': ({ id }) => meetings.delete(id),
    'meetings.importConfig': ({ text, dryRun }) => meetings.importConfig(text, { dryRun }),
  };
}
