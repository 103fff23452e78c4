import { formatInstant } from '../recurrence/expandRecurrence';
import { utcInstantSchema } from '../recurrence/recurrenceSchema';
import { planSeriesTiming, timingFieldsSchema, type PathIssue } from '../recurrence/seriesTiming';
import { emailSchema } from '../fieldSchemas';
import { occurrenceListSchema } from './attendeeDraft';
import { sessionCapacitySchema } from './capacity';
import { occurrenceChangeSchema } from './occurrenceChange';
import { registrationDraftSchema, type RegistrationOption } from './registrationDraft';
import { ticketTypeDraftSchema } from './ticketTypeDraft';

type Path = (string | number)[];
type Fields = Readonly<Record<string, unknown>>;

/** The sessions of a valid recurring schedule, after occurrence changes. */
interface Schedule {
  count: number;
  cancelled: Set<number>;
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The rules of a series draft that involve several fields: its schedule, occurrence changes,
 * registration option, attendees' occurrence choices, and what publishing and registering need.
 * Works on unvalidated input, checking each rule only on parts that parse, so that one bad field
 * does not hide the other problems. Paths are relative to the series.
 */
export function seriesRuleIssues(draft: unknown): PathIssue[] {
  if (!isFields(draft)) return [];
  const issues: PathIssue[] = [];
  let schedule: Schedule | undefined;
  let option: RegistrationOption | undefined;
  const registration = registrationDraftSchema.safeParse(draft.registration);

  if (draft.event_type === 'RECURRING') {
    schedule = scheduleOf(draft, issues);
    if (registration.success) option = registration.data.recurring_registration_option ?? 'all_sessions';
  } else if (draft.event_type === 'SIMPLE_EVENT') {
    issues.push(...simpleEventIssues(draft));
    if (registration.success && registration.data.recurring_registration_option !== undefined) {
      issues.push({
        path: ['registration', 'recurring_registration_option'],
        message:
          'Only recurring series have a registration option; a single-session event has one registration for its one session.',
      });
    }
  } else {
    return [];
  }

  issues.push(
    ...attendeeIssues(draft, option, schedule),
    ...sessionCapacityIssues(draft, option, schedule),
    ...readinessIssues(draft),
  );
  return issues;
}

/** Session capacities belong to series whose attendees choose sessions, once per session in the schedule. */
function sessionCapacityIssues(
  draft: Fields,
  option: RegistrationOption | undefined,
  schedule?: Schedule,
): PathIssue[] {
  const entries = listOf(draft.session_capacities);
  if (entries.length === 0) return [];
  if (option !== 'single_session' && option !== 'multiple_sessions') {
    return [
      {
        path: ['session_capacities'],
        message:
          'Sessions have capacities of their own only when attendees choose sessions (single_session or multiple_sessions); with all_sessions, set the series capacity.',
      },
    ];
  }
  const issues: PathIssue[] = [];
  const seen = new Set<number>();
  entries.forEach((raw, index) => {
    const entry = sessionCapacitySchema.safeParse(raw);
    if (!entry.success) return;
    const { occurrence } = entry.data;
    if (seen.has(occurrence)) {
      issues.push({
        path: ['session_capacities', index, 'occurrence'],
        message: `Session ${String(occurrence)} already has a capacity; give each session one.`,
      });
    } else if (schedule !== undefined && occurrence > schedule.count) {
      issues.push({
        path: ['session_capacities', index, 'occurrence'],
        message: `The series has ${String(schedule.count)} sessions; there is no session ${String(occurrence)}.`,
      });
    }
    seen.add(occurrence);
  });
  return issues;
}

function scheduleOf(draft: Fields, issues: PathIssue[]): Schedule | undefined {
  const timing = timingFieldsSchema.safeParse(draft);
  if (!timing.success) return undefined;
  const plan = planSeriesTiming(timing.data);
  if (!plan.ok) {
    issues.push(...plan.issues);
    return undefined;
  }
  const starts = plan.instants.map((instant) => instant.start);
  const schedule: Schedule = { count: plan.instants.length, cancelled: new Set() };
  issues.push(...occurrenceChangeIssues(draft.occurrence_changes, schedule, starts));
  return schedule;
}

/** Checks changes against the schedule; records cancellations in it and moves in `starts`. */
function occurrenceChangeIssues(changes: unknown, schedule: Schedule, starts: number[]): PathIssue[] {
  const issues: PathIssue[] = [];
  const changedAt = new Map<number, number>();
  const moves: { index: number; occurrence: number }[] = [];
  listOf(changes).forEach((raw, index) => {
    const parsed = occurrenceChangeSchema.safeParse(raw);
    if (!parsed.success) return;
    const change = parsed.data;
    const at: Path = ['occurrence_changes', index, 'occurrence'];
    if (change.occurrence > schedule.count) {
      issues.push({ path: at, message: sessionRange(schedule.count) });
      return;
    }
    const earlier = changedAt.get(change.occurrence);
    if (earlier !== undefined) {
      issues.push({
        path: at,
        message: `Session ${change.occurrence} already has a change; give each session one change.`,
      });
      return;
    }
    changedAt.set(change.occurrence, index);
    if (change.action === 'cancel') schedule.cancelled.add(change.occurrence);
    else {
      starts[change.occurrence - 1] = Date.parse(change.start_time);
      moves.push({ index, occurrence: change.occurrence });
    }
  });

  if (schedule.count > 0 && schedule.cancelled.size === schedule.count) {
    issues.push({
      path: ['occurrence_changes'],
      message: 'Every session is cancelled; a series needs at least one. To call the whole series off, delete it.',
    });
  }
  for (const move of moves) {
    const start = starts[move.occurrence - 1] ?? Number.NaN;
    const clash = starts.findIndex(
      (other, i) => i !== move.occurrence - 1 && other === start && !schedule.cancelled.has(i + 1),
    );
    if (clash >= 0) {
      issues.push({
        path: ['occurrence_changes', move.index, 'start_time'],
        message: `Session ${clash + 1} already starts at ${formatInstant(start)}; choose another time.`,
      });
    }
  }
  return issues;
}

function sessionRange(count: number): string {
  return count === 1
    ? 'This series has 1 session: session 1.'
    : `This series has ${count} sessions, numbered 1 to ${count}.`;
}

function simpleEventIssues(draft: Fields): PathIssue[] {
  const start = utcInstantSchema.safeParse(draft.start_time);
  const end = utcInstantSchema.safeParse(draft.end_time);
  if (start.success && end.success && end.data <= start.data) {
    return [{ path: ['end_time'], message: 'The event must end after it starts.' }];
  }
  return [];
}

const occurrenceRules: Readonly<Record<RegistrationOption, string>> = {
  all_sessions: 'With one registration for all sessions, every attendee attends every session: leave the sessions out.',
  single_session: 'Each attendee registers for one session: choose exactly one.',
  multiple_sessions: 'Each attendee chooses one or more sessions: choose at least one.',
};

function attendeeIssues(draft: Fields, option: RegistrationOption | undefined, schedule?: Schedule): PathIssue[] {
  const issues: PathIssue[] = [];
  const firstByEmail = new Map<string, number>();
  const isSimple = draft.event_type === 'SIMPLE_EVENT';
  // Each field on its own, so that a bad email does not hide a bad occurrence choice.
  listOf(draft.attendees).forEach((raw, index) => {
    if (!isFields(raw)) return;
    const email = emailSchema.safeParse(raw.email);
    if (email.success) {
      const first = firstByEmail.get(email.data.toLowerCase());
      if (first === undefined) firstByEmail.set(email.data.toLowerCase(), index);
      else {
        issues.push({
          path: ['attendees', index, 'email'],
          message: `${email.data} is listed more than once; list each person once.`,
        });
      }
    }

    const at: Path = ['attendees', index, 'occurrences'];
    const occurrences = occurrenceListSchema.optional().safeParse(raw.occurrences);
    if (!occurrences.success) return;
    if (isSimple) {
      if (occurrences.data !== undefined) {
        issues.push({ path: at, message: 'A single-session event has one session: leave the sessions out.' });
      }
    } else if (option !== undefined) {
      issues.push(...occurrenceChoiceIssues(occurrences.data, option, at, schedule));
    }
  });
  return issues;
}

function occurrenceChoiceIssues(
  chosen: readonly number[] | undefined,
  option: RegistrationOption,
  at: Path,
  schedule?: Schedule,
): PathIssue[] {
  const fits =
    option === 'all_sessions'
      ? chosen === undefined
      : option === 'single_session'
        ? chosen?.length === 1
        : chosen !== undefined && chosen.length > 0;
  if (!fits) return [{ path: at, message: occurrenceRules[option] }];
  if (chosen === undefined) return [];

  const issues: PathIssue[] = [];
  const seen = new Set<number>();
  chosen.forEach((occurrence, k) => {
    if (seen.has(occurrence)) issues.push({ path: [...at, k], message: 'List each session once.' });
    seen.add(occurrence);
    if (schedule === undefined) return;
    if (occurrence > schedule.count) issues.push({ path: [...at, k], message: sessionRange(schedule.count) });
    else if (schedule.cancelled.has(occurrence)) {
      issues.push({
        path: [...at, k],
        message: `Session ${occurrence} is cancelled; choose another session.`,
      });
    }
  });
  return issues;
}

/** What registering attendees and publishing need from the rest of the draft. */
function readinessIssues(draft: Fields): PathIssue[] {
  const issues: PathIssue[] = [];
  const attendeeCount = listOf(draft.attendees).length;
  if (attendeeCount > 0 && draft.ticket_type === undefined) {
    issues.push({
      path: ['ticket_type'],
      message: "Add a ticket type: Zoom registers each attendee with a ticket of the series' ticket type.",
    });
  }
  if (attendeeCount > 0 && draft.registration === undefined) {
    issues.push({
      path: ['registration'],
      message: 'Add a registration link: it says which sessions each attendee registers for.',
    });
  }
  if (draft.publish === true && (draft.ticket_type === undefined || draft.registration === undefined)) {
    issues.push({
      path: ['publish'],
      message:
        'Zoom publishes an event only once it has a ticket type and a registration link: add them, or set publish to false.',
    });
  }
  const ticketType = ticketTypeDraftSchema.safeParse(draft.ticket_type);
  const quantity = ticketType.success ? ticketType.data.quantity : undefined;
  if (quantity !== undefined && attendeeCount > quantity) {
    issues.push({
      path: ['ticket_type', 'quantity'],
      message: `${attendeeCount} attendees need ${attendeeCount} tickets, but the ticket type offers ${quantity}.`,
    });
  }
  return issues;
}

/**
 * What the attendee rules read from a valid draft besides the attendees: the event type, the
 * registration option, the ticket limit, and which sessions exist. Two drafts with the same
 * answer accept the same attendees, so a change that keeps it need not check them again.
 */
export function attendeeRuleInputs(draft: {
  event_type: string;
  registration?: { recurring_registration_option?: string } | undefined;
  ticket_type?: { quantity?: number | undefined } | undefined;
  sessionStatuses: readonly string[];
}): string {
  return JSON.stringify([
    draft.event_type,
    draft.registration === undefined ? null : (draft.registration.recurring_registration_option ?? ''),
    draft.ticket_type === undefined ? null : (draft.ticket_type.quantity ?? ''),
    draft.sessionStatuses.map((status) => status === 'cancelled'),
  ]);
}
