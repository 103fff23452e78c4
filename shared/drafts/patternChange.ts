import { z } from 'zod';
import { plural } from '../words';
import type { Issue } from '../ipc/envelope';
import { msPerDay } from '../recurrence/civilDate';
import { describeRecurrence } from '../recurrence/describeRecurrence';
import { formatInstant } from '../recurrence/expandRecurrence';
import { changedPatternFields } from '../recurrence/recurrencePattern';
import type { RecurrenceDraft } from '../recurrence/recurrenceSchema';
import { planSeriesTiming } from '../recurrence/seriesTiming';
import { ZoneClock } from '../recurrence/zoneClock';
import type { AttendeeDraft } from './attendeeDraft';
import type { OccurrenceChange } from './occurrenceChange';
import { plannedSessions, type PlannedSession } from './plannedSessions';
import { seriesDraftSchema, type RecurringSeriesDraft, type SeriesDraft } from './seriesDraft';
import { needsParts, partRangesOf } from './seriesParts';
import { draftIssues } from './seriesFile';

/** The longest message Zoom's registrants get with the old event's cancellation. */
export const maxCancelMessageLength = 1000;

/** What the old event's registrants read when Zoom cancels it; mandatory on Zoom once it has registrants. */
export const cancelMessageSchema = z
  .string({ error: 'The message to registrants is text.' })
  .trim()
  .min(1, { error: 'Write the message Zoom sends to the registrants of the old event.' })
  .max(maxCancelMessageLength, {
    error: `The message to registrants is at most ${String(maxCancelMessageLength)} characters.`,
  });

const sessionRefSchema = z.object({ occurrence: z.number().int(), start_time: z.string() });

/** A chosen session the new pattern has no session for on the same day. */
export const unmappedChoiceSchema = z.object({
  email: z.string(),
  /** The session of the old event the person chose. */
  from: sessionRefSchema,
  /** The nearest new session, given when the person would otherwise have none; null when they keep others. */
  replacement: sessionRefSchema.nullable(),
});
export type UnmappedChoice = z.output<typeof unmappedChoiceSchema>;

/** An event of the replaced series on Zoom: the series' own, or one part of a long series. */
export const oldEventSchema = z.object({
  event_id: z.string(),
  /** Which part of a long series, counted from 1; null for a series' own event. */
  part: z.object({ position: z.number().int(), of: z.number().int() }).nullable(),
  first_start: z.string(),
  last_start: z.string(),
});
export type OldEvent = z.output<typeof oldEventSchema>;

/**
 * What a pattern change of a published series will do, before the planner confirms: the same plan
 * the change is made from, in numbers and lists.
 */
export const patternChangePreviewSchema = z.object({
  old_name: z.string(),
  new_name: z.string(),
  old_pattern: z.string(),
  new_pattern: z.string(),
  /** Sessions of the new event (its changes applied), and how many of the new pattern's were already past. */
  sessions: z.number().int(),
  /** How many linked events the new series becomes on Zoom: 1, or its parts of at most 60 sessions. */
  new_events: z.number().int(),
  first_start: z.string(),
  last_start: z.string(),
  skipped_past: z.number().int(),
  timezone: z.string(),
  /** Every registration of the old event, carried to the new one. */
  registrations: z.number().int(),
  /** Registrations whose chosen sessions all have a session on the same day in the new pattern. */
  fully_mapped: z.number().int(),
  unmapped: z.array(unmappedChoiceSchema),
  /** Changes to single sessions (cancelled, moved) carried to the session on the same day. */
  changes_carried: z.number().int(),
  changes_dropped: z.array(z.object({ occurrence: z.number().int(), action: z.string(), start_time: z.string() })),
  cancel_message: z.string(),
  /** The old events cancelled on Zoom once the new series holds every registration. */
  cancelled_events: z.array(oldEventSchema),
  /** Parts of a long series whose sessions have all ended: they stay on Zoom as they are. */
  kept_events: z.array(oldEventSchema),
  /** Zoom emails each carried person their new ticket (the registration link's setting). */
  sends_tickets: z.boolean(),
});
export type PatternChangePreview = z.output<typeof patternChangePreviewSchema>;

/** The plan of a pattern change: the new series' draft, and its preview. */
export interface PatternChangePlan {
  draft: SeriesDraft;
  preview: PatternChangePreview;
}

export type PatternChangeResult = { ok: true; plan: PatternChangePlan } | { ok: false; issues: Issue[] };

/** Whether `edited` changes the pattern of `stored`: the change that needs a new event once published. */
export function isPatternChange(
  edited: { event_type: string; recurrence?: RecurrenceDraft },
  stored: { event_type: string; recurrence?: RecurrenceDraft },
): boolean {
  if (edited.recurrence === undefined || stored.recurrence === undefined) return false;
  return changedPatternFields(edited.recurrence, stored.recurrence).length > 0;
}

