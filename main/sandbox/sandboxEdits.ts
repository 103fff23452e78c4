import { z } from 'zod';
import type { SandboxData } from './sandboxData';
import { Refusal } from './sandboxAnswers';
import { deleteMeeting, updateMeeting } from './sandboxMeetings';
import { handleOperation, removeEvent, zoomError, type SandboxAnswer } from './sandboxOperations';

/** What "another planner" can do on the sandbox's Zoom behind Cadence's back. */
export const sandboxEditSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('rename-event'), event_id: z.string(), name: z.string().min(1) }),
  z.strictObject({ kind: z.literal('update-event'), event_id: z.string(), fields: z.record(z.string(), z.unknown()) }),
  z.strictObject({ kind: z.literal('delete-event'), event_id: z.string() }),
  z.strictObject({ kind: z.literal('cancel-event'), event_id: z.string(), cancel_message: z.string().optional() }),
  z.strictObject({ kind: z.literal('publish-event'), event_id: z.string() }),
  z.strictObject({
    kind: z.literal('rename-session'),
    event_id: z.string(),
    session_id: z.string(),
    name: z.string().min(1),
  }),
  z.strictObject({
    kind: z.literal('move-session'),
    event_id: z.string(),
    session_id: z.string(),
    start_time: z.string(),
    end_time: z.string(),
  }),
  z.strictObject({ kind: z.literal('delete-session'), event_id: z.string(), session_id: z.string() }),
  z.strictObject({
    kind: z.literal('update-ticket-type'),
    event_id: z.string(),
    ticket_type_id: z.string(),
    fields: z.record(z.string(), z.unknown()),
  }),
  z.strictObject({
    kind: z.literal('update-ticket'),
    event_id: z.string(),
    ticket_id: z.string(),
    fields: z.record(z.string(), z.unknown()),
  }),
  /** Someone registers on the event's registration page: a ticket without Cadence's registration ID. */
  z.strictObject({
    kind: z.literal('register'),
    event_id: z.string(),
    email: z.string(),
    first_name: z.string().optional(),
    last_name: z.string().optional(),
    session_ids: z.array(z.string()).optional(),
  }),
  z.strictObject({ kind: z.literal('delete-ticket'), event_id: z.string(), ticket_id: z.string() }),
  z.strictObject({
    kind: z.literal('create-access-link'),
    event_id: z.string(),
    name: z.string().min(1),
    ticket_type_id: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('check-in'),
    event_id: z.string(),
    email: z.string(),
    session_id: z.string().optional(),
    source: z.string().default('zoom'),
  }),
  /** Another desk checking many people in at once, in batches of 300 under one source. */
  z.strictObject({
    kind: z.literal('check-in-many'),
    event_id: z.string(),
    emails: z.array(z.string()).min(1),
    session_id: z.string().optional(),
    source: z.string().default('zoom'),
  }),
  /**
   * Someone changes a meeting in Zoom's web portal: any of the fields a meeting update takes
   * (`topic`, `agenda`, `duration`, `settings`, `recurrence`, …), under the same rules, not
   * counted against the host's daily limit.
   */
  z.strictObject({
    kind: z.literal('update-meeting'),
    meeting_id: z.union([z.string(), z.number()]),
    fields: z.record(z.string(), z.unknown()),
  }),
  /** Someone deletes a meeting in Zoom's web portal. */
  z.strictObject({ kind: z.literal('delete-meeting'), meeting_id: z.union([z.string(), z.number()]) }),
]);
export type SandboxEdit = z.input<typeof sandboxEditSchema>;

