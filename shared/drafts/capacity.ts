import { z } from 'zod';
import { limits } from '../limits';

/** How many people one session, or the whole series, admits. */
export const capacitySchema = z
  .number({ error: 'The capacity is a number of people, such as 50.' })
  .int({ error: 'The capacity is a whole number of people.' })
  .min(1, { error: 'The capacity is at least 1; leave it out for no limit.' })
  .max(limits.attendeesPerSeries, {
    error: `The capacity is at most ${limits.attendeesPerSeries.toLocaleString('en-US')}, as many as Zoom's largest webinar admits.`,
  });

/** One session's own capacity, in place of the series' per-session capacity. */
export const sessionCapacitySchema = z.strictObject(
  {
    occurrence: z
      .number({ error: 'Name the session by its number, counted from 1.' })
      .int({ error: 'Name the session by its number, counted from 1.' })
      .min(1, { error: 'Sessions are numbered from 1.' }),
    capacity: capacitySchema,
  },
  { error: 'Each session capacity is {"occurrence", "capacity"}.' },
);
export type SessionCapacity = z.output<typeof sessionCapacitySchema>;

/**
 * Where a series' places are counted: one pool for the series (every attendee holds a place in
 * it: `all_sessions` and single-session events), or one pool per session (attendees choose
 * sessions: `single_session`, `multiple_sessions`). Absent capacities mean no limit.
 */
export type CapacityRule =
  | { scope: 'series'; capacity?: number }
  | { scope: 'session'; capacity?: number; sessions: ReadonlyMap<number, number> };

/** An attendee as the waiting list counts them. */
export interface PlaceHolder {
  id: string;
  /** Their chosen sessions, for a per-session rule. */
  occurrences: readonly number[];
}

/** The pools an attendee takes a place in: the series' (0), or each chosen session's. */
export function poolsOf(rule: CapacityRule, person: PlaceHolder): number[] {
  return rule.scope === 'series' ? [0] : [...new Set(person.occurrences)];
}

/** A pool's capacity, undefined for no limit. */
export function capacityOf(rule: CapacityRule, pool: number): number | undefined {
  return rule.scope === 'series' ? rule.capacity : (rule.sessions.get(pool) ?? rule.capacity);
}

/** Whether the rule limits anything at all. */
export function hasLimit(rule: CapacityRule): boolean {
  return rule.capacity !== undefined || (rule.scope === 'session' && rule.sessions.size > 0);
}

/** Who takes a place now, and for those still waiting, the sessions that are full for them ([] for the series). */
export interface WaitingOutcome {
  promoted: string[];
  waiting: { id: string; sessions: number[] }[];
}

/**
 * Who of the waiting list gets a place now: in list order, each person whose every pool has a
 * free place takes it (a person waiting for a full session does not hold back someone behind
 * them who waits for another). Places already held count as taken even beyond the capacity,
 * which only makes the list wait: nobody is ever removed.
 */
export function settleWaiting(
  rule: CapacityRule,
  holders: readonly PlaceHolder[],
  waiting: readonly PlaceHolder[],
): WaitingOutcome {
  const taken = new Map<number, number>();
  for (const holder of holders) for (const pool of poolsOf(rule, holder)) taken.set(pool, (taken.get(pool) ?? 0) + 1);
  const outcome: WaitingOutcome = { promoted: [], waiting: [] };
  for (const person of waiting) {
    const pools = poolsOf(rule, person);
    const full = pools.filter((pool) => {
      const capacity = capacityOf(rule, pool);
      return capacity !== undefined && (taken.get(pool) ?? 0) >= capacity;
    });
    if (full.length > 0) {
      outcome.waiting.push({ id: person.id, sessions: rule.scope === 'series' ? [] : full.sort((a, b) => a - b) });
      continue;
    }
    for (const pool of pools) taken.set(pool, (taken.get(pool) ?? 0) + 1);
    outcome.promoted.push(person.id);
  }
  return outcome;
}

/** Places by pool: capacity (undefined for no limit), taken and waiting, for the planner's summary. */
export const placeCountSchema = z.object({
  /** 0 for the series' pool, else the session's number. */
  pool: z.number().int(),
  capacity: z.number().int().nullable(),
  taken: z.number().int(),
  waiting: z.number().int(),
});
export type PlaceCount = z.output<typeof placeCountSchema>;

/** Counts places by pool, for every pool that has a capacity or someone waiting. */
export function placeCounts(
  rule: CapacityRule,
  holders: readonly PlaceHolder[],
  waiting: readonly PlaceHolder[],
): PlaceCount[] {
  const counts = new Map<number, PlaceCount>();
  const entry = (pool: number) => {
    const found = counts.get(pool) ?? { pool, capacity: capacityOf(rule, pool) ?? null, taken: 0, waiting: 0 };
    counts.set(pool, found);
    return found;
  };
  if (rule.scope === 'series' && rule.capacity !== undefined) entry(0);
  if (rule.scope === 'session') for (const pool of rule.sessions.keys()) entry(pool);
  for (const holder of holders)
    for (const pool of poolsOf(rule, holder)) if (capacityOf(rule, pool) !== undefined) entry(pool).taken += 1;
  for (const person of waiting) for (const pool of poolsOf(rule, person)) entry(pool).waiting += 1;
  return [...counts.values()].sort((a, b) => a.pool - b.pool);
}

/** "session 3", "sessions 2 and 5". */
export function sessionWords(sessions: readonly number[]): string {
  if (sessions.length === 1) return `session ${String(sessions[0])}`;
  const head = sessions.slice(0, -1).map(String).join(', ');
  return `sessions ${head} and ${String(sessions.at(-1))}`;
}

/** "a place freed in session 3", "a place freed in sessions 2 and 5", "a place freed". */
export function placeFreedWords(sessions: readonly number[]): string {
  return sessions.length === 0 ? 'a place freed' : `a place freed in ${sessionWords(sessions)}`;
}

/** What of a draft decides its places. */
export interface CapacityFields {
  event_type: 'RECURRING' | 'SIMPLE_EVENT';
  capacity?: number;
  session_capacities?: readonly SessionCapacity[];
  registration?: { recurring_registration_option?: string };
}

/**
 * A draft's capacity rule: attendees who choose sessions (`single_session`, `multiple_sessions`)
 * take a place in each session they chose, with `capacity` for every session and
 * `session_capacities` for some; everyone else takes one place in the series.
 */
export function capacityRuleOf(draft: CapacityFields): CapacityRule {
  const option = draft.registration?.recurring_registration_option;
  const perSession =
    draft.event_type === 'RECURRING' && (option === 'single_session' || option === 'multiple_sessions');
  const capacity = draft.capacity === undefined ? {} : { capacity: draft.capacity };
  if (!perSession) return { scope: 'series', ...capacity };
  const sessions = new Map((draft.session_capacities ?? []).map((entry) => [entry.occurrence, entry.capacity]));
  return { scope: 'session', ...capacity, sessions };
}
