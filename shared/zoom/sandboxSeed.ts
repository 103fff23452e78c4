import { z } from 'zod';

/**
 * The built-in sandbox's example events: the three scenarios of Zoom's recurring-events tutorial,
 * made as a planner would in Zoom's console, so opening from Zoom can be tried without an account.
 */
export const sandboxScenarioSchema = z.enum(['weekly-standup', 'monthly-webinar', 'per-session-training']);
export type SandboxScenario = z.output<typeof sandboxScenarioSchema>;

/** One event the seeding made. */
export const seededEventSchema = z.object({
  scenario: sandboxScenarioSchema,
  event_id: z.string(),
  name: z.string(),
  hub_id: z.string(),
});
export type SeededEvent = z.output<typeof seededEventSchema>;
