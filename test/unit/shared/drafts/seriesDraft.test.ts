import { describe, expect, it } from 'vitest';
import { draftIssues } from '../../../../shared/drafts/seriesFile';
import { seriesDraftSchema, type SeriesDraft } from '../../../../shared/drafts/seriesDraft';
import type { Issue } from '../../../../shared/ipc/envelope';

/** The tutorial's 4-week Wednesday training series, valid, with single-session registration. */
function training(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Git & GitHub Training Series',
    timezone: 'America/New_York',
    event_type: 'RECURRING',
    meeting_type: 'WEBINAR',
    start_time: '2025-01-08T18:00:00Z',
    recurrence: { type: 2, weekly_days: [4], end_times: 4, duration: 60 },
    ticket_type: { name: 'Per-Session Ticket', free: true, quantity: 100 },
    registration: { link_name: 'Training Registration', recurring_registration_option: 'single_session' },
    attendees: [
      { email: 'ada@example.com', first_name: 'Ada', occurrences: [1] },
      { email: 'grace@example.com', first_name: 'Grace', occurrences: [3] },
    ],
    ...overrides,
  };
}

function parse(input: unknown): SeriesDraft {
  const result = seriesDraftSchema.safeParse(input);
  if (!result.success) throw new Error(JSON.stringify(draftIssues(result.error)));
  return result.data;
}

function problems(input: unknown): Issue[] {
  const result = seriesDraftSchema.safeParse(input);
  if (result.success) throw new Error('expected the draft to be refused');
  return draftIssues(result.error);
}

function messageAt(input: unknown, path: string): string {
  const found = problems(input).filter((issue) => issue.path === path);
  expect(
    found.map((issue) => issue.path),
    JSON.stringify(problems(input)),
  ).toEqual([path]);
  return found[0]?.message ?? '';
}

describe('a valid draft', () => {
  it('parses with the defaults Zoom needs filled in', () => {
    const draft = parse(training({ registration: { link_name: 'Training' }, attendees: [] }));
    expect(draft).toMatchObject({
      attendance_type: 'virtual',
      access_level: 'PRIVATE_UNRESTRICTED',
      publish: false,
      occurrence_changes: [],
      ticket_type: { currency: 'USD', free: true },
      registration: { recurring_registration_option: 'all_sessions', authentication_method: 'bypass_auth' },
    });
  });

  it("accepts the tutorials' capitalisation and treats null as not set", () => {
    const draft = parse(training({ attendance_type: 'VIRTUAL', meeting_type: 'webinar', description: null }));
    expect(draft.attendance_type).toBe('virtual');
    expect(draft.meeting_type).toBe('WEBINAR');
    expect(draft.description).toBeUndefined();
  });

  it('a single-session event has a start and an end, and no recurrence', () => {
    const draft = parse({
      name: 'Launch Party',
      timezone: 'Europe/Paris',
      event_type: 'SIMPLE_EVENT',
      start_time: '2025-06-12T17:00:00Z',
      end_time: '2025-06-12T19:00:00Z',
      ticket_type: { name: 'Guest', quantity: 80 },
      registration: { link_name: 'RSVP' },
      attendees: [{ email: 'guest@example.com' }],
      publish: true,
    });
    expect(draft.event_type).toBe('SIMPLE_EVENT');
    expect(draft.registration?.recurring_registration_option).toBeUndefined();
  });
});

describe('schedule problems are reported at the recurrence field', () => {
  it("the tutorial trap: a weekly day in monthly_week_day names weekly_days and Zoom's numbering", () => {
    const message = messageAt(
      training({ recurrence: { type: 2, monthly_week_day: 1, end_times: 12, duration: 30 } }),
      'recurrence.monthly_week_day',
    );
    expect(message).toContain('weekly_days');
    expect(message).toContain('1 = Sunday');
  });

  it('too many sessions is an error on the end field, not a silent cut', () => {
    expect(
      messageAt(
        training({ recurrence: { type: 1, end_date_time: '2029-12-31T00:00:00Z', duration: 60 }, attendees: [] }),
        'recurrence.end_date_time',
      ),
    ).toContain('at most 1,100');
  });
});