/**
 * The default words for the old event's registrants: the new pattern, or, when only the number of
 * sessions changed (the same days, longer or shorter), how many sessions the series now has.
 */
export function defaultCancelMessage(
  name: string,
  pattern: { old: string; new: string; sessions: number },
  sendsTickets: boolean,
): string {
  const ticket = sendsTickets ? ' Zoom emails you a ticket for the new event.' : '';
  const words = `${pattern.new.charAt(0).toLowerCase()}${pattern.new.slice(1)}`;
  const change =
    pattern.new === pattern.old ? `now has ${plural(pattern.sessions, 'session')}, ${words}` : `now repeats ${words}`;
  return `"${name}" ${change}, as a new event. Your registration moves to it; this event is cancelled.${ticket}`;
}

/**
 * Plans the change of a published series' pattern: a new series with the edited fields, starting
 * at the new pattern's first session after `now`; every registration carried over, chosen sessions
 * mapped to the new session on the same day (in the series' time zone), those without one listed
 * (and, for a person left with none, replaced by the nearest new session); single-session changes
 * carried by day the same way. Pure: the preview and the confirmed change are made by this one plan.
 */
export function planPatternChange(
  stored: RecurringSeriesDraft,
  edited: SeriesDraft,
  options: {
    now: number;
    cancelMessage?: string;
    /** The replaced series' events on Zoom, as the change will treat them. */
    oldEvents?: { cancelled: OldEvent[]; kept: OldEvent[] };
  },
): PatternChangeResult {
  if (edited.event_type !== 'RECURRING') {
    return fail('event_type', 'A published series stays recurring; change its pattern instead.');
  }
  if (!isPatternChange(edited, stored)) {
    return fail('recurrence', 'The pattern is unchanged: save the change as usual.');
  }
  const timing = planSeriesTiming(edited);
  if (!timing.ok) {
    return {
      ok: false,
      issues: timing.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    };
  }
  const skipped = timing.instants.findIndex((instant) => instant.start > options.now);
  const first = timing.instants[skipped];
  if (skipped < 0 || first === undefined) {
    return fail('recurrence', 'The new pattern has no session after now: give it sessions still to come.');
  }
  const recurrence = { ...edited.recurrence };
  if (recurrence.end_times !== undefined) recurrence.end_times -= skipped;
  const clock = new ZoneClock(edited.timezone);
  const dayOf = (iso: string) => Math.floor(clock.toLocal(Date.parse(iso)) / msPerDay);
  const unchanged: RecurringSeriesDraft = {
    ...edited,
    key: stored.key,
    start_time: formatInstant(first.start),
    recurrence,
    occurrence_changes: [],
    attendees: [],
  };
  const fresh = plannedSessions(unchanged);
  const freshByDay = new Map<number, PlannedSession>();
  for (const session of fresh)
    if (!freshByDay.has(dayOf(session.start_time))) freshByDay.set(dayOf(session.start_time), session);

  const changes = carriedChanges(stored, fresh, freshByDay, dayOf, options.now);
  const withChanges: RecurringSeriesDraft = { ...unchanged, occurrence_changes: changes.carried };
  const sessions = plannedSessions(withChanges);
  const live = sessions.filter((session) => session.status !== 'cancelled');

  const carried = carryRegistrations(stored, withChanges, stored.attendees);
  const { attendees, unmapped, fullyMapped } = carried;

  const parsed = seriesDraftSchema.safeParse({ ...withChanges, attendees });
  if (!parsed.success) return { ok: false, issues: draftIssues(parsed.error) };
  const oldPattern = describeRecurrence(stored.recurrence);
  const newPattern = describeRecurrence(recurrence);
  const sendsTickets = edited.registration?.send_notification ?? true;
  return {
    ok: true,
    plan: {
      draft: parsed.data,
      preview: {
        old_name: stored.name,
        new_name: parsed.data.name,
        old_pattern: oldPattern,
        new_pattern: newPattern,
        sessions: live.length,
        new_events: needsParts(parsed.data) ? partRangesOf(parsed.data).length : 1,
        first_start: live[0]?.start_time ?? '',
        last_start: live.at(-1)?.start_time ?? '',
        skipped_past: skipped,
        timezone: edited.timezone,
        registrations: attendees.length,
        fully_mapped: fullyMapped,
        unmapped,
        changes_carried: changes.carried.length,
        changes_dropped: changes.dropped,
        cancel_message:
          options.cancelMessage ??
          defaultCancelMessage(stored.name, { old: oldPattern, new: newPattern, sessions: live.length }, sendsTickets),
        cancelled_events: options.oldEvents?.cancelled ?? [],
        kept_events: options.oldEvents?.kept ?? [],
        sends_tickets: sendsTickets,
      },
    },
  };
}

