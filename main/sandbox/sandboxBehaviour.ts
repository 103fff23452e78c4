import { z } from 'zod';

/** The two readings of Zoom's documents about ticket types; see `sandboxBehaviourSchema`. */
export const ticketTypeRulesSchema = z.enum(['tutorial', 'reference']);
export type TicketTypeRules = z.output<typeof ticketTypeRulesSchema>;

/** The two readings of what a recurring event's session attendance report holds. */
export const sessionAttendanceRulesSchema = z.enum(['per_session', 'whole_event']);
export type SessionAttendanceRules = z.output<typeof sessionAttendanceRulesSchema>;

/**
 * Which of Zoom's documents the sandbox follows where they disagree about what Zoom does, so that
 * Cadence can code and test both paths (style.md). Unlike the faults, these are not misbehaviour:
 * each is a way Zoom may really behave.
 *
 * `sessionAttendance`:
 * - `per_session` (the default): a session's attendance report lists that session's attendance.
 * - `whole_event`: the guide's "analytics aggregate across all occurrences": every session's
 *   report lists the attendance of the whole event, without session IDs.
 *
 * `ticketTypes`:
 * - `tutorial` (the default): the recurring-events tutorial's Zoom, where an event starts without
 *   ticket types and the planner creates each one.
 * - `reference`: the API reference's Zoom, where creating a ticket type "is not allowed for single
 *   session and recurring event types": such events come with one default ticket type, and
 *   updating or deleting a ticket type is "not allowed for a single session event type".
 */
export const sandboxBehaviourSchema = z.strictObject({
  ticketTypes: ticketTypeRulesSchema.default('tutorial'),
  sessionAttendance: sessionAttendanceRulesSchema.default('per_session'),
});
export type SandboxBehaviour = z.output<typeof sandboxBehaviourSchema>;

/** A change of some of the switches, as `PUT /_sandbox/behaviour` takes it. */
export const sandboxBehaviourPatchSchema = z.strictObject({
  ticketTypes: ticketTypeRulesSchema.optional(),
  sessionAttendance: sessionAttendanceRulesSchema.optional(),
});
