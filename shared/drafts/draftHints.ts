import { ownEntry } from '../ownEntry';
import { recurrenceFieldHint } from '../recurrence/recurrenceSchema';

/**
 * Messages for unknown fields that show a known mix-up, mostly from copying Zoom's tutorials or
 * API answers into a draft. Keyed by the object the field sits in, then the field.
 */
const hints: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  series: {
    calendar: 'Write start_time (and end_time for a single-session event) instead of calendar.',
    recurrence: 'A single-session event does not repeat: remove recurrence, or make event_type RECURRING.',
    occurrence_changes:
      'A single-session event has no occurrences to change: remove occurrence_changes, or make event_type RECURRING.',
    closed_days:
      'A single-session event has no sessions to skip on closed days: remove closed_days, or make event_type RECURRING.',
    end_time:
      'A recurring series ends by its recurrence (end_times or end_date_time); end_time is for single-session events.',
    event_id: 'Cadence links drafts to Zoom events itself; remove event_id.',
    tickets: 'Cadence calls the people to register attendees.',
    registrants: 'Cadence calls the people to register attendees.',
  },
  ticket_type: {
    inventory: 'Zoom calls the number of tickets quantity.',
    type: 'Write "free": true or "free": false; a ticket type has no type field.',
    sales_start: 'Zoom calls the start of ticket sales start_time.',
    sales_end: 'Zoom calls the end of ticket sales end_time.',
  },
  registration: {
    name: 'Cadence calls the name of the registration link link_name.',
    type: 'Cadence always creates a registration link: remove type.',
    is_default: 'The registration link Cadence creates is the default one: remove is_default.',
    ticket_type_id: "Cadence links the registration to the series' ticket type itself: remove ticket_type_id.",
    link_registration_type: 'Zoom calls this field recurring_registration_option.',
  },
  attendees: {
    session_ids: 'Choose sessions by occurrence number in occurrences (such as [1, 2]); Cadence finds the session IDs.',
    ticket_type_id: "Every attendee gets the series' ticket type: remove ticket_type_id.",
    external_ticket_id: 'Cadence sets external_ticket_id itself, to find the ticket again on Zoom.',
    name: 'Write first_name and last_name.',
  },
};

/** The hint for an unknown field `key` in the object at `parentPath`, if it is a known mix-up. */
export function draftIssueHint(parentPath: readonly PropertyKey[], key: string): string | undefined {
  const owner = parentPath.findLast((segment) => typeof segment === 'string') ?? 'series';
  const object = typeof owner === 'string' ? owner : 'series';
  if (object === 'recurrence') return recurrenceFieldHint(key);
  const table = ownEntry(hints, object);
  return table === undefined ? undefined : ownEntry(table, key);
}
