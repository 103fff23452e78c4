import { z } from 'zod';
import { draftObject, emailSchema, optionalText } from '../fieldSchemas';

const occurrenceNumberSchema = z
  .number({ error: 'Sessions are numbered from 1.' })
  .int({ error: 'Sessions are whole numbers, counted from 1.' })
  .min(1, { error: 'Sessions are numbered from 1.' });

/** The attendee fields besides email, names and occurrences: Zoom's ticket profile fields. */
export const attendeeProfileFields = [
  'organization',
  'job_title',
  'phone',
  'address',
  'city',
  'state',
  'zip',
  'country',
  'industry',
  'comments',
] as const;

/** The occurrence numbers an attendee registers for. */
export const occurrenceListSchema = z.array(occurrenceNumberSchema, {
  error: 'List session numbers, such as [1, 2].',
});

/**
 * One person to register. `occurrences` lists the occurrence numbers they attend; whether it is
 * required, and how many it may hold, depends on the registration option (see the series rules).
 * Field names and limits follow Zoom's ticket fields.
 */
export const attendeeDraftSchema = draftObject(
  {
    email: emailSchema,
    first_name: optionalText('The first name', 64),
    last_name: optionalText('The last name', 64),
    occurrences: occurrenceListSchema.optional(),
    organization: optionalText('The organization', 200),
    job_title: optionalText('The job title', 200),
    phone: optionalText('The phone number', 50),
    address: optionalText('The address', 200),
    city: optionalText('The city', 100),
    state: optionalText('The state', 100),
    zip: optionalText('The postal code', 20),
    country: optionalText('The country', 100),
    industry: optionalText('The industry', 100),
    comments: optionalText('The comments', 255),
  },
  'Describe the attendee: {"email", "first_name", "last_name"}.',
);

export type AttendeeDraft = z.output<typeof attendeeDraftSchema>;
