import { z } from 'zod';
import { draftObject, requiredText } from '../fieldSchemas';

/** How attendees of a recurring series register: Zoom's `recurring_registration_option`. */
export const registrationOptionSchema = z.enum(['all_sessions', 'single_session', 'multiple_sessions'], {
  error: 'The registration option is all_sessions, single_session or multiple_sessions.',
});
export type RegistrationOption = z.output<typeof registrationOptionSchema>;

/** What each registration option means, in the words the app shows next to the choice. */
export const registrationOptionSentences: Readonly<Record<RegistrationOption, string>> = {
  all_sessions:
    'One registration for every session: each attendee gets one ticket that admits them to the whole series.',
  single_session: 'Attendees register for one session; registering for another session is a separate ticket.',
  multiple_sessions: 'Attendees choose one or more sessions and get one ticket for the sessions they chose.',
};

export const authenticationMethodSchema = z.enum(
  ['bypass_auth', 'zoom_account', 'zoom_account_otp', 'corporate_idp', 'accelerated_auth'],
  {
    error:
      'The authentication method is bypass_auth, zoom_account, zoom_account_otp, corporate_idp or accelerated_auth.',
  },
);

/**
 * The registration access link of a series. `recurring_registration_option` applies to recurring
 * series only; the series rules supply its default (`all_sessions`) and refuse it elsewhere.
 */
export const registrationDraftSchema = draftObject(
  {
    link_name: requiredText('The registration link name', 200),
    recurring_registration_option: registrationOptionSchema.optional(),
    authentication_method: authenticationMethodSchema.default('bypass_auth'),
    /** Whether Zoom emails each registered attendee their ticket and join link. */
    send_notification: z.boolean({ error: 'send_notification is true or false.' }).default(true),
  },
  'Describe the registration link: {"link_name", "recurring_registration_option"}.',
);

export type RegistrationDraft = z.output<typeof registrationDraftSchema>;
