import { z } from 'zod';

/** The planner's choices about how Cadence works, kept on this computer (nothing secret). */
export const appSettingsSchema = z.object({
  /**
   * When Zoom is reachable again, send at once what makes nothing new public (edits, moves,
   * registrations); a new event, publishing and cancellations keep waiting for the planner.
   */
  auto_sync_when_online: z.boolean(),
});
export type AppSettings = z.output<typeof appSettingsSchema>;

/** What a fresh install chooses. */
export const defaultAppSettings: AppSettings = { auto_sync_when_online: true };