/** Applies an edit as Zoom's own web page would: through the same rules as the API. */
export function applyEdit(data: SandboxData, edit: z.output<typeof sandboxEditSchema>, now: number): SandboxAnswer {
  const run = (operationId: string, params: Record<string, string>, body: Record<string, unknown> = {}) =>
    handleOperation(data, { operationId, params, query: new URLSearchParams(), body, now });
  switch (edit.kind) {
    case 'rename-event':
      return run('updateEvent', { eventId: edit.event_id }, { name: edit.name });
    case 'update-event':
      return run('updateEvent', { eventId: edit.event_id }, edit.fields);
    case 'delete-event':
      if (!data.events.some((e) => e.event_id === edit.event_id)) return zoomError(404, 2002, 'Event not found.');
      removeEvent(data, edit.event_id);
      return { status: 204 };
    case 'cancel-event':
      // Zoom's console asks for a message to registrants, as the API does once there are any.
      return run(
        'EventActions',
        { eventId: edit.event_id },
        { operation: 'cancel', cancel_message: edit.cancel_message ?? 'This event has been cancelled.' },
      );
    case 'publish-event':
      return run('EventActions', { eventId: edit.event_id }, { operation: 'publish' });
    case 'rename-session':
      return run('updateEventSession', { eventId: edit.event_id, sessionId: edit.session_id }, { name: edit.name });
    case 'move-session':
      return run(
        'updateEventSession',
        { eventId: edit.event_id, sessionId: edit.session_id },
        { start_time: edit.start_time, end_time: edit.end_time },
      );
    case 'delete-session':
      return run('deleteEventSession', { eventId: edit.event_id, sessionId: edit.session_id });
    case 'update-ticket-type':
      return run('updateTicketType', { eventId: edit.event_id, ticketTypeId: edit.ticket_type_id }, edit.fields);
    case 'update-ticket':
      return run('Updateticket', { eventId: edit.event_id, ticketId: edit.ticket_id }, edit.fields);
    case 'register': {
      const ticket = {
        email: edit.email,
        ...(edit.first_name === undefined ? {} : { first_name: edit.first_name }),
        ...(edit.last_name === undefined ? {} : { last_name: edit.last_name }),
        ...(edit.session_ids === undefined ? {} : { session_ids: edit.session_ids }),
      };
      return run('createTickets', { eventId: edit.event_id }, { tickets: [ticket] });
    }
    case 'delete-ticket':
      return run('deleteTicket', { eventId: edit.event_id, ticketId: edit.ticket_id });
    case 'create-access-link':
      return run(
        'createEventAccessLink',
        { eventId: edit.event_id },
        {
          name: edit.name,
          type: 'registration',
          ...(edit.ticket_type_id === undefined ? {} : { ticket_type_id: edit.ticket_type_id }),
        },
      );
    case 'check-in':
      return checkIn(run, { ...edit, emails: [edit.email] });
    case 'check-in-many':
      return checkIn(run, edit);
    case 'update-meeting':
      return updateMeetingFromPortal(data, String(edit.meeting_id), edit.fields, now);
    case 'delete-meeting':
      return runMeetingEdit(() => deleteMeeting(data, String(edit.meeting_id)));
  }
}

type Run = (operationId: string, params: Record<string, string>, body?: Record<string, unknown>) => SandboxAnswer;

/** Checks people in through the API's own rules, 300 a request; answers every refusal together. */
function checkIn(
  run: Run,
  edit: { event_id: string; session_id?: string | undefined; emails: string[]; source: string },
): SandboxAnswer {
  const params: Record<string, string> = { eventId: edit.event_id };
  if (edit.session_id !== undefined) params.sessionId = edit.session_id;
  const operationId = edit.session_id === undefined ? 'UpdateEventAttendeeActions' : 'UpdateSessionAttendeeActions';
  const errors: unknown[] = [];
  for (let start = 0; start < edit.emails.length; start += 300) {
    const attendees = edit.emails.slice(start, start + 300).map((email) => ({ email, action: 'check-in' }));
    const answer = run(operationId, params, { attendees, source: edit.source });
    if (answer.status >= 400) return answer;
    errors.push(...((answer.body as { errors?: unknown[] } | undefined)?.errors ?? []));
  }
  return { status: 201, body: { errors } };
}

/** A meeting edit, its refusal answered as the API would answer it. */
function runMeetingEdit(edit: () => SandboxAnswer): SandboxAnswer {
  try {
    return edit();
  } catch (error) {
    if (error instanceof Refusal) return error.answer;
    throw error;
  }
}

/** A change in the web portal goes through the update's own rules, but not the daily limit. */
function updateMeetingFromPortal(
  data: SandboxData,
  meetingId: string,
  fields: Record<string, unknown>,
  now: number,
): SandboxAnswer {
  const request = { params: { meetingId }, query: new URLSearchParams(), body: fields, now };
  return runMeetingEdit(() => updateMeeting(data, request, { isCounted: false }));
}
