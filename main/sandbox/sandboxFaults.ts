import { z } from 'zod';

/** How the sandbox misbehaves, set by tests and benchmarks through its control API. */
export const sandboxFaultsSchema = z.strictObject({
  /** Share of requests whose change is applied but whose answer is lost (the connection drops). */
  lostResponseRate: z.number().min(0).max(1).default(0),
  /** Share of requests answered 500/503 before anything is applied. */
  serverErrorRate: z.number().min(0).max(1).default(0),
  /** Delay before each answer, drawn evenly from the range, in milliseconds. */
  latencyMs: z
    .tuple([z.number().min(0), z.number().min(0)])
    .refine(([min, max]) => min <= max, { error: 'The first latency is the smaller.' })
    .default([0, 0]),
  /** The next this many changes are applied and their answers lost, whatever the rate. */
  loseNextResponses: z.number().int().min(0).default(0),
  /** The next this many API requests are answered 503 before anything is applied. */
  failNextRequests: z.number().int().min(0).default(0),
  /** Zoom generates this many sessions fewer than the recurrence gives (schedule drift). */
  dropGeneratedSessions: z.number().int().min(0).default(0),
  /** The next this many API requests are answered 429, whatever the rate. */
  burst429: z.number().int().min(0).default(0),
  /**
   * Zoom refuses a new ticket for anyone whose ticket of the same event was deleted, as planners
   * report Zoom may do with a removed registrant.
   */
  blockRemovedRegistrants: z.boolean().default(false),
  /** Requests per second per account and label; Zoom's Pro plan by default. */
  rateLimits: z
    .strictObject({ LIGHT: z.number().positive(), MEDIUM: z.number().positive(), HEAVY: z.number().positive() })
    .default({ LIGHT: 30, MEDIUM: 20, HEAVY: 10 }),
  /** Meeting creates and updates each host may make per UTC day (Zoom's per-user limit: 100). */
  meetingDailyLimit: z.number().int().min(0).default(100),
  /** Lifetime of the access tokens it issues. */
  tokenTtlSeconds: z.number().int().positive().default(3600),
  /** The scopes its tokens carry; every scope Cadence's operations need when absent. */
  scopes: z.array(z.string()).optional(),
});
export type SandboxFaults = z.output<typeof sandboxFaultsSchema>;
export const sandboxFaultsPatchSchema = sandboxFaultsSchema.partial();

/** A small seeded generator, so that a fault test can be replayed with the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