/** Registrations carried from a replaced series into the series that continues it. */
export interface CarriedRegistrations {
  attendees: AttendeeDraft[];
  unmapped: UnmappedChoice[];
  /** People every one of whose chosen sessions has a session on the same day. */
  fullyMapped: number;
}

/**
 * Carries registrations of the replaced series `stored` into `successor`: a person who chose
 * sessions keeps those with a session of the successor on the same day (in the series' time zone);
 * one left with none gets the nearest session still on. Everyone else registers for all sessions,
 * as before. Both the change itself and people who registered on the old event afterwards are
 * carried by this one rule.
 */
export function carryRegistrations(
  stored: RecurringSeriesDraft,
  successor: SeriesDraft,
  people: readonly AttendeeDraft[],
): CarriedRegistrations {
  const clock = new ZoneClock(successor.timezone);
  const dayOf = (iso: string) => Math.floor(clock.toLocal(Date.parse(iso)) / msPerDay);
  const live = plannedSessions(successor).filter((session) => session.status !== 'cancelled');
  const liveByDay = new Map<number, PlannedSession>();
  for (const session of live)
    if (!liveByDay.has(dayOf(session.start_time))) liveByDay.set(dayOf(session.start_time), session);
  const oldSessions = new Map(plannedSessions(stored).map((session) => [session.occurrence, session]));
  const unmapped: UnmappedChoice[] = [];
  let fullyMapped = 0;
  const attendees = people.map((attendee): AttendeeDraft => {
    if (attendee.occurrences === undefined) return attendee;
    const mapped = new Set<number>();
    const missing: { occurrence: number; start_time: string }[] = [];
    for (const occurrence of attendee.occurrences) {
      const from = oldSessions.get(occurrence);
      const to = from === undefined ? undefined : liveByDay.get(dayOf(from.start_time));
      if (to !== undefined) mapped.add(to.occurrence);
      else missing.push({ occurrence, start_time: from?.start_time ?? '' });
    }
    if (missing.length === 0) fullyMapped += 1;
    missing.forEach((from, index) => {
      const replacement = mapped.size === 0 && index === 0 ? nearest(live, from.start_time) : undefined;
      if (replacement !== undefined) mapped.add(replacement.occurrence);
      unmapped.push({
        email: attendee.email,
        from,
        replacement:
          replacement === undefined ? null : { occurrence: replacement.occurrence, start_time: replacement.start_time },
      });
    });
    return { ...attendee, occurrences: [...mapped].sort((a, b) => a - b) };
  });
  return { attendees, unmapped, fullyMapped };
}

function fail(path: string, message: string): PatternChangeResult {
  return { ok: false, issues: [{ path, message }] };
}

/** The new session starting nearest to `start`. */
function nearest(sessions: readonly PlannedSession[], start: string): PlannedSession | undefined {
  const at = Date.parse(start);
  let best: PlannedSession | undefined;
  for (const session of sessions) {
    if (
      best === undefined ||
      Math.abs(Date.parse(session.start_time) - at) < Math.abs(Date.parse(best.start_time) - at)
    ) {
      best = session;
    }
  }
  return best;
}

/**
 * The old series' single-session changes still to come, each carried to the new session on the
 * day the old session was scheduled; a move keeps its new time. The rest are listed as dropped.
 */
function carriedChanges(
  stored: RecurringSeriesDraft,
  fresh: readonly PlannedSession[],
  freshByDay: ReadonlyMap<number, PlannedSession>,
  dayOf: (iso: string) => number,
  now: number,
): { carried: OccurrenceChange[]; dropped: PatternChangePreview['changes_dropped'] } {
  const scheduled = new Map(
    plannedSessions({ ...stored, occurrence_changes: [] }).map((session) => [session.occurrence, session]),
  );
  const carried: OccurrenceChange[] = [];
  const dropped: PatternChangePreview['changes_dropped'] = [];
  const taken = new Set<number>();
  for (const change of stored.occurrence_changes) {
    const original = scheduled.get(change.occurrence);
    if (original === undefined) continue;
    const isPast = Date.parse(change.action === 'move' ? change.start_time : original.start_time) <= now;
    if (isPast && Date.parse(original.start_time) <= now) continue;
    const target = freshByDay.get(dayOf(original.start_time));
    const isMovable = change.action !== 'move' || Date.parse(change.start_time) > now;
    if (target === undefined || taken.has(target.occurrence) || !isMovable || !fresh.includes(target)) {
      dropped.push({ occurrence: change.occurrence, action: change.action, start_time: original.start_time });
      continue;
    }
    taken.add(target.occurrence);
    carried.push({ ...change, occurrence: target.occurrence });
  }
  return { carried: carried.sort((a, b) => a.occurrence - b.occurrence), dropped };
}
