import { z } from 'zod';

/** Whether Cadence can reach Zoom right now, and when that was last established. */
export const onlineStateSchema = z.object({
  isOnline: z.boolean(),
  /** UTC instant of the last reachability check, or null before the first one finished. */
  checkedAt: z.iso.datetime().nullable(),
});
export type OnlineState = z.infer<typeof onlineStateSchema>;

/** The facts the app frame shows: which build, where the data lives, whether Zoom is reachable. */
export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  /** Which host answers: the desktop app, or `cadence serve` in a browser. */
  host: z.enum(['electron', 'serve']),
  online: onlineStateSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;
