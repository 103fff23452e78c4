import { standupSeries } from '../../support/syncHarness';

/** People of the summit: Anna comes to sessions 1 and 2, Bob to session 3, Chloé to every one of the first four. */
export const summitPeople = [
  {
    email: 'Anna.Muller@example.com',
    first_name: 'Anna',
    last_name: 'Müller',
    organization: 'Acme',
    occurrences: [1, 2],
  },
  { email: 'bob@example.com', first_name: 'Bob', last_name: "O'Brien", occurrences: [3] },
  { email: 'chloe@example.org', first_name: 'Chloé', last_name: 'Zhang', occurrences: [1, 2, 3, 4] },
];

/** An in-person recurring series on the sandbox, each person registered to the sessions they chose. */
export function summitSeries(people: Record<string, unknown>[] = summitPeople): Record<string, unknown> {
  return standupSeries(0, {
    key: 'spring-summit',
    name: 'Spring Summit',
    attendance_type: 'in-person',
    registration: {
      link_name: 'Summit Registration',
      recurring_registration_option: 'multiple_sessions',
      authentication_method: 'bypass_auth',
    },
    attendees: people,
  });
}
