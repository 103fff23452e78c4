import type { MeetingSummary } from '../../shared/meetings/meetingViews';
import { localTime, type MeetingsCommandContext } from './meetingsImportCommand';
import { withServices } from './withServices';

const stateWords: Readonly<Record<MeetingSummary['state'], string>> = {
  draft: 'draft',
  waiting: 'waiting to sync',
  waiting_for_quota: "waits for the host's daily limit",
  synced: 'synced',
  conflict: 'needs you',
  deleting: 'deleting on Zoom',
};

/** `cadence meetings list`: every meeting with where it stands with Zoom. */
export async function runMeetingsListCommand(context: MeetingsCommandContext): Promise<void> {
  const meetings = await withServices(context.dataDir, (services) => services.meetings.list());
  if (context.isJson) {
    context.stdout.write(`${JSON.stringify({ meetings })}\n`);
    return;
  }
  if (meetings.length === 0) {
    context.stdout.write('No meetings yet. Import a config with "cadence meetings import CONFIG".\n');
    return;
  }
  const rows = meetings.map((meeting) => [
    meeting.topic,
    meeting.host_email,
    meeting.state === 'waiting_for_quota' && meeting.waits_until !== null
      ? `${stateWords[meeting.state]} (until ${meeting.waits_until})`
      : stateWords[meeting.state],
    String(meeting.occurrences),
    meeting.timezone === ''
      ? meeting.first_start
      : `${localTime(meeting.first_start, meeting.timezone)} ${meeting.timezone}`,
    meeting.zoom_meeting_id ?? '',
  ]);
  const header = ['TOPIC', 'HOST', 'STATE', 'OCCURRENCES', 'FIRST', 'ZOOM ID'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const format = (row: readonly string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  context.stdout.write(`${[format(header), ...rows.map(format)].join('\n')}\n`);
}