describe('occurrence changes', () => {
  const withChanges = (changes: unknown[]) => training({ occurrence_changes: changes, attendees: [] });

  it('refer to occurrences the series has', () => {
    expect(messageAt(withChanges([{ occurrence: 5, action: 'cancel' }]), 'occurrence_changes[0].occurrence')).toBe(
      'This series has 4 sessions, numbered 1 to 4.',
    );
  });

  it('change each occurrence once', () => {
    const draft = withChanges([
      { occurrence: 2, action: 'cancel' },
      { occurrence: 2, action: 'move', start_time: '2025-01-16T18:00:00Z' },
    ]);
    expect(messageAt(draft, 'occurrence_changes[1].occurrence')).toContain('already has a change');
  });

  it('cannot cancel every session', () => {
    const all = [1, 2, 3, 4].map((occurrence) => ({ occurrence, action: 'cancel' }));
    expect(messageAt(withChanges(all), 'occurrence_changes')).toContain('at least one');
  });

  it('a move may not land on another session, nor end before it starts', () => {
    const clash = withChanges([{ occurrence: 1, action: 'move', start_time: '2025-01-15T18:00:00Z' }]);
    expect(messageAt(clash, 'occurrence_changes[0].start_time')).toContain('Session 2 already starts');
    const backwards = withChanges([
      { occurrence: 1, action: 'move', start_time: '2025-01-09T18:00:00Z', end_time: '2025-01-09T17:00:00Z' },
    ]);
    expect(messageAt(backwards, 'occurrence_changes[0].end_time')).toBe('The session must end after it starts.');
  });

  it('names an unknown action at the action field', () => {
    expect(messageAt(withChanges([{ occurrence: 1, action: 'skip' }]), 'occurrence_changes[0].action')).toContain(
      '"cancel"',
    );
  });

  it('a single-session event has none', () => {
    const message = messageAt(
      {
        name: 'Talk',
        timezone: 'UTC',
        event_type: 'SIMPLE_EVENT',
        start_time: '2025-06-12T17:00:00Z',
        end_time: '2025-06-12T18:00:00Z',
        occurrence_changes: [{ occurrence: 1, action: 'cancel' }],
      },
      'occurrence_changes',
    );
    expect(message).toContain('no occurrences to change');
  });
});

describe("attendees' occurrence choices follow the registration option", () => {
  const withOption = (option: string, occurrences?: unknown) =>
    training({
      registration: { link_name: 'Link', recurring_registration_option: option },
      attendees: [{ email: 'ada@example.com', ...(occurrences === undefined ? {} : { occurrences }) }],
    });

  it('all_sessions: no occurrences', () => {
    expect(parse(withOption('all_sessions')).attendees).toHaveLength(1);
    expect(messageAt(withOption('all_sessions', [1, 2]), 'attendees[0].occurrences')).toContain(
      'leave the sessions out',
    );
  });

  it('single_session: exactly one', () => {
    expect(parse(withOption('single_session', [2])).attendees[0]?.occurrences).toEqual([2]);
    for (const wrong of [undefined, [], [1, 2]]) {
      expect(messageAt(withOption('single_session', wrong), 'attendees[0].occurrences')).toContain('exactly one');
    }
  });

  it('multiple_sessions: one or more, each once', () => {
    expect(parse(withOption('multiple_sessions', [1, 4])).attendees[0]?.occurrences).toEqual([1, 4]);
    expect(messageAt(withOption('multiple_sessions', []), 'attendees[0].occurrences')).toContain('one or more');
    expect(messageAt(withOption('multiple_sessions', [2, 2]), 'attendees[0].occurrences[1]')).toBe(
      'List each session once.',
    );
  });

  it('only occurrences the series has and has not cancelled', () => {
    expect(messageAt(withOption('single_session', [9]), 'attendees[0].occurrences[0]')).toContain('4 sessions');
    const cancelled = {
      ...withOption('single_session', [3]),
      occurrence_changes: [{ occurrence: 3, action: 'cancel' }],
    };
    expect(messageAt(cancelled, 'attendees[0].occurrences[0]')).toContain('Session 3 is cancelled');
  });

  it('a single-session event takes no occurrences and no registration option', () => {
    const issues = problems({
      name: 'Talk',
      timezone: 'UTC',
      event_type: 'SIMPLE_EVENT',
      start_time: '2025-06-12T17:00:00Z',
      end_time: '2025-06-12T18:00:00Z',
      ticket_type: { name: 'Guest' },
      registration: { link_name: 'RSVP', recurring_registration_option: 'all_sessions' },
      attendees: [{ email: 'guest@example.com', occurrences: [1] }],
    });
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'attendees[0].occurrences',
      'registration.recurring_registration_option',
    ]);
  });
});

