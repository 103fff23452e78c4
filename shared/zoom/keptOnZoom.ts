import type { z } from 'zod';
import type { KeptOnZoomItem } from './zoomCatalog';
import type { ZoomEventAnswers } from './zoomEventAnswers';
import type { TicketGroup } from './zoomRegistrations';

/** The standard registration fields Cadence keeps an answer to (the attendee's own fields). */
const heldQuestionFields = new Set([
  'first_name',
  'last_name',
  'address',
  'city',
  'state',
  'zip',
  'country',
  'phone',
  'industry',
  'job_title',
  'organization',
]);

/**
 * What of an event Cadence cannot model and leaves on Zoom untouched: every ticket type and link
 * but the series' own, speakers, and the registration form's questions Cadence has no field for;
 * what Zoom would not let it read is listed too, so the planner knows it is there.
 */
export function keptItems(answers: ZoomEventAnswers, ticketTypeId: string | undefined, linkId: string | undefined) {
  const kept: KeptOnZoomItem[] = [];
  for (const type of answers.ticketTypes) {
    if (type.ticket_type_id === ticketTypeId) continue;
    const sold = answers.tickets.filter((ticket) => ticket.ticket_type_id === type.ticket_type_id).length;
    kept.push({
      kind: 'ticket_type',
      name: type.name,
      zoom_id: type.ticket_type_id,
      reason: `A series has one ticket type in Cadence; this one stays on Zoom as it is, with its ${String(sold)} ${
        sold === 1 ? 'registration' : 'registrations'
      }.`,
    });
  }
  for (const link of answers.accessLinks) {
    if (link.access_link_id === linkId) continue;
    kept.push({
      kind: 'access_link',
      name: link.name,
      zoom_id: link.access_link_id,
      reason: 'A series has one registration link in Cadence; this link stays on Zoom as it is.',
    });
  }
  if (answers.speakers === undefined) {
    kept.push({
      kind: 'speaker',
      name: 'Speakers',
      zoom_id: null,
      reason: 'Zoom did not let Cadence read the speakers (the app lacks the speakers scope); they stay on Zoom.',
    });
  }
  for (const speaker of answers.speakers ?? []) {
    kept.push({
      kind: 'speaker',
      name: speaker.name,
      zoom_id: speaker.speaker_id ?? null,
      reason: 'Cadence does not model speakers; they stay on Zoom as they are.',
    });
  }
  if (answers.questions === undefined) {
    kept.push({
      kind: 'question',
      name: 'Registration questions',
      zoom_id: null,
      reason: 'Zoom did not let Cadence read the registration form (the app lacks the scope); it stays on Zoom.',
    });
  }
  for (const question of answers.questions?.questions ?? []) {
    if (heldQuestionFields.has(question.field_name)) continue;
    kept.push({
      kind: 'question',
      name: question.title ?? question.field_name,
      zoom_id: question.question_id ?? null,
      reason: 'Cadence has no field for this answer; the question stays on Zoom’s registration form.',
    });
  }
  for (const question of answers.questions?.custom_questions ?? []) {
    kept.push({
      kind: 'question',
      name: question.title,
      zoom_id: question.question_id ?? null,
      reason: 'Cadence does not model custom registration questions; it stays on Zoom’s registration form.',
    });
  }
  return kept;
}

/** A registration whose details Cadence cannot hold (an email it refuses): it stays on Zoom, with why. */
export function refusedAttendee(group: TicketGroup, issue: z.core.$ZodIssue): KeptOnZoomItem {
  const email = typeof group.fields.email === 'string' ? group.fields.email : '';
  const field = issue.path.slice(2).map(String).join('.');
  return {
    kind: 'other',
    name: email,
    zoom_id: group.ticketIds[0] ?? null,
    reason: `Zoom holds this registration with ${field === '' ? 'details' : `a ${field}`} Cadence cannot keep (${
      issue.message
    }); it stays on Zoom as it is.`,
  };
}
