import { scheduleSpan, sameChanges, withClosedDayChanges } from '../../shared/drafts/closedDayChanges';
import type { ClosedDay } from '../../shared/drafts/closedDays';
import { seriesDraftSchema } from '../../shared/drafts/seriesDraft';
import { CadenceError } from '../../shared/errors';
import type { HolidayCalendars } from './holidayCalendar';

function isFields(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Applies a series' closed days to the draft as it arrives, whoever sends it (the editor, a
 * series file, the CLI), so that its holiday sessions are cancelled before the draft is checked
 * and stored. The editor applies the same rule as the planner types; applying it again changes
 * nothing.
 */
export class ClosedDayPlanner {
  constructor(
    private readonly calendars: HolidayCalendars,
    private readonly clock: () => number,
  ) {}

  /**
   * The raw draft with its occurrence changes brought up to date with its closed days, or the
   * draft as given when it has none or does not parse (its problems are reported by the save).
   * An unknown calendar is refused at `<at>closed_days.calendar.<field>`.
   */
  applied(input: unknown, at = ''): unknown {
    if (!isFields(input) || input.event_type !== 'RECURRING') return input;
    const parsed = seriesDraftSchema.safeParse({ ...input, attendees: [] });
    if (!parsed.success || parsed.data.event_type !== 'RECURRING') return input;
    const draft = parsed.data;
    const hasClosedDayChanges = draft.occurrence_changes.some((change) => change.closed_day !== undefined);
    if (draft.closed_days === undefined && !hasClosedDayChanges) return input;
    const changes = withClosedDayChanges(draft, this.holidaysOf(draft, at), this.clock());
    return sameChanges(changes, draft.occurrence_changes) ? input : { ...input, occurrence_changes: changes };
  }

  private holidaysOf(draft: Parameters<typeof withClosedDayChanges>[0], at: string): ClosedDay[] {
    const calendar = draft.closed_days?.calendar;
    const span = scheduleSpan(draft);
    if (calendar === undefined || span === undefined) return [];
    const problem = this.calendars.problem(calendar);
    if (problem !== undefined) {
      throw new CadenceError('invalid_input', problem.message, [
        { path: `${at}closed_days.calendar.${problem.field}`, message: problem.message },
      ]);
    }
    return this.calendars.between(calendar, span.from, span.to);
  }
}
