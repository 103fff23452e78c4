import { z } from 'zod';

/** The two readings of Zoom's documents about ticket types; see `sandboxBehaviourSchema`. */
export const ticketTypeRulesSchema = z.enum(['tutorial', 'reference']);
export type TicketTypeRules = z.output<typeof ticketTypeRulesSchema>;

/**
 * Which of Zoom's documents the sandbox follows where they disagree about what Zoom does, so that
 * Cadence can code and test both paths (style.md). Unlike the faults, these are not misbehaviour:
 * each is a way Zoom may really behave.
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
});
export type SandboxBehaviour = z.output<typeof sandboxBehaviourSchema>;

/** A change of some of the switches, as `PUT /_sandbox/behaviour` takes it. */
export const sandboxBehaviourPatchSchema = z.strictObject({ ticketTypes: ticketTypeRulesSchema.optional() });