describe('attendees', () => {
  it('are listed once each, whatever the capitalisation of the email', () => {
    const draft = training({
      registration: { link_name: 'Link' },
      attendees: [{ email: 'Ada@Example.com' }, { email: 'grace@example.com' }, { email: 'ada@example.com' }],
    });
    expect(messageAt(draft, 'attendees[2].email')).toContain('listed more than once');
  });

  it('need a ticket type and a registration link', () => {
    const draft = training({ ticket_type: undefined, registration: undefined });
    expect(problems(draft).map((issue) => issue.path)).toEqual(['ticket_type', 'registration']);
  });

  it('cannot outnumber the tickets on offer', () => {
    const draft = training({ ticket_type: { name: 'Seat', quantity: 1 } });
    expect(messageAt(draft, 'ticket_type.quantity')).toBe('2 attendees need 2 tickets, but the ticket type offers 1.');
  });

  it('get field-level messages and Zoom-field hints', () => {
    const issues = problems(
      training({
        registration: { link_name: 'Link' },
        attendees: [
          { email: 'not-an-email', first_name: 'x'.repeat(65) },
          { email: 'b@example.com', session_ids: ['aVSyJswkTGC4o1gqVogTaA'] },
        ],
      }),
    );
    expect(issues).toEqual([
      { path: 'attendees[0].email', message: 'Write an email address, such as jane.doe@example.com.' },
      { path: 'attendees[0].first_name', message: 'The first name is at most 64 characters.' },
      { path: 'attendees[1].session_ids', message: expect.stringContaining('occurrence number') as string },
    ]);
  });
});

describe('ticket type and publishing', () => {
  it('publishing needs a ticket type and a registration link', () => {
    expect(messageAt(training({ attendees: [], registration: undefined, publish: true }), 'publish')).toContain(
      'ticket type and a registration link',
    );
  });

  it('a paid ticket needs a price; a free one has none', () => {
    expect(messageAt(training({ ticket_type: { name: 'VIP', free: false } }), 'ticket_type.price')).toContain(
      'price above 0',
    );
    expect(messageAt(training({ ticket_type: { name: 'VIP', price: '10' } }), 'ticket_type.price')).toContain(
      'A free ticket has no price',
    );
    const paid = parse(training({ ticket_type: { name: 'VIP', free: false, price: 49.5, currency: 'eur' } }));
    expect(paid.ticket_type).toMatchObject({ price: '49.5', currency: 'EUR' });
  });

  it("the tutorial's ticket fields get the names Zoom uses", () => {
    const issues = problems(training({ ticket_type: { name: 'Pass', type: 'FREE', inventory: 100 } }));
    expect(issues).toEqual([
      { path: 'ticket_type.type', message: expect.stringContaining('"free": true') as string },
      { path: 'ticket_type.inventory', message: 'Zoom calls the number of tickets quantity.' },
    ]);
  });

  it('ticket sales end after they start', () => {
    const draft = training({
      ticket_type: { name: 'Pass', start_time: '2025-01-05T00:00:00Z', end_time: '2025-01-01T00:00:00Z' },
    });
    expect(messageAt(draft, 'ticket_type.end_time')).toBe('Ticket sales must end after they start.');
  });
});

describe('every problem at once', () => {
  it('reports field errors and cross-field rules together, each at its path', () => {
    const issues = problems(
      training({
        name: '  ',
        timezone: 'America/Gotham',
        attendees: [{ email: 'ada@example.com', occurrences: [1] }, { email: 'broken' }],
        occurrence_changes: [{ occurrence: 1, action: 'move', start_time: 'tomorrow' }],
        surprise: true,
      }),
    );
    expect(issues.map((issue) => issue.path)).toEqual([
      'name',
      'timezone',
      'attendees[1].email',
      'occurrence_changes[0].start_time',
      'surprise',
      'attendees[1].occurrences',
    ]);
  });

  it('names the event type when it is missing or one Cadence does not draft', () => {
    expect(messageAt({ ...training(), event_type: 'CONFERENCE' }, 'event_type')).toContain('RECURRING');
    expect(messageAt({ ...training(), event_type: undefined }, 'event_type')).toContain('SIMPLE_EVENT');
  });
});
