import type { MeetingDraft } from '../../../shared/meetings/meetingDraft';
import { comparedMeetingFields, meetingFieldsOf } from '../../../shared/meetings/meetingFields';
import type { PlannedOperation } from '../../../shared/outbox/operations';
import { changedFields, isEmpty, type MeetingZoomState } from '../../../shared/outbox/planOperations';
import { pick } from './words';

/** Keys of a meeting's operations: one pending operation per key and meeting. */
export const meetingKeys = { create: 'meeting', fields: 'meeting.fields', delete: 'meeting.delete' } as const;

/** The outbox kinds of a meeting, named once for the planner and the steps. */
export const meetingKinds = { create: 'meeting.create', update: 'meeting.update', delete: 'meeting.delete' } as const;

/**
 * What Zoom needs for a meeting draft: create it, update the fields changed since the last sync,
 * or delete it (`draft` undefined) once Zoom has it.
 */
export function planMeeting(draft: MeetingDraft | undefined, zoom: MeetingZoomState): PlannedOperation[] {
  if (draft === undefined) {
    return zoom.meetingId === undefined
      ? []
      : [
          {
            key: meetingKeys.delete,
            kind: meetingKinds.delete,
            payload: { zoom_meeting_id: zoom.meetingId },
            dependsOn: [],
          },
        ];
  }
  if (zoom.meetingId === undefined) {
    return [{ key: meetingKeys.create, kind: meetingKinds.create, payload: { meeting: draft }, dependsOn: [] }];
  }
  const local = pick(meetingFieldsOf(draft), comparedMeetingFields);
  const base = zoom.base === undefined ? local : pick(meetingFieldsOf(zoom.base), comparedMeetingFields);
  const changes = changedFields(local, base);
  return isEmpty(changes)
    ? []
    : [{ key: meetingKeys.fields, kind: meetingKinds.update, payload: { changes }, dependsOn: [] }];
}
