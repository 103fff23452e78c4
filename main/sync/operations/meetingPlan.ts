import type { MeetingDraft } from '../../../shared/meetings/meetingDraft';
import { meetingFieldValues } from '../../../shared/meetings/meetingFieldValues';
import { changedMeetingFields, comparableMeetingFields } from '../../../shared/meetings/meetingToZoom';
import type { PlannedOperation } from '../../../shared/outbox/operations';
import type { MeetingZoomState } from '../../../shared/outbox/planOperations';

/** Keys of a meeting's operations: one pending operation per key and meeting. */
export const meetingKeys = { create: 'meeting', fields: 'meeting.fields', delete: 'meeting.delete' } as const;

/** The outbox kinds of a meeting, named once for the planner and the steps. */
export const meetingKinds = { create: 'meeting.create', update: 'meeting.update', delete: 'meeting.delete' } as const;

/**
 * What Zoom needs for a meeting draft: create it, update the fields changed since the last sync
 * (compared in Zoom's normal form, so that a default Zoom filled in is no change), or delete it
 * (`draft` undefined) once Zoom has it.
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
  if (zoom.base === undefined) return [];
  const local = comparableMeetingFields(draft);
  const changed = changedMeetingFields(local, comparableMeetingFields(zoom.base));
  return changed.length === 0
    ? []
    : [
        {
          key: meetingKeys.fields,
          kind: meetingKinds.update,
          payload: { changes: meetingFieldValues(local, changed) },
          dependsOn: [],
        },
      ];
}
