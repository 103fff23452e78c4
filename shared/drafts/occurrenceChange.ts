import { z } from 'zod';
import { utcInstantSchema } from '../recurrence/recurrenceSchema';
import { closedDaySchema } from './closedDays';

const occurrenceSchema = z
  .number({ error: 'Name the session by its number, counted from 1.' })
  .int({ error: 'Name the session by its number, counted from 1.' })
  .min(1, { error: 'Sessions are numbered from 1.' });

/** Present when the series' closed days made the change (see `closedDays`), not the planner. */
const closedDay = closedDaySchema.optional();

const cancelSchema = z.strictObject({
  occurrence: occurrenceSchema,
  action: z.literal('cancel'),
  closed_day: closedDay,
});

const moveSchema = z.strictObject({
  occurrence: occurrenceSchema,
  action: z.literal('move'),
  start_time: utcInstantSchema,
  /** Absent: the series' duration after the new start. */
  end_time: utcInstantSchema.optional(),
  closed_day: closedDay,
});

/**
 * A change to one occurrence of a recurring series, by occurrence number: cancel it, or move it
 * to another time. Applied on Zoom once Zoom has generated the sessions.
 */
export const occurrenceChangeSchema = z
  .discriminatedUnion('action', [cancelSchema, moveSchema], {
    error: 'Each change is {"occurrence", "action": "cancel"} or {"occurrence", "action": "move", "start_time"}.',
  })
  .superRefine((change, ctx) => {
    if (change.action === 'move' && change.end_time !== undefined && change.end_time <= change.start_time) {
      ctx.addIssue({ code: 'custom', path: ['end_time'], message: 'The session must end after it starts.' });
    }
  });

export type OccurrenceChange = z.output<typeof occurrenceChangeSchema>;
