import type { attendeeProfileFields } from '../../shared/drafts/attendeeDraft';

type TextField = 'email' | 'first_name' | 'last_name' | (typeof attendeeProfileFields)[number];

/** What each attendee field is called on screen: in the attendee form and the CSV column mapping. */
export const attendeeFieldLabels: Readonly<Record<TextField, string>> = {
  email: 'Email',
  first_name: 'First name',
  last_name: 'Last name',
  organization: 'Organization',
  job_title: 'Job title',
  phone: 'Phone',
  address: 'Address',
  city: 'City',
  state: 'State or region',
  zip: 'Postal code',
  country: 'Country',
  industry: 'Industry',
  comments: 'Comments',
};
