import { attendeeFieldLabels } from './attendeeFields';

/** What a planner calls a field of a series, its ticket type, registration link or attendee. */
export const fieldNames: Readonly<Record<string, string>> = {
  ...attendeeFieldLabels,
  name: 'Name',
  description: 'Description',
  timezone: 'Time zone',
  start_time: 'Start',
  end_time: 'End',
  recurrence: 'Schedule',
  link_name: 'Link name',
  quantity: 'Number of tickets',
  price: 'Price',
  free: 'Free',
  status: 'Status',
  first_name: 'First name',
  last_name: 'Last name',
  email: 'Email',
  currency: 'Currency',
  ticket_type: 'Ticket type',
  registration: 'Registration link',
  recurring_registration_option: 'Registers for',
  authentication_method: 'Sign-in',
  send_notification: 'Email confirmation',
  occurrences: 'Sessions',
  event_type: 'Kind of event',
  hub_id: 'Hub',
  meeting_type: 'Meeting type',
  attendance_type: 'Attendance',
  access_level: 'Access',
  publish: 'Published',
  key: 'Key',
  closed_days: 'Closed days',
  calendar: 'Public holidays of',
  country: 'Country',
  region: 'Region',
  dates: 'Closed dates',
  on_closed_day: 'On a closed day',
  kept: 'Kept on closed days',
};

/** A field's name in words: its label, or its code with spaces. */
export const nameOf = (field: string): string => fieldNames[field] ?? field.replaceAll('_', ' ');
